"""N+1 capacity: each host failure, where its guests' LDom groups go and what the targets carry then.

Needs no graph: a host takes with it exactly the supply nodes that name it (virtual services are local
to a host), so the lost nodes are known without a reachability search (the review's reachability gives
the same set; a test holds the two together). Used by rule CAP001 and the fail-over test runbook.
"""

from __future__ import annotations

import weakref
from weakref import WeakKeyDictionary

from generator.derive.whatif.conditions import host_lost
from generator.derive.whatif.scenario import Estimator, Scenario
from generator.derive.whatif.services import services
from generator.derive.whatif.single_failures import Failure
from generator.derive.whatif.supply import build_supply
from generator.estate.estate import Estate

_ESTIMATORS: WeakKeyDictionary[Estate, Estimator] = WeakKeyDictionary()


def estimator(estate: Estate) -> Estimator:
    """The estate's shared what-if state, built once per estate (callers must not modify it)."""
    if estate not in _ESTIMATORS:
        _ESTIMATORS[estate] = Estimator(weakref.ref(estate), build_supply(estate), services(estate))
    return _ESTIMATORS[estate]


def host_failure(estate: Estate, host: str) -> Scenario:
    """What the failure of ``host`` does (no reachability search needed)."""
    failure = Failure(f"host:{host}", "host", f"host {host}", frozenset({("host", host)}))
    return estimator(estate).evaluate(failure, host_lost(host), [d.ref for d in estate.host_domains(host)])


def host_failures(estate: Estate) -> list[Scenario]:
    """Every host's failure, by host name."""
    return [host_failure(estate, h) for h in sorted(estate.topology.hosts)]
