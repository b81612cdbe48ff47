"""Verifier, dependency part: resource and group dependencies, cycles, hard-dependency misuse and
references between objects (AlternateIO groups, Proxy targets, CVM, zones)."""

from __future__ import annotations

from generator.core.toposort import topological_order
from generator.maincf.checks import Reporter
from generator.maincf.tree import Assoc, Config, Group, Pos, Scalar

Edges = dict[tuple[str, str], Pos]
"""A dependency graph: (parent, child) -> where the dependency is written (the last one wins)."""

VALID_GROUP_DEPS = {("online", "local", "soft"), ("online", "local", "firm"), ("online", "local", "hard"),
                    ("online", "global", "soft"), ("online", "global", "firm"), ("online", "remote", "soft"),
                    ("online", "remote", "firm"), ("offline", "local", None)}


def _cycle_report(report: Reporter, edges: Edges, what: str) -> None:
    if topological_order((), edges) is not None:
        return
    import networkx as nx  # only for a configuration with a cycle: it takes longer to import than to verify

    graph: nx.DiGraph[str] = nx.DiGraph(list(edges))
    for cycle in sorted(sorted(c) for c in nx.simple_cycles(graph)):
        pos = min((p for (u, v), p in edges.items() if u in cycle and v in cycle),
                  key=lambda p: (p.line, p.col))
        report(pos, "VCS031" if what == "resource" else "VCS033",
               f"{what} dependency cycle: {' -> '.join(cycle + cycle[:1])}")


def check_resource_deps(report: Reporter, group: Group, owner_of: dict[str, str]) -> None:
    names = {r.name for r in group.resources}
    graph: Edges = {}
    for dep in group.resource_deps:
        for name in (dep.parent, *dep.children):
            if name in names:
                continue
            other = owner_of.get(name)
            why = f"it is in group {other}" if other else "no such resource"
            report(dep.pos, "VCS030", f"group {group.name}: '{dep.parent} requires' names {name}: {why}",
                   "resource dependencies stay inside one group; use 'requires group' between groups")
        for child in dep.children:
            graph[dep.parent, child] = dep.pos
    _cycle_report(report, graph, "resource")


def check_group_deps(report: Reporter, config: Config) -> None:
    names = {g.name for g in config.groups}
    graph: Edges = {}
    hard_parents: dict[str, list[str]] = {}
    for g in config.groups:
        for dep in g.group_deps:
            if dep.child not in names:
                report(dep.pos, "VCS032", f"group {g.name} requires unknown group {dep.child!r}")
            if (dep.category, dep.location, dep.rigidity) not in VALID_GROUP_DEPS:
                words = " ".join(dep.words)
                report(dep.pos, "VCS034", f"group {g.name}: 'requires group {dep.child} {words}' "
                                          "is not a valid dependency",
                       "hard only with 'online local'; offline dependencies are 'offline local'")
            if dep.rigidity == "hard":
                hard_parents.setdefault(dep.child, []).append(g.name)
            graph[g.name, dep.child] = dep.pos
    _cycle_report(report, graph, "group")
    for child, parents in sorted(hard_parents.items()):
        if len(parents) > 1:
            second = config.group(parents[1])
            report(second.pos if second else Pos(), "VCS035",
                   f"group {child} has several hard-dependent parents: {', '.join(parents)}")


def _depends_on(config: Config, start: str, wanted: set[str]) -> bool:
    todo, seen = [start], set()
    while todo:
        name = todo.pop()
        if name in wanted:
            return True
        g = config.group(name)
        if g is None or name in seen:
            continue
        seen.add(name)
        todo.extend(d.child for d in g.group_deps)
    return False


def check_alternate_io(report: Reporter, config: Config) -> None:
    for g, res in config.resources():
        if res.type != "AlternateIO":
            continue
        for attr in res.attrs:
            if attr.name not in ("StorageSG", "NetworkSG") or not isinstance(attr.value, Assoc):
                continue
            owner = f"AlternateIO {res.name}: {attr.name}"
            for key in attr.value.keys():  # noqa: SIM118 (Assoc is not a dict)
                target = config.group(key)
                if target is None:
                    report(attr.pos, "VCS051", f"{owner} names unknown group {key!r}")
                elif not target.parallel:
                    report(attr.pos, "VCS052", f"{owner} group {key} is not parallel",
                           "the storage/network group should be online in every I/O domain of the server")
        for parent in config.groups:
            for dep in parent.group_deps:
                if dep.child == g.name and dep.words != ("online", "local", "hard"):
                    report(dep.pos, "VCS052", f"group {parent.name} requires AlternateIO group {g.name} "
                                              f"{' '.join(dep.words)}; expected online local hard")


def check_shared_storage_sg(report: Reporter, config: Config) -> None:
    """A storage group named by several AlternateIO resources carries StorageSG value 0 (VCS061): with 1, the
    AlternateIO resource also takes the group offline when its own guest leaves the server, under the other
    guests that still use it (REFERENCE 3.2: value semantics [K], unverified)."""
    named: dict[str, list[tuple[str, Pos, str | None]]] = {}
    for _, res in config.resources():
        if res.type != "AlternateIO":
            continue
        for attr in res.attrs:
            if attr.name == "StorageSG" and isinstance(attr.value, Assoc):
                for key, value in attr.value.pairs:
                    named.setdefault(key, []).append((res.name, attr.pos, value))
    for group, uses in sorted(named.items()):
        owners = sorted({name for name, _, _ in uses})
        if len(owners) < 2:
            continue
        for name, pos, value in uses:
            if value == "1":
                others = ", ".join(o for o in owners if o != name)
                report(pos, "VCS061", f"AlternateIO {name}: StorageSG {group} = 1, but the group is also "
                                      f"named by {others}", "taking this resource offline would take the shared "
                                                            "group offline under the other guests: use 0, monitor only")


def check_single_importer(report: Reporter, config: Config) -> None:
    """DiskGroup/Zpool resources of different groups that can run on the same system must not import
    the same disk group or pool: offlining one would deport it under the other (CVMVolDg, for shared
    disk groups, is exempt; groups on disjoint systems, e.g. one per server, are distinct imports)."""
    first: dict[tuple[str, str], Group] = {}
    for g, res in config.resources():
        attr = {"DiskGroup": "DiskGroup", "Zpool": "PoolName"}.get(res.type)
        for a in res.values(attr or ""):
            if not isinstance(a.value, Scalar) or a.system is not None:
                continue
            key = (res.type, a.value.text)
            other = first.setdefault(key, g)
            if other.name != g.name and set(other.system_list()) & set(g.system_list()):
                report(a.pos, "VCS056", f"{res.type} {res.name} imports {a.value.text!r}, also imported by "
                                        f"a resource of group {other.name}",
                       "keep one importing resource and order the other group with 'requires group'")


def check_references(report: Reporter, config: Config, owner_of: dict[str, str]) -> None:
    targets = {"Proxy": "TargetResName", "IPMultiNICB": "BaseResName", "IPMultiNIC": "MultiNICAResName"}
    cvm_groups = {g.name for g, r in config.resources() if r.type == "CVMCluster"}
    for g, res in config.resources():
        for attr in res.values(targets.get(res.type, "")):
            if isinstance(attr.value, Scalar) and attr.value.text not in owner_of:
                report(attr.pos, "VCS053", f"{res.type} {res.name}: {attr.name} names unknown resource "
                                           f"{attr.value.text!r}")
        needs_cvm = res.type in ("CVMVolDg", "CFSMount") and bool(cvm_groups)
        if needs_cvm and not _depends_on(config, g.name, cvm_groups):
            report(res.pos, "VCS054", f"group {g.name} has {res.type} {res.name} but does not depend on "
                                      f"group {sorted(cvm_groups)[0]} (CVMCluster)",
                   f"add 'requires group {sorted(cvm_groups)[0]} online local firm'")
    for g in config.groups:
        if any(r.type == "Zone" for r in g.resources) and not g.values("ContainerInfo"):
            report(g.pos, "VCS055", f"group {g.name} has a Zone resource but no ContainerInfo",
                   "set ContainerInfo = { Name = <zone>, Type = Zone, Enabled = 1 }")
