"""Hostile text through every text field and name of the schema: rejected where it stands, or data.

The corpus (:mod:`tests.security.hostile_corpus`) is generated from the pydantic model, not a hand
list. For each of its sites and each hostile string, either ``check`` rejects the topology with
located errors, or every output keeps the text as data: each ``sh`` line of every runbook parses
(shlex) into the same argv as with a harmless marker in its place, here-document lines differ only
by the text, main.cmd has no shell operator, every main.cf parses and verifies, the sequence SVGs
parse as XML and the print HTML gains no script element. One topology with every accepting field
hostile at once then goes through ``dot`` (SVG parsed as XML) and Typst (the PDFs compile).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.build.pipeline import derivation
from generator.build.writer import dot_to_svg, typst_to_pdf
from generator.core.artifacts import RenderContext
from generator.formats.registry import render_all

from .hostile_corpus import HOSTILE, all_outcomes, examples, schema_labels, sites, summary
from .hostile_support import check_data, example


def test_the_corpus_covers_every_text_field_and_name_of_the_schema() -> None:
    covered = {s.label for s in sites()}
    assert schema_labels() <= covered, sorted(schema_labels() - covered)
    assert len(covered) > 90


def test_hostile_text_is_rejected_with_a_location_or_kept_as_data() -> None:
    outcomes = list(all_outcomes())
    failed = [(o.site, o.text[:40], o.problems[:3]) for o in outcomes if o.result == "FAILED"]
    assert not failed, summary(outcomes) + "\n" + "\n".join(map(str, failed))
    print(summary(outcomes))


def test_every_accepting_field_hostile_at_once_renders_svg_and_pdf() -> None:
    data = dict(examples())
    handled = {o.site for o in all_outcomes() if o.result == "handled"}
    by_example: dict[str, list[str]] = {}
    for i, site in enumerate(sites()):
        if site.label in handled:
            topology = data[site.example]
            trial = site.apply(topology, HOSTILE[i % (len(HOSTILE) - 1)])
            if check_data(trial)[0] is not None:
                data[site.example] = trial
                by_example.setdefault(site.example, []).append(site.label)
    assert sum(len(v) for v in by_example.values()) >= 10, by_example
    for name in by_example:
        estate, _ = check_data(data[name])
        assert estate is not None
        artifacts = render_all(derivation(estate), RenderContext("hostile.yaml", "0" * 64))
        for svg in dot_to_svg([a.data for a in artifacts if a.convert == "svg"]):
            ET.fromstring(svg)
        for pdf in (a for a in artifacts if a.convert == "pdf"):
            assert typst_to_pdf(pdf.data).startswith(b"%PDF")


def test_a_long_host_platform_renders_the_topology_diagram() -> None:
    """dot failed (libpath triangulation) on a one-line host title of about 90 characters; it is wrapped."""
    topology = example("erp-split")
    topology["hosts"]["t8a"]["platform"] = "SPARC T8-2 " + "x" * 50
    estate, _ = check_data(topology)
    assert estate is not None
    dot = [a.data for a in render_all(derivation(estate), RenderContext("h.yaml", "0" * 64), only=["diagrams"])
           if a.path == "diagrams/topology.svg"]
    dot_to_svg(dot)
