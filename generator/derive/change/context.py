"""What every change handler may know: both revisions (estate and source document) and where to locate
a refusal."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from generator.core.diagnostics import Diagnostic
from generator.derive.change.change_items import Difference
from generator.derive.migration.case import CheckResult, MigrationCase
from generator.derive.procedures.ldom_cfgfile import cfgfile_step
from generator.derive.vcs import api
from generator.document.runbook_model import Step
from generator.estate.estate import DomainInfo, Estate
from generator.input.source import Document
from generator.maincf.tree import Scalar

MigrationChecks = Callable[[MigrationCase], Iterable[CheckResult]]
"""The migration rules on one case (:func:`generator.rules.migration_checks.run_checks`): the caller's, since
derive does not import rules."""


class Refused(Exception):
    """A difference the planner cannot plan; ``message`` says why, ``hint`` what to do instead."""

    def __init__(self, rule: str, message: str, hint: str = "") -> None:
        self.rule, self.message, self.hint = rule, message, hint
        super().__init__(message)


@dataclass(frozen=True)
class Revisions:
    """The old and new revision of one topology: each estate with its derived cluster configurations (the
    ones the checks of that revision derived), its source document, and the migration checks a guest the
    change moves must pass."""

    old_vcs: api.ClusterConfigs
    new_vcs: api.ClusterConfigs
    old_doc: Document
    new_doc: Document
    migration_checks: MigrationChecks

    @property
    def old(self) -> Estate:
        return self.old_vcs.estate

    @property
    def new(self) -> Estate:
        return self.new_vcs.estate

    def locate(self, diff: Difference, refusal: Refused) -> Diagnostic:
        """The refusal, located at the changed field in the new file (in the old file for a removal)."""
        doc = self.old_doc if diff.removed else self.new_doc
        return doc.error(diff.path, refusal.rule, refusal.message, refusal.hint, key=diff.removed or diff.added)

    def domain(self, host: str, name: str, *, old: bool = False) -> DomainInfo:
        estate = self.old if old else self.new
        found = estate.domain(f"{host}/{name}")
        assert found is not None, f"{host}/{name} is in the compared data"
        return found


def ldom_group(vcs: api.ClusterConfigs, guest: DomainInfo) -> tuple[str, str] | None:
    """``(cluster, group)`` of the LDom resource that manages ``guest``, if a cluster manages it."""
    cluster = vcs.estate.managing_cluster(guest)
    if cluster is None:
        return None
    for group, resource in vcs.derived(cluster).config.resources():
        if resource.type == "LDom" and any(isinstance(a.value, Scalar) and a.value.text == guest.name
                                           for a in resource.values("LDomName")):
            return cluster, group.name
    return None


def refreshed_cfgfile(estate: Estate, guest: DomainInfo, after: str) -> list[Step]:
    """The CfgFile step again after a change to a VCS-managed guest's constraints (else a fail-over brings the
    old configuration back: :data:`generator.derive.procedures.ldom_cfgfile.REFRESH_NOTE`)."""
    cluster = estate.managing_cluster(guest)
    step = cfgfile_step(estate, cluster, guest) if cluster else None
    return [replace(step, id=f"{step.id}-after-{after}")] if step else []
