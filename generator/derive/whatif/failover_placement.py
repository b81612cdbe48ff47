"""Where each service runs after a failure, following VCS's rules for SystemList and dependencies.

A failover group stays on its first SystemList system (where AutoStartList starts it) while it can
run there; otherwise VCS brings it online on the first other system, in SystemList priority order,
where it can run and where every group it requires ``online local`` is online. A failover child that
could stay moves with its parent when the parent must move (the dependencies the generator writes
are ``online local firm|hard``). A parallel group runs on every system of its SystemList where it can.
[K: Cluster Server Administrator's Guide, SystemList priority and service group dependencies.]

Pure Python: the rules (CAP) call this without the supply graph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.core.toposort import topological_order
from generator.derive.whatif.services import Service


@dataclass(frozen=True)
class Conditions:
    """What a failure leaves standing."""

    system_up: Callable[[str], bool]
    runs_on: Callable[[Service, str], bool]
    """Whether the service's own needs (storage, network, its guest) are met on that system."""
    quorum_lost: frozenset[str] = frozenset()
    """Clusters whose surviving nodes lose the fencing race (or are partitioned)."""


def dependency_order(services: list[Service]) -> list[Service]:
    """Services with the groups they require before them (the order :func:`place` wants)."""
    by_id = {s.id: s for s in services}
    edges = [(c, s.id) for s in services for c in s.children if c in by_id]
    order = topological_order([s.id for s in services], edges) or [s.id for s in services]
    return [by_id[i] for i in order]


def _viable(s: Service, system: str, cond: Conditions, after: dict[str, tuple[str, ...]],
            by_id: dict[str, Service], movable: bool) -> bool:
    if not (cond.system_up(system) and cond.runs_on(s, system)):
        return False
    for cid in s.children:
        child = by_id.get(cid)
        if child is None or system in after.get(cid, ()):
            continue
        if not (movable and not child.parallel and system in child.systems
                and _viable(child, system, cond, after, by_id, False)):
            return False
    return True


def _place_failover(s: Service, cond: Conditions, after: dict[str, tuple[str, ...]],
                    by_id: dict[str, Service]) -> tuple[str, ...]:
    if not s.systems:
        return ()
    for movable in (False, True):
        for system in s.systems:
            if _viable(s, system, cond, after, by_id, movable):
                for cid in s.children:
                    child = by_id.get(cid)
                    if child is not None and not child.parallel:
                        after[cid] = (system,)
                return (system,)
    return ()


def place(ordered: list[Service], cond: Conditions) -> dict[str, tuple[str, ...]]:
    """Service id -> the systems it is online on after the failure (empty: down); ``ordered`` as
    :func:`dependency_order` returns it."""
    by_id = {s.id: s for s in ordered}
    after: dict[str, tuple[str, ...]] = {}
    for s in ordered:
        if s.cluster in cond.quorum_lost:
            after[s.id] = ()
        elif s.parallel:
            after[s.id] = tuple(x for x in s.systems if _viable(s, x, cond, after, by_id, False))
        else:
            after[s.id] = _place_failover(s, cond, after, by_id)
    return after


def before(s: Service) -> tuple[str, ...]:
    """Where the service runs with nothing failed: every system (parallel) or its first system."""
    return s.systems if s.parallel else s.systems[:1]
