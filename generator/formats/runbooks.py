"""Renderer of the runbooks: every runbook of a topology as Markdown, print HTML and PDF.

Artifacts go to ``runbooks/<id>.md|.html|.pdf`` (kind ``runbook``). The PDF artifact carries a
Typst document and asks the writer to compile it; this module starts no process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.procedures.runbook_set import runbooks
from generator.document.runbook_model import Runbook
from generator.formats.markdown import markdown_artifact
from generator.formats.pdf import pdf_artifact
from generator.formats.print_html import html_artifact

FORMAT_ARTIFACTS: dict[str, Callable[[Runbook, RenderContext], Artifact]] = {
    "md": markdown_artifact,
    "html": html_artifact,
    "pdf": pdf_artifact,
}
"""Each runbook format: its file extension -> the function making its artifact (one signature for all)."""
FORMATS = tuple(FORMAT_ARTIFACTS)


def runbook_artifacts(runbook: Runbook, context: RenderContext,
                      formats: Iterable[str] = FORMATS) -> list[Artifact]:
    wanted = set(formats)
    return [make(runbook, context) for fmt, make in FORMAT_ARTIFACTS.items() if fmt in wanted]


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    return [a for rb in runbooks(derivation, context) for a in runbook_artifacts(rb, context)]
