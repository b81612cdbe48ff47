"""N+1 capacity: each host failure, where its guests' LDom groups go and what the targets carry then.

Needs no graph: a host takes with it exactly the supply nodes that name it (virtual services are local
to a host), so the lost nodes are known without a reachability search (the review's reachability gives
the same set; a test holds the two together). Used by rule CAP001 and the fail-over test runbook.
"""

from __future__ import annotations

from generator.derive.vcs.api import ClusterConfigs
from generator.derive.whatif.conditions import host_lost
from generator.derive.whatif.scenario import Estimator, Scenario
from generator.derive.whatif.services import services
from generator.derive.whatif.single_failures import Failure
from generator.derive.whatif.supply import build_supply


def build_estimator(vcs: ClusterConfigs) -> Estimator:
    """The estate's shared what-if state: the supply graph and the services (made once per topology by
    :class:`generator.derive.decisions.Decisions`)."""
    return Estimator(vcs.estate, build_supply(vcs.estate), services(vcs))


def host_failure(est: Estimator, host: str) -> Scenario:
    """What the failure of ``host`` does (no reachability search needed); evaluated once per host and
    estimator: the rule CAP001 and every move step of the fail-over tests ask for the same hosts (200 asks
    for 10 hosts at 100 guests)."""
    if host not in est.host_scenarios:
        failure = Failure(f"host:{host}", "host", f"host {host}", frozenset({("host", host)}))
        est.host_scenarios[host] = est.evaluate(failure, host_lost(host),
                                                [d.ref for d in est.estate.host_domains(host)])
    return est.host_scenarios[host]


def host_failures(est: Estimator) -> list[Scenario]:
    """Every host's failure, by host name."""
    return [host_failure(est, h) for h in sorted(est.estate.topology.hosts)]
