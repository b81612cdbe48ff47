"""PDF format of a runbook: a Typst document, compiled by the writer.

The renderer stays pure: it hands the Typst source (:mod:`generator.formats.typst_source`) to the
writer (``convert="pdf"``), which runs the PDF engine (:func:`generator.build.writer.typst_to_pdf`).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.artifacts import Artifact, RenderContext
from generator.document.runbook_model import Figure, Runbook
from generator.formats.outputs import runbook_file
from generator.formats.print_html import footer_text
from generator.formats.typst_source import typst_source


def pdf_artifact(runbook: Runbook, context: RenderContext, figures: Sequence[Figure] = ()) -> Artifact:
    source = typst_source(runbook, context, footer_text(runbook, context), figures)
    return Artifact(path=runbook_file(runbook.id, "pdf"), kind="runbook", format="pdf", data=source,
                    convert="pdf")
