"""The migration plan: prerequisites, preparation, the four phases, verification and back-out.

:func:`plan_migration` is the one place that decides what a migration looks like; the runbook,
the sequence diagrams, ``plan.json`` and the ``migrate`` command are views of the plan. The checks
it carries are the results of the migration rules, which its caller runs and hands in (the build and
the ``migrate`` command: :func:`generator.rules.migration_checks.run_checks`); the plan never runs rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from generator.core.diagnostics import Severity
from generator.derive.migration import backout, phases, prechecks
from generator.derive.migration import operations as cmd
from generator.derive.migration.case import CheckResult, MigrationCase
from generator.derive.migration.phasechecks import phase_checks
from generator.document.runbook_model import Step


@dataclass(frozen=True)
class Phase:
    """One of the four phases of the guide's migration overview."""

    number: int
    title: str
    summary: str
    """What the Logical Domains Managers and hypervisors do in this phase."""
    steps: tuple[Step, ...]
    backout: tuple[str, ...]
    skipped: str = ""
    """Why the phase does not run (phase 3 of a bound/inactive domain)."""
    checks: tuple[str, ...] = ()
    """What the operator confirms before the phase starts (derived from the topology)."""


@dataclass(frozen=True)
class MigrationPlan:
    """Everything the runbook and the diagrams show about one migration."""

    case: MigrationCase
    names: cmd.Names
    checks: tuple[CheckResult, ...]
    prerequisites: tuple[str, ...]
    preparation: tuple[Step, ...]
    phases: tuple[Phase, ...]
    verification: tuple[Step, ...]
    backout: tuple[Step, ...]

    @property
    def ok(self) -> bool:
        """No migration rule reports an error."""
        return not any(c.severity is Severity.ERROR for c in self.checks)

    @property
    def cautions(self) -> tuple[str, ...]:
        return tuple(
            f"{c.rule_id}: {c.finding.message}" for c in self.checks if c.severity is Severity.WARNING
        )

    def to_json(self, source_name: str, runbook: dict[str, str] | None = None) -> str:
        """Deterministic JSON (sorted keys); names its topology because JSON has no comments.

        ``runbook`` (format -> path in the topology's output folder) says where the runbook of this
        plan was written; the ``migrate`` command prints the runbook itself and leaves it out.
        """
        data = _plan_dict(self, source_name)
        if runbook is not None:
            data["runbook"] = dict(runbook)
        return json.dumps(data, indent=2, sort_keys=True) + "\n"


SUMMARIES = {
    1: (
        "The source Logical Domains Manager opens a secure connection to the target's and sends host "
        "and domain information; the target checks whether the migration can work. An active domain "
        "gets the full checks (virtual I/O names, storage, CPU, memory); a bound or inactive one fewer."
    ),
    2: ("Both sides prepare: the target creates a domain to receive the guest; the source {how}."),
    3: (
        "For an active domain, its run-time state is read from the source hypervisor, sent to the "
        "target and installed in the target hypervisor."
    ),
    4: (
        "Hand-off: the target domain {resume}, the source domain is destroyed; from here the target "
        "copy is the only one."
    ),
}
_HOW = {
    "live": "keeps the guest running while its memory is copied",
    "warm": "suspends the guest",
    "cold": "has nothing running to suspend",
}


def plan_migration(case: MigrationCase, checks: Iterable[CheckResult] = ()) -> MigrationPlan:
    """Build the plan of one migration (planned, or unplanned from the ``migrate`` command), carrying the
    results of the migration rules on it (``checks``: the caller runs them)."""
    n = cmd.names(case)
    preparation = (
        prechecks.precheck_steps(case, n)
        + phases.freeze_steps(case, n)
        + prechecks.dry_run_steps(case, n)
        + phases.stop_steps(case, n)
        + prechecks.bound_dry_run_steps(case, n)
        + (prechecks.gate_step(),)
    )
    return MigrationPlan(
        case,
        n,
        tuple(checks),
        prechecks.prerequisites(case, n),
        preparation,
        _phases(case, n),
        phases.verify_steps(case, n),
        backout.backout_steps(case, n),
    )


def _phases(case: MigrationCase, n: cmd.Names) -> tuple[Phase, ...]:
    resume = "resumes the guest" if case.active else "keeps the domain bound/inactive"
    texts = {
        1: SUMMARIES[1],
        2: SUMMARIES[2].format(how=_HOW[case.kind.value]),
        3: SUMMARIES[3],
        4: SUMMARIES[4].format(resume=resume),
    }
    titles = {1: "Connection and checks", 2: "Preparation", 3: "Run-time state transfer", 4: "Hand-off"}
    steps = {1: phases.phase1_steps, 2: phases.phase2_steps, 3: phases.phase3_steps, 4: phases.phase4_steps}
    skipped = "" if case.active else "Skipped: a bound or inactive domain has no run-time state to move."
    return tuple(
        Phase(
            i,
            titles[i],
            texts[i],
            steps[i](case, n),
            backout.phase_backout(case, n, i),
            skipped if i == 3 else "",
            phase_checks(case, n, i),
        )
        for i in (1, 2, 3, 4)
    )


def _step_dict(s: Step) -> dict[str, object]:
    return {
        "id": s.id,
        "title": s.title,
        "runs_on": s.runs_on,
        "commands": list(s.commands),
        "expected": s.expected,
        "verify": list(s.verify),
        "backout": list(s.backout),
        "gate": s.gate,
        "irreversible": s.irreversible,
        "notes": list(s.notes),
        "minutes": s.minutes,
    }


def _plan_dict(plan: MigrationPlan, source_name: str) -> dict[str, object]:
    c, n = plan.case, plan.names
    return {
        "generated": f"Generated by infoscale-docgen from {source_name}; do not edit.",
        "topology": c.estate.topology.topology,
        "domain": c.guest.ref,
        "source": c.source,
        "target": c.target,
        "kind": c.kind.value,
        "via": c.via,
        "active": c.active,
        "change": c.migration.change or "",
        "vcs": {"cluster": c.cluster, "group": n.group, "resource": n.resource} if c.via == "vcs" else None,
        "checks": [
            {"rule": r.rule_id, "severity": r.severity.value, "message": r.finding.message}
            for r in plan.checks
        ],
        "prerequisites": list(plan.prerequisites),
        "preparation": [_step_dict(s) for s in plan.preparation],
        "phases": [
            {
                "number": p.number,
                "title": p.title,
                "summary": p.summary,
                "skipped": p.skipped,
                "checks": list(p.checks),
                "steps": [_step_dict(s) for s in p.steps],
                "backout": list(p.backout),
            }
            for p in plan.phases
        ],
        "verification": [_step_dict(s) for s in plan.verification],
        "backout": [_step_dict(s) for s in plan.backout],
    }
