"""Renderer of the runbooks: every runbook of a topology as Markdown, print HTML and PDF.

Artifacts go to ``runbooks/<id>.md|.html|.pdf`` (kind ``runbook``). The PDF artifact carries a
Typst document and asks the writer to compile it; this module starts no process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.migration.sequence import build_sequence
from generator.derive.procedures.runbook_set import runbooks
from generator.document.runbook_model import Runbook
from generator.drawing.sequence_svg import render_svg
from generator.formats.markdown import markdown_artifact
from generator.formats.pdf import pdf_artifact
from generator.formats.print_html import html_artifact

FORMAT_ARTIFACTS: dict[str, Callable[[Runbook, RenderContext], Artifact]] = {
    "md": markdown_artifact,
    "html": html_artifact,
    "pdf": pdf_artifact,
}
"""Each runbook format: its file extension -> the function making its artifact (one signature for all; the
PDF also takes the figures printed with it)."""
FORMATS = tuple(FORMAT_ARTIFACTS)


def runbook_figures(derivation: Derivation, runbook: Runbook, context: RenderContext) -> list[tuple[str, str]]:
    """Figures printed with a runbook: a planned migration's sequence diagram (its own kind), the same
    SVG the migration page shows (from the same plan), so paper and site cannot disagree."""
    if runbook.kind != "migration":
        return []
    for plan in derivation.plans:
        case = plan.case
        if case.runbook_id == runbook.id:
            svg = render_svg(build_sequence(plan, case.kind.value), context.source_name).decode("utf-8")
            return [(f"Sequence of the {case.kind.value} migration of {case.guest.name} to {case.target}", svg)]
    return []


def runbook_artifacts(runbook: Runbook, context: RenderContext, formats: Iterable[str] = FORMATS,
                      figures: list[tuple[str, str]] | None = None) -> list[Artifact]:
    wanted = set(formats)
    makers: dict[str, Callable[[Runbook, RenderContext], Artifact]] = {
        **FORMAT_ARTIFACTS, "pdf": partial(pdf_artifact, figures=figures)}
    return [make(runbook, context) for fmt, make in makers.items() if fmt in wanted]


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    return [a for rb in runbooks(derivation, context)
            for a in runbook_artifacts(rb, context,
                                       figures=runbook_figures(derivation, rb, context) if context.pdf else None)]
