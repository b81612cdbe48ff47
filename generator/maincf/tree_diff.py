"""The difference between two main.cf trees: groups, resources, attributes and dependencies added, removed or changed.

Pure and topology-agnostic: what drift reports between a derived configuration and a running cluster's
main.cf. Positions and the header comment take no part (they are not configuration). Attributes are
compared per (name, system): ``SystemList`` and ``Enabled @node1`` are different values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.maincf.printer import format_value
from generator.maincf.tree import Attr, Config, Group, Resource


@dataclass(frozen=True)
class TreeChange:
    """One difference; ``old`` and ``new`` are printed main.cf values (empty where absent)."""

    action: str
    """``added``, ``removed`` or ``changed`` (from ``old`` to ``new``)."""
    kind: str
    """``cluster``, ``system``, ``group``, ``resource``, ``attribute``, ``resource-dependency`` or
    ``group-dependency``."""
    group: str = ""
    resource: str = ""
    name: str = ""
    old: str = ""
    new: str = ""

    def describe(self) -> str:
        where = " ".join(p for p in (f"group {self.group}" if self.group else "",
                                     f"resource {self.resource}" if self.resource else "") if p)
        subject = f"{self.kind} {self.name}".strip() if self.kind not in ("group", "resource") else ""
        text = ", ".join(p for p in (where, subject) if p) or self.kind
        if self.action == "changed":
            return f"{text}: {self.old} -> {self.new}"
        return f"{text} {self.action}" + (f": {self.new or self.old}" if self.kind.endswith("dependency") else "")


def _attrs(attrs: tuple[Attr, ...]) -> dict[str, str]:
    return {a.name + (f" @{a.system}" if a.system else ""): format_value(a.value) for a in attrs}


def _compare_attrs(old: tuple[Attr, ...], new: tuple[Attr, ...], group: str = "", resource: str = "",
                   kind: str = "attribute") -> Iterator[TreeChange]:
    before, after = _attrs(old), _attrs(new)
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is None:
            yield TreeChange("added", kind, group, resource, name, "", b or "")
        elif b is None:
            yield TreeChange("removed", kind, group, resource, name, a, "")
        elif a != b:
            yield TreeChange("changed", kind, group, resource, name, a, b)


def _resources(old: Group, new: Group) -> Iterator[TreeChange]:
    before: dict[str, Resource] = {r.name: r for r in old.resources}
    after: dict[str, Resource] = {r.name: r for r in new.resources}
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            r = a or b
            assert r is not None
            yield TreeChange("added" if a is None else "removed", "resource", old.name, name, "", r.type, r.type)
        elif a.type != b.type:
            yield TreeChange("changed", "resource", old.name, name, "type", a.type, b.type)
        else:
            yield from _compare_attrs(a.attrs, b.attrs, old.name, name)


def _dependencies(old: Group, new: Group) -> Iterator[TreeChange]:
    def resource_deps(g: Group) -> set[str]:
        return {f"{d.parent} requires " + (f"atleast {d.atleast} of " if d.atleast else "")
                + ", ".join(d.children) for d in g.resource_deps}

    def group_deps(g: Group) -> set[str]:
        return {f"requires group {d.child} {' '.join(d.words)}" for d in g.group_deps}

    for kind, find in (("resource-dependency", resource_deps), ("group-dependency", group_deps)):
        a, b = find(old), find(new)
        for text in sorted(b - a):
            yield TreeChange("added", kind, old.name, new=text)
        for text in sorted(a - b):
            yield TreeChange("removed", kind, old.name, old=text)


def diff_configs(old: Config, new: Config) -> list[TreeChange]:
    """Every difference from ``old`` to ``new``, in a stable order (cluster, systems, then groups by name)."""
    out: list[TreeChange] = []
    if old.cluster and new.cluster:
        out += _compare_attrs(old.cluster.attrs, new.cluster.attrs, kind="cluster")
    systems_a, systems_b = {s.name for s in old.systems}, {s.name for s in new.systems}
    out += [TreeChange("added", "system", name=s) for s in sorted(systems_b - systems_a)]
    out += [TreeChange("removed", "system", name=s) for s in sorted(systems_a - systems_b)]
    groups_a, groups_b = {g.name: g for g in old.groups}, {g.name: g for g in new.groups}
    for name in sorted(groups_a.keys() | groups_b.keys()):
        a, b = groups_a.get(name), groups_b.get(name)
        if a is None or b is None:
            out.append(TreeChange("added" if a is None else "removed", "group", name))
            continue
        out += _compare_attrs(a.attrs, b.attrs, name)
        out += _resources(a, b)
        out += _dependencies(a, b)
    return out
