"""The change runbook from the previous committed revision, as a topology's pages show it.

A planned change (or "no change") is a runbook like the others: its files are among the topology's
artifacts, so its page is made like every runbook's. A refused change, or an old revision with errors, has
no runbook: its page is the located list of diagnostics. The overview says in one line which it is, or why
there is no such page (no git history).
"""

from __future__ import annotations

from generator.build.change_since import CHANGE_SINCE, ChangeSince
from generator.build.history import NoHistory
from generator.formats.markup import md_text
from generator.formats.outputs import RUNBOOKS
from generator.input.schema import Topology
from generator.sphinx_ext.present import docname
from generator.sphinx_ext.templates import render_page

CHANGE_DOC = docname(RUNBOOKS, CHANGE_SINCE)
"""Page name of the change since the previous revision, whether it is a runbook or a list of problems."""


def change_line(change: ChangeSince | None) -> str:
    """One line of Markdown for the overview: the change page and what it holds, or why there is none."""
    if change is None:
        return "No change page: this revision has errors."
    if isinstance(change.history, NoHistory):
        return f"No change page: {md_text(change.history.reason)}."
    if change.problems:
        what = "the old revision has errors" if change.old_has_errors else "the change is refused"
        return f"{{doc}}`{CHANGE_DOC}`: {what} ({len(change.problems)} problem(s))."
    return f"{{doc}}`{CHANGE_DOC}`: the change runbook to this revision."


def change_pages(source: str, topology: Topology, change: ChangeSince | None) -> list[tuple[str, bytes]]:
    """The problems page of a change without a runbook (a planned change's page is its runbook's)."""
    if change is None or not change.problems:
        return []
    return [(f"{CHANGE_DOC}.md", render_page("change-problems.md.j2", source, t=topology, title=change.title,
                                             old_has_errors=change.old_has_errors, problems=change.problems))]
