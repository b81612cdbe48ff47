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
from sphinx.environment import BuildEnvironment

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
    """Commands with an action a step runs (``hagrp -switch``), each once, in order. A bare command name
    (``hastatus``) is one word, which the search's full-text index finds already."""
    keys: list[str] = []
    for block in _run_blocks(section):
        for line in block.astext().splitlines():
            key = command_key(line)
            if " " in key and key not in keys:
                keys.append(key)
    return keys


STORE = "docgen_command_entries"
"""Environment attribute: docname -> the search index entries of its commands, as the search index holds
them. Sphinx keeps a page's index entries only in the build that writes the page (the environment is
saved before writing, and loading the previous search index does not restore them), so an incremental
build would drop those of every page it does not rewrite; :func:`restore_entries` puts them back."""

Entry = tuple[str, str, str]


def _store(env: BuildEnvironment) -> dict[str, list[Entry]]:
    if not hasattr(env, STORE):
        setattr(env, STORE, {})
    found: dict[str, list[Entry]] = getattr(env, STORE)
    return found


def index_commands(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: index the commands of every step of a runbook page."""
    if not RUNBOOK_PAGE.search(app.env.docname):
        return
    stored: list[Entry] = []
    for section in doctree.findall(nodes.section):
        keys = step_entries(section)
        if not keys or not section["ids"]:
            continue
        target = section["ids"][0]
        section.append(addnodes.index(entries=[("single", key, target, "main", None) for key in keys], inline=False))
        stored.extend((key, target, "main") for key in keys)
    _store(app.env)[app.env.docname] = sorted(set(stored))


def purge_entries(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``."""
    _store(env).pop(docname, None)


def merge_entries(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """``env-merge-info`` (parallel reading)."""
    _store(env).update({d: e for d, e in _store(other).items() if d in docnames})


def restore_entries(app: Sphinx) -> list[tuple[str, dict[str, object], str]]:
    """``html-collect-pages`` (runs before the search index is written): the entries of the pages this
    build did not rewrite. Adds no page."""
    indexer = getattr(app.builder, "indexer", None)
    entries = getattr(indexer, "_index_entries", None)
    if isinstance(entries, dict):
        for docname, stored in _store(app.env).items():
            if docname in app.env.all_docs:
                entries.setdefault(docname, list(stored))
    return []
