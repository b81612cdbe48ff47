"""The supply graph of an estate: what each domain, disk path and network path is fed by.

Nodes are tuples; an edge ``a -> b`` says *b needs a* (b is lost when nothing feeds it any more). The
root feeds the hosts and the cluster-wide elements (LLT links, coordination points); a host feeds its
domains; a service domain feeds its LUN paths, the disk groups it imports and its virtual switches,
which feed the guests' vdisks and vnets. Virtual services are local to a host (a guest uses services
of its own host only), so a host's failure takes exactly the nodes that name that host.

A guest's *needs* are evaluated outside the graph: each need (a disk, the network) is met while at
least one of its alternatives (vdisks of the same back end through different service domains, the
guest's vnets) is still fed. Pure Python; :mod:`generator.derive.whatif.review` runs the reachability.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.estate.estate import DomainInfo, Estate, VdiskInfo

Node = tuple[str, ...]
ROOT: Node = ("root",)


@dataclass(frozen=True)
class Need:
    """Something a guest cannot run without; met while one alternative ``(node, via)`` is fed."""

    label: str
    alternatives: tuple[tuple[Node, str], ...]
    data: bool = False
    """A data disk or a disk group the guest manages: losing it loses the guest's data, not the guest
    (a guest with a vdisk marked ``boot`` needs only that one to run)."""


@dataclass
class Supply:
    """Edges of the supply graph and every guest's needs."""

    edges: list[tuple[Node, Node]] = field(default_factory=list)
    needs: dict[str, tuple[Need, ...]] = field(default_factory=dict)
    backends: dict[str, frozenset[str]] = field(default_factory=dict)
    """Guest ``host/domain`` -> the LUNs and disk groups under its vdisks (``lun:NAME``, ``dg:NAME``)."""
    by_domain: dict[str, list[Node]] = field(default_factory=dict)
    """``host/domain`` -> the LUN path, disk group and vsw nodes it feeds."""

    def feed(self, parent: Node, child: Node, owner: str = "") -> None:
        self.edges.append((parent, child))
        if owner:
            self.by_domain.setdefault(owner, []).append(child)


def _backend_key(estate: Estate, v: VdiskInfo) -> str:
    s = v.spec
    if s.mpgroup:
        return f"mpgroup {s.mpgroup}"
    return next((f"{k} {getattr(s, k)}" for k in ("lun", "volume", "file", "zvol") if getattr(s, k)), v.name)


def _vdisk_feeds(supply: Supply, estate: Estate, v: VdiskInfo) -> Node:
    """Feed the vdisk node from its service domain's LUN path, disk group or the domain itself."""
    node: Node = ("vdisk", v.domain.ref, v.name)
    if v.service is None:
        return node
    server = v.service.domain.ref
    if v.spec.lun:
        supply.feed(("lunpath", server, v.spec.lun), node)
    elif v.spec.volume:
        supply.feed(("dg", server, v.spec.volume.split("/")[0]), node)
    else:
        supply.feed(("domain", server), node)
    return node


def _guest_needs(supply: Supply, estate: Estate, guest: DomainInfo, managed: set[str]) -> tuple[Need, ...]:
    disks: dict[str, list[tuple[Node, str]]] = {}
    boot: set[str] = set()
    backends: set[str] = set()
    for v in estate.vdisks(guest):
        backends |= {f"lun:{x}" for x in estate.vdisk_luns(v)}
        if v.spec.volume:
            backends.add(f"dg:{v.spec.volume.split('/')[0]}")
        if v.service is None:  # an unresolved service: the reference rules report it
            continue
        via = v.service.domain.ref
        key = _backend_key(estate, v)
        disks.setdefault(key, []).append((_vdisk_feeds(supply, estate, v), via))
        if v.spec.boot:
            boot.add(key)
    supply.backends[guest.ref] = frozenset(backends | {f"dg:{dg}" for dg in managed})
    needs = [Need(f"disk {key}", tuple(alts), data=bool(boot) and key not in boot)
             for key, alts in sorted(disks.items())]
    nets: list[tuple[Node, str]] = []
    for name, vnet in sorted(guest.spec.vnets.items()):
        sw = estate.resolve_service("vsw", vnet.switch, guest.host)
        if sw is not None:
            node: Node = ("vnet", guest.ref, name)
            supply.feed(("vsw", sw.domain.ref, sw.name), node)
            nets.append((node, sw.domain.ref))
    if nets:
        needs.append(Need("network", tuple(nets)))
    for dg in sorted(managed):
        needs.append(Need(f"disk group {dg}", ((("dg", guest.ref, dg), guest.ref),), data=True))
    return tuple(needs)


def _imported_dgs(estate: Estate, managed: dict[str, set[str]]) -> dict[str, set[str]]:
    """``host/domain`` -> disk groups it imports: exports volumes of, or manages."""
    found = {ref: set(dgs) for ref, dgs in managed.items()}
    for v in estate.all_vdisks:
        if v.spec.volume and v.service:
            found.setdefault(v.service.domain.ref, set()).add(v.spec.volume.split("/")[0])
    return found


def _domain_feeds(supply: Supply, estate: Estate, d: DomainInfo, dgs: set[str]) -> None:
    supply.feed(("host", d.host), ("domain", d.ref))
    for lun in sorted(estate.visible_luns.get(d.ref, frozenset())):
        supply.feed(("domain", d.ref), ("lunpath", d.ref, lun), d.ref)
    for dg in sorted(dgs):
        supply.feed(("domain", d.ref), ("dg", d.ref, dg), d.ref)
    for sw in sorted(d.spec.services.vsw):
        supply.feed(("domain", d.ref), ("vsw", d.ref, sw), d.ref)


def build_supply(estate: Estate) -> Supply:
    """The supply graph and the guests' needs (every guest, managed or not)."""
    supply = Supply()
    for h in sorted(estate.topology.hosts):
        supply.feed(ROOT, ("host", h))
    managed = estate.names_by_domain(estate.topology.storage.diskgroups, lambda dg: dg.managed_by)
    imported = _imported_dgs(estate, managed)
    for d in estate.domains:
        _domain_feeds(supply, estate, d, imported.get(d.ref, set()))
    for guest in estate.guests:
        supply.needs[guest.ref] = _guest_needs(supply, estate, guest, managed.get(guest.ref, set()))
    for name, c in sorted(estate.topology.clusters.items()):
        for link in c.llt_links:
            supply.feed(ROOT, ("llt", name, link))
        for cp in coordination_points(estate, name):
            supply.feed(ROOT, ("cp", name, cp))
    for zone, spec in sorted(estate.topology.zones.items()):
        for ref in spec.domains:
            host = estate.domain(ref)
            if host is not None:
                supply.feed(("domain", host.ref), ("zone", zone))
    return supply


def coordination_points(estate: Estate, cluster: str) -> list[str]:
    """CP servers and coordinator disks of a cluster's fencing, as written."""
    f = estate.topology.clusters[cluster].fencing
    return [*f.cp_servers, *f.coordinator_disks]
