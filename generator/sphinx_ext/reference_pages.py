"""Cross-topology pages: topology index, model comparison, rule catalogue, format and CLI reference."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.build.pipeline import Checked
from generator.rules.catalogue import RENAMED, catalogue
from generator.sphinx_ext.cli_doc import cli_commands
from generator.sphinx_ext.schema_doc import schema_sections
from generator.sphinx_ext.templates import render_page

REFERENCE = "reference"
MODELS_DATA = Path(__file__).resolve().parent.parent / "input" / "data" / "stack-models.yaml"
SCHEMA_FILE = "files/topology.schema.json"
TABLE_FILE = "files/topology-table.md"
"""The table of example topologies, included by the home page (``docs/index.md``)."""

Page = tuple[str, str, bytes, str]
"""(folder under the output, path in it, bytes, kind)."""


def topology_row(c: Checked) -> dict[str, Any]:
    """A shape-valid topology's row in the cross-topology pages (plain values: the site cache keeps it)."""
    t = c.loaded.topology
    assert t is not None
    return {"id": t.topology, "title": t.title, "model": t.model.value, "source": c.loaded.path,
            "hosts": len(t.hosts), "domains": sum(len(h.domains) for h in t.hosts.values()),
            "clusters": len(t.clusters), "ok": c.ok}


def _models_page(topologies: list[dict[str, Any]]) -> bytes:
    data = yaml.safe_load(MODELS_DATA.read_text("utf-8"))
    examples = {m: [t for t in topologies if t["model"] == m] for m in data["models"]}
    return render_page("models.md.j2", "generator/input/data/stack-models.yaml and the topologies",
                       models=data["models"], rows=data["rows"], examples=examples)


def reference_pages(topologies: list[dict[str, Any]], unread: Sequence[Checked] = ()) -> list[Page]:
    """Every cross-topology page; ``topologies`` are the shape-valid topologies' rows
    (:func:`topology_row`), sorted by ID, ``unread``
    the files that are not topologies yet (YAML or schema errors): one page lists them with their
    diagnostics, so a plain ``sphinx -b html`` shows why a topology is missing (``-W`` fails on them)."""
    problems = [(c.loaded.path, c.diagnostics) for c in sorted(unread, key=lambda c: c.loaded.path)]
    schema_text, sections = schema_sections()
    return [
        ("topologies", "index.md", render_page("topologies.md.j2", "the files in topologies/",
                                               topologies=topologies, problems=bool(problems)), "site-page"),
        *([("topologies", "problems.md", render_page("problems.md.j2", "the files in topologies/",
                                                     problems=problems), "site-page")] if problems else []),
        (REFERENCE, TABLE_FILE, render_page("topology-table-fragment.md.j2", "the files in topologies/",
                                            topologies=topologies), "site-fragment"),
        (REFERENCE, "models.md", _models_page(topologies), "site-page"),
        (REFERENCE, "rules.md", render_page("rules.md.j2", "generator/rules/catalogue.py",
                                            codes=list(catalogue().values()), renamed=RENAMED),
         "site-page"),
        (REFERENCE, "format.md", render_page("format.md.j2", "generator/input/schema.py", sections=sections,
                                             schema_file=SCHEMA_FILE), "site-page"),
        (REFERENCE, SCHEMA_FILE, schema_text.encode("utf-8"), "json-schema"),
        (REFERENCE, "cli.md", render_page("cli.md.j2", "the click commands in generator/cli/main.py",
                                          commands=cli_commands()), "site-page"),
    ]
