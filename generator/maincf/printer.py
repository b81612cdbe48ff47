"""Printer: a :class:`Config` tree written the way ``hacf`` lays out main.cf.

Tabs for indentation, one attribute per line, closing parentheses indented, strings quoted unless
they are plain words or integers, a blank line between blocks and the "resource dependency tree"
comment ``hacf`` appends to every group. The printer writes the tree in its own order: the
deriver sorts (resources by type then name, as ``hacf`` does on dump), the printer does not.
"""

from __future__ import annotations

import re

from generator.maincf.tree import Attr, AttrDecl, Config, Group, Items, Resource, Scalar, TypeDef, Value

BARE = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_-]*|-?[0-9]+)$")
NAME_RULE_BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
"""Characters a main.cf line cannot carry inside a string or a comment (a tab can)."""


def quote(text: str) -> str:
    """A word as main.cf writes it: bare when it is a plain word or an integer, else quoted, with ``\\``
    and ``"`` escaped (as this project's parser reads them; hacf's own escape rules are unverified).
    A main.cf string is one line: a control character cannot be written (``check`` rejects it in the
    topology, so reaching here is a bug)."""
    if BARE.match(text):
        return text
    if CONTROL.search(text):
        raise ValueError(f"a main.cf string cannot hold a control character: {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def comment(line: str) -> str:
    """A ``//`` comment line; control characters are shown as ``\\xNN`` so the comment stays one line."""
    return f"// {one_line(line)}\n" if line else "//\n"


def one_line(text: str) -> str:
    """``text`` with every control character but a tab shown as ``\\xNN``."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def format_value(value: Value) -> str:
    if isinstance(value, Scalar):
        return quote(value.text)
    if isinstance(value, Items):
        return "{ " + ", ".join(quote(i) for i in value.items) + " }" if value.items else "{ }"
    pairs = [quote(k) if v is None else f"{quote(k)} = {quote(v)}" for k, v in value.pairs]
    return "{ " + ", ".join(pairs) + " }" if pairs else "{ }"


def _attr_line(attr: Attr, indent: str) -> str:
    where = f" @{attr.system}" if attr.system else ""
    return f"{indent}{attr.name}{where} = {format_value(attr.value)}\n"


def _block(head: str, attrs: tuple[Attr, ...], indent: str) -> str:
    inner = indent + "\t"
    return f"{indent}{head} (\n" + "".join(_attr_line(a, inner) for a in attrs) + f"{inner})\n"


def _decl_line(decl: AttrDecl) -> str:
    words = (["static"] if decl.static else []) + (["temp"] if decl.temp else [])
    if decl.dim == "keylist":
        words += ["keylist", decl.name]
    else:
        suffix = {"vector": "[]", "association": "{}"}.get(decl.dim, "")
        words += [decl.type, decl.name + suffix]
    text = " ".join(words)
    if decl.default is not None:
        text += f" = {format_value(decl.default)}"
    return f"\t{text}\n"


def format_type(typedef: TypeDef) -> str:
    lines = [f"type {typedef.name} (\n"]
    rule = typedef.name_rule
    shown = "" if rule is None else rule if NAME_RULE_BARE.match(rule) else quote(rule)
    rule_line = "" if rule is None else f"\tNameRule = {shown}\n"
    for decl in typedef.decls:
        if rule_line and not decl.static:
            lines.append(rule_line)
            rule_line = ""
        lines.append(_decl_line(decl))
    lines.append(rule_line)
    lines.append("\t)\n")
    return "".join(lines)


def _tree_lines(group: Group) -> list[str]:
    """hacf's ``// resource dependency tree`` comment: each root resource with its children nested."""
    types = {r.name: r.type for r in group.resources}
    children: dict[str, list[str]] = {}
    for dep in group.resource_deps:
        kids = children.setdefault(dep.parent, [])
        kids.extend(c for c in dep.children if c not in kids)
    has_parent = {c for kids in children.values() for c in kids}
    out = ["\t// resource dependency tree\n", "\t//\n", f"\t//\tgroup {group.name}\n", "\t//\t{\n"]

    def walk(name: str, depth: int, seen: frozenset[str]) -> None:
        pad = "    " * depth
        out.append(f"\t//\t{pad}{types.get(name, '?')} {name}\n")
        kids = [k for k in children.get(name, []) if k not in seen]
        if kids:
            out.append(f"\t//\t{pad}    {{\n")
            for kid in kids:
                walk(kid, depth + 1, seen | {kid})
            out.append(f"\t//\t{pad}    }}\n")

    for r in group.resources:
        if r.name not in has_parent:
            walk(r.name, 0, frozenset({r.name}))
    out.append("\t//\t}\n")
    return out


def _resource(resource: Resource) -> str:
    return _block(f"{resource.type} {resource.name}", resource.attrs, "\t")


def format_group(group: Group) -> str:
    parts = [_block(f"group {group.name}", group.attrs, ""), "\n"]
    for r in group.resources:
        parts += [_resource(r), "\n"]
    for g in group.group_deps:
        parts.append(f"\trequires group {g.child} {' '.join(g.words)}\n")
    for d in group.resource_deps:
        if d.atleast is None:
            parts += [f"\t{d.parent} requires {c}\n" for c in d.children]
        else:
            parts.append(f"\t{d.parent} requires atleast {d.atleast} of {{ {', '.join(d.children)} }}\n")
    if group.group_deps or group.resource_deps:
        parts.append("\n")
    parts += ["\n", *_tree_lines(group)]
    return "".join(parts)


def format_config(config: Config) -> str:
    """The whole main.cf (or types file) text; the header lines become leading ``//`` comments."""
    parts: list[str] = [comment(line) for line in config.header]
    if config.header:
        parts.append("\n")
    parts += [f'include "{i.path}"\n' for i in config.includes]
    if config.includes:
        parts.append("\n")
    for t in config.types:
        parts += [format_type(t), "\n"]
    if config.cluster is not None:
        parts += [_block(f"cluster {config.cluster.name}", config.cluster.attrs, ""), "\n"]
    for s in config.systems:
        parts += [_block(f"system {s.name}", s.attrs, ""), "\n"]
    for g in config.groups:
        parts += [format_group(g), "\n"]
    text = "".join(parts)
    return text.rstrip("\n") + "\n"
