"""Renderer: topology diagrams (Graphviz DOT, converted to SVG by the writer).

A small estate gets one detailed diagram. Past :data:`MAX_DOMAINS_PER_DIAGRAM` domains a single
picture stops being readable, so the estate view becomes a summary (one box per domain, counted
edges) and every host gets a detailed diagram of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.drawing.topology import topology_dot
from generator.drawing.topology_canvas import View
from generator.estate.estate import Estate

KIND = "topology-diagram"
MAX_DOMAINS_PER_DIAGRAM = 12


def views(estate: Estate) -> list[View]:
    """The diagrams to draw for this estate, estate view first."""
    hosts = tuple(sorted(estate.topology.hosts))
    if len(estate.domains) <= MAX_DOMAINS_PER_DIAGRAM:
        return [View("topology", "estate", hosts, detailed=True)]
    return [View("topology", "estate summary", hosts, detailed=False),
            *(View(f"host-{h}", f"host {h}", (h,), detailed=True) for h in hosts)]


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    estate = derivation.estate
    for view in views(estate):
        dot = topology_dot(estate, view, context.source_name)
        yield Artifact(path=f"diagrams/{view.stem}.svg", kind=KIND, format="svg", data=dot.encode(),
                       convert="svg", meta={"title": f"Topology diagram: {view.title}"})
