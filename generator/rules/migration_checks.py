"""The migration checks' registry: each check is a rule over every planned migration and a function of one case.

:func:`migration_rule` registers a check both ways; :func:`run_checks` runs every check on one case (planned
or unplanned), which is what the build hands to the migration plan
(:func:`generator.derive.migration.plan.plan_migration`) and what the ``migrate`` command reports. The checks
themselves are in :mod:`generator.rules.migration` (virtual I/O, storage) and
:mod:`generator.rules.migration_hosts` (host, CPU, VCS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from generator.core.diagnostics import Finding, Severity
from generator.derive.decisions import Decisions
from generator.derive.migration.case import CheckResult, MigrationCase, planned_cases
from generator.rules.engine import load_rules, rule

Check = Callable[[MigrationCase], Iterable[Finding]]


@dataclass(frozen=True)
class CheckSpec:
    """A migration check and how it is reported."""

    rule_id: str
    severity: Severity
    summary: str
    check: Check


CHECKS: dict[str, CheckSpec] = {}


def migration_rule(rule_id: str, severity: Severity, *, source: str, basis: str
                   ) -> Callable[[Check], Check]:
    """Register ``check`` as a rule over every planned migration and as a reusable check."""

    def register(check: Check) -> Check:
        def run(decisions: Decisions) -> Iterator[Finding]:
            for case in planned_cases(decisions.vcs):
                yield from check(case)

        run.__doc__ = check.__doc__
        run.__name__ = check.__name__
        rule(rule_id, severity, source=source, basis=basis, category="migration", reads="decisions")(run)
        summary = (check.__doc__ or rule_id).strip().splitlines()[0]
        CHECKS[rule_id] = CheckSpec(rule_id, severity, summary, check)
        return check

    return register


def run_checks(case: MigrationCase) -> tuple[CheckResult, ...]:
    """Every migration check on one case, in rule-ID order."""
    load_rules()  # imports every rule module, so every migration check is registered
    return tuple(CheckResult(spec.rule_id, spec.severity, f)
                 for _, spec in sorted(CHECKS.items()) for f in spec.check(case))
