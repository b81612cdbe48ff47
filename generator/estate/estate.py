"""Model layer: derived, read-only views over a shape-valid topology.

:class:`Estate` answers the questions every rule and renderer asks (which host a domain is on,
which service domain exports a vdisk, a domain's VCS system name, the device path of a back end)
so that no renderer re-derives them. Lookups tolerate broken references (they return ``None``);
the reference rules report those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from typing import TypeVar

from generator.estate.commands import vx_block
from generator.input.schema import Component, Domain, Host, Role, Services, Topology, Vdisk

T = TypeVar("T")


@dataclass(frozen=True)
class DomainInfo:
    """A domain with its place in the estate."""

    host: str
    name: str
    spec: Domain

    @property
    def ref(self) -> str:
        """Canonical reference ``host/domain``."""
        return f"{self.host}/{self.name}"

    @property
    def system(self) -> str:
        """Solaris node name, which is also the VCS system name."""
        if self.spec.hostname:
            return self.spec.hostname
        return self.host if Role.CONTROL in self.spec.roles else self.name

    def has(self, component: Component) -> bool:
        return component in self.spec.infoscale

    @property
    def is_guest(self) -> bool:
        return Role.GUEST in self.spec.roles

    @property
    def is_control(self) -> bool:
        return Role.CONTROL in self.spec.roles

    @property
    def is_io(self) -> bool:
        return bool({Role.IO, Role.ROOT, Role.CONTROL} & set(self.spec.roles)) or bool(self.spec.physical_io)

    @property
    def is_service(self) -> bool:
        s = self.spec.services
        return Role.SERVICE in self.spec.roles or bool(s.vds or s.vsw or s.vcc)

    @property
    def path(self) -> tuple[str, ...]:
        """Location of the domain in the topology document."""
        return ("hosts", self.host, "domains", self.name)


@dataclass(frozen=True)
class ServiceRef:
    """A virtual service (vds/vsw/vcc) and the domain providing it."""

    kind: str
    name: str
    domain: DomainInfo


@dataclass(frozen=True)
class VdiskInfo:
    """A guest vdisk with its resolved service domain and back end."""

    domain: DomainInfo
    name: str
    spec: Vdisk
    service: ServiceRef | None

    @property
    def export_name(self) -> str:
        """Volume name in the vds: ``NAME@vds``."""
        return self.spec.export_as or f"{self.domain.name}-{self.name}"

    @property
    def backend_kind(self) -> str:
        s = self.spec
        kinds = [k for k in ("volume", "lun", "file", "zvol") if getattr(s, k) is not None]
        return kinds[0] if len(kinds) == 1 else "invalid"

    @property
    def path(self) -> tuple[str, ...]:
        return (*self.domain.path, "vdisks", self.name)


class Estate:
    """Derived views over a :class:`Topology`."""

    def __init__(self, topology: Topology) -> None:
        self.topology = topology

    @cached_property
    def domains(self) -> list[DomainInfo]:
        """Every domain, sorted by host then domain name."""
        return [DomainInfo(h, d, spec)
                for h, host in sorted(self.topology.hosts.items())
                for d, spec in sorted(host.domains.items())]

    @cached_property
    def _by_ref(self) -> dict[str, DomainInfo]:
        return {d.ref: d for d in self.domains}

    @cached_property
    def _by_name(self) -> dict[str, list[DomainInfo]]:
        result: dict[str, list[DomainInfo]] = {}
        for d in self.domains:
            result.setdefault(d.name, []).append(d)
        return result

    @cached_property
    def _by_system(self) -> dict[str, list[DomainInfo]]:
        result: dict[str, list[DomainInfo]] = {}
        for d in self.domains:
            result.setdefault(d.system, []).append(d)
        return result

    def domain(self, ref: str) -> DomainInfo | None:
        """Resolve ``host/domain``, a unique bare domain name, or a unique system name."""
        if "/" in ref:
            return self._by_ref.get(ref)
        matches = self._by_name.get(ref) or self._by_system.get(ref) or []
        return matches[0] if len(matches) == 1 else None

    def names_by_domain(self, items: Mapping[str, T], refs: Callable[[T], Iterable[str]]) -> dict[str, set[str]]:
        """``host/domain`` -> names of the ``items`` whose ``refs`` list that domain (e.g. the LUNs a domain
        is listed under in ``seen-by``); references that resolve to no domain are left out."""
        found: dict[str, set[str]] = {}
        for name, item in items.items():
            for ref in refs(item):
                d = self.domain(ref)
                if d is not None:
                    found.setdefault(d.ref, set()).add(name)
        return found

    def ambiguous(self, ref: str) -> bool:
        """True when a bare name matches domains on several hosts."""
        return "/" not in ref and len(self._by_name.get(ref, [])) > 1

    def host(self, name: str) -> Host | None:
        return self.topology.hosts.get(name)

    @cached_property
    def _by_host(self) -> dict[str, list[DomainInfo]]:
        return {h: list(group) for h, group in groupby(self.domains, key=lambda d: d.host)}  # domains are sorted

    def host_domains(self, host: str) -> list[DomainInfo]:
        return list(self._by_host.get(host, []))

    def control_domain(self, host: str) -> DomainInfo | None:
        return next((d for d in self.host_domains(host) if d.is_control), None)

    @cached_property
    def guests(self) -> list[DomainInfo]:
        return [d for d in self.domains if d.is_guest]

    @cached_property
    def _services(self) -> dict[tuple[str, str], list[ServiceRef]]:
        """``(kind, host) -> services`` in domain then name order, built once (lookups stay O(1))."""
        result: dict[tuple[str, str], list[ServiceRef]] = {}
        for d in self.domains:
            table: Services = d.spec.services
            for kind in ("vds", "vsw", "vcc"):
                refs = [ServiceRef(kind, name, d) for name in sorted(getattr(table, kind))]
                result.setdefault((kind, d.host), []).extend(refs)
        return result

    def services(self, kind: str, host: str | None = None) -> list[ServiceRef]:
        """Services of one kind (``vds``, ``vsw``, ``vcc``), optionally on one host."""
        if host is not None:
            return list(self._services.get((kind, host), []))
        return [s for h in sorted(self.topology.hosts) for s in self._services.get((kind, h), [])]

    def resolve_service(self, kind: str, ref: str, host: str) -> ServiceRef | None:
        """Resolve ``name`` (on the same host) or ``host/domain/name``."""
        parts = ref.split("/")
        if len(parts) == 3:
            return next((s for s in self.services(kind, parts[0])
                         if s.domain.name == parts[1] and s.name == parts[2]), None)
        matches = [s for s in self.services(kind, host) if s.name == ref]
        return matches[0] if len(matches) == 1 else None

    def vdisks(self, domain: DomainInfo) -> list[VdiskInfo]:
        return [VdiskInfo(domain, name, spec, self.resolve_service("vds", spec.service, domain.host))
                for name, spec in sorted(domain.spec.vdisks.items())]

    @cached_property
    def all_vdisks(self) -> list[VdiskInfo]:
        return [v for d in self.domains for v in self.vdisks(d)]

    def backend_device(self, vdisk: VdiskInfo) -> str:
        """Device path of the back end in the service domain, as passed to ``ldm add-vdsdev``."""
        s = vdisk.spec
        if s.volume:
            return vx_block(*s.volume.split("/", 1))
        if s.lun:
            server = vdisk.service.domain if vdisk.service else None
            return self.whole_disk(server, s.lun)
        if s.file:
            return s.file
        if s.zvol:
            return f"/dev/zvol/dsk/{s.zvol}"
        return ""

    def whole_disk(self, domain: DomainInfo | None, lun: str) -> str:
        """Device that stands for the whole LUN in ``domain``: slice 2 of its DMP node, or of its Solaris
        disk name where DMP does not run there.

        Slice 2 whatever the disk label: Oracle documents that a disk is exported as a full disk through
        its ``s2`` device without ``options=slice``, that ``s2`` is independent of the label, and that
        the ``d0`` node of an EFI-labelled disk would make a single-slice virtual disk [S]. That a DMP
        node's ``s2`` behaves like the OS disk's is [K]; runbooks check the node exists first.
        """
        if domain is not None and domain.has(Component.DMP):
            return f"/dev/vx/dmp/{lun}s2"
        return f"/dev/dsk/{self.lun_os_name(lun)}s2"

    def lun_os_name(self, name: str) -> str:
        """Solaris disk name of a LUN without DMP: ``os-path``, else the MPxIO name from the WWN.

        Rule REF007 makes sure one of the two is known wherever this is needed.
        """
        lun = self.topology.storage.luns.get(name)
        if lun is not None and lun.os_path:
            return lun.os_path
        if lun is not None and lun.wwn:
            return "c0t" + lun.wwn.replace(":", "").upper() + "d0"
        return name

    def vdisk_luns(self, vdisk: VdiskInfo) -> list[str]:
        """LUN names underneath a vdisk back end (through its disk group for a volume)."""
        s = vdisk.spec
        if s.lun:
            return [s.lun]
        if s.volume:
            dg = self.topology.storage.diskgroups.get(s.volume.split("/")[0])
            return list(dg.disks) if dg else []
        return []

    def clusters_of(self, domain: DomainInfo) -> list[str]:
        """Clusters that have the domain as a node."""
        return list(self.node_clusters.get(domain.ref, []))

    def managing_cluster(self, guest: DomainInfo) -> str | None:
        """The cluster that manages the guest as an LDom resource, if any."""
        return next(iter(self.managed_by.get(guest.ref, [])), None)

    def cluster_systems(self, cluster: str) -> list[DomainInfo]:
        c = self.topology.clusters[cluster]
        return [d for d in (self.domain(n) for n in c.nodes) if d is not None]

    def used_vcpus(self, host: str) -> int:
        return sum(d.spec.vcpus for d in self.host_domains(host))

    def used_memory(self, host: str) -> int:
        return sum(d.spec.memory for d in self.host_domains(host))

    def iter_volumes(self) -> Iterator[tuple[str, str]]:
        """Every ``(diskgroup, volume)`` pair, sorted."""
        for dg, spec in sorted(self.topology.storage.diskgroups.items()):
            for vol in sorted(spec.volumes):
                yield dg, vol

    @cached_property
    def visible_luns(self) -> dict[str, frozenset[str]]:
        """LUN names each domain (by ``host/domain``) sees: directly (``seen-by``) or as a whole-LUN vdisk."""
        seen: dict[str, set[str]] = {d.ref: set() for d in self.domains}
        for name, lun in self.topology.storage.luns.items():
            for ref in lun.seen_by:
                d = self.domain(ref)
                if d is not None:
                    seen[d.ref].add(name)
        for v in self.all_vdisks:
            if v.spec.lun:
                seen[v.domain.ref].add(v.spec.lun)
        return {ref: frozenset(luns) for ref, luns in seen.items()}

    @cached_property
    def node_clusters(self) -> dict[str, list[str]]:
        """Clusters each domain (by ``host/domain``) is a node of."""
        result: dict[str, list[str]] = {}
        for name, c in sorted(self.topology.clusters.items()):
            for ref in c.nodes:
                d = self.domain(ref)
                if d is not None and name not in result.setdefault(d.ref, []):
                    result[d.ref].append(name)
        return result

    @cached_property
    def managed_by(self) -> dict[str, list[str]]:
        """Clusters that manage each guest (by ``host/domain``) as an LDom resource."""
        result: dict[str, list[str]] = {}
        for name, c in sorted(self.topology.clusters.items()):
            for ref in c.manages:
                d = self.domain(ref)
                if d is not None and name not in result.setdefault(d.ref, []):
                    result[d.ref].append(name)
        return result

    @cached_property
    def managed_luns(self) -> dict[str, frozenset[str]]:
        """LUN names in the disk groups each domain (by ``host/domain``) manages with VxVM."""
        result: dict[str, set[str]] = {}
        for dg in self.topology.storage.diskgroups.values():
            for ref in dg.managed_by:
                d = self.domain(ref)
                if d is not None:
                    result.setdefault(d.ref, set()).update(dg.disks)
        return {ref: frozenset(luns) for ref, luns in result.items()}

    def vxvm_owns(self, vdisk: VdiskInfo) -> bool:
        """True when VxVM in the consuming domain uses this vdisk (flagged, or its LUN is in its DG)."""
        if vdisk.spec.vxvm:
            return True
        lun = vdisk.spec.lun
        return lun is not None and lun in self.managed_luns.get(vdisk.domain.ref, frozenset())
