"""Renderer of the runbooks: every runbook of a topology as Markdown, print HTML and PDF.

Artifacts go to ``runbooks/<id>.md|.html|.pdf`` (kind ``runbook``). The PDF artifact carries a
Typst document and asks the writer to compile it; this module starts no process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.migration.sequence import build_sequence
from generator.derive.procedures.runbook_set import runbooks
from generator.document.runbook_model import Figure, Runbook
from generator.drawing.sequence_svg import render_svg
from generator.formats.failure_matrix_svg import failure_matrix_svg
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


FAILOVER_TEST = "failover-test-"
"""Id prefix of a cluster's fail-over test runbook (``failover-test-<cluster>``)."""


def _failure_matrix(derivation: Derivation, runbook: Runbook) -> list[Figure]:
    """The fail-over test's appendix: what each single failure does to each service of its cluster, from the
    same what-if model as the site's failure review (the runbook's capacity checks come from it too)."""
    cluster = runbook.id.removeprefix(FAILOVER_TEST)
    found = failure_matrix_svg(derivation.review, cluster)
    if found is None:
        return []
    svg, others = found
    quiet = f"; {others} other single failure(s) change nothing for it" if others else ""
    return [Figure(f"single failures and the services of cluster {cluster}{quiet}", svg, "appendix")]


def runbook_figures(derivation: Derivation, runbook: Runbook, context: RenderContext) -> list[Figure]:
    """Figures printed with a runbook: a planned migration's sequence diagram (its own kind), the same
    SVG the migration page shows (from the same plan), so paper and site cannot disagree; a fail-over
    test's failure x service matrix."""
    if runbook.kind == "failover-test" and runbook.id.startswith(FAILOVER_TEST):
        return _failure_matrix(derivation, runbook)
    if runbook.kind != "migration":
        return []
    for plan in derivation.plans:
        case = plan.case
        if case.runbook_id == runbook.id:
            svg = render_svg(build_sequence(plan, case.kind.value), context.source_name).decode("utf-8")
            return [Figure(f"Sequence of the {case.kind.value} migration of {case.guest.name} to {case.target}", svg)]
    return []


def runbook_artifacts(runbook: Runbook, context: RenderContext, formats: Iterable[str] = FORMATS,
                      figures: Sequence[Figure] = ()) -> list[Artifact]:
    wanted = set(formats)
    makers: dict[str, Callable[[Runbook, RenderContext], Artifact]] = {
        **FORMAT_ARTIFACTS, "html": partial(html_artifact, figures=figures),
        "pdf": partial(pdf_artifact, figures=figures)}
    return [make(runbook, context) for fmt, make in makers.items() if fmt in wanted]


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    formats = FORMATS if context.pdf else tuple(f for f in FORMATS if f != "pdf")  # a draft makes no Typst
    return [a for rb in runbooks(derivation, context)
            for a in runbook_artifacts(rb, context, formats, runbook_figures(derivation, rb, context))]
