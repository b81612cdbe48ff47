"""Which runbooks a topology gets: one builder per runbook kind, each returning zero or more runbooks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.core.artifacts import RenderContext
from generator.derive.derivation import Derivation
from generator.derive.procedures.buildout import buildout_runbook
from generator.derive.procedures.failover import failover_runbooks
from generator.derive.procedures.fss import fss_runbook
from generator.derive.procedures.migration_runbook import runbook_from_plan
from generator.derive.procedures.sfrac import sfrac_runbooks
from generator.derive.procedures.smartio import smartio_runbook
from generator.derive.procedures.vcs_setup import vcs_runbooks
from generator.derive.procedures.zones_runbook import zones_runbook
from generator.document.runbook_model import Runbook
from generator.estate.estate import Estate

Builder = Callable[[Estate, RenderContext], Iterable[Runbook]]


def _buildout(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    return [buildout_runbook(estate, context)]


def _vcs(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    return vcs_runbooks(estate)


def _failover(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    return failover_runbooks(estate)


def _optional(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    """Runbooks a topology has only when it uses the feature: zones, FSS, SmartIO."""
    return [rb for rb in (zones_runbook(estate), fss_runbook(estate), smartio_runbook(estate)) if rb]


def _sfrac(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    return sfrac_runbooks(estate)


BUILDERS: tuple[Builder, ...] = (
    _buildout,
    _vcs,
    _optional,
    _sfrac,
    _failover,
)


def runbooks(derivation: Derivation, context: RenderContext) -> list[Runbook]:
    """Every runbook of the estate, sorted by id; ids are unique (a clash is a bug). The migration runbooks
    are views of the build's migration plans, the same plans the migration output shows."""
    result = [rb for build in BUILDERS for rb in build(derivation.estate, context)]
    result += [runbook_from_plan(plan, context) for plan in derivation.plans]
    ids = [rb.id for rb in result]
    if len(ids) != len(set(ids)):
        raise RuntimeError(f"two runbooks share an id: {sorted(ids)}")
    return sorted(result, key=lambda rb: rb.id)
