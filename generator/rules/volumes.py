"""Volume rules: the volumes of a disk group fit on its disks, and each layout has the disks it needs.

``vxassist make`` allocates each volume from the disks of its disk group: a mirror keeps its plexes
on different disks and a stripe spreads its columns over different disks, so both need at least two
disks; mirrored layouts use twice the volume size. These are warnings (basis K): VxVM can be told
to do otherwise, but a runbook built on such a plan fails at ``vxassist make``.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.core.sizes import format_size
from generator.estate.estate import Estate
from generator.input.schema import Layout
from generator.rules.engine import Finding, rule

SOURCE = "VxVM administration: vxassist make allocates plexes and columns on separate disks"
MIRRORED = {Layout.MIRROR, Layout.STRIPE_MIRROR}
MIN_DISKS = {Layout.CONCAT: 1, Layout.MIRROR: 2, Layout.STRIPE: 2, Layout.STRIPE_MIRROR: 4}


@rule("VOL001", Severity.WARNING, source=SOURCE, basis="K", category="storage")
def volumes_fit_in_diskgroup(estate: Estate) -> Iterator[Finding]:
    """The volumes of a disk group, mirrors counted twice, fit in the capacity of its disks."""
    luns = estate.topology.storage.luns
    for name, dg in sorted(estate.topology.storage.diskgroups.items()):
        capacity = sum(luns[d].size for d in dg.disks if d in luns)
        needed = sum(v.size * (2 if v.layout in MIRRORED else 1) for v in dg.volumes.values())
        if dg.volumes and needed > capacity:
            yield Finding(("storage", "diskgroups", name, "volumes"),
                          f"disk group {name!r} needs {format_size(needed)} for its volumes "
                          f"but its disks hold {format_size(capacity)}",
                          "add disks or shrink volumes (mirrored volumes count twice)", key=True)


@rule("VOL002", Severity.WARNING, source=SOURCE, basis="K", category="storage")
def layout_has_enough_disks(estate: Estate) -> Iterator[Finding]:
    """Mirrored and striped volumes have at least as many disks as their plexes or columns need."""
    luns = estate.topology.storage.luns
    for name, dg in sorted(estate.topology.storage.diskgroups.items()):
        sizes = sorted((luns[d].size for d in dg.disks if d in luns), reverse=True)
        for vol, spec in sorted(dg.volumes.items()):
            need = MIN_DISKS[spec.layout]
            loc = ("storage", "diskgroups", name, "volumes", vol, "layout")
            if len(sizes) < need:
                yield Finding(loc, f"{spec.layout.value} volume {vol!r} needs at least {need} disks; "
                              f"disk group {name!r} has {len(sizes)}", "add disks or use another layout")
