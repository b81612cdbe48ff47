"""What is left after a failure: which domains run, which guests still have their disks and network,
which systems can take which service, which clusters keep quorum.

Built from a predicate ``lost(node)`` over the supply graph (the model computes it by reachability;
for a host failure it is simply "the node names that host", see :func:`host_lost`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from generator.derive.whatif.failover_placement import Conditions
from generator.derive.whatif.services import Service
from generator.derive.whatif.single_failures import Failure
from generator.derive.whatif.supply import Node, Supply, coordination_points
from generator.estate.estate import DomainInfo, Estate
from generator.input.schema import FailurePolicy, FencingMode

Lost = Callable[[Node], bool]
STOPPING = (FailurePolicy.STOP, FailurePolicy.PANIC)


def host_lost(host: str) -> Lost:
    """Nodes lost with a host: its own node and every node naming one of its domains."""
    prefix = host + "/"

    def lost(node: Node) -> bool:
        return node == ("host", host) or (len(node) > 1 and node[1].startswith(prefix))

    return lost


@dataclass(frozen=True)
class GuestState:
    """``ok``, ``degraded`` (a need lost an alternative), ``restart`` (reset by its master's failure
    policy) or ``down``; ``via`` names each service domain still serving a need that lost a path, with
    those needs: ``t8e/primary (disk lun emc0_2d00, network)``."""

    state: str
    why: str = ""
    via: tuple[str, ...] = ()


@dataclass
class Left:
    """The estate after one failure."""

    estate: Estate
    supply: Supply
    failure: Failure
    lost: Lost
    systems: dict[str, DomainInfo]

    def alive(self, ref: str) -> bool:
        return not self.lost(("domain", ref))

    def _master_state(self, guest: DomainInfo) -> GuestState | None:
        master = self.estate.domain(f"{guest.host}/{guest.spec.master}") if guest.spec.master else None
        if master is None or self.alive(master.ref):
            return None
        policy = master.spec.failure_policy or FailurePolicy.IGNORE
        if policy in STOPPING:
            return GuestState("down", f"stopped by {master.ref}'s failure-policy {policy.value}")
        if policy is FailurePolicy.RESET:
            return GuestState("restart", f"reset by {master.ref}'s failure-policy reset")
        return None

    def guest(self, ref: str) -> GuestState:
        return self._guests.get(ref) or self._guest(ref)

    @cached_property
    def _guests(self) -> dict[str, GuestState]:
        return {}

    def _guest(self, ref: str) -> GuestState:
        guest = self.estate.domain(ref)
        if guest is None or not self.alive(ref):
            state = GuestState("down", "the domain is gone")
        else:
            state = self._needs_state(guest)
        self._guests[ref] = state
        return state

    def _needs_state(self, guest: DomainInfo) -> GuestState:
        via: dict[str, list[str]] = {}
        for need in self.supply.needs.get(guest.ref, ()):
            fed = [v for node, v in need.alternatives if not self.lost(node)]
            if not fed and not need.data:
                return GuestState("down", f"no path left for its {need.label}")
            if fed and len(fed) < len(need.alternatives):
                for v in sorted(set(fed)):
                    via.setdefault(v, []).append(need.label)
        master = self._master_state(guest)
        if master is not None:
            return master
        paths = tuple(f"{v} ({', '.join(labels)})" for v, labels in sorted(via.items()))
        return GuestState("degraded", "", paths) if paths else GuestState("ok")

    def data_gone(self, ref: str) -> str:
        """Why the guest's own data is gone (a data disk or a disk group it manages lost), or ``""``."""
        if ref not in self._data:
            self._data[ref] = self._data_gone(ref)
        return self._data[ref]

    @cached_property
    def _data(self) -> dict[str, str]:
        return {}

    def _data_gone(self, ref: str) -> str:
        for need in self.supply.needs.get(ref, ()):
            if need.data and all(self.lost(node) for node, _ in need.alternatives):
                if not need.label.startswith("disk group"):
                    return f"its {need.label} has no path left"
                return f"its {need.label} is gone"
        return ""

    def system_up(self, system: str) -> bool:
        d = self.systems.get(system)
        if d is None:
            return False
        return self.guest(d.ref).state != "down" if d.is_guest else self.alive(d.ref)

    def _storage_ok(self, s: Service, d: DomainInfo) -> bool:
        if any(f"dg:{g}" in self.failure.storage for g in s.diskgroups):
            return False
        return not any(self.lost(("dg", d.ref, g)) for g in s.diskgroups
                       if ("dg", d.ref, g) in self.supply.by_domain.get(d.ref, ()))

    def _guest_moves_to(self, guest: DomainInfo, d: DomainInfo) -> bool:
        if d.host == guest.host:
            return self.guest(guest.ref).state != "down" and not self.data_gone(guest.ref)
        return not (self.supply.backends.get(guest.ref, frozenset()) & self.failure.storage)

    def runs_on(self, s: Service, system: str) -> bool:
        d = self.systems.get(system)
        if d is None or not self._storage_ok(s, d):
            return False
        if s.zone and s.zone == self.failure.zone and system == s.systems[0]:
            return False
        if s.kind in ("storage", "network"):
            kind = "lunpath" if s.kind == "storage" else "vsw"
            return not any(self.lost(n) for n in self.supply.by_domain.get(d.ref, ()) if n[0] == kind)
        guest = self.estate.domain(s.guest) if s.guest else None
        if guest is not None and s.kind == "ldom":
            return self._guest_moves_to(guest, d)
        return not (s.kind == "guest" and self.data_gone(s.guest) and not self.estate.node_clusters.get(s.guest))

    def quorum_lost(self, clusters: Iterable[str]) -> frozenset[str]:
        """Those of ``clusters`` whose survivors are partitioned or lose the coordination-point race."""
        found = set()
        for name in clusters:
            c = self.estate.topology.clusters.get(name)
            if c is None:
                continue
            nodes = [n.system for n in self.estate.cluster_systems(name)]
            up = [n for n in nodes if self.system_up(n)]
            if c.llt_links and all(self.lost(("llt", name, link)) for link in c.llt_links) and len(nodes) > 1:
                found.add(name)
            elif up and len(up) < len(nodes) and c.fencing.mode is not FencingMode.DISABLED:
                cps = coordination_points(self.estate, name)
                alive = [cp for cp in cps if not self.lost(("cp", name, cp))]
                if cps and 2 * len(alive) <= len(cps):
                    found.add(name)
        return frozenset(found)

    def conditions(self, clusters: Iterable[str]) -> Conditions:
        return Conditions(self.system_up, self.runs_on, self.quorum_lost(clusters))
