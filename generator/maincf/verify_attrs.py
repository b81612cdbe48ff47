"""Verifier, attribute part: types and attributes of resources, and group/cluster/system attributes."""

from __future__ import annotations

import difflib
import re

from generator.maincf.agent_types import AgentType, Attrs, Catalogue
from generator.maincf.checks import Reporter
from generator.maincf.tree import Assoc, Attr, AttrDecl, Config, Group, Items, Resource, Scalar, Value

ENCRYPTED = re.compile(r"^[A-Za-z]+$")
"""``vcsencrypt`` output is letters only [K]; a digit or punctuation means the value is not encrypted."""

DIM_WORDS = {"scalar": "a single value", "vector": "a list { a, b }", "keylist": "a list { a, b }",
             "association": "a map { key = value }"}


def _dim_ok(dim: str, value: Value) -> bool:
    if dim == "scalar":
        return isinstance(value, Scalar)
    if dim in ("vector", "keylist"):
        return isinstance(value, Items) or (isinstance(value, Assoc) and not value.pairs)
    return isinstance(value, Assoc) or (isinstance(value, Items) and not value.items)


def _int_values(value: Value) -> list[str]:
    if isinstance(value, Scalar):
        return [value.text]
    if isinstance(value, Items):
        return list(value.items)
    return [v for _, v in value.pairs if v is not None]


def _check_value(report: Reporter, owner: str, attr: Attr, decl: AttrDecl, certain: bool = True) -> None:
    """Dimension and integer checks: errors (VCS022, VCS025) when the declaration is certain (read from a
    type definition, or seen in a source), else the warning VCS028 (a [K] catalogue entry)."""
    if not _dim_ok(decl.dim, attr.value):
        report(attr.pos, "VCS022" if certain else "VCS028",
               f"{owner}: {attr.name} is a {decl.type} {decl.dim}; expected {DIM_WORDS[decl.dim]}")
        return
    if decl.type in ("int", "boolean"):
        bad = [v for v in _int_values(attr.value) if not re.fullmatch(r"-?[0-9]+", v)]
        if bad:
            report(attr.pos, "VCS025" if certain else "VCS028",
                   f"{owner}: {attr.name} is {decl.type}; {bad[0]!r} is not an integer")


def _duplicates(report: Reporter, owner: str, attrs: tuple[Attr, ...]) -> None:
    seen: set[tuple[str, str | None]] = set()
    for a in attrs:
        if (a.name, a.system) in seen:
            where = f" for system {a.system}" if a.system else ""
            report(a.pos, "VCS024", f"{owner}: {a.name} is set twice{where}")
        seen.add((a.name, a.system))


def _required(report: Reporter, res: Resource, agent: AgentType) -> None:
    names = {a.name for a in res.attrs}
    missing = [r for r in agent.required if r not in names]
    fstype = next((a.value.text for a in res.values("FSType") if isinstance(a.value, Scalar)), "")
    if res.type == "Mount" and fstype in ("vxfs", "ufs") and "FsckOpt" not in names:
        missing.append("FsckOpt")
    for group in agent.one_of:
        if not names & set(group):
            missing.append(" or ".join(group))
    for m in missing:
        report(res.pos, "VCS023", f"{res.type} {res.name}: required attribute {m} is not set")


def _password(report: Reporter, owner: str, attr: Attr) -> None:
    if isinstance(attr.value, Scalar) and attr.value.text and not ENCRYPTED.match(attr.value.text):
        report(attr.pos, "VCS050", f"{owner}: {attr.name} does not look vcsencrypt-encrypted (plaintext?)",
               "store only the output of 'vcsencrypt -agent' (LDom, Oracle) or 'vcsencrypt -vcs' (UserNames)")


def _unknown(report: Reporter, owner: str, attr: Attr, agent: AgentType) -> None:
    """An attribute the type does not have: an error when the type definition was read (hacf rejects
    it), a warning naming the catalogue when the type is known only from the catalogue."""
    names = [d.name for d in agent.typedef.decls]
    close = difflib.get_close_matches(attr.name, names, n=1)
    hint = f"did you mean {close[0]!r}?" if close else ""
    name = agent.typedef.name
    if not agent.source:
        report(attr.pos, "VCS021", f"{owner}: type {name} has no attribute {attr.name!r}", hint)
        return
    report(attr.pos, "VCS026", f"{owner}: attribute {attr.name!r} is not in the catalogue's type {name} "
                               f"({agent.source})",
           hint or f"hacf rejects it unless the {agent.file} installed on the nodes defines it")


def check_resource(report: Reporter, res: Resource, cat: Catalogue) -> None:
    agent = cat.types.get(res.type)
    owner = f"{res.type} {res.name}"
    _duplicates(report, owner, res.attrs)
    if agent is None:
        close = difflib.get_close_matches(res.type, list(cat.types), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        report(res.pos, "VCS020", f"resource {res.name}: unknown type {res.type!r}",
               hint + "or include the type file that defines it")
        return
    certain = not agent.source or agent.basis == "S"
    for attr in res.attrs:
        own = agent.typedef.decl(attr.name)
        decl = own or cat.resource_attributes.get(attr.name)
        if decl is None:
            _unknown(report, owner, attr, agent)
        else:
            _check_value(report, owner, attr, decl, certain and own is not None)
        if attr.name in agent.passwords:
            _password(report, owner, attr)
    _required(report, res, agent)


def _known_attrs(report: Reporter, owner: str, attrs: tuple[Attr, ...], known: Attrs, cat: Catalogue) -> None:
    _duplicates(report, owner, attrs)
    for attr in attrs:
        decl = known.get(attr.name)
        if decl is None:
            close = difflib.get_close_matches(attr.name, sorted(known), n=1)
            report(attr.pos, "VCS027", f"{owner}: attribute {attr.name!r} is not in the catalogue "
                                       f"({cat.attributes_source})",
                   f"did you mean {close[0]!r}?" if close else "")
        elif not (attr.name == "SystemList" and isinstance(attr.value, Items)):
            # SystemList = { a, b } is accepted: VCS numbers the systems itself
            _check_value(report, owner, attr, decl, attr.name in cat.certain_attributes)


def check_group_attrs(report: Reporter, group: Group, cat: Catalogue) -> None:
    _known_attrs(report, f"group {group.name}", group.attrs, cat.group_attributes, cat)


def check_other_attrs(report: Reporter, config: Config, cat: Catalogue) -> None:
    blocks = ([(f"cluster {config.cluster.name}", config.cluster.attrs, cat.cluster_attributes)]
              if config.cluster else [])
    blocks += [(f"system {s.name}", s.attrs, cat.system_attributes) for s in config.systems]
    for owner, attrs, known in blocks:
        _known_attrs(report, owner, attrs, known, cat)
        for attr in attrs:
            if attr.name == "UserNames" and isinstance(attr.value, Assoc):
                for user, pw in attr.value.pairs:
                    shown = Attr("UserNames", Scalar(pw or ""), None, attr.pos)
                    _password(report, f"{owner} user {user}", shown)
