"""What VxVM output adds to an imported topology: LUN identities, disk groups, volume sizes and layouts.

Applied after :func:`generator.derive.importer.import_topology`, from ``vxdisk -e list`` and ``vxprint -htr``
of the domains that ran them (:mod:`generator.input.vxvm_text`):

- ``vxdisk -e list`` of a domain that sees LUNs directly names each one by its DMP name and, under MPxIO,
  gives its WWN: a LUN the importer named from its WWN takes its DMP name, a LUN named by DMP gets its WWN;
- ``vxprint -htr`` gives each disk group of the domain (which then manages it), its disks (DMP names) and its
  volumes with their sizes and layouts (more than one plex: ``mirror``; a ``STRIPE`` plex: ``stripe``); the
  disks' public and private regions give a lower bound of each LUN's size.

Disks a guest's VxVM sees are its virtual disks, whose DMP names say nothing about the LUN behind them: such a
disk group keeps its volumes, and its disks stay guessed.
"""

from __future__ import annotations

from typing import Any

from generator.core.sizes import format_size
from generator.input.source import PathKey as Path
from generator.input.vxvm_text import SECTOR, VxDisk, VxDiskGroup

_GIB = 1024**3


def rename_lun(doc: dict[str, Any], old: str, new: str) -> None:
    luns = doc["storage"]["luns"]
    luns[new] = luns.pop(old)
    for host in doc["hosts"].values():
        for domain in host["domains"].values():
            for vdisk in domain.get("vdisks", {}).values():
                if vdisk.get("lun") == old:
                    vdisk["lun"] = new
    doc["storage"]["luns"] = dict(sorted(luns.items()))


def apply_vxdisk(doc: dict[str, Any], disks: list[VxDisk]) -> dict[str, str]:
    """Name and identify LUNs from ``vxdisk -e list``; returns the LUNs renamed (old name -> DMP name)."""
    luns: dict[str, Any] = doc.get("storage", {}).get("luns", {})
    renamed: dict[str, str] = {}
    by_wwn = {spec.get("wwn"): name for name, spec in luns.items() if spec.get("wwn")}
    for disk in disks:
        if disk.device in luns and disk.wwn:
            luns[disk.device]["wwn"] = disk.wwn
        elif disk.wwn in by_wwn and by_wwn[disk.wwn] != disk.device and disk.device not in luns:
            old = by_wwn.pop(disk.wwn)
            rename_lun(doc, old, disk.device)
            luns = doc["storage"]["luns"]
            by_wwn[disk.wwn] = disk.device
            renamed[old] = disk.device
    return renamed


def renamed_path(path: Path, renamed: dict[str, str]) -> Path:
    """A topology path after LUN renames."""
    if len(path) >= 3 and path[:2] == ("storage", "luns") and path[2] in renamed:
        return (*path[:2], renamed[str(path[2])], *path[3:])
    return path


def _layout(plexes: int, layout: str) -> str:
    if plexes > 1:
        return "mirror"
    return "stripe" if layout == "stripe" else "concat"


def apply_vxprint(doc: dict[str, Any], ref: str, groups: list[VxDiskGroup], guest: bool) -> set[Path]:
    """Disk groups of domain ``ref`` from its ``vxprint -htr``; returns the guessed paths it settled."""
    storage = doc.setdefault("storage", {})
    luns, dgs = storage.setdefault("luns", {}), storage.setdefault("diskgroups", {})
    settled: set[Path] = set()
    for group in groups:
        spec = dgs.setdefault(group.name, {"managed-by": [], "disks": [], "volumes": {}})
        spec["managed-by"] = sorted(set(spec["managed-by"]) | {ref})
        for name, volume in group.volumes.items():
            spec["volumes"][name] = {"size": format_size(volume.sectors * SECTOR)}
            if (layout := _layout(volume.plexes, volume.layout)) != "concat":
                spec["volumes"][name]["layout"] = layout
        if guest:
            continue
        for device, sectors in sorted(group.disks.items()):
            lun = luns.setdefault(device, {"seen-by": []})
            lun["seen-by"] = sorted(set(lun["seen-by"]) | {ref})
            gib = -(-sectors * SECTOR // _GIB)
            lun["size"] = f"{gib}G"
            settled.add(("storage", "luns", device, "size"))
            if device not in spec["disks"]:
                spec["disks"].append(device)
        settled.add(("storage", "diskgroups", group.name, "disks"))
    storage["luns"] = dict(sorted(luns.items()))
    storage["diskgroups"] = dict(sorted(dgs.items()))
    if not storage["luns"]:
        del storage["luns"]
    return settled
