"""Renderer: every planned migration -> ``migrations/<domain>-to-<host>/``.

Per migration: ``plan.json`` and, per diagram variant (the migration's kind, and ``cancel``),
``sequence-<variant>.svg`` with the same diagram as ``.mmd`` (Mermaid) and ``.puml`` (PlantUML). The SVG
carries a plain-language title and its rank (``meta["order"]``: the main flow before the cancel path)
for the site's page.
The migration's runbook is written once, by the runbook renderer, as ``runbooks/migrate-<slug>``
in Markdown, print HTML and PDF: ``plan.json`` names those files (not the PDF when the context says
PDFs are not built: a draft build), and the plan artifact points the site's migration page at the
runbook's page. Pure: no file reads, no processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.migration.plan import MigrationPlan
from generator.derive.migration.sequence import build_sequence, variants
from generator.drawing.sequence_svg import render_svg
from generator.drawing.sequence_text import to_mermaid, to_plantuml
from generator.formats.outputs import RUNBOOKS, runbook_file
from generator.formats.runbooks import FORMATS


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    return [a for plan in derivation.plans for a in migration_artifacts(plan, context)]


def runbook_files(plan: MigrationPlan, pdf: bool = True) -> dict[str, str]:
    """Format -> path (in the topology's output folder) of the plan's runbook; the PDF only when
    the build makes PDFs (a draft build leaves it out)."""
    return {fmt: runbook_file(plan.case.runbook_id, fmt) for fmt in FORMATS if pdf or fmt != "pdf"}


def migration_artifacts(plan: MigrationPlan, context: RenderContext) -> Iterator[Artifact]:
    base = f"migrations/{plan.case.slug}"
    src = context.source_name
    yield Artifact(f"{base}/plan.json", "migration-plan", "json",
                   plan.to_json(src, runbook_files(plan, context.pdf)).encode("utf-8"),
                   meta={"related": f"{RUNBOOKS}/{plan.case.runbook_id}"})
    for order, variant in enumerate(variants(plan)):
        seq = build_sequence(plan, variant)
        stem = f"{base}/sequence-{variant}"
        yield Artifact(f"{stem}.svg", "sequence-diagram", "svg", render_svg(seq, src),
                       meta={"title": f"{seq.title}: who does what in each phase", "order": str(order)})
        yield Artifact(f"{stem}.mmd", "sequence-diagram", "mermaid", to_mermaid(seq, src).encode("utf-8"))
        yield Artifact(f"{stem}.puml", "sequence-diagram", "plantuml", to_plantuml(seq, src).encode("utf-8"))
