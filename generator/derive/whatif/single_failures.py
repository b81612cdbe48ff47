"""Every single failure a topology can express, as the supply-graph nodes it removes.

Hosts; control, service and I/O domains (alternate I/O domains included) and guests that are cluster
nodes; virtual switches with their ``net-dev``; each service domain's path to each LUN; each LUN and
disk group (a LUN takes every disk group it belongs to: the review does not model mirrors across
LUNs); each LLT link; each coordination point; each zone (it stops where it runs).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.whatif.supply import Node, Supply, coordination_points
from generator.estate.estate import Estate

KINDS = ("host", "domain", "vsw", "lun-path", "lun", "diskgroup", "llt-link", "coordination-point", "zone")


@dataclass(frozen=True)
class Failure:
    """One element failing (or, for ``--pairs``, two)."""

    id: str
    kind: str
    label: str
    removes: frozenset[Node]
    storage: frozenset[str] = frozenset()
    """LUNs and disk groups that are gone everywhere (``lun:NAME``, ``dg:NAME``)."""
    zone: str = ""

    def __add__(self, other: Failure) -> Failure:
        return Failure(f"{self.id}+{other.id}", "pair", f"{self.label} and {other.label}",
                       self.removes | other.removes, self.storage | other.storage, self.zone or other.zone)


def _domain_failures(estate: Estate) -> list[Failure]:
    found = []
    for d in estate.domains:
        node = bool(estate.node_clusters.get(d.ref))
        if d.is_guest and not node:
            continue
        if not (d.is_control or d.is_service or d.is_io or node):
            continue
        roles = "/".join(r.value for r in d.spec.roles)
        found.append(Failure(f"domain:{d.ref}", "domain", f"domain {d.ref} ({roles})",
                             frozenset({("domain", d.ref)})))
        for sw, spec in sorted(d.spec.services.vsw.items()):
            dev = f" (net-dev {spec.net_dev})" if spec.net_dev else ""
            found.append(Failure(f"vsw:{d.ref}/{sw}", "vsw", f"vsw {sw}{dev} in {d.ref}",
                                 frozenset({("vsw", d.ref, sw)})))
    return found


def _storage_failures(estate: Estate, supply: Supply) -> list[Failure]:
    found = []
    lunpaths = sorted({c for _, c in supply.edges if c[0] == "lunpath"})
    served = {p for p, _ in supply.edges if p[0] == "lunpath"}
    for node in lunpaths:
        if node in served:
            found.append(Failure(f"lun-path:{node[1]}/{node[2]}", "lun-path", f"path from {node[1]} to LUN {node[2]}",
                                 frozenset({node})))
    dg_nodes = sorted({c for _, c in supply.edges if c[0] == "dg"})
    storage = estate.topology.storage
    for lun in sorted(storage.luns):
        dgs = {name for name, dg in storage.diskgroups.items() if lun in dg.disks}
        removes = {n for n in lunpaths if n[2] == lun} | {n for n in dg_nodes if n[2] in dgs}
        removes |= {("cp", c, lun) for c in sorted(estate.topology.clusters) if lun in coordination_points(estate, c)}
        found.append(Failure(f"lun:{lun}", "lun", f"LUN {lun}", frozenset(removes),
                             frozenset({f"lun:{lun}", *(f"dg:{g}" for g in dgs)})))
    for name in sorted(storage.diskgroups):
        found.append(Failure(f"dg:{name}", "diskgroup", f"disk group {name}",
                             frozenset(n for n in dg_nodes if n[2] == name), frozenset({f"dg:{name}"})))
    return found


def _cluster_failures(estate: Estate) -> list[Failure]:
    found = []
    for name, c in sorted(estate.topology.clusters.items()):
        for link in c.llt_links:
            found.append(Failure(f"llt:{name}/{link}", "llt-link", f"LLT link {link} of {name}",
                                 frozenset({("llt", name, link)})))
        disks = set(c.fencing.coordinator_disks)
        for cp in coordination_points(estate, name):
            if cp not in disks or cp not in estate.topology.storage.luns:
                found.append(Failure(f"cp:{name}/{cp}", "coordination-point",
                                     f"coordination point {cp} of {name}", frozenset({("cp", name, cp)})))
    for zone in sorted(estate.topology.zones):
        found.append(Failure(f"zone:{zone}", "zone", f"zone {zone}", frozenset(), zone=zone))
    return found


def single_failures(estate: Estate, supply: Supply) -> list[Failure]:
    """Every single failure, in a stable order (by kind as in :data:`KINDS`, then by name)."""
    hosts = [Failure(f"host:{h}", "host", f"host {h}", frozenset({("host", h)}))
             for h in sorted(estate.topology.hosts)]
    return hosts + _domain_failures(estate) + _storage_failures(estate, supply) + _cluster_failures(estate)

