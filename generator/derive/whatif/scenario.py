"""One failure evaluated: the outcome for every service it can reach and the hosts' load afterwards.

Shared by the review (:mod:`generator.derive.whatif.review`, which finds the lost nodes by reachability)
and the capacity rule and runbook checks (:mod:`generator.derive.whatif.capacity`, host failures only),
so the review, the rules and the runbooks cannot disagree.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from generator.derive.whatif.conditions import Left, Lost
from generator.derive.whatif.failover_placement import before, dependency_order, place
from generator.derive.whatif.outcomes import UNAFFECTED, Load, Outcome, loads, outcome
from generator.derive.whatif.services import Service, system_domains
from generator.derive.whatif.single_failures import Failure
from generator.derive.whatif.supply import Supply
from generator.estate.estate import DomainInfo, Estate


@dataclass(frozen=True)
class Scenario:
    """A failure, the outcome of every service it affects (the others are unaffected) and the load of
    the surviving hosts that run a system of an affected cluster or gain or lose a guest."""

    failure: Failure
    outcomes: tuple[Outcome, ...]
    loads: tuple[Load, ...]

    def verdict(self, service: str) -> Outcome:
        return next((o for o in self.outcomes if o.service == service), Outcome(service, UNAFFECTED))


@dataclass
class Estimator:
    """What every scenario of one estate shares: services by cluster, systems, the supply graph.

    One per topology per build (:attr:`generator.derive.decisions.Decisions.whatif`), shared by the rules,
    the fail-over test runbook and the review; callers must not modify it."""

    estate: Estate
    supply: Supply
    services: list[Service]

    def __post_init__(self) -> None:
        self.host_scenarios: dict[str, Scenario] = {}
        """Host failures evaluated so far, by host (:func:`generator.derive.whatif.capacity.host_failure`)."""
        self.systems: dict[str, DomainInfo] = {g.system: g for g in self.estate.guests}
        self.systems.update(system_domains(self.estate))
        self.by_cluster: dict[str, list[Service]] = {}
        for s in self.services:
            self.by_cluster.setdefault(s.cluster or s.id, []).append(s)
        self.by_cluster = {k: dependency_order(v) for k, v in self.by_cluster.items()}
        self._by_ref: dict[str, set[str]] = {}
        self._by_dg: dict[str, set[str]] = {}
        self._by_zone: dict[str, set[str]] = {}
        for key, group in self.by_cluster.items():
            refs = {s.guest for s in group if s.guest}
            refs |= {d.ref for s in group for x in s.systems if (d := self.systems.get(x)) is not None}
            for ref in refs:
                self._by_ref.setdefault(ref, set()).add(key)
            for s in group:
                for g in s.diskgroups:
                    self._by_dg.setdefault(f"dg:{g}", set()).add(key)
                if s.zone:
                    self._by_zone.setdefault(s.zone, set()).add(key)

    def affected(self, touched: Collection[str], failure: Failure) -> list[str]:
        """Cluster keys (unmanaged guests: their service id) the failure may change, sorted."""
        keys: set[str] = set()
        for ref in touched:
            keys |= self._by_ref.get(ref, set())
        for item in failure.storage:
            keys |= self._by_dg.get(item, set())
        keys |= self._by_zone.get(failure.zone, set())
        keys |= {n[1] for n in failure.removes if n[0] in ("llt", "cp") and n[1] in self.by_cluster}
        return sorted(keys)

    def evaluate(self, failure: Failure, lost: Lost, touched: Collection[str]) -> Scenario:
        left = Left(self.estate, self.supply, failure, lost, self.systems)
        keys = self.affected(touched, failure)
        cond = left.conditions(keys)
        found: list[Outcome] = []
        moves: dict[str, str] = {}
        hosts: set[str] = set()
        for key in keys:
            group = self.by_cluster[key]
            after = place(group, cond)
            for s in group:
                o = outcome(s, after, left, cond.quorum_lost)
                if o.verdict != UNAFFECTED:
                    found.append(o)
                if s.guest and s.kind == "ldom" and after[s.id] and after[s.id] != before(s):
                    moves[s.guest] = self.systems[after[s.id][0]].host
            hosts |= {d.host for s in group for x in s.systems if (d := self.systems.get(x)) is not None}
        dead = {h for h in self.estate.topology.hosts if lost(("host", h))}
        hosts |= set(moves.values()) | {ref.split("/")[0] for ref in moves}
        return Scenario(failure, tuple(found), tuple(loads(self.estate, moves, dead, sorted(hosts))))
