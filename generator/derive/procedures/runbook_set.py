"""Which runbooks a topology gets: one builder per runbook kind, each returning zero or more runbooks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.core.artifacts import RenderContext
from generator.derive.decisions import Decisions
from generator.derive.derivation import Derivation
from generator.derive.procedures.buildout_hosts import buildout_runbooks
from generator.derive.procedures.failover import failover_runbooks
from generator.derive.procedures.fss import fss_runbook
from generator.derive.procedures.migration_runbook import runbook_from_plan
from generator.derive.procedures.sfrac import sfrac_runbooks
from generator.derive.procedures.smartio import smartio_runbook
from generator.derive.procedures.vcs_setup import vcs_runbooks
from generator.derive.procedures.zones_runbook import zones_runbook
from generator.document.runbook_model import Runbook

Builder = Callable[[Decisions, RenderContext], Iterable[Runbook]]
"""A runbook kind's builder, given the build's decisions on the estate (its derived VCS configurations and
what-if model) and the render context."""


def _buildout(decisions: Decisions, context: RenderContext) -> Iterable[Runbook]:
    return buildout_runbooks(decisions.estate, context)


def _vcs(decisions: Decisions, context: RenderContext) -> Iterable[Runbook]:
    return vcs_runbooks(decisions.vcs)


def _failover(decisions: Decisions, context: RenderContext) -> Iterable[Runbook]:
    return failover_runbooks(decisions)


def _optional(decisions: Decisions, context: RenderContext) -> Iterable[Runbook]:
    """Runbooks a topology has only when it uses the feature: zones, FSS, SmartIO."""
    estate = decisions.estate
    return [rb for rb in (zones_runbook(decisions.vcs), fss_runbook(estate), smartio_runbook(estate)) if rb]


def _sfrac(decisions: Decisions, context: RenderContext) -> Iterable[Runbook]:
    return sfrac_runbooks(decisions.estate)


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
    result = [rb for build in BUILDERS for rb in build(derivation.decisions, context)]
    result += [runbook_from_plan(plan, context) for plan in derivation.plans]
    ids = [rb.id for rb in result]
    if len(ids) != len(set(ids)):
        raise RuntimeError(f"two runbooks share an id: {sorted(ids)}")
    return sorted(result, key=lambda rb: rb.id)
