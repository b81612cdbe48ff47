"""Searching a command finds the steps that run it.

Sphinx's search splits a query at every character that is not a letter, digit or underscore, so
``hagrp -switch`` is looked up as the two words ``hagrp`` and ``switch`` anywhere on a page, and a
result links to the top of the page. Its index entries are matched as a whole string instead, and a
result links to the entry's target (``searchtools.js``: ``indexentries``, a query matches an entry
that contains it and is at most twice as long). So every step of a runbook page gets one index entry
per command it runs (``hagrp -switch``, ``ldm migrate-domain``), aimed at the step's section: the
search result names the page (whose title names the topology) and opens the step, and its snippet
is the step's own text.

Entries are written only into the search index, not the general index page. A page gets at most one
entry per command and step, so its cost grows with its own steps, never with the number of pages.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

RUNBOOK_PAGE = re.compile(r"(^|/)runbooks-[^/]+$")
"""Document names of the runbook pages (``sphinx_ext.present.docname("runbooks", ...)``)."""
OPTION = re.compile(r"^-?[a-z][a-z0-9-]*$")
"""A command's second word that names what it does: an option (``-switch``) or a subcommand
(``migrate-domain``); not an object name with digits first, a path or a quoted value."""
BACKOUT = "Back-out"
"""Label of a step's back-out commands (``formats/templates/runbook.md.j2``): not run by the step."""


def command_key(line: str) -> str:
    """``hagrp -switch`` for ``hagrp -switch grp -to sys``; the first word alone when the second does
    not name an action; empty for a comment or an empty line."""
    words = line.split()
    if not words or words[0].startswith("#"):
        return ""
    if len(words) > 1 and OPTION.match(words[1]) and not words[1].startswith("--"):
        return f"{words[0]} {words[1]}"
    return words[0]


def _run_blocks(section: nodes.section) -> list[nodes.literal_block]:
    """The step's own command blocks (not a sub-section's), without its back-out block."""
    blocks = []
    previous: nodes.Node | None = None
    for child in section.children:
        if isinstance(child, nodes.literal_block):
            label = previous.astext() if isinstance(previous, nodes.paragraph) else ""
            if not label.startswith(BACKOUT):
                blocks.append(child)
        previous = child
    return blocks


def step_entries(section: nodes.section) -> list[str]:
    """Commands a step runs, each once, in order."""
    keys: list[str] = []
    for block in _run_blocks(section):
        for line in block.astext().splitlines():
            key = command_key(line)
            if key and key not in keys:
                keys.append(key)
    return keys


def index_commands(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: index the commands of every step of a runbook page."""
    if not RUNBOOK_PAGE.search(app.env.docname):
        return
    for section in doctree.findall(nodes.section):
        keys = step_entries(section)
        if not keys or not section["ids"]:
            continue
        target = section["ids"][0]
        entries = [("single", key, target, "main", None) for key in keys]
        section.append(addnodes.index(entries=entries, inline=False))
