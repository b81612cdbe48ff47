"""Standalone print HTML of a runbook: cover, contents, one phase per page, sign-off.

The stylesheet (templates/print.css) is inlined, so the file opens anywhere without network access.
The PDF is typeset by Typst from the same document view (:mod:`generator.formats.pdf`).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files

from markupsafe import Markup

from generator.core.artifacts import Artifact, RenderContext
from generator.document.runbook_model import Figure, Runbook
from generator.document.view import document_view, runbook_revision
from generator.formats.outputs import runbook_file
from generator.formats.templating import render_template


def _css() -> str:
    return files("generator.formats").joinpath("templates/print.css").read_text("utf-8")


def footer_text(runbook: Runbook, context: RenderContext) -> str:
    """Footer on every printed page (HTML and PDF): topology name, runbook and its revision."""
    return f"{runbook.topology} · {runbook.id} · revision {runbook_revision(runbook, context)}"


def css_string_body(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def print_html(runbook: Runbook, context: RenderContext, figures: Sequence[Figure] = ()) -> str:
    """The print HTML; ``figures`` follow the sign-off, as in the PDF's appendix. The SVG is the tool's own
    drawing (topology text in it is already escaped as XML text), so it is placed as is."""
    return render_template("runbook.html.j2", autoescape=True, doc=document_view(runbook, context),
                           css=Markup(_css()), footer=Markup(css_string_body(footer_text(runbook, context))),
                           figures=[(f.heading, Markup(f.svg)) for f in figures])


def html_artifact(runbook: Runbook, context: RenderContext, figures: Sequence[Figure] = ()) -> Artifact:
    return Artifact(path=runbook_file(runbook.id, "html"), kind="runbook", format="html",
                    data=print_html(runbook, context, figures).encode("utf-8"))
