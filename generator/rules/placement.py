"""Stack-model placement rules: the right InfoScale component in the right domain for each model.

Split: VxVM/DMP in the control or service domain that exports VxVM volumes; only VxFS in the guest.
Guest-based: whole LUNs passed through; the full stack in the guest. Layered: DMP in every I/O
domain that exports LUNs, and the full stack (with DMP) in the guest.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import DomainInfo, Estate, VdiskInfo
from generator.input.schema import Component, StackModel
from generator.rules.engine import Finding, rule
from generator.rules.exporters import exported_vdisks

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"
SPLIT = f"{GUIDE}: Split InfoScale stack model"
GUEST_BASED = f"{GUIDE}: Guest-based InfoScale stack model"
LAYERED = f"{GUIDE}: Layered InfoScale stack model"
NOT_IN_SPLIT_GUEST = (Component.VXVM, Component.CVM, Component.CFS, Component.SFRAC)


def _model(estate: Estate) -> StackModel:
    return estate.topology.model


def _data_vdisks(estate: Estate) -> Iterator[VdiskInfo]:
    """Vdisks of guest domains that are not boot disks."""
    for v in estate.all_vdisks:
        if v.domain.is_guest and not v.spec.boot:
            yield v


def _missing(domain: DomainInfo, wanted: tuple[Component, ...]) -> list[str]:
    return [c.value for c in wanted if not domain.has(c)]


def _guests_lacking(estate: Estate, backend: str, wanted: tuple[Component, ...]
                    ) -> Iterator[tuple[DomainInfo, list[str]]]:
    """Each InfoScale guest given ``backend`` data vdisks (``volume``/``lun``) that lacks some of
    ``wanted``, once, with the components it lacks."""
    seen: set[str] = set()
    for v in _data_vdisks(estate):
        d = v.domain
        missing = _missing(d, wanted)
        if getattr(v.spec, backend) is not None and d.spec.infoscale and missing and d.ref not in seen:
            seen.add(d.ref)
            yield d, missing


@rule(
    "STK001",
    Severity.ERROR,
    source=f"{SPLIT}; Oracle: a VxVM volume is a virtual disk back end of the service domain",
    basis="S",
    category="placement",
)
def split_volume_exporter_runs_vxvm(estate: Estate) -> Iterator[Finding]:
    """A service domain that exports a VxVM volume runs VxVM."""
    for v, server in exported_vdisks(estate, "volume"):
        if not server.has(Component.VXVM):
            yield Finding(
                (*v.path, "volume"),
                f"vdisk {v.name!r} of {v.domain.ref} is a VxVM volume exported by "
                f"{server.ref}, which does not run VxVM",
                f"add vxvm to {server.ref} infoscale",
            )


def _exporters_without_dmp(estate: Estate, backend: str, what: str, why: str) -> Iterator[Finding]:
    """One finding per service domain that exports ``backend`` vdisks (``volume``/``lun``) without DMP."""
    flagged: set[str] = set()
    for _, server in exported_vdisks(estate, backend):
        if server.ref in flagged:
            continue
        if not server.has(Component.DMP) and (backend != "volume" or server.has(Component.VXVM)):
            flagged.add(server.ref)
            yield Finding(
                (*server.path, "infoscale"),
                f"{_model(estate).value} model: {server.ref} exports {what} but does not run DMP",
                why,
                key=True,
            )


@rule("STK002", Severity.WARNING, source=SPLIT, basis="K", category="placement")
def split_exporter_runs_dmp(estate: Estate) -> Iterator[Finding]:
    """Split model: the control/service domain exporting VxVM volumes runs DMP for the array paths."""
    if _model(estate) is StackModel.SPLIT:
        yield from _exporters_without_dmp(
            estate, "volume", "VxVM volumes", "multipathing is done once, by DMP in the service domain"
        )


@rule("STK003", Severity.WARNING, source=SPLIT, basis="K", category="placement")
def split_guest_runs_vxfs_only(estate: Estate) -> Iterator[Finding]:
    """Split model: guests run no VxVM, CVM, CFS or SF Oracle RAC (VxFS only)."""
    if _model(estate) is not StackModel.SPLIT:
        return
    for d in estate.guests:
        for i, comp in enumerate(d.spec.infoscale):
            if comp in NOT_IN_SPLIT_GUEST:
                yield Finding(
                    (*d.path, "infoscale", i),
                    f"split model: guest {d.ref} runs {comp.value}",
                    "in the split stack the guest runs VxFS only; use the guest-based or layered "
                    "model for VxVM, CVM, CFS or SFRAC in guests",
                )


@rule("STK004", Severity.WARNING, source=SPLIT, basis="K", category="placement")
def split_guest_runs_vxfs(estate: Estate) -> Iterator[Finding]:
    """Split model: an InfoScale guest given exported volumes runs VxFS on them."""
    if _model(estate) is not StackModel.SPLIT:
        return
    for d, _ in _guests_lacking(estate, "volume", (Component.VXFS,)):
        yield Finding(
            d.path,
            f"split model: guest {d.ref} uses exported VxVM volumes but does not run VxFS",
            "add vxfs to its infoscale",
            key=True,
        )


FS_FEATURES = (
    "Storage Foundation 5.1 SP1 Advanced Features Administrator's Guide: thin reclamation and SmartMove "
    "work on VxVM-backed file systems; a multi-volume file system needs a VxVM volume set"
)


@rule("STK005", Severity.WARNING, source=f"{SPLIT}; {FS_FEATURES}", basis="K", category="placement")
def split_guest_fs_features_need_vxvm(estate: Estate) -> Iterator[Finding]:
    """Split model: a file system on a volume exported to a guest asks for no VxFS feature that needs VxVM.

    Each feature's need for VxVM beneath VxFS in the same domain is seen in the Storage Foundation
    guides; that VxFS in a split-model guest cannot reach VxVM in the control domain is [K] (the
    guide's own list of the affected features was not retrieved), hence a warning.
    """
    exported: dict[str, set[str]] = {}
    for v in estate.all_vdisks:
        if v.spec.volume:
            exported.setdefault(v.spec.volume, set()).add(v.domain.ref)
    for dg, vol in estate.iter_volumes():
        fs = estate.topology.storage.diskgroups[dg].volumes[vol].filesystem
        guests = sorted(exported.get(f"{dg}/{vol}", ()))
        if fs is None or not fs.features or not guests:
            continue
        for i, feature in enumerate(fs.features):
            yield Finding(
                ("storage", "diskgroups", dg, "volumes", vol, "filesystem", "features", i),
                f"file system on {dg}/{vol} uses {feature.value}, but the volume is exported to "
                f"{', '.join(guests)} as a virtual disk: VxFS there has no VxVM beneath it",
                "drop the feature, or use the guest-based or layered model: whole LUNs and VxVM in the guest",
            )


@rule("STK010", Severity.WARNING, source=GUEST_BASED, basis="K", category="placement")
def guest_based_whole_luns(estate: Estate) -> Iterator[Finding]:
    """Guest-based model: data vdisks of a VxVM guest are whole LUNs, not volumes, slices, files or zvols."""
    if _model(estate) is not StackModel.GUEST_BASED:
        return
    for v in _data_vdisks(estate):
        kind = (
            "a slice"
            if v.spec.slice
            else {"volume": "a VxVM volume", "file": "a file", "zvol": "a ZFS volume"}.get(v.backend_kind)
        )
        if kind and v.domain.has(Component.VXVM):
            yield Finding(
                v.path,
                f"guest-based model: vdisk {v.name!r} of {v.domain.ref} is {kind}",
                "pass the whole LUN through with lun: NAME, so the guest's VxVM and DMP see the disk",
                key=True,
            )


@rule("STK011", Severity.WARNING, source=f"{GUEST_BASED}; {LAYERED}", basis="K", category="placement")
def guest_runs_full_stack(estate: Estate) -> Iterator[Finding]:
    """Guest-based and layered models: an InfoScale guest given whole LUNs runs VxVM and VxFS."""
    if _model(estate) is StackModel.SPLIT:
        return
    for d, missing in _guests_lacking(estate, "lun", (Component.VXVM, Component.VXFS)):
        yield Finding(
            (*d.path, "infoscale"),
            f"{_model(estate).value} model: guest {d.ref} is given whole LUNs but does not run {', '.join(missing)}",
            "the full InfoScale stack runs in the guest",
            key=True,
        )


@rule("STK012", Severity.WARNING, source=LAYERED, basis="K", category="placement")
def layered_io_domains_run_dmp(estate: Estate) -> Iterator[Finding]:
    """Layered model: every I/O domain that exports LUNs to guests runs DMP."""
    if _model(estate) is StackModel.LAYERED:
        yield from _exporters_without_dmp(estate, "lun", "LUNs", "DMP manages the array paths in every I/O domain")


@rule("STK013", Severity.WARNING, source=LAYERED, basis="K", category="placement")
def layered_guest_runs_dmp(estate: Estate) -> Iterator[Finding]:
    """Layered model: an InfoScale guest given whole LUNs runs DMP to fail over between I/O domains."""
    if _model(estate) is not StackModel.LAYERED:
        return
    for d, _ in _guests_lacking(estate, "lun", (Component.DMP,)):
        yield Finding(
            (*d.path, "infoscale"),
            f"layered model: guest {d.ref} is given whole LUNs but does not run DMP",
            "DMP in the guest sees one path per I/O domain",
            key=True,
        )


@rule("STK014", Severity.WARNING, source=LAYERED, basis="K", category="placement")
def layered_luns_from_two_io_domains(estate: Estate) -> Iterator[Finding]:
    """Layered model: each whole LUN of an InfoScale guest is exported by at least two I/O domains.

    In the layered model DMP in the guest fails over between the I/O domains that export the same
    LUN, which is what lets the guest survive the loss or reboot of one of them [K]. A LUN given by
    one I/O domain only works, but without that protection, hence a warning.
    """
    if _model(estate) is not StackModel.LAYERED:
        return
    servers: dict[tuple[str, str], set[str]] = {}
    first: dict[tuple[str, str], VdiskInfo] = {}
    for v, server in exported_vdisks(estate, "lun"):
        if v.domain.is_guest and v.domain.spec.infoscale:
            key = (v.domain.ref, v.spec.lun or "")
            servers.setdefault(key, set()).add(server.ref)
            first.setdefault(key, v)
    for (guest, lun), refs in servers.items():
        if len(refs) < 2:
            yield Finding(
                (*first[guest, lun].path, "lun"),
                f"layered model: {guest} gets LUN {lun!r} from one I/O domain only ({min(refs)})",
                "export it from the alternate I/O domain too, so DMP in the guest has a path through each",
            )
