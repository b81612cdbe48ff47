"""The services the what-if review follows, read from the derived VCS configuration and the estate.

A service is a VCS service group (LDom, AlternateIO, storage, network, CVM/CFS, application, zone,
RAC or explicit group) or a guest domain no cluster manages. Each knows the systems it may run on in
SystemList order, the groups it requires ``online local`` (it goes where they go), the disk groups its
resources import and, for an LDom group, the guest it runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.vcs.api import ClusterConfigs, cluster_names
from generator.estate.estate import DomainInfo, Estate
from generator.maincf.tree import Assoc, Group, Scalar

DG_ATTRS = {"DiskGroup": "DiskGroup", "CVMVolDg": "CVMDiskGroup"}


@dataclass(frozen=True)
class Service:
    """One service of the estate."""

    id: str
    """``cluster/group`` for a service group, ``guest/host/domain`` for an unmanaged guest."""
    name: str
    kind: str
    cluster: str
    systems: tuple[str, ...]
    parallel: bool
    guest: str = ""
    """``host/domain`` of the guest an LDom group (or an unmanaged guest service) runs."""
    children: tuple[str, ...] = ()
    """Groups this group requires online local (service ids)."""
    diskgroups: tuple[str, ...] = ()
    zone: str = ""


def _scalars(group: Group, rtype: str, attr: str) -> list[str]:
    return [a.value.text for r in group.resources if r.type == rtype for a in r.values(attr)
            if isinstance(a.value, Scalar)]


def _zone_name(group: Group) -> str:
    for a in group.values("ContainerInfo"):
        if isinstance(a.value, Assoc):
            return next((v or "" for k, v in a.value.pairs if k == "Name"), "")
    return ""


def _group_service(estate: Estate, cluster: str, group: Group, kind: str) -> Service:
    managed = {d.name: d for d in (estate.domain(r) for r in estate.topology.clusters[cluster].manages)
               if d is not None}
    guest = next((managed[n] for n in _scalars(group, "LDom", "LDomName") if n in managed), None)
    dgs = sorted({v for rtype, attr in DG_ATTRS.items() for v in _scalars(group, rtype, attr)})
    children = tuple(f"{cluster}/{d.child}" for d in group.group_deps
                     if d.category == "online" and d.location == "local")
    return Service(f"{cluster}/{group.name}", group.name, kind, cluster, tuple(group.system_list()),
                   group.parallel, guest.ref if guest else "", children, tuple(dgs), _zone_name(group))


def _guest_service(guest: DomainInfo) -> Service:
    return Service(f"guest/{guest.ref}", guest.ref, "guest", "", (guest.system,), False, guest.ref)


def services(vcs: ClusterConfigs) -> list[Service]:
    """Every service of the estate: clusters' groups (by cluster, then name), then unmanaged guests."""
    estate = vcs.estate
    found: list[Service] = []
    for cluster in cluster_names(estate):
        if not estate.cluster_systems(cluster):
            continue
        d = vcs.derived(cluster)
        found += [_group_service(estate, cluster, g, d.kinds.get(g.name, "explicit")) for g in d.config.groups]
    found += [_guest_service(g) for g in estate.guests if not estate.managed_by.get(g.ref)]
    return found


def system_domains(estate: Estate) -> dict[str, DomainInfo]:
    """VCS system name -> the domain that is that system (cluster nodes only)."""
    return {d.system: d for c in cluster_names(estate) for d in estate.cluster_systems(c)}
