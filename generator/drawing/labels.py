"""HTML-like node labels of the topology diagram: domains (with stack layers and ports), storage, clusters.

Port names are derived from the sorted position of the item (``vds0``, ``vdisk1``), so they are
stable and always valid Graphviz port IDs whatever characters the ldm names use.
"""

from __future__ import annotations

import math

from generator.core.sizes import format_size
from generator.drawing.dot import Html, escape, row, table
from generator.drawing.fontmetrics import text_width
from generator.drawing.style import EDGES, LAYERS, role_colour
from generator.estate.datalinks import vnet_links
from generator.estate.estate import DomainInfo, Estate
from generator.input.schema import Cluster, DiskGroup, Lun

SERVICE_KINDS = ("vds", "vsw", "vcc")
HEAD = "head"
"""Port of a domain's name row: where cluster membership edges attach."""


def service_port(domain: DomainInfo, kind: str, name: str) -> str:
    return f"{kind}{sorted(getattr(domain.spec.services, kind)).index(name)}"


def vdisk_port(domain: DomainInfo, name: str) -> str:
    return f"vdisk{sorted(domain.spec.vdisks).index(name)}"


def vnet_port(domain: DomainInfo, name: str) -> str:
    return f"vnet{sorted(domain.spec.vnets).index(name)}"


def volume_port(diskgroup: DiskGroup, name: str) -> str:
    return f"vol{sorted(diskgroup.volumes).index(name)}"


def _head_rows(domain: DomainInfo) -> list[str]:
    spec = domain.spec
    rows = [row(domain.name, bold=True, bgcolor=role_colour(spec.roles), port=HEAD),
            row(" / ".join(r.value for r in spec.roles), size=9)]
    facts = f"{spec.vcpus} vCPU, {format_size(spec.memory)}"
    if spec.cpu_arch.value != "native":
        facts += f", cpu-arch {spec.cpu_arch.value}"
    rows.append(row(facts, size=9))
    if domain.system != domain.name:
        rows.append(row(f"node name {domain.system}", size=9))
    return rows


def _layer_rows(domain: DomainInfo) -> list[str]:
    return [row(label, bgcolor=colour, border=1, size=10)
            for component, label, colour in LAYERS if domain.has(component)]


def _service_rows(domain: DomainInfo) -> list[str]:
    rows = [row(f"{io.kind.value} {io.device}", size=9, align="LEFT") for io in domain.spec.physical_io]
    services = domain.spec.services
    for kind in SERVICE_KINDS:
        for name, spec in sorted(getattr(services, kind).items()):
            extra = ""
            if kind == "vsw" and spec is not None and spec.net_dev:
                extra = f" ({spec.net_dev})"
            elif kind == "vcc" and spec is not None:
                extra = f" ({spec.port_range})"
            rows.append(row(f"{kind} {name}{extra}", port=service_port(domain, kind, name), align="LEFT",
                            size=9))
    return rows


def _device_rows(domain: DomainInfo, zones: list[str]) -> list[str]:
    """Vdisks, vnets and zones. A vnet shows its datalink name inside the domain beside its ldm name,
    ``vnet vnet1 (net1)``, where one is known: always in a guest, elsewhere when the topology states it."""
    rows = []
    for name, vdisk in sorted(domain.spec.vdisks.items()):
        flags = [f for f, on in (("boot", vdisk.boot), ("slice", vdisk.slice)) if on]
        suffix = f" [{', '.join(flags)}]" if flags else ""
        rows.append(row(f"vdisk {name}{suffix}", port=vdisk_port(domain, name), align="LEFT", size=9))
    links = vnet_links(domain)
    for name in sorted(domain.spec.vnets):
        link = f" ({links[name]})" if name in links else ""
        rows.append(row(f"vnet {name}{link}", port=vnet_port(domain, name), align="LEFT", size=9))
    rows.extend(row(f"zone {zone}", align="LEFT", size=9, bgcolor="#fff2cc") for zone in zones)
    return rows


def domain_label(domain: DomainInfo, zones: list[str], detailed: bool) -> Html:
    """Domain box: name and roles, resources, InfoScale stack layers, then services and devices."""
    rows = _head_rows(domain) + _layer_rows(domain)
    if detailed:
        rows += _service_rows(domain) + _device_rows(domain, zones)
    return table(rows)


def lun_label(name: str, lun: Lun) -> Html:
    kind = "local disk" if lun.local else "LUN"
    if lun.ssd:
        kind += ", SSD"
    return table([row(name, bold=True, bgcolor="#efe3d3"), row(f"{kind}, {format_size(lun.size)}", size=9)])


def diskgroup_label(name: str, diskgroup: DiskGroup, detailed: bool) -> Html:
    kind = "shared (CVM) disk group" if diskgroup.shared else "disk group"
    if diskgroup.fss:
        kind += ", FSS"
    rows = [row(name, bold=True, bgcolor="#e6d5c3"), row(kind, size=9)]
    if detailed:
        for vol, spec in sorted(diskgroup.volumes.items()):
            text = f"vol {vol} {format_size(spec.size)} {spec.layout.value}"
            if spec.filesystem is not None:
                text += f" {spec.filesystem.type.value} {spec.filesystem.mount}"
            rows.append(row(text, port=volume_port(diskgroup, vol), align="LEFT", size=9))
    return table(rows)


def cluster_label(name: str, cluster: Cluster, estate: Estate) -> Html:
    systems = ", ".join(d.system for d in estate.cluster_systems(name))
    rows = [row(f"VCS cluster {name}", bold=True, bgcolor="#e1d5e7"),
            row(f"cluster ID {cluster.cluster_id}, fencing {cluster.fencing.mode.value}", size=9),
            row(f"systems: {systems}", size=9)]
    if cluster.applications:
        rows.append(row("applications: " + ", ".join(sorted(cluster.applications)), size=9))
    return table(rows)


LEGEND_SAMPLE = {"solid": "\u2014\u2014\u2014", "dashed": "\u2013 \u2013 \u2013",
                 "dotted": "\u00b7 \u00b7 \u00b7 \u00b7"}
"""A short stretch of each line style, drawn in the line's colour before its meaning."""
LEGEND_TEXT = "#222222"
"""The legend's words are near-black whatever the line's colour (a pale grey line stays legible)."""


def legend_label(kinds: list[str]) -> Html:
    rows = [row("Legend", bold=True, bgcolor="#f3f3f3")]
    for kind in kinds:
        text, attrs = EDGES[kind]
        style = attrs.get("style", "solid")
        sample, words = LEGEND_SAMPLE.get(style, style), f"{style} line: {text}"
        # Graphviz measures the text narrower than browsers draw DejaVu Sans: the cell is at least as
        # wide as the DejaVu advance widths say (fontmetrics), so the words stay inside the legend.
        width = math.ceil(text_width(sample, 10, bold=True) + text_width(f" {words}", 10)) + 6
        rows.append(f'<TR><TD ALIGN="LEFT" WIDTH="{width}"><FONT POINT-SIZE="10"><FONT COLOR="{attrs["color"]}">'
                    f'<B>{sample}</B></FONT> <FONT COLOR="{LEGEND_TEXT}">{escape(words)}</FONT></FONT></TD></TR>')
    return table(rows)
