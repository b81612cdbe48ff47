"""Markdown format of a runbook (CommonMark, MyST-friendly) for the documentation site."""

from __future__ import annotations

from generator.core.artifacts import Artifact, RenderContext
from generator.document.runbook_model import Runbook
from generator.document.view import document_view
from generator.formats.outputs import runbook_file
from generator.formats.templating import render_template


def markdown_text(runbook: Runbook, context: RenderContext) -> str:
    return render_template("runbook.md.j2", autoescape=False, doc=document_view(runbook, context))


def markdown_artifact(runbook: Runbook, context: RenderContext) -> Artifact:
    return Artifact(path=runbook_file(runbook.id, "md"), kind="runbook", format="md",
                    data=markdown_text(runbook, context).encode("utf-8"))
