"""Cross-topology pages: topology index, model comparison, rule catalogue, format and CLI reference."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.build.pipeline import Checked
from generator.drawing.stack_picture import stack_svg
from generator.input.schema import Component, Topology
from generator.input.stack_models import PLACES, StackModels, load_stack_models, place_of
from generator.rules.catalogue import RENAMED, catalogue
from generator.sphinx_ext.cli_doc import cli_commands
from generator.sphinx_ext.schema_doc import schema_sections
from generator.sphinx_ext.templates import render_page

REFERENCE = "reference"
STACK_PICTURE = "files/stack-{}.svg"
"""A model's stack picture (``/docs/_generated/reference/files/stack-split.svg``, shown by the concepts page)."""
SCHEMA_FILE = "files/topology.schema.json"
TABLE_FILE = "files/topology-table.md"
"""The table of example topologies, included by the home page (``docs/index.md``)."""

Page = tuple[str, str, bytes, str]
"""(folder under the output, path in it, bytes, kind)."""


CHIPS = ((Component.VCS, "VCS"), (Component.VXVM, "VxVM"), (Component.DMP, "DMP"))
"""Components whose places the topology index shows per estate."""
PLACE_WORDS = {"control": "control", "io": "I/O", "guest": "guest", "zone": "zone"}


def _chips(topology: Topology) -> list[list[str]]:
    """[component, places] where the estate's domains install VCS, VxVM and DMP, e.g. ["DMP", "control,
    I/O"], read from each domain's declared components and roles (lists: the site cache keeps them)."""
    chips = []
    for component, name in CHIPS:
        places = {place_of(d.roles) for h in topology.hosts.values() for d in h.domains.values()
                  if component in d.infoscale}
        if places:
            chips.append([name, ", ".join(PLACE_WORDS[p] for p in PLACES if p in places)])
    return chips


def topology_row(c: Checked) -> dict[str, Any]:
    """A shape-valid topology's row in the cross-topology pages (plain values: the site cache keeps it)."""
    t = c.loaded.topology
    assert t is not None
    return {"id": t.topology, "title": t.title, "model": t.model.value, "source": c.loaded.path,
            "hosts": len(t.hosts), "domains": sum(len(h.domains) for h in t.hosts.values()),
            "clusters": len(t.clusters), "ok": c.ok, "chips": _chips(t)}


SYMBOLS = {"yes": "✓", "optional": "(✓)", "partial": "◐", "no": "✗"}
"""A matrix mark as the comparison page shows it (its legend is in ``models.md.j2``)."""


def _matrix(models: StackModels) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """Rows of marks with footnote references, and the footnotes (number, note) in reading order; cells
    with the same note share its number."""
    numbers: dict[str, int] = {}
    rows = []
    for row in models.rows:
        cells = []
        for cell in row.cells.values():
            mark = f"[{SYMBOLS[cell.mark]}]{{.docgen-mark .docgen-mark-{cell.mark}}}"
            if cell.note:
                number = numbers.setdefault(cell.note, len(numbers) + 1)
                mark += f" [^{number}]"
            cells.append(mark)
        rows.append({"aspect": row.aspect, "cells": cells, "basis": row.basis})
    return rows, [(number, note) for note, number in numbers.items()]


def _models_page(topologies: list[dict[str, Any]], models: StackModels) -> bytes:
    examples = {m: [t for t in topologies if t["model"] == m] for m in models.models}
    rows, notes = _matrix(models)
    return render_page("models.md.j2", "generator/input/data/stack-models.yaml and the topologies",
                       models=models.models, rows=rows, notes=notes, examples=examples)


def _stack_pictures(models: StackModels) -> list[Page]:
    """One stack picture per model, shown by ``docs/concepts/stack-models.md``."""
    return [(REFERENCE, STACK_PICTURE.format(key), stack_svg(model, models.places).encode("utf-8"), "stack-picture")
            for key, model in models.models.items()]


def reference_pages(topologies: list[dict[str, Any]], unread: Sequence[Checked] = ()) -> list[Page]:
    """Every cross-topology page; ``topologies`` are the shape-valid topologies' rows
    (:func:`topology_row`), sorted by ID, ``unread``
    the files that are not topologies yet (YAML or schema errors): one page lists them with their
    diagnostics, so a plain ``sphinx -b html`` shows why a topology is missing (``-W`` fails on them)."""
    problems = [(c.loaded.path, c.diagnostics) for c in sorted(unread, key=lambda c: c.loaded.path)]
    schema_text, sections = schema_sections()
    models = load_stack_models()
    return [
        ("topologies", "index.md", render_page("topologies.md.j2", "the files in topologies/",
                                               topologies=topologies, problems=bool(problems)), "site-page"),
        *([("topologies", "problems.md", render_page("problems.md.j2", "the files in topologies/",
                                                     problems=problems), "site-page")] if problems else []),
        (REFERENCE, TABLE_FILE, render_page("topology-table-fragment.md.j2", "the files in topologies/",
                                            topologies=topologies), "site-fragment"),
        (REFERENCE, "models.md", _models_page(topologies, models), "site-page"),
        *_stack_pictures(models),
        (REFERENCE, "rules.md", render_page("rules.md.j2", "generator/rules/catalogue.py",
                                            codes=list(catalogue().values()), renamed=RENAMED),
         "site-page"),
        (REFERENCE, "format.md", render_page("format.md.j2", "generator/input/schema.py", sections=sections,
                                             schema_file=SCHEMA_FILE), "site-page"),
        (REFERENCE, SCHEMA_FILE, schema_text.encode("utf-8"), "json-schema"),
        (REFERENCE, "cli.md", render_page("cli.md.j2", "the click commands in generator/cli/main.py",
                                          commands=cli_commands()), "site-page"),
    ]
