"""``python -m generator migrate TOPOLOGY DOMAIN --to HOST``: the runbook of an unplanned migration.

The topology is checked as by ``check``; the migration prerequisite rules then run on the requested
migration (the same checks as for planned ones). Diagnostics go to standard error; the runbook (or
the plan as JSON) to standard output. Exit 1 when the topology or a prerequisite has an error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.build.pipeline import Checked, check_file, render_context
from generator.core.diagnostics import Diagnostic, Severity, format_text, sort_diagnostics

if TYPE_CHECKING:  # the planner is imported when the command runs: every CLI start imports this module
    from generator.derive.migration.case import MigrationCase


def case_diagnostics(checked: Checked, case: MigrationCase) -> list[Diagnostic]:
    """Located diagnostics of the migration checks on an unplanned migration."""
    from generator.rules.migration_checks import run_checks

    doc = checked.loaded.document
    found = []
    for r in run_checks(case):
        line, col = doc.mark(tuple(r.finding.loc), key=r.finding.key)
        found.append(
            Diagnostic(doc.path, line, col, r.severity, r.rule_id, r.finding.message, r.finding.hint)
        )
    return found


@click.command("migrate")
@click.argument("topology", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("domain")
@click.option("--to", "to", required=True, help="Target host name.")
@click.option(
    "--kind",
    type=click.Choice(["live", "warm", "cold"]),
    default=None,
    help="Migration kind (default: as planned in the topology, else live).",
)
@click.option(
    "--via",
    type=click.Choice(["vcs", "manual"]),
    default=None,
    help="hagrp -migrate or ldm migrate-domain (default: vcs when a cluster manages the guest).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Print the runbook as Markdown, or the plan as JSON.",
)
def command(topology: Path, domain: str, to: str, kind: str | None, via: str | None, fmt: str) -> None:
    """Print the plan/runbook of an unplanned migration of DOMAIN to host --to, after its checks."""
    from generator.derive.migration.case import adhoc_case
    from generator.derive.migration.plan import plan_migration
    from generator.derive.procedures.migration_runbook import runbook_from_plan
    from generator.formats.markdown import markdown_text
    from generator.rules.migration_checks import run_checks

    checked = check_file(topology)
    diagnostics = [d for d in checked.diagnostics if not d.rule.startswith("MIG")]
    if checked.decisions is None:
        _fail(checked.diagnostics)
    assert checked.decisions is not None and checked.estate is not None
    case = adhoc_case(checked.decisions.vcs, domain, to, kind, via)
    if case is None:
        raise click.UsageError(f"{domain!r} does not name exactly one domain of {topology}")
    if to not in checked.estate.topology.hosts:
        raise click.UsageError(
            f"no host named {to!r}; hosts: {', '.join(sorted(checked.estate.topology.hosts))}"
        )
    diagnostics = sort_diagnostics(diagnostics + case_diagnostics(checked, case))
    click.echo(format_text(diagnostics), nl=False, err=True)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        click.echo(f"migration of {case.guest.ref} to {to} refused: fix the errors above", err=True)
        sys.exit(1)
    plan = plan_migration(case, run_checks(case))
    context = render_context(checked)
    if fmt == "json":
        click.echo(plan.to_json(context.source_name), nl=False)
    else:
        click.echo(markdown_text(runbook_from_plan(plan, context), context), nl=False)


def _fail(diagnostics: list[Diagnostic]) -> None:
    click.echo(format_text(diagnostics), nl=False, err=True)
    sys.exit(1)
