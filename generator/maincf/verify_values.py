"""Verifier, value part: mistakes hacf accepts but that bite later: a virtual IP address configured
twice, quoted values with stray spaces, a cluster file system mounted by a failover Mount."""

from __future__ import annotations

from collections.abc import Iterator

from generator.maincf.checks import Reporter
from generator.maincf.tree import Attr, Config, Group, Items, Resource, Scalar, Value

ADDRESS_TYPES = frozenset({"IP", "IPMultiNIC", "IPMultiNICB"})
"""Resource types that plumb the virtual address in their ``Address`` attribute (Bundled Agents Reference)."""


def _texts(value: Value) -> Iterator[str]:
    if isinstance(value, Scalar):
        yield value.text
    elif isinstance(value, Items):
        yield from value.items
    else:
        for key, val in value.pairs:
            yield key
            if val is not None:
                yield val


def _stray_space(report: Reporter, owner: str, attr: Attr) -> None:
    for text in _texts(attr.value):
        if text != text.strip():
            where = "leading" if text[:1].isspace() else "trailing"
            report(attr.pos, "VCS043", f"{owner}: {attr.name} value {text!r} has a {where} space inside the "
                                       "quotes", f"write {text.strip()!r}")
            return


def check_spaces(report: Reporter, config: Config) -> None:
    """Quoted values with leading or trailing white space (VCS043), anywhere in the configuration."""
    blocks: list[tuple[str, tuple[Attr, ...]]] = []
    if config.cluster:
        blocks.append((f"cluster {config.cluster.name}", config.cluster.attrs))
    blocks += [(f"system {s.name}", s.attrs) for s in config.systems]
    for g in config.groups:
        blocks.append((f"group {g.name}", g.attrs))
        blocks += [(f"{r.type} {r.name}", r.attrs) for r in g.resources]
    for owner, attrs in blocks:
        for attr in attrs:
            _stray_space(report, owner, attr)


def _addresses(res: Resource) -> set[str]:
    return {a.value.text.strip() for a in res.values("Address")
            if isinstance(a.value, Scalar) and a.value.text.strip()}


def check_duplicate_addresses(report: Reporter, config: Config) -> None:
    """The same virtual IP address in two resources (VCS042): two failover groups can be online on two
    systems at once, and the IP agent's online refuses an address another system already uses [S:
    Bundled Agents Reference 5.1, IP agent functions]; in one group both resources would plumb it."""
    first: dict[str, tuple[Group, Resource]] = {}
    for g, res in config.resources():
        if res.type not in ADDRESS_TYPES:
            continue
        for address in sorted(_addresses(res)):
            seen = first.setdefault(address, (g, res))
            if seen[1] is res:
                continue
            where = "the same group" if seen[0] is g else f"group {seen[0].name}"
            pos = next(a.pos for a in res.values("Address"))
            report(pos, "VCS042", f"{res.type} {res.name}: address {address} is also configured by "
                                  f"{seen[1].type} {seen[1].name} in {where}",
                   "the two can be online on different systems at once; give each service its own address, "
                   "or keep one resource and reach it with 'requires group'")


def _mount_options(res: Resource) -> list[str]:
    return [o.strip() for a in res.values("MountOpt") if isinstance(a.value, Scalar)
            for o in a.value.text.split(",")]


def check_cluster_mounts(report: Reporter, config: Config) -> None:
    """A Mount with the ``cluster`` option in a failover group while CVM runs (VCS059)."""
    cvm = sorted(g.name for g, r in config.resources() if r.type == "CVMCluster")
    if not cvm:
        return
    for g, res in config.resources():
        if res.type == "Mount" and not g.parallel and "cluster" in _mount_options(res):
            report(res.pos, "VCS059", f"Mount {res.name} in failover group {g.name} mounts with MountOpt "
                                      f"'cluster' beside CVM group {cvm[0]}",
                   "a cluster file system is a CFSMount (with CVMVolDg) in a parallel group that requires "
                   f"group {cvm[0]} online local firm; VCS then mounts it on every node")

