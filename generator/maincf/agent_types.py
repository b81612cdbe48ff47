"""The agent-type catalogue: types, attributes, dimensions and required attributes, as data.

The data lives in ``data/agents.json`` (see its ``_about`` note for the compact attribute spec).
Type definitions built from it are *reconstructed* from the reference (REFERENCE.md section 3), not
copied from the vendor's ``types.cf``; the type files written from them say so in their header.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from generator.maincf.lexer import tokenize
from generator.maincf.tree import AttrDecl, Config, Items, TypeDef, Value


@dataclass(frozen=True)
class AgentType:
    """A type definition with what the verifier needs beyond it."""

    typedef: TypeDef
    required: tuple[str, ...] = ()
    one_of: tuple[tuple[str, ...], ...] = ()
    passwords: tuple[str, ...] = ()
    file: str = "types.cf"
    basis: str = "K"
    section: str = ""


@dataclass(frozen=True)
class Catalogue:
    """Agent types by name and the generic attribute names allowed on resources, groups, etc."""

    types: dict[str, AgentType]
    resource_attributes: frozenset[str]
    group_attributes: frozenset[str]
    cluster_attributes: frozenset[str]
    system_attributes: frozenset[str]

    def with_types(self, typedefs: tuple[TypeDef, ...]) -> Catalogue:
        """This catalogue with type definitions read from a configuration taking precedence."""
        types = dict(self.types)
        for t in typedefs:
            old = types.get(t.name)
            types[t.name] = AgentType(t, old.required if old else (), old.one_of if old else (),
                                      old.passwords if old else (), old.file if old else "main.cf")
        return Catalogue(types, self.resource_attributes, self.group_attributes, self.cluster_attributes,
                         self.system_attributes)


def _value(text: str) -> Value:
    from generator.maincf.parser import _Parser  # local import: the parser imports nothing from here

    return _Parser(tokenize(text).tokens).value()


def parse_spec(name: str, spec: str, static: bool = False) -> tuple[AttrDecl, bool]:
    """``"str{}!"`` -> (declaration, required)."""
    temp = spec.startswith("temp ")
    spec = spec.removeprefix("temp ")
    kind, _, default = spec.partition("=")
    required = kind.endswith("!")
    kind = kind.rstrip("!")
    dim = "scalar"
    if kind == "keylist":
        kind, dim = "str", "keylist"
    elif kind.endswith("[]"):
        kind, dim = kind[:-2], "vector"
    elif kind.endswith("{}"):
        kind, dim = kind[:-2], "association"
    value = _value(default) if default else None
    return AttrDecl(name, kind, dim, static, temp, value), required


def _agent(name: str, data: dict[str, Any]) -> AgentType:
    decls: list[AttrDecl] = []
    required: list[str] = []
    attrs = dict(data["attributes"])
    for attr, spec in data.get("static", {}).items():
        decls.append(parse_spec(attr, spec, static=True)[0])
    arglist = [a for a, spec in attrs.items() if not spec.startswith("temp ")] + [
        a for a, spec in attrs.items() if spec.startswith("temp ")]
    decls.append(AttrDecl("ArgList", "str", "vector", True, False, Items(tuple(arglist))))
    for attr, spec in attrs.items():
        decl, req = parse_spec(attr, spec)
        decls.append(decl)
        if req:
            required.append(attr)
    typedef = TypeDef(name, tuple(decls), data.get("name_rule"))
    return AgentType(typedef, tuple(required), tuple(tuple(x) for x in data.get("one_of", [])),
                     tuple(data.get("passwords", [])), data["file"], data["basis"], data.get("section", ""))


@cache
def catalogue() -> Catalogue:
    """The built-in catalogue (loaded once)."""
    raw = json.loads(resources.files("generator.maincf").joinpath("data/agents.json").read_text("utf-8"))
    types = {name: _agent(name, data) for name, data in sorted(raw["types"].items())}
    return Catalogue(types, frozenset(raw["resource_attributes"]), frozenset(raw["group_attributes"]),
                     frozenset(raw["cluster_attributes"]), frozenset(raw["system_attributes"]))


TYPE_FILE_NOTE = (
    "Reconstructed by infoscale-docgen from public documentation (see its REFERENCE notes); NOT the",
    "vendor's file. Use the type files shipped with InfoScale on the cluster nodes; this copy lets the",
    "tool and reviewers verify main.cf offline.",
)


def type_files(type_names: set[str], source_name: str) -> dict[str, Config]:
    """The type files (``types.cf``, ``CVMTypes.cf``, ...) defining ``type_names``, by file name."""
    cat = catalogue()
    files: dict[str, list[TypeDef]] = {"types.cf": []}
    for name in sorted(type_names):
        agent = cat.types.get(name)
        if agent is not None:
            files.setdefault(agent.file, []).append(agent.typedef)
    header = (f"Generated from {source_name} by infoscale-docgen; do not edit.", *TYPE_FILE_NOTE)
    return {f: Config(header=header, types=tuple(defs)) for f, defs in sorted(files.items())}


def include_files(type_names: set[str]) -> list[str]:
    """The include lines a main.cf using ``type_names`` needs, ``types.cf`` first."""
    cat = catalogue()
    files = {cat.types[n].file for n in type_names if n in cat.types} | {"types.cf"}
    return ["types.cf", *sorted(files - {"types.cf"})]
