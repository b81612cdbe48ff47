"""Which runbooks a topology gets: one builder per runbook kind, each returning zero or more runbooks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.artifacts import RenderContext
from generator.migration.case import planned_cases
from generator.migration.runbook import migration_runbook
from generator.model import Estate
from generator.runbook.buildout import buildout_runbook
from generator.runbook.failover import failover_runbooks
from generator.runbook.fss import fss_runbook
from generator.runbook.model import Runbook
from generator.runbook.sfrac import sfrac_runbooks
from generator.runbook.smartio import smartio_runbook
from generator.runbook.vcs_setup import vcs_runbooks
from generator.runbook.zones import zones_runbook

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


def _migrations(estate: Estate, context: RenderContext) -> Iterable[Runbook]:
    """The migration runbooks of the migration output, in the same model and formats."""
    return [migration_runbook(estate, case, context) for case in planned_cases(estate)]


BUILDERS: tuple[Builder, ...] = (
    _buildout,
    _vcs,
    _optional,
    _sfrac,
    _failover,
    _migrations,
)


def runbooks(estate: Estate, context: RenderContext) -> list[Runbook]:
    """Every runbook of the estate, sorted by id; ids are unique (a clash is a bug)."""
    result = [rb for build in BUILDERS for rb in build(estate, context)]
    ids = [rb.id for rb in result]
    if len(ids) != len(set(ids)):
        raise RuntimeError(f"two runbooks share an id: {sorted(ids)}")
    return sorted(result, key=lambda rb: rb.id)
