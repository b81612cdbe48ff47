"""Readers for what VxVM prints in a domain: ``vxdisk -e list`` and ``vxprint -htr``.

``vxdisk -e list`` [K: Veritas InfoScale 7.x/8.x ``vxdisk(1M)``]: a header line starting with ``DEVICE``,
then one line per disk: the DMP name, the type, the disk media name, the disk group (``-`` or ``(dg)``
when deported), the status, the OS native name (``c0t<WWN>d0s2`` under MPxIO) and optional attributes.

``vxprint -htr`` [K: ``vxprint(1M)``]: per disk group, records starting with a record type: ``dg NAME ...``,
``dm NAME DEVICE TYPE PRIVLEN PUBLEN STATE``, ``v NAME RVG KSTATE STATE LENGTH READPOL PREFPLEX UTYPE``,
``pl NAME VOLUME KSTATE STATE LENGTH LAYOUT NCOL/WID MODE``, ``sd ...``; lengths are in 512-byte sectors
[K]. Header lines (upper-case record names) and ``Disk group:`` lines are skipped.

Both readers keep a line number for every record, and report a line they cannot read as a located error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.diagnostics import Diagnostic, Severity

SECTOR = 512
_OS_NAME = re.compile(r"^c[0-9]+(t[0-9A-Za-z]+)?d[0-9]+(s[0-9]+)?$")
_MPXIO = re.compile(r"^c[0-9]+t([0-9A-Fa-f]{16,64})d[0-9]+(s[0-9]+)?$")


@dataclass(frozen=True)
class VxDisk:
    """One line of ``vxdisk -e list``."""

    device: str
    group: str
    os_name: str
    line: int

    @property
    def wwn(self) -> str:
        m = _MPXIO.match(self.os_name)
        return m[1].upper() if m else ""


@dataclass
class VxVolume:
    name: str
    sectors: int
    plexes: int = 0
    layout: str = ""


@dataclass
class VxDiskGroup:
    """A disk group from ``vxprint -htr``: its disks (DMP device -> sectors) and volumes."""

    name: str
    line: int
    disks: dict[str, int] = field(default_factory=dict)
    volumes: dict[str, VxVolume] = field(default_factory=dict)


def read_vxdisk(text: str, path: str) -> tuple[list[VxDisk], list[Diagnostic]]:
    disks: list[VxDisk] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words or words[0] == "DEVICE" or words[0].startswith("#"):
            continue
        # STATUS may be several words ("online shared"): the OS native name is the first disk name after it.
        native = next((w for w in words[5:] if _OS_NAME.match(w)), None) if len(words) >= 6 else None
        if native is None:
            problems.append(Diagnostic(path, number, 1, Severity.ERROR, "IMP009",
                                       "not a `vxdisk -e list` line: DEVICE TYPE DISK GROUP STATUS OS_NATIVE_NAME "
                                       "expected"))
            continue
        group = words[3].strip("()")
        disks.append(VxDisk(words[0], "" if group == "-" else group, native, number))
    return disks, problems


def _int(word: str) -> int | None:
    return int(word) if word.isdigit() else None


def read_vxprint(text: str, path: str) -> tuple[list[VxDiskGroup], list[Diagnostic]]:
    groups: list[VxDiskGroup] = []
    problems: list[Diagnostic] = []
    current: VxDiskGroup | None = None
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words or words[0] not in ("dg", "dm", "v", "pl"):
            continue
        if words[0] == "dg" and len(words) >= 2:
            current = VxDiskGroup(words[1], number)
            groups.append(current)
            continue
        size = _int(words[5]) if len(words) > 5 else None
        if current is None or size is None:
            problems.append(Diagnostic(path, number, 1, Severity.ERROR, "IMP009",
                                       f"cannot read this `vxprint -htr` {words[0]} record"
                                       + ("" if current else " (no `dg` record before it)")))
            continue
        if words[0] == "dm":
            priv = _int(words[4]) or 0
            current.disks[words[2]] = priv + size
        elif words[0] == "v":
            current.volumes[words[1]] = VxVolume(words[1], _int(words[5]) or 0)
        elif words[2] in current.volumes:
            volume = current.volumes[words[2]]
            volume.plexes += 1
            volume.layout = words[6].lower() if len(words) > 6 else ""
    return groups, problems
