"""PDF format of a runbook: the print HTML, converted by the writer with WeasyPrint.

The renderer stays pure: it hands the print HTML to the writer (``convert="pdf"``), which runs the
PDF engine (:func:`generator.writer.html_to_pdf`).
"""

from __future__ import annotations

from generator.artifacts import Artifact
from generator.runbook.model import Runbook


def pdf_artifact(runbook: Runbook, html: bytes) -> Artifact:
    """``html`` is the print HTML of :func:`generator.runbook.print_html.print_html`."""
    return Artifact(path=f"runbooks/{runbook.id}.pdf", kind="runbook", format="pdf", data=html,
                    convert="pdf")
