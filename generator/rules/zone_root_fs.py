"""The file system of a shared zone root per Solaris version (solaris(5), zones_solaris10(7) [S]).

On Solaris 11 a ``solaris`` or ``solaris10`` brand zone "must reside on its own ZFS dataset and only
ZFS is supported"; ``zoneadm install`` creates that dataset and fails where it cannot. A shared zone
root there is a ZFS pool on the root volume (:mod:`generator.estate.zone_roots`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import Estate
from generator.estate.zone_roots import root_fs, solaris_major
from generator.input.schema import ZoneRoot, ZoneRootFs
from generator.rules.engine import Finding, rule

SOURCE = ("solaris(5) / zones_solaris10(7) man pages (Solaris 11): the zone must reside on its own ZFS dataset "
          "and only ZFS is supported")


@rule("ZON007", Severity.ERROR, source=SOURCE, basis="S", category="zones")
def vxfs_root_on_solaris11(estate: Estate) -> Iterator[Finding]:
    """On Solaris 11 a shared zone root is ZFS, not VxFS."""
    major = solaris_major(estate)
    for zone, z in sorted(estate.topology.zones.items()):
        if z.root is ZoneRoot.SHARED and z.root_fs is ZoneRootFs.VXFS and (major is None or major >= 11):
            yield Finding(
                ("zones", zone, "root-fs"),
                f"zone {zone} ({z.brand} brand) would be installed on VxFS, but on Solaris 11 zoneadm installs a "
                "zone only on its own ZFS dataset",
                "root-fs: zfs, a ZFS pool on the root volume that the Zpool agent imports",
            )


@rule("ZON008", Severity.ERROR, source=SOURCE, basis="S", category="zones")
def zfs_root_volume_without_filesystem(estate: Estate) -> Iterator[Finding]:
    """The root volume of a ZFS zone root carries no file system of its own (the pool is created on it)."""
    dgs = estate.topology.storage.diskgroups
    for zone, z in sorted(estate.topology.zones.items()):
        if root_fs(estate, z) is not ZoneRootFs.ZFS or not z.root_volume:
            continue
        dg, _, vol = z.root_volume.partition("/")
        spec = dgs[dg].volumes.get(vol) if dg in dgs else None
        if spec is not None and spec.filesystem is not None:
            yield Finding(
                ("storage", "diskgroups", dg, "volumes", vol, "filesystem"),
                f"volume {z.root_volume} holds the root of zone {zone}, which is a ZFS pool on Solaris 11, but it "
                f"is given a {spec.filesystem.type.value} "
                "file system: zoneadm install would fail on it",
                "remove filesystem from the volume: the zones runbook creates the ZFS pool on it",
            )
