"""Renderer: topology diagrams (Graphviz DOT, converted to SVG by the writer).

A small estate gets one detailed diagram. Past :data:`MAX_DOMAINS_PER_DIAGRAM` domains a single
picture stops being readable, so the estate view becomes a summary (one box per domain, counted
edges) and every host gets a detailed diagram of its own. Past :data:`MAX_HOSTS_PER_SUMMARY` hosts
the summary itself is drawn per VCS cluster (the hosts of its nodes), and the hosts in no cluster in
groups of that many, so that no graph grows with the estate.
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
MAX_HOSTS_PER_SUMMARY = 16
"""Most hosts in one summary diagram. ``dot``'s layout time grows faster than the graph: the summary of
a 100-host, 1,000-guest estate took 68 times as long as that of a 10-host, 100-guest one (benchmarks/)."""


def _summaries(estate: Estate, hosts: tuple[str, ...]) -> list[View]:
    if len(hosts) <= MAX_HOSTS_PER_SUMMARY:
        return [View("topology", "estate summary", hosts, detailed=False)]
    result: list[View] = []
    clustered: set[str] = set()
    for name in sorted(estate.topology.clusters):
        members = tuple(sorted({d.host for d in estate.cluster_systems(name)}))
        clustered.update(members)
        result.append(View(f"cluster-{name}", f"cluster {name} summary", members, detailed=False))
    rest = tuple(h for h in hosts if h not in clustered)
    for start in range(0, len(rest), MAX_HOSTS_PER_SUMMARY):
        part = rest[start:start + MAX_HOSTS_PER_SUMMARY]
        result.append(View(f"hosts-{part[0]}", f"hosts {part[0]} to {part[-1]} summary", part, detailed=False))
    return result


def views(estate: Estate) -> list[View]:
    """The diagrams to draw for this estate, estate view(s) first."""
    hosts = tuple(sorted(estate.topology.hosts))
    if len(estate.domains) <= MAX_DOMAINS_PER_DIAGRAM:
        return [View("topology", "estate", hosts, detailed=True)]
    return [*_summaries(estate, hosts), *(View(f"host-{h}", f"host {h}", (h,), detailed=True) for h in hosts)]


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    estate = derivation.estate
    for view in views(estate):
        dot = topology_dot(estate, view, context.source_name)
        yield Artifact(path=f"diagrams/{view.stem}.svg", kind=KIND, format="svg", data=dot.encode(),
                       convert="svg", meta={"title": f"Topology diagram: {view.title}"})
