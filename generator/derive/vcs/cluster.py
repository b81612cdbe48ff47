"""Derivation: one cluster of a topology -> a :class:`Config` tree, following the guide's models.

The models (control-domain LDom groups, multiple I/O domains with AlternateIO, applications and
zones, SF Oracle RAC) live in their own modules; this one runs them, merges the explicit groups of
``clusters.<name>.groups`` (a name clash with a generated group or resource is a problem reported
by rule CLU100 and the explicit object is left out) and adds the includes, cluster and systems.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.derive.vcs.apps import derive_apps
from generator.derive.vcs.builder import Derivation, GroupBuilder, to_value
from generator.derive.vcs.ldom_groups import derive_ldoms
from generator.derive.vcs.rac import derive_rac
from generator.estate.estate import Estate
from generator.input.schema import Cluster, ExtraGroup, FencingMode
from generator.input.source import PathKey as Loc
from generator.maincf.agent_types import include_files
from generator.maincf.tree import Attr, Config, GroupDep, Include, Scalar, System, scalar
from generator.maincf.tree import Cluster as ClusterBlock


@dataclass(frozen=True)
class Derived:
    """A cluster's configuration, the kind of each group, and merge problems (location, message)."""

    config: Config
    kinds: dict[str, str]
    problems: tuple[tuple[Loc, str], ...]


def _group_dep(text: str) -> GroupDep | None:
    words = text.split()
    if len(words) not in (3, 4) or words[1] not in ("online", "offline"):
        return None
    return GroupDep(words[0], words[1], words[2], words[3] if len(words) == 4 else None)


def _explicit(d: Derivation, estate: Estate, name: str, gname: str, spec: ExtraGroup) -> None:
    loc: Loc = ("clusters", name, "groups", gname)
    if gname in d.groups:
        d.problems.append((loc, f"group {gname!r} is also generated from the topology"))
        return
    nodes = [n.system for n in estate.cluster_systems(name)]
    systems = [dom.system for dom in (estate.domain(r) for r in spec.systems) if dom] or nodes
    taken = d.resource_names()
    g = GroupBuilder(gname, "explicit", systems, spec.parallel, None if spec.autostart else [])
    g.attrs = [Attr(k, to_value(v)) for k, v in sorted(spec.attributes.items())]
    for rname, res in sorted(spec.resources.items()):
        if rname in taken:
            d.problems.append(((*loc, "resources", rname), f"resource {rname!r} is also generated from the "
                               "topology (resource names are cluster-wide)"))
            continue
        attrs = [] if res.critical else [Attr("Critical", scalar(0))]
        attrs += [Attr(k, to_value(v)) for k, v in sorted(res.attributes.items())]
        attrs += [Attr(k, to_value(v), s)
                  for k, per in sorted(res.localized.items()) for s, v in sorted(per.items())]
        g.add(res.type, rname, attrs)
        for child in res.requires:
            g.link(rname, child)
    for i, text in enumerate(spec.requires):
        dep = _group_dep(text)
        if dep is None:
            d.problems.append(((*loc, "requires", i), f"cannot read group dependency {text!r}: write "
                               "'GROUP online|offline local|global|remote [soft|firm|hard]'"))
        else:
            g.group_deps.append(dep)
    d.groups[gname] = g


def _cluster_block(name: str, cluster: Cluster) -> ClusterBlock:
    attrs = []
    if cluster.fencing.mode is not FencingMode.DISABLED:
        attrs.append(Attr("UseFence", Scalar("SCSI3")))
    return ClusterBlock(name, tuple(attrs))


def derive(estate: Estate, name: str) -> Derived:
    """The configuration of cluster ``name``, without provenance (:func:`with_provenance` adds the header)."""
    cluster = estate.topology.clusters[name]
    d = Derivation()
    derive_ldoms(d, estate, name, cluster)
    derive_apps(d, estate, name, cluster)
    derive_rac(d, estate, name, cluster)
    for gname, spec in sorted(cluster.groups.items()):
        _explicit(d, estate, name, gname, spec)
    groups = tuple(d.groups[g].build() for g in sorted(d.groups))
    types = {r.type for g in groups for r in g.resources}
    config = Config(
        includes=tuple(Include(f) for f in include_files(types)),
        cluster=_cluster_block(name, cluster),
        systems=tuple(System(n.system) for n in estate.cluster_systems(name)), groups=groups)
    return Derived(config, {g: b.kind for g, b in sorted(d.groups.items())}, tuple(d.problems))


def with_provenance(config: Config, source_name: str) -> Config:
    """``config`` with its "generated from" header comment, added when it is printed: the derivation does not
    depend on the name the topology file is shown by, so one build derives each cluster once."""
    name = config.cluster.name if config.cluster else ""
    return replace(config, header=(
        f"Generated from {source_name} (cluster {name}) by infoscale-docgen; do not edit.",
        "Check it with: hacf -verify <directory holding this main.cf and its type files>"))
