"""Building blocks for derivation: a mutable group builder that yields a sorted, frozen :class:`Group`.

Groups are laid out the way ``hacf`` dumps them: group attributes in a fixed order, resources
sorted by type then name, dependencies sorted by parent then child.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.maincf.tree import Assoc, Attr, Group, GroupDep, Items, Resource, ResourceDep, Value, scalar

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]+")


def vcs_name(*parts: str) -> str:
    """A VCS object name from topology names: letters, digits and underscores, starting with a letter."""
    text = "_".join(_NOT_NAME.sub("_", p) for p in parts if p).strip("_")
    return text if text[:1].isalpha() else f"x{text}"


def to_value(value: object) -> Value:
    """A main.cf value from a YAML value: list -> vector/keylist, mapping -> association, else scalar."""
    if isinstance(value, list | tuple):
        return Items(tuple(str(scalar(v).text) for v in value))
    if isinstance(value, dict):
        return Assoc(tuple((str(k), scalar(v).text) for k, v in value.items()))
    return scalar(value)


def localized(name: str, per_system: dict[str, Value]) -> list[Attr]:
    """One attribute, global when every system has the same value, else one ``@system`` line each."""
    values = list(per_system.values())
    if values and all(v == values[0] for v in values):
        return [Attr(name, values[0])]
    return [Attr(name, v, sys) for sys, v in per_system.items()]


@dataclass
class GroupBuilder:
    """A service group under construction; ``kind`` says which configuration model made it."""

    name: str
    kind: str
    systems: list[str]
    parallel: bool = False
    autostart: list[str] | None = None
    attrs: list[Attr] = field(default_factory=list)
    resources: dict[str, Resource] = field(default_factory=dict)
    links: set[tuple[str, str]] = field(default_factory=set)
    group_deps: list[GroupDep] = field(default_factory=list)

    def add(self, rtype: str, name: str, attrs: list[Attr] | None = None) -> str:
        """Add a resource (first definition wins) and return its name."""
        if name not in self.resources:
            self.resources[name] = Resource(rtype, name, tuple(attrs or ()))
        return name

    def pop_items(self, name: str, attr: str) -> set[str]:
        """Remove resource ``name`` (to be re-added) and return the items of its list attribute ``attr``."""
        old = self.resources.pop(name, None)
        found: set[str] = set()
        for a in old.values(attr) if old else []:
            if isinstance(a.value, Items):
                found |= set(a.value.items)
        return found

    def link(self, parent: str, child: str) -> None:
        self.links.add((parent, child))

    def require_group(self, child: str, location: str = "local", rigidity: str = "firm") -> None:
        dep = GroupDep(child, "online", location, rigidity)
        if dep not in self.group_deps:
            self.group_deps.append(dep)

    def build(self) -> Group:
        attrs = [Attr("SystemList", Assoc(tuple((s, str(i)) for i, s in enumerate(self.systems))))]
        attrs += self.attrs
        if self.parallel:
            attrs.append(Attr("Parallel", scalar(1)))
        start = self.autostart if self.autostart is not None else (
            self.systems if self.parallel else self.systems[:1])
        if start:
            attrs.append(Attr("AutoStartList", Items(tuple(start))))
        resources = tuple(sorted(self.resources.values(), key=lambda r: (r.type, r.name)))
        deps = tuple(ResourceDep(p, (c,)) for p, c in sorted(self.links))
        gdeps = tuple(sorted(self.group_deps, key=lambda d: d.child))
        return Group(self.name, tuple(attrs), resources, deps, gdeps)


@dataclass
class Derivation:
    """Groups derived for one cluster, plus problems found while merging explicit groups."""

    groups: dict[str, GroupBuilder] = field(default_factory=dict)
    problems: list[tuple[tuple[str | int, ...], str]] = field(default_factory=list)

    def group(self, name: str, kind: str, systems: list[str], parallel: bool = False,
              autostart: list[str] | None = None) -> GroupBuilder:
        """The group called ``name``, created on first use."""
        if name not in self.groups:
            self.groups[name] = GroupBuilder(name, kind, list(systems), parallel, autostart)
        return self.groups[name]

    def resource_names(self) -> set[str]:
        return {r for g in self.groups.values() for r in g.resources}
