"""Visual vocabulary of the topology diagrams: stack-layer order and colours, edge styles, legend.

Colours are light enough to print in grey scale and keep black text readable.
"""

from __future__ import annotations

from generator.input.schema import Component, Role

# InfoScale components drawn as stack layers, top (closest to the application) to bottom (the disks).
LAYERS: tuple[tuple[Component, str, str], ...] = (
    (Component.SFRAC, "SF Oracle RAC", "#f4cccc"),
    (Component.VCS, "VCS", "#fce5cd"),
    (Component.CFS, "CFS", "#d9ead3"),
    (Component.VXFS, "VxFS", "#d0e0e3"),
    (Component.CVM, "CVM", "#cfe2f3"),
    (Component.VXVM, "VxVM", "#c9daf8"),
    (Component.SMARTIO, "SmartIO cache", "#ead1dc"),
    (Component.DMP, "DMP", "#d9d2e9"),
)

# Header colour of a domain by its most significant role.
ROLE_COLOURS: tuple[tuple[Role, str], ...] = (
    (Role.CONTROL, "#b7c9e2"),
    (Role.ROOT, "#c6d9b0"),
    (Role.IO, "#c6d9b0"),
    (Role.SERVICE, "#d8e4bc"),
    (Role.GUEST, "#eeeeee"),
)

# Edge kinds: label for the legend, then DOT attributes.
EDGES: dict[str, tuple[str, dict[str, str]]] = {
    "vdisk": ("virtual disk (vds export -> guest vdisk)", {"color": "#1f5fa8", "penwidth": "1.4"}),
    "vnet": ("virtual network (vsw -> vnet)", {"color": "#2e7d32", "penwidth": "1.2"}),
    "backend": ("vdisk back end (volume or LUN)", {"color": "#8d5524", "style": "dashed"}),
    "path": ("physical path (domain sees LUN)", {"color": "#9e9e9e", "style": "dotted", "arrowhead": "none"}),
    "member": ("LUN in disk group", {"color": "#9e9e9e", "arrowhead": "none"}),
    "imports": ("disk group imported by VxVM in this domain",
                {"color": "#8d5524", "style": "dotted", "arrowhead": "none", "constraint": "false"}),
    "node": ("VCS cluster node", {"color": "#7b1fa2", "style": "dashed", "arrowhead": "none"}),
    "manages": ("VCS manages guest (LDom resource)", {"color": "#7b1fa2", "style": "dotted"}),
}


def role_colour(roles: list[Role]) -> str:
    for role, colour in ROLE_COLOURS:
        if role in roles:
            return colour
    return "#eeeeee"


def edge_attrs(kind: str, label: str = "") -> dict[str, str]:
    attrs = dict(EDGES[kind][1])
    if label:
        attrs["label"] = label
    return attrs
