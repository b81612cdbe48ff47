"""Renderer of the runbooks: every runbook of a topology as Markdown, print HTML and PDF.

Artifacts go to ``runbooks/<id>.md|.html|.pdf`` (kind ``runbook``). The PDF artifact carries a
Typst document and asks the writer to compile it; this module starts no process.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.procedures.runbooks import runbooks
from generator.document.runbook import Runbook
from generator.formats.markdown import markdown_artifact
from generator.formats.pdf import pdf_artifact
from generator.formats.print_html import html_artifact, print_html

FORMATS = ("md", "html", "pdf")


def runbook_artifacts(runbook: Runbook, context: RenderContext,
                      formats: Iterable[str] = FORMATS) -> list[Artifact]:
    wanted = set(formats)
    result = []
    if "md" in wanted:
        result.append(markdown_artifact(runbook, context))
    if "html" in wanted:
        result.append(html_artifact(runbook, print_html(runbook, context).encode("utf-8")))
    if "pdf" in wanted:
        result.append(pdf_artifact(runbook, context))
    return result


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    return [a for rb in runbooks(derivation, context) for a in runbook_artifacts(rb, context)]
