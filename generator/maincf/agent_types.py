"""The agent-type and attribute catalogue: types, attributes, dimensions and required attributes, as data.

The data lives in ``data/*.json``, one file per source document: ``attributes-vcs.json`` (the VCS
Administrator's Guide appendix of cluster, system, group, resource and resource type attributes) and
``agents-*.json`` (Bundled Agents Reference, CVM/CFS, SF Oracle RAC, DB2/Sybase, VVR agents). Each file's
``_source`` names the document, the release and the basis (S/K/unverified) of its content. Attribute
spec: ``TYPE`` (str|int|boolean|float), ``TYPE[]`` vector, ``TYPE{}`` association, ``keylist``; ``!``
required; ``=VALUE`` default; a ``temp`` prefix marks a temporary attribute. Type definitions built from
it are *reconstructed*, not copied from the vendor's type files; the type files written from them say so.
The verifier, the ha command writer, the type-file printer and the topology rules (through the verifier)
all read this one catalogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
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
    source: str = ""
    """The catalogue the type comes from (document and release), or "" for a type definition read from
    main.cf or an included type file: an attribute such a definition lacks is one ``hacf`` rejects."""


Attrs = dict[str, AttrDecl]
"""Attribute declarations by name (for group, cluster, system and resource-level attributes)."""


@dataclass(frozen=True)
class Catalogue:
    """Agent types by name and the attributes every resource, group, system or the cluster may have."""

    types: dict[str, AgentType]
    resource_attributes: Attrs
    """Resource attributes and resource type attributes (a resource may override the static ones)."""
    type_attributes: Attrs
    """The static resource type attributes among them: setting one on a resource needs an override."""
    group_attributes: Attrs
    cluster_attributes: Attrs
    system_attributes: Attrs
    attributes_source: str = ""
    """Document and release of the cluster/system/group/resource attribute tables."""
    certain_attributes: frozenset[str] = frozenset()
    """Group attributes whose dimension and type were seen in a source: a wrong value is an error."""

    def with_types(self, typedefs: tuple[TypeDef, ...]) -> Catalogue:
        """This catalogue with type definitions read from a configuration taking precedence."""
        types = dict(self.types)
        for t in typedefs:
            old = types.get(t.name)
            types[t.name] = AgentType(t, old.required if old else (), old.one_of if old else (),
                                      old.passwords if old else (), old.file if old else "main.cf")
        return replace(self, types=types)


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


def _agent(name: str, data: dict[str, Any], source: str) -> AgentType:
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
                     tuple(data.get("passwords", [])), data["file"], data["basis"], data.get("section", ""),
                     source)


def source_label(about: dict[str, Any]) -> str:
    """``Cluster Server Bundled Agents Reference Guide - Solaris, InfoScale 7.3.1``: what a warning names
    as the catalogue it checked against."""
    document = str(about["document"]).split(" (")[0].split(",")[0]
    return f"{document}, {about['release']}"


def _attrs(specs: dict[str, str], static: bool = False) -> Attrs:
    return {name: parse_spec(name, spec, static)[0] for name, spec in specs.items()}


@cache
def data_files() -> dict[str, dict[str, Any]]:
    """The catalogue's data files by name (``agents-bundled.json``, ...), parsed."""
    folder = resources.files("generator.maincf").joinpath("data")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".json"))
    return {name: json.loads(folder.joinpath(name).read_text("utf-8")) for name in names}


@cache
def catalogue() -> Catalogue:
    """The built-in catalogue (loaded once)."""
    files = data_files()
    types: dict[str, AgentType] = {}
    for name, raw in files.items():
        for type_name, data in raw.get("types", {}).items():
            if type_name in types:
                raise ValueError(f"{name}: type {type_name} is also defined in another data file")
            types[type_name] = _agent(type_name, data, source_label(raw["_source"]))
    attrs = files["attributes-vcs.json"]
    statics = _attrs(attrs["type"], static=True)
    return Catalogue(dict(sorted(types.items())), {**_attrs(attrs["resource"]), **statics}, statics,
                     _attrs(attrs["group"]), _attrs(attrs["cluster"]), _attrs(attrs["system"]),
                     source_label(attrs["_source"]), frozenset(attrs["_source"]["certain"]))


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
