"""The topology diagram as DOT: hosts as clusters, domains with stack layers, services, paths to storage.

A :class:`View` selects what to draw: the hosts shown in detail (with one port per service, vdisk
and vnet, and an edge per virtual device) or in summary (one box per domain, one edge per
provider/consumer pair). Service domains on other hosts that a shown domain depends on are drawn
too, so that every path ends somewhere.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from generator.drawing import labels
from generator.drawing.dot import DotWriter, Html, escape, quote
from generator.drawing.style import EDGES
from generator.drawing.topology_canvas import Canvas, View
from generator.drawing.topology_storage import draw_storage
from generator.estate.estate import DomainInfo, Estate, VdiskInfo

FONT = "Helvetica"
HOST_TITLE_WIDTH = 44
"""A host's cluster title is wrapped at this many characters: ``dot`` fails to route edges ("libpath
triangulation") around a cluster whose one-line label is much wider than its contents."""


def dom_id(domain: DomainInfo) -> str:
    return f"dom:{domain.ref}"


class Diagram(Canvas):
    """A topology diagram: hosts with their domains, virtual devices, clusters and a legend."""

    def hosts(self) -> None:
        zones = self._zones_by_domain()
        for host in sorted({d.host for d in self.shown}):
            spec = self.estate.topology.hosts[host]
            title = "\n".join(textwrap.wrap(f"{host}: {spec.platform} ({spec.cpu_type}), {spec.threads} threads",
                                             HOST_TITLE_WIDTH, break_long_words=True)) or host
            self.w.open_cluster(f"host {host}", {"label": title, "style": "rounded", "color": "#4d4d4d",
                                                 "fontname": FONT, "fontsize": "12"})
            for d in self.shown:
                if d.host == host:
                    detailed = self.view.detailed and d in self.focus
                    self.w.node(dom_id(d), {"label": labels.domain_label(d, zones.get(d.ref, []), detailed)})
            self.w.close()
        self._columns()

    def _columns(self) -> None:
        """Providers in one column, pure consumers in the next, whatever host they are on."""
        providers = [d for d in self.shown if d.is_service or d.is_io]
        consumers = [d for d in self.shown if d not in providers]
        for column in (providers, consumers):
            if len(column) > 1:
                self.w.line("{rank=same; " + " ".join(quote(dom_id(d)) + ";" for d in column) + "}")

    def _zones_by_domain(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for name, zone in sorted(self.estate.topology.zones.items()):
            for ref in zone.domains:
                d = self.estate.domain(ref)
                if d is not None:
                    result.setdefault(d.ref, []).append(f"{name} (root {zone.root.value})")
        return result

    def virtual_devices(self) -> None:
        if self.view.detailed:
            for d in self.focus:
                for v in self.estate.vdisks(d):
                    self._vdisk_edge(v)
                for name, provider in self._vnets(d):
                    port = labels.vnet_port(d, name)
                    sw = d.spec.vnets[name].switch.split("/")[-1]
                    self.edge("vnet", (dom_id(provider), labels.service_port(provider, "vsw", sw)),
                              (dom_id(d), port))
            return
        counts: Counter[tuple[str, str, str]] = Counter()
        for d in self.focus:
            for v in self.estate.vdisks(d):
                if v.service:
                    counts[("vdisk", dom_id(v.service.domain), dom_id(d))] += 1
            for _, provider in self._vnets(d):
                counts[("vnet", dom_id(provider), dom_id(d))] += 1
        for (kind, tail, head), n in sorted(counts.items()):
            self.edge(kind, (tail, None), (head, None), f"{n} {kind}{'s' if n > 1 else ''}")

    def _vdisk_edge(self, v: VdiskInfo) -> None:
        if v.service is None:
            return
        provider = v.service.domain
        self.edge("vdisk", (dom_id(provider), labels.service_port(provider, "vds", v.service.name)),
                  (dom_id(v.domain), labels.vdisk_port(v.domain, v.name)), v.export_name)

    def clusters(self) -> None:
        shown = {d.ref for d in self.shown}
        for name, cluster in sorted(self.estate.topology.clusters.items()):
            nodes = [d for d in self.estate.cluster_systems(name) if d.ref in shown]
            managed = [d for d in (self.estate.domain(m) for m in cluster.manages) if d and d.ref in shown]
            if not nodes and not managed:
                continue
            cid = f"vcs:{name}"
            self.w.node(cid, {"label": labels.cluster_label(name, cluster, self.estate)})
            for d in nodes:
                self.edge("node", (cid, None), (dom_id(d), labels.HEAD), constraint="false")
            for d in sorted(managed, key=lambda x: x.ref):
                self.edge("manages", (cid, None), (dom_id(d), labels.HEAD), constraint="false")

    def legend(self) -> None:
        kinds = [k for k in EDGES if k in self.used]
        if kinds:
            self.w.node("legend", {"label": labels.legend_label(kinds)})


def topology_dot(estate: Estate, view: View, source_name: str) -> str:
    """DOT source of one view of the estate."""
    t = estate.topology
    writer = DotWriter(f"{t.topology}-{view.stem}", [
        f"Generated by infoscale-ldom-docgen from {source_name}: do not edit.",
        f"Topology {t.topology} ({t.model.value} stack model), view: {view.title}."])
    title = (f"<B>{escape(t.title)}</B><BR/>"
             f"{escape(view.title)}, {escape(t.model.value)} InfoScale stack model")
    writer.defaults("graph", {"newrank": "true", "rankdir": "LR", "fontname": FONT, "labelloc": "t",
                              "label": Html(title), "nodesep": "0.3", "ranksep": "0.9",
                              "comment": f"Generated by infoscale-ldom-docgen from {source_name}"})
    writer.defaults("node", {"shape": "plain", "fontname": FONT, "fontsize": "10"})
    writer.defaults("edge", {"fontname": FONT, "fontsize": "9"})  # 12 px at 1:1, like the smallest node text
    diagram = Diagram(estate, view, writer)
    diagram.hosts()
    draw_storage(diagram)
    diagram.virtual_devices()
    diagram.clusters()
    diagram.legend()
    return writer.text()

