"""The VCS configuration of an estate's clusters, derived once per topology, and the questions other
derivations (runbooks, migrations, the what-if model, change plans) ask of it.

The build makes one :class:`ClusterConfigs` per topology and passes it down (inside
:class:`generator.derive.decisions.Decisions`); nothing here caches at module level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from generator.derive.vcs.cluster import Derived, derive, with_provenance
from generator.estate.estate import Estate
from generator.maincf.hacommands import ha_command_list
from generator.maincf.printer import format_config
from generator.maincf.tree import Assoc, Scalar


class ServiceGroup(NamedTuple):
    """A generated service group, for fail-over test runbooks."""

    name: str
    systems: tuple[str, ...]
    """SystemList in priority order (VCS system names)."""
    parallel: bool
    kind: str
    """``ldom``, ``alternateio``, ``storage``, ``network``, ``cvm``, ``cvm-storage``, ``cfs``,
    ``application``, ``zone``, ``zone-root``, ``rac`` or ``explicit``."""


def cluster_names(estate: Estate) -> list[str]:
    """The clusters of the topology, sorted."""
    return sorted(estate.topology.clusters)


@dataclass(frozen=True, eq=False)
class ClusterConfigs:
    """Each cluster's derived configuration for one estate: one value per topology, made by the build (or
    by the command that needs it) and passed to whatever reads a configuration. A cluster is derived when it
    is first asked for, and only then (the rules, the VCS output, the runbooks and the migrations share it)."""

    estate: Estate
    _found: dict[str, Derived] = field(default_factory=dict, repr=False)

    def derived(self, cluster: str) -> Derived:
        """The configuration tree of ``cluster`` with group kinds and merge problems, without provenance:
        callers must not modify it. The printer's caller adds the "generated from" header
        (:func:`generator.derive.vcs.cluster.with_provenance`)."""
        if cluster not in self._found:
            self._found[cluster] = derive(self.estate, cluster)
        return self._found[cluster]


def derived(vcs: ClusterConfigs, cluster: str) -> Derived:
    """``vcs.derived(cluster)``."""
    return vcs.derived(cluster)


def main_cf_text(vcs: ClusterConfigs, cluster: str, source_name: str) -> str:
    """The main.cf text of ``cluster``; ``source_name`` is the topology file named in its header."""
    return format_config(with_provenance(vcs.derived(cluster).config, source_name))


def ha_commands(vcs: ClusterConfigs, cluster: str) -> list[str]:
    """``haconf``/``hagrp``/``hares`` commands that build ``cluster``'s groups on a running cluster."""
    return ha_command_list(vcs.derived(cluster).config)


def service_groups(vcs: ClusterConfigs, cluster: str) -> list[ServiceGroup]:
    """Every service group of ``cluster``, sorted by name."""
    d = vcs.derived(cluster)
    return [ServiceGroup(g.name, tuple(g.system_list()), g.parallel, d.kinds.get(g.name, "explicit"))
            for g in d.config.groups]


def prerequisite_groups(vcs: ClusterConfigs, cluster: str, group: str, system: str) -> list[str]:
    """Groups that must be online on ``system`` (or, for AlternateIO, on its I/O domains) before
    ``group`` can come online or migrate there: its group dependencies (transitively), the groups
    named by its AlternateIO resources' ``StorageSG``/``NetworkSG`` for that system, and the groups
    of the resources its ``Proxy`` resources mirror. Sorted; ``group`` itself is not included."""
    config = vcs.derived(cluster).config
    owner = {r.name: g.name for g, r in config.resources()}
    found: set[str] = set()
    todo = [group]
    while todo:
        current = config.group(todo.pop())
        if current is None:
            continue
        nxt = [d.child for d in current.group_deps]
        for res in current.resources:
            nxt += [owner[a.value.text] for a in res.values("TargetResName")
                    if isinstance(a.value, Scalar) and a.value.text in owner]
            nxt += [k for a in res.attrs if a.name in ("StorageSG", "NetworkSG")
                    and a.system in (None, system) and isinstance(a.value, Assoc)
                    for k in a.value.keys()]  # noqa: SIM118 (Assoc is not a dict)
        for name in nxt:
            if name not in found and name != group:
                found.add(name)
                todo.append(name)
    return sorted(found)


def failover_children(vcs: ClusterConfigs, cluster: str, group: str) -> list[str]:
    """Failover groups that ``group`` requires ``online local`` (an LDom group's AlternateIO group).

    A parent with such a dependency comes online only on the system where the child is online, and
    a failover child is online on one system only: it cannot already be online on a target while the
    parent runs on the source. To move the parent, take it offline, switch these children to the
    target, then bring it online there (VCS Administrator's Guide, failover parent / failover child
    dependency table). Sorted.
    """
    config = vcs.derived(cluster).config
    current = config.group(group)
    if current is None:
        return []
    parallel = {g.name: g.parallel for g in config.groups}
    return sorted(d.child for d in current.group_deps
                  if d.category == "online" and d.location == "local" and parallel.get(d.child) is False)


def online_local_parents(vcs: ClusterConfigs, cluster: str, group: str) -> list[str]:
    """Groups that require ``group`` ``online local`` (any rigidity), sorted."""
    config = vcs.derived(cluster).config
    return sorted(g.name for g in config.groups
                  if any(d.child == group and d.category == "online" and d.location == "local"
                         for d in g.group_deps))


def ldom_guests(vcs: ClusterConfigs, cluster: str) -> dict[str, str]:
    """Service group -> guest domain (``LDomName``) for the groups that hold an LDom resource."""
    found: dict[str, str] = {}
    for group, resource in vcs.derived(cluster).config.resources():
        names = [a.value.text for a in resource.values("LDomName") if isinstance(a.value, Scalar)]
        if resource.type == "LDom" and names:
            found[group.name] = names[0]
    return found


def zone_group(vcs: ClusterConfigs, cluster: str, zone: str) -> tuple[str, str]:
    """(service group, Zone resource) that run ``zone``: the group whose ContainerInfo names it, and its Zone
    resource; ``<zone>_grp``/``<zone>_zone`` when the configuration has none."""
    config = vcs.derived(cluster).config
    group = next((g for g in config.groups for a in g.values("ContainerInfo")
                  if isinstance(a.value, Assoc) and a.value.pairs[:1] == (("Name", zone),)), None)
    if group is None:
        return f"{zone}_grp", f"{zone}_zone"
    zones = [r.name for r in group.resources if r.type == "Zone"]
    return group.name, zones[-1] if zones else f"{zone}_zone"


def group_links(vcs: ClusterConfigs, cluster: str) -> list[tuple[str, str]]:
    """(parent, child) of every group dependency, in configuration order."""
    return [(g.name, d.child) for g in vcs.derived(cluster).config.groups for d in g.group_deps]
