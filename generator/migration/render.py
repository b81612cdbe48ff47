"""Renderer: every planned migration -> ``migrations/<domain>-to-<host>/``.

Per migration: ``plan.json``, ``runbook.md``, and per diagram variant (the migration's kind, and
``cancel``) ``sequence-<variant>.svg`` with the same diagram as ``.mmd`` (Mermaid) and ``.puml``
(PlantUML). Pure: no file reads, no processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.artifacts import Artifact, RenderContext
from generator.migration.case import planned_cases
from generator.migration.markdown import markdown_text
from generator.migration.plan import MigrationPlan, plan_migration
from generator.migration.runbook import runbook_from_plan
from generator.migration.sequence import build_sequence, variants
from generator.migration.svg import render_svg
from generator.migration.textdiagram import to_mermaid, to_plantuml
from generator.model import Estate


def render(estate: Estate, context: RenderContext) -> Iterable[Artifact]:
    artifacts: list[Artifact] = []
    for case in planned_cases(estate):
        artifacts.extend(migration_artifacts(plan_migration(estate, case), context))
    return artifacts


def migration_artifacts(plan: MigrationPlan, context: RenderContext) -> Iterator[Artifact]:
    base = f"migrations/{plan.case.slug}"
    src = context.source_name
    yield Artifact(f"{base}/plan.json", "migration-plan", "json", plan.to_json(src).encode("utf-8"))
    runbook = runbook_from_plan(plan, context)
    yield Artifact(f"{base}/runbook.md", "migration-runbook", "md",
                   markdown_text(runbook, context).encode("utf-8"))
    for variant in variants(plan):
        seq = build_sequence(plan, variant)
        stem = f"{base}/sequence-{variant}"
        yield Artifact(f"{stem}.svg", "sequence-diagram", "svg", render_svg(seq, src))
        yield Artifact(f"{stem}.mmd", "sequence-diagram", "mermaid", to_mermaid(seq, src).encode("utf-8"))
        yield Artifact(f"{stem}.puml", "sequence-diagram", "plantuml", to_plantuml(seq, src).encode("utf-8"))
