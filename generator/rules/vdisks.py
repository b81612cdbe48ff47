"""Virtual disk rules: back ends that VxVM in a guest can use, and one multipathing layer per LUN."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import Estate, VdiskInfo
from generator.input.schema import Component
from generator.rules.engine import Finding, rule
from generator.rules.exporters import exported_vdisks

APPEARANCE = (
    "Oracle VM Server for SPARC Administration Guide: Virtual Disk Appearance (a single-slice disk has "
    "no device ID and its partition table cannot be changed)"
)
GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"


SLICE_DEVICE = re.compile(r"^/dev/r?dsk/c\d+(t\w+)?d\d+s([0-7])$")


def single_slice(v: VdiskInfo) -> bool:
    """Exported as a single-slice disk: ``slice: true``, or a physical disk slice other than s2 given as
    ``file:``, which is "always exported as a single-slice disk" (OVM admin guide, Physical Disk Slice [S])."""
    m = SLICE_DEVICE.match(v.spec.file or "")
    return v.spec.slice or (m is not None and m.group(2) != "2")


@rule("VDK001", Severity.ERROR, source=APPEARANCE, basis="S", category="vdisks")
def guest_vxvm_not_on_slice(estate: Estate) -> Iterator[Finding]:
    """VxVM in a domain does not use a vdisk exported as a single slice (``slice: true`` or a slice device)."""
    for v in estate.all_vdisks:
        if single_slice(v) and estate.vxvm_owns(v):
            yield Finding(
                (*v.path, "slice" if v.spec.slice else "file"),
                f"VxVM in {v.domain.ref} uses vdisk {v.name!r}, which is exported as a single slice",
                "export the whole disk, without slice: VxVM needs a full disk with a device ID",
            )


@rule(
    "VDK002",
    Severity.WARNING,
    source=f"{GUIDE}: Provisioning storage for a guest domain",
    basis="K",
    category="vdisks",
)
def guest_vxvm_not_on_file_or_volume(estate: Estate) -> Iterator[Finding]:
    """VxVM in a domain does not use a vdisk backed by a file, a ZFS volume or a VxVM volume."""
    names = {"file": "a file", "zvol": "a ZFS volume", "volume": "a VxVM volume"}
    for v in estate.all_vdisks:
        kind = names.get(v.backend_kind)
        if kind and v.spec.vxvm:
            yield Finding(
                (*v.path, "vxvm"),
                f"VxVM in {v.domain.ref} uses vdisk {v.name!r}, whose back end is {kind}",
                "give VxVM in the guest whole LUNs: lun: NAME",
            )


@rule(
    "VDK003",
    Severity.WARNING,
    source=f"{GUIDE}: Guest-based InfoScale stack model (one multipathing layer)",
    basis="unverified",
    category="vdisks",
)
def mpgroup_without_guest_dmp(estate: Estate) -> Iterator[Finding]:
    """A guest running DMP does not also use Oracle mpgroup multipathing on its vdisks."""
    for v in estate.all_vdisks:
        if v.spec.mpgroup and v.domain.has(Component.DMP):
            yield Finding(
                (*v.path, "mpgroup"),
                f"vdisk {v.name!r} of {v.domain.ref} uses mpgroup "
                f"{v.spec.mpgroup!r} while DMP runs in the guest",
                "choose one multipathing layer: "
                "drop mpgroup and export the LUN from each I/O domain, or remove dmp from the guest",
            )


@rule(
    "VDK004",
    Severity.WARNING,
    source=f"{GUIDE}: Guest-based InfoScale stack model",
    basis="K",
    category="vdisks",
)
def exported_lun_not_in_exporter_diskgroup(estate: Estate) -> Iterator[Finding]:
    """A LUN passed whole to a guest is not also in a disk group of the service domain exporting it."""
    for v, server in exported_vdisks(estate, "lun"):
        lun = v.spec.lun
        if lun and server.ref != v.domain.ref and lun in estate.managed_luns.get(server.ref, frozenset()):
            yield Finding(
                (*v.path, "lun"),
                f"LUN {lun!r} is passed to {v.domain.ref} but is also in a disk "
                f"group that {server.ref} manages",
                "two VxVM instances would write the same disk: "
                "export a volume instead, or remove the LUN from the service domain's disk group",
            )


@rule(
    "VDK005", Severity.WARNING, source=f"{GUIDE}: Layered InfoScale stack model", basis="K", category="vdisks"
)
def repeated_lun_needs_multipathing(estate: Estate) -> Iterator[Finding]:
    """A guest that sees one LUN through several vdisks runs DMP or groups them with mpgroup."""
    for d in estate.domains:
        first: dict[str, str] = {}
        for v in estate.vdisks(d):
            lun = v.spec.lun
            if lun is None:
                continue
            if lun in first and not d.has(Component.DMP) and not v.spec.mpgroup:
                yield Finding(
                    (*v.path, "lun"),
                    f"{d.ref} sees LUN {lun!r} through vdisks {first[lun]!r} and "
                    f"{v.name!r} without a multipathing layer",
                    "run dmp in the guest, as in the layered model, or give both exports the same mpgroup",
                )
            first.setdefault(lun, v.name)
