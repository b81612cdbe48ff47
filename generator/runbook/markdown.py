"""Markdown format of a runbook (CommonMark, MyST-friendly) for the documentation site."""

from __future__ import annotations

from generator.artifacts import Artifact, RenderContext
from generator.runbook.layout import document_view
from generator.runbook.model import Runbook
from generator.runbook.templating import render_template


def markdown_text(runbook: Runbook, context: RenderContext) -> str:
    return render_template("runbook.md.j2", autoescape=False, doc=document_view(runbook, context))


def markdown_artifact(runbook: Runbook, context: RenderContext) -> Artifact:
    return Artifact(path=f"runbooks/{runbook.id}.md", kind="runbook", format="md",
                    data=markdown_text(runbook, context).encode("utf-8"))
