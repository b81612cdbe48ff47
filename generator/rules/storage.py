"""Storage rules: who sees which LUN, disk groups and the components they need, FSS, CFS and SmartIO."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import DomainInfo, Estate
from generator.input.schema import Component
from generator.rules.engine import Finding, rule
from generator.rules.exporters import exported_vdisks

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"
CONSISTENCY = "Topology consistency: the generated add-vdsdev and vxdg commands run where the disks are"


def _managers(estate: Estate, dg: str) -> list[tuple[int, DomainInfo]]:
    spec = estate.topology.storage.diskgroups[dg]
    return [(i, d) for i, ref in enumerate(spec.managed_by) if (d := estate.domain(ref)) is not None]


def _dg_components(estate: Estate, dg: str, wanted: tuple[Component, ...], why: str) -> Iterator[Finding]:
    for i, d in _managers(estate, dg):
        missing = [c.value for c in wanted if not d.has(c)]
        if missing:
            yield Finding(
                ("storage", "diskgroups", dg, "managed-by", i),
                f"{d.ref} manages {why}disk group {dg!r} but does not run {', '.join(missing)}",
                f"add {', '.join(missing)} to {d.ref} infoscale",
            )


@rule("STO001", Severity.ERROR, source=CONSISTENCY, basis="K", category="storage")
def exporter_sees_lun(estate: Estate) -> Iterator[Finding]:
    """The service domain that exports a whole LUN is listed in the LUN's ``seen-by``."""
    luns = estate.topology.storage.luns
    direct = estate.names_by_domain(estate.topology.storage.luns, lambda lun: lun.seen_by)
    for v, server in exported_vdisks(estate, "lun"):
        lun = v.spec.lun
        if lun in luns and lun not in direct.get(server.ref, set()):
            yield Finding(
                (*v.path, "lun"),
                f"{server.ref} exports LUN {lun!r} to {v.domain.ref} but is not in its seen-by list",
                f"add {server.ref} to storage.luns.{lun}.seen-by",
            )


@rule("STO002", Severity.ERROR, source=CONSISTENCY, basis="K", category="storage")
def exporter_manages_volume(estate: Estate) -> Iterator[Finding]:
    """The service domain that exports a VxVM volume manages the volume's disk group."""
    dgs = estate.topology.storage.diskgroups
    for v, server in exported_vdisks(estate, "volume"):
        dg = (v.spec.volume or "").split("/")[0]
        if dg in dgs and server.ref not in {d.ref for _, d in _managers(estate, dg)}:
            yield Finding(
                (*v.path, "volume"),
                f"{server.ref} exports a volume of disk group {dg!r} but does not manage it",
                f"add {server.ref} to storage.diskgroups.{dg}.managed-by",
            )


@rule("STO003", Severity.ERROR, source=CONSISTENCY, basis="K", category="storage")
def managers_see_disks(estate: Estate) -> Iterator[Finding]:
    """Every domain that manages a disk group sees its LUNs (local disks of an FSS disk group excepted)."""
    t = estate.topology
    for dg, spec in sorted(t.storage.diskgroups.items()):
        for i, d in _managers(estate, dg):
            visible = estate.visible_luns.get(d.ref, frozenset())
            unseen = [
                lun
                for lun in spec.disks
                if lun in t.storage.luns
                and lun not in visible
                and not (spec.fss and t.storage.luns[lun].local)
            ]
            if unseen:
                yield Finding(
                    ("storage", "diskgroups", dg, "managed-by", i),
                    f"{d.ref} manages disk group {dg!r} but does not see {', '.join(unseen)}",
                    "add it to the LUNs' seen-by, or give it the LUNs as whole-LUN vdisks",
                )


@rule(
    "STO004",
    Severity.WARNING,
    source=f"{GUIDE}: Cluster Server support for using CVM with multiple nodes",
    basis="K",
    category="storage",
)
def shared_diskgroup_needs_cvm(estate: Estate) -> Iterator[Finding]:
    """Every domain that manages a shared disk group runs CVM."""
    for dg, spec in sorted(estate.topology.storage.diskgroups.items()):
        if spec.shared:
            yield from _dg_components(estate, dg, (Component.CVM,), "shared ")


@rule(
    "STO005",
    Severity.WARNING,
    source=f"{GUIDE}: Live migration support in FSS environments",
    basis="K",
    category="storage",
)
def fss_needs_shared_and_local_disks(estate: Estate) -> Iterator[Finding]:
    """An FSS disk group is shared and contains local (direct-attached) disks."""
    luns = estate.topology.storage.luns
    for dg, spec in sorted(estate.topology.storage.diskgroups.items()):
        if not spec.fss:
            continue
        base = ("storage", "diskgroups", dg)
        if not spec.shared:
            yield Finding(
                (*base, "fss"),
                f"FSS disk group {dg!r} is not shared",
                "set shared: true; FSS disk groups are CVM shared disk groups",
            )
        if not any(lun in luns and luns[lun].local for lun in spec.disks):
            yield Finding(
                (*base, "disks"),
                f"FSS disk group {dg!r} has no local disk",
                "FSS shares direct-attached disks: mark them local: true",
            )


@rule(
    "STO006",
    Severity.WARNING,
    source=f"{GUIDE}: Cluster Server support for using CVM with multiple nodes",
    basis="K",
    category="storage",
)
def cluster_filesystem_needs_shared_dg(estate: Estate) -> Iterator[Finding]:
    """A cluster file system (CFS) lives in a shared disk group whose managers run CFS."""
    for dg, spec in sorted(estate.topology.storage.diskgroups.items()):
        cfs_volumes = [
            v for v, vol in sorted(spec.volumes.items()) if vol.filesystem and vol.filesystem.cluster
        ]
        if not cfs_volumes:
            continue
        if not spec.shared:
            yield Finding(
                ("storage", "diskgroups", dg, "volumes", cfs_volumes[0], "filesystem", "cluster"),
                f"cluster file system on {dg}/{cfs_volumes[0]} but disk group {dg!r} is not shared",
                "set shared: true on the disk group, or cluster: false",
            )
        yield from _dg_components(estate, dg, (Component.VXFS, Component.CFS), "cluster-file-system ")


@rule(
    "STO007",
    Severity.WARNING,
    source=f"{GUIDE}: Using SmartIO in the virtualized environment",
    basis="K",
    category="storage",
)
def smartio_devices_are_ssd(estate: Estate) -> Iterator[Finding]:
    """SmartIO cache devices are flash (``ssd: true``) LUNs."""
    luns = estate.topology.storage.luns
    for name, cache in sorted(estate.topology.storage.smartio.items()):
        for i, lun in enumerate(cache.devices):
            if lun in luns and not luns[lun].ssd:
                yield Finding(
                    ("storage", "smartio", name, "devices", i),
                    f"cache {name!r} uses {lun!r}, which is not marked ssd",
                    "SmartIO caches on flash devices: set ssd: true on the LUN",
                )


@rule("STO008", Severity.ERROR, source=CONSISTENCY, basis="K", category="storage")
def smartio_domain_sees_devices(estate: Estate) -> Iterator[Finding]:
    """The domain that owns a SmartIO cache sees its devices."""
    for name, cache in sorted(estate.topology.storage.smartio.items()):
        d = estate.domain(cache.domain)
        if d is None:
            continue
        visible = estate.visible_luns.get(d.ref, frozenset())
        for i, lun in enumerate(cache.devices):
            if lun in estate.topology.storage.luns and lun not in visible:
                yield Finding(
                    ("storage", "smartio", name, "devices", i),
                    f"{d.ref} owns cache {name!r} but does not see {lun!r}",
                    "add the domain to the LUN's seen-by",
                )


@rule(
    "STO009",
    Severity.WARNING,
    source=f"{GUIDE}: Using SmartIO in the virtualized environment",
    basis="K",
    category="storage",
)
def smartio_domain_components(estate: Estate) -> Iterator[Finding]:
    """The domain that owns a SmartIO cache runs SmartIO and the layer it caches (VxVM or VxFS)."""
    for name, cache in sorted(estate.topology.storage.smartio.items()):
        d = estate.domain(cache.domain)
        if d is None:
            continue
        wanted = (Component.SMARTIO, Component(cache.type))
        missing = [c.value for c in wanted if not d.has(c)]
        if missing:
            yield Finding(
                ("storage", "smartio", name, "domain"),
                f"{d.ref} owns {cache.type} cache {name!r} but does not run {', '.join(missing)}",
                "a VxVM cache belongs where the volumes are, "
                "e.g. the split model's control domain; a VxFS cache where the file system is mounted",
            )


@rule("STO010", Severity.ERROR, source=CONSISTENCY, basis="K", category="storage")
def diskgroup_managers_run_vxvm(estate: Estate) -> Iterator[Finding]:
    """Every domain that manages a disk group runs VxVM."""
    for dg in sorted(estate.topology.storage.diskgroups):
        yield from _dg_components(estate, dg, (Component.VXVM,), "")


@rule(
    "STO011",
    Severity.ERROR,
    source="Topology consistency: a LUN's WWN is its identity (migration checks)",
    basis="K",
    category="storage",
)
def unique_lun_identity(estate: Estate) -> Iterator[Finding]:
    """No two LUN names share a WWN or a UDID."""
    seen: dict[tuple[str, str], str] = {}
    for name, lun in sorted(estate.topology.storage.luns.items()):
        for field, value in (("wwn", lun.wwn), ("udid", lun.udid)):
            if value is None:
                continue
            key = (field, value.replace(":", "").lower())
            if key in seen:
                yield Finding(
                    ("storage", "luns", name, field),
                    f"LUN {name!r} has the same {field} as {seen[key]!r}",
                    "one LUN gets one name: the DMP node name",
                )
            else:
                seen[key] = name
