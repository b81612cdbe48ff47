"""The VCS configuration tree: what a main.cf says, as small frozen dataclasses.

The tree is built by :mod:`generator.derive.vcs.cluster` from a topology, or by :mod:`generator.maincf.parser`
from any main.cf text, and written by :mod:`generator.maincf.printer`. Positions (``pos``) are kept for
diagnostics but take no part in equality, so ``parse(print(tree)) == tree``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pos:
    """1-based line and column of an object in its main.cf text (0, 0 when built in memory)."""

    line: int = 0
    col: int = 0


NOPOS = Pos()


@dataclass(frozen=True)
class Scalar:
    """A single value: ``LDomName = ldg1`` or ``CfgFile = "/etc/ldg1.xml"`` (text without quotes)."""

    text: str


@dataclass(frozen=True)
class Items:
    """A vector or keylist value: ``{ a, b, "c d" }`` (the type decides which one it is)."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Assoc:
    """An association: ``{ key = value, ... }``; a key written without ``= value`` has value None."""

    pairs: tuple[tuple[str, str | None], ...]

    def keys(self) -> list[str]:
        return [k for k, _ in self.pairs]


Value = Scalar | Items | Assoc


def scalar(value: object) -> Scalar:
    """A scalar from a Python value (booleans become 0/1)."""
    if isinstance(value, bool):
        return Scalar("1" if value else "0")
    return Scalar(str(value))


@dataclass(frozen=True)
class Attr:
    """``Name = value`` or, localized, ``Name @system = value``."""

    name: str
    value: Value
    system: str | None = None
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class Resource:
    """``Type name ( attributes )``."""

    type: str
    name: str
    attrs: tuple[Attr, ...] = ()
    pos: Pos = field(default=NOPOS, compare=False)

    def values(self, name: str) -> list[Attr]:
        return [a for a in self.attrs if a.name == name]


@dataclass(frozen=True)
class ResourceDep:
    """``parent requires child`` or ``parent requires atleast N of { c1, c2 }``."""

    parent: str
    children: tuple[str, ...]
    atleast: int | None = None
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class GroupDep:
    """``requires group child online|offline local|global|remote [soft|firm|hard]``."""

    child: str
    category: str = "online"
    location: str = "local"
    rigidity: str | None = "firm"
    pos: Pos = field(default=NOPOS, compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        return (self.category, self.location) + ((self.rigidity,) if self.rigidity else ())


@dataclass(frozen=True)
class Group:
    """``group name ( attributes )`` with its resources and dependencies."""

    name: str
    attrs: tuple[Attr, ...] = ()
    resources: tuple[Resource, ...] = ()
    resource_deps: tuple[ResourceDep, ...] = ()
    group_deps: tuple[GroupDep, ...] = ()
    pos: Pos = field(default=NOPOS, compare=False)

    def values(self, name: str) -> list[Attr]:
        return [a for a in self.attrs if a.name == name]

    def system_list(self) -> list[str]:
        found = [a.value for a in self.values("SystemList") if a.system is None]
        value = found[0] if found else None
        if isinstance(value, Assoc):
            return value.keys()
        if isinstance(value, Items):
            return list(value.items)
        return []

    @property
    def parallel(self) -> bool:
        found = [a.value for a in self.values("Parallel")]
        return bool(found) and isinstance(found[0], Scalar) and found[0].text not in ("0", "")


@dataclass(frozen=True)
class System:
    """``system name ( attributes )``."""

    name: str
    attrs: tuple[Attr, ...] = ()
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class Cluster:
    """``cluster name ( attributes )``."""

    name: str
    attrs: tuple[Attr, ...] = ()
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class AttrDecl:
    """An attribute declaration in a type: ``static int OnlineTimeout = 400``, ``str Device{}``."""

    name: str
    type: str = "str"
    dim: str = "scalar"
    static: bool = False
    temp: bool = False
    default: Value | None = None
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class TypeDef:
    """``type Name ( declarations )``, with the optional ``NameRule``."""

    name: str
    decls: tuple[AttrDecl, ...] = ()
    name_rule: str | None = None
    pos: Pos = field(default=NOPOS, compare=False)

    def decl(self, name: str) -> AttrDecl | None:
        return next((d for d in self.decls if d.name == name), None)


@dataclass(frozen=True)
class Include:
    """``include "file.cf"``."""

    path: str
    pos: Pos = field(default=NOPOS, compare=False)


@dataclass(frozen=True)
class Config:
    """A whole main.cf (or an included types file, which holds only types)."""

    header: tuple[str, ...] = ()
    """Leading ``//`` comment lines (the "generated from" note), without the ``//``."""
    includes: tuple[Include, ...] = ()
    cluster: Cluster | None = None
    systems: tuple[System, ...] = ()
    groups: tuple[Group, ...] = ()
    types: tuple[TypeDef, ...] = ()

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def resources(self) -> list[tuple[Group, Resource]]:
        return [(g, r) for g in self.groups for r in g.resources]
