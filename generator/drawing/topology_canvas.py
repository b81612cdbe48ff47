"""The canvas of a topology diagram: which domains a view shows, and the edges drawn so far.

Shared by the topology drawer (:mod:`generator.drawing.topology`) and its storage part
(:mod:`generator.drawing.topology_storage`), so that neither imports the other's caller.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.drawing.dot import DotWriter, Endpoint
from generator.drawing.style import edge_attrs
from generator.estate.estate import DomainInfo, Estate


@dataclass(frozen=True)
class View:
    """One diagram: its file stem, its title and the hosts it draws."""

    stem: str
    title: str
    hosts: tuple[str, ...]
    detailed: bool


class Canvas:
    """The state of one diagram being written: the view, the domains shown, the edge kinds used.

    :class:`generator.drawing.topology.Diagram` draws hosts, devices and clusters on it;
    :func:`generator.drawing.topology_storage.draw_storage` draws the storage."""

    def __init__(self, estate: Estate, view: View, writer: DotWriter) -> None:
        self.estate = estate
        self.view = view
        self.w = writer
        self.focus = [d for d in estate.domains if d.host in view.hosts]
        self.shown = self._with_providers(self.focus)
        self.used: set[str] = set()

    def _with_providers(self, focus: list[DomainInfo]) -> list[DomainInfo]:
        refs = {d.ref for d in focus}
        for d in focus:
            for v in self.estate.vdisks(d):
                if v.service:
                    refs.add(v.service.domain.ref)
            for _, sw in self._vnets(d):
                refs.add(sw.ref)
        return [d for d in self.estate.domains if d.ref in refs]

    def _vnets(self, domain: DomainInfo) -> list[tuple[str, DomainInfo]]:
        found = []
        for name, vnet in sorted(domain.spec.vnets.items()):
            sw = self.estate.resolve_service("vsw", vnet.switch, domain.host)
            if sw is not None:
                found.append((name, sw.domain))
        return found

    def edge(self, kind: str, tail: Endpoint, head: Endpoint, label: str = "", **extra: str) -> None:
        self.used.add(kind)
        self.w.edge(tail, head, {**edge_attrs(kind, label), **extra})
