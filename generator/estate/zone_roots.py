"""The file system of a zone root on shared storage, per Solaris version.

Solaris 11 ``solaris`` brand (and ``solaris10`` brand) zones "must reside on their own ZFS dataset
and only ZFS is supported": ``zoneadm install`` creates the dataset (solaris(5), zones_solaris10(7)
man pages [S]). A shared zone root there is a ZFS pool on the root volume, imported by the Zpool
agent; on Solaris 10 a native zone root may be VxFS on the volume, mounted at the zone path.
"""

from __future__ import annotations

import re

from generator.estate.estate import Estate
from generator.input.schema import Zone, ZoneRoot, ZoneRootFs


def solaris_major(estate: Estate) -> int | None:
    version = estate.topology.versions.solaris if estate.topology.versions else None
    m = re.match(r"(\d+)", version or "")
    return int(m.group(1)) if m else None


def root_fs(estate: Estate, zone: Zone) -> ZoneRootFs | None:
    """The shared zone root's file system: as stated, else ZFS from Solaris 11 on (unknown: ZFS)."""
    if zone.root is not ZoneRoot.SHARED:
        return None
    if zone.root_fs is not None:
        return zone.root_fs
    major = solaris_major(estate)
    return ZoneRootFs.VXFS if major is not None and major < 11 else ZoneRootFs.ZFS


def zone_pool(zone_name: str) -> str:
    """The ZFS pool that holds a shared zone root."""
    return f"{zone_name}_pool"
