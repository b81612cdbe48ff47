"""The storage part of the topology diagram: LUNs, disk groups and the paths to the domains.

In detail: one node per LUN and per disk group (with a port per volume), an edge from each LUN to
the domains that see it, and an edge from each vdisk back end to the virtual disk service that
exports it. In summary: disk groups without volumes and one node standing for all LUNs, with
counted edges.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.core.sizes import format_size
from generator.drawing import labels
from generator.drawing.dot import row, table
from generator.estate.estate import VdiskInfo

if TYPE_CHECKING:
    from generator.drawing.topology_canvas import Canvas

SAN = "san:luns"


def _shown_storage(diagram: Canvas) -> tuple[list[str], list[str]]:
    """Disk groups and LUNs that a focused domain uses, sees or manages."""
    estate, storage = diagram.estate, diagram.estate.topology.storage
    focus = {d.ref for d in diagram.focus}
    dgs: set[str] = set()
    luns: set[str] = set()
    for name, dg in storage.diskgroups.items():
        if any((d := estate.domain(r)) is not None and d.ref in focus for r in dg.managed_by):
            dgs.add(name)
    for name, lun in storage.luns.items():
        if any((d := estate.domain(r)) is not None and d.ref in focus for r in lun.seen_by):
            luns.add(name)
    for d in diagram.focus:
        for v in estate.vdisks(d):
            if v.spec.volume:
                dgs.add(v.spec.volume.split("/")[0])
            if v.spec.lun:
                luns.add(v.spec.lun)
    dgs &= set(storage.diskgroups)
    for name in dgs:
        luns.update(storage.diskgroups[name].disks)
    return sorted(dgs), sorted(luns & set(storage.luns))


def _backend(diagram: Canvas, v: VdiskInfo) -> None:
    if v.service is None:
        return
    target = (f"dom:{v.service.domain.ref}", labels.service_port(v.service.domain, "vds", v.service.name))
    storage = diagram.estate.topology.storage
    if v.spec.volume:
        dg_name, vol = v.spec.volume.split("/")
        dg = storage.diskgroups.get(dg_name)
        if dg is not None and vol in dg.volumes:
            diagram.edge("backend", (f"dg:{dg_name}", labels.volume_port(dg, vol)), target)
    elif v.spec.lun and v.spec.lun in storage.luns:
        diagram.edge("backend", (f"lun:{v.spec.lun}", None), target)


def _imports(diagram: Canvas, dgs: list[str]) -> None:
    shown = {d.ref for d in diagram.shown}
    for name in dgs:
        for ref in diagram.estate.topology.storage.diskgroups[name].managed_by:
            d = diagram.estate.domain(ref)
            if d is not None and d.ref in shown:
                diagram.edge("imports", (f"dg:{name}", None), (f"dom:{d.ref}", labels.HEAD))


def _detailed(diagram: Canvas, dgs: list[str], luns: list[str]) -> None:
    storage, w = diagram.estate.topology.storage, diagram.w
    for name in luns:
        w.node(f"lun:{name}", {"label": labels.lun_label(name, storage.luns[name])})
    for name in dgs:
        w.node(f"dg:{name}", {"label": labels.diskgroup_label(name, storage.diskgroups[name], True)})
    w.close()
    shown = {d.ref for d in diagram.shown}
    for name in luns:
        for ref in storage.luns[name].seen_by:
            d = diagram.estate.domain(ref)
            if d is not None and d.ref in shown:
                diagram.edge("path", (f"lun:{name}", None), (f"dom:{d.ref}", None))
    for name in dgs:
        for lun in storage.diskgroups[name].disks:
            if lun in luns:
                diagram.edge("member", (f"lun:{lun}", None), (f"dg:{name}", None))
    _imports(diagram, dgs)
    for d in diagram.focus:
        for v in diagram.estate.vdisks(d):
            _backend(diagram, v)


def _summary(diagram: Canvas, dgs: list[str], luns: list[str]) -> None:
    storage, w = diagram.estate.topology.storage, diagram.w
    if luns:
        total = format_size(sum(storage.luns[n].size for n in luns))
        w.node(SAN, {"label": table([row("LUNs", bold=True, bgcolor="#efe3d3"),
                                     row(f"{len(luns)} LUNs, {total}", size=9)])})
    for name in dgs:
        w.node(f"dg:{name}", {"label": labels.diskgroup_label(name, storage.diskgroups[name], False)})
    w.close()
    counts: Counter[tuple[str, str, str]] = Counter()
    for d in diagram.focus:
        for v in diagram.estate.vdisks(d):
            if v.service is None:
                continue
            if v.spec.volume and v.spec.volume.split("/")[0] in dgs:
                counts[(f"dg:{v.spec.volume.split('/')[0]}", f"dom:{v.service.domain.ref}", "volume")] += 1
            elif v.spec.lun in luns:
                counts[(SAN, f"dom:{v.service.domain.ref}", "LUN")] += 1
    for (tail, head, what), n in sorted(counts.items()):
        diagram.edge("backend", (tail, None), (head, None), f"{n} {what}{'s' if n > 1 else ''}")
    _imports(diagram, dgs)


def draw_storage(diagram: Canvas) -> None:
    """Storage cluster with its nodes, then the edges that reach the domains."""
    dgs, luns = _shown_storage(diagram)
    if not dgs and not luns:
        return
    diagram.w.open_cluster("storage", {"label": "Storage", "style": "rounded,filled", "fillcolor": "#fbf7f2",
                                       "color": "#8d5524", "fontname": "Helvetica", "fontsize": "12"})
    if diagram.view.detailed:
        _detailed(diagram, dgs, luns)
    else:
        _summary(diagram, dgs, luns)
