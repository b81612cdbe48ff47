"""Virtual disk timeout on guest multipaths (Oracle VM Server for SPARC admin guide [S]).

A guest that reaches one LUN through vdisks of two service domains without ``mpgroup`` relies on DMP
in the guest to change paths, which happens only when I/O on the dead path fails: with timeout 0
(Oracle's default) that I/O blocks until the service domain returns ("Virtual Disk Timeout").
With ``mpgroup`` Oracle's vdisk multipathing changes paths itself and a timeout can stop it working
("Virtual Disk Multipathing and Virtual Disk Timeout"). The build-out sets a timeout on guest
multipaths unless the topology states one (:mod:`generator.estate.vdisk_paths`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import Estate
from generator.estate.vdisk_paths import guest_multipaths
from generator.rules.engine import Finding, rule

OVM = "Oracle VM Server for SPARC Administration Guide"


@rule("VDK006", Severity.ERROR, source=f"{OVM}: Virtual Disk Timeout (timeout 0 blocks I/O while the service "
      "domain is down)", basis="S", category="vdisks")
def multipath_without_timeout(estate: Estate) -> Iterator[Finding]:
    """A vdisk that guest DMP multipaths with another service domain's vdisk has a non-zero timeout."""
    for v in estate.all_vdisks:
        others = guest_multipaths(estate, v)
        if others and v.spec.timeout == 0:
            yield Finding(
                (*v.path, "timeout"),
                f"vdisk {v.name!r} of {v.domain.ref} reaches LUN {v.spec.lun!r} like {others[0].name!r} through "
                "another service domain, but timeout 0 blocks its I/O while its service domain is down, so DMP "
                "in the guest never fails over",
                "remove timeout: 0 so that the build-out sets 30 seconds, or state the seconds to wait",
            )


@rule("VDK007", Severity.WARNING, source=f"{OVM}: Virtual Disk Multipathing and Virtual Disk Timeout",
      basis="S", category="vdisks")
def mpgroup_with_timeout(estate: Estate) -> Iterator[Finding]:
    """A vdisk in an Oracle multipathing group (mpgroup) has no timeout."""
    for v in estate.all_vdisks:
        if v.spec.mpgroup and v.spec.timeout:
            yield Finding(
                (*v.path, "timeout"),
                f"vdisk {v.name!r} of {v.domain.ref} is in mpgroup {v.spec.mpgroup!r} and has a timeout, which "
                "can stop Oracle's vdisk multipathing from changing paths",
                "remove timeout from vdisks in an mpgroup",
            )
