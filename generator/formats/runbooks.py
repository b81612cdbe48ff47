"""Renderer of the runbooks: every runbook of a topology as Markdown, print HTML and PDF.

Artifacts go to ``runbooks/<id>.md|.html|.pdf`` (kind ``runbook``). The PDF artifact carries a
Typst document and asks the writer to compile it; this module starts no process.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.migration.case import planned_cases
from generator.derive.migration.plan import plan_migration
from generator.derive.migration.sequence import build_sequence
from generator.derive.procedures.runbooks import runbooks
from generator.document.runbook import Runbook
from generator.drawing.sequence_svg import render_svg
from generator.estate.estate import Estate
from generator.formats.markdown import markdown_artifact
from generator.formats.pdf import pdf_artifact
from generator.formats.print_html import html_artifact, print_html

FORMATS = ("md", "html", "pdf")


def runbook_figures(estate: Estate, runbook: Runbook, context: RenderContext) -> list[tuple[str, str]]:
    """Figures printed with a runbook: a planned migration's sequence diagram (its own kind), the same
    SVG the migration page shows, so paper and site cannot disagree."""
    if runbook.kind != "migration":
        return []
    for case in planned_cases(estate):
        if case.runbook_id == runbook.id:
            plan = plan_migration(estate, case)
            svg = render_svg(build_sequence(plan, case.kind.value), context.source_name).decode("utf-8")
            return [(f"Sequence of the {case.kind.value} migration of {case.guest.name} to {case.target}", svg)]
    return []


def runbook_artifacts(runbook: Runbook, context: RenderContext, formats: Iterable[str] = FORMATS,
                      figures: list[tuple[str, str]] | None = None) -> list[Artifact]:
    wanted = set(formats)
    result = []
    if "md" in wanted:
        result.append(markdown_artifact(runbook, context))
    if "html" in wanted:
        result.append(html_artifact(runbook, print_html(runbook, context).encode("utf-8")))
    if "pdf" in wanted:
        result.append(pdf_artifact(runbook, context, figures))
    return result


def render(estate: Estate, context: RenderContext) -> Iterable[Artifact]:
    return [a for rb in runbooks(estate, context)
            for a in runbook_artifacts(rb, context, figures=runbook_figures(estate, rb, context) if context.pdf
                                       else None)]
