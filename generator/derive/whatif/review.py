"""The what-if review of an estate: every single failure (optionally every interacting pair) and what it
does to every service, found by reachability over the supply graph (:mod:`generator.core.graph`).

Pairs are bounded: only pairs whose singles affect a common cluster or service can do more than each
does alone, so only those are evaluated, in order, up to ``max_pairs``; the review says how many
there were.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.graph import Reachability
from generator.derive.whatif.scenario import Estimator, Scenario
from generator.derive.whatif.services import Service
from generator.derive.whatif.single_failures import Failure, single_failures
from generator.derive.whatif.supply import ROOT, Node

MAX_PAIRS = 20000


@dataclass(frozen=True)
class Review:
    """Services, the single failures and (with pairs) the interacting pairs, evaluated."""

    topology: str
    services: tuple[Service, ...]
    singles: tuple[Scenario, ...]
    pairs: tuple[Scenario, ...] = ()
    pairs_interacting: int = 0
    """How many pairs interact (``len(pairs)`` of them were evaluated)."""
    pairs_total: int = 0


def _touched(lost: set[Node]) -> set[str]:
    return {n[1] for n in lost if n[0] in ("domain", "vdisk", "vnet", "lunpath", "dg", "vsw")}


def _run(est: Estimator, graph: Reachability[Node], failure: Failure) -> Scenario:
    lost = graph.lost(failure.removes)
    touched = _touched(lost) | {ref for h in est.estate.topology.hosts if ("host", h) in lost
                                for ref in (d.ref for d in est.estate.host_domains(h))}
    return est.evaluate(failure, lost.__contains__, touched)


def _pairs(est: Estimator, graph: Reachability[Node], singles: list[Scenario], limit: int
           ) -> tuple[list[Scenario], int]:
    reach = [{o.service.split("/")[0] if not o.service.startswith("guest/") else o.service
              for o in s.outcomes} | {ld.host for ld in s.loads} for s in singles]
    found: list[Scenario] = []
    interacting = 0
    for i, a in enumerate(singles):
        for j in range(i + 1, len(singles)):
            if not reach[i] & reach[j]:
                continue
            interacting += 1
            if len(found) < limit:
                found.append(_run(est, graph, a.failure + singles[j].failure))
    return found, interacting


def review(est: Estimator, pairs: bool = False, max_pairs: int = MAX_PAIRS) -> Review:
    """Evaluate every single failure (and, with ``pairs``, interacting pairs up to ``max_pairs``)."""
    estate = est.estate
    graph: Reachability[Node] = Reachability(ROOT, est.supply.edges)
    singles = [_run(est, graph, f) for f in single_failures(estate, est.supply)]
    found: list[Scenario] = []
    interacting = 0
    if pairs:
        found, interacting = _pairs(est, graph, singles, max_pairs)
    n = len(singles)
    return Review(estate.topology.topology, tuple(est.services), tuple(singles), tuple(found), interacting,
                  n * (n - 1) // 2)


def combined(est: Estimator, failure_ids: list[str]) -> Scenario:
    """The failures with these ids (as the review names them) all at once."""
    by_id = {f.id: f for f in single_failures(est.estate, est.supply)}
    failure = by_id[failure_ids[0]]
    for fid in failure_ids[1:]:
        failure = failure + by_id[fid]
    return _run(est, Reachability(ROOT, est.supply.edges), failure)
