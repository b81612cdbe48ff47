"""The topology-format reference, read from the JSON Schema pydantic derives from :mod:`generator.input.schema`.

Field descriptions are the docstrings written under each field, so the reference cannot drift
from the code. Sections follow the order in which a reader meets them, starting at the root.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.cli.json_schema import json_schema_text
from generator.core.sizes import format_size
from generator.input.schema import Topology


@dataclass(frozen=True)
class FieldDoc:
    key: str
    type: str
    required: bool
    default: str
    description: str


@dataclass(frozen=True)
class SectionDoc:
    name: str
    anchor: str
    description: str
    fields: tuple[FieldDoc, ...]
    values: tuple[str, ...]


def anchor(name: str) -> str:
    return f"format-{name.lower()}"


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_text(schema: dict[str, Any]) -> str:
    """Readable Markdown for a property's type, with links to the sections of nested objects."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return f"{{ref}}`{name} <{anchor(name)}>`"
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if o.get("type") != "null"]
        text = " or ".join(type_text(o) for o in options)
        return text + (" or null" if len(options) < len(schema["anyOf"]) else "")
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return "list of " + type_text(schema.get("items", {}))
    if kind == "object":
        values = schema.get("additionalProperties")
        return "map of name to " + type_text(values) if isinstance(values, dict) else "mapping"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def _references(schema: Any) -> list[str]:
    """``$ref`` targets in document order."""
    if isinstance(schema, dict):
        found = [_ref_name(schema["$ref"])] if "$ref" in schema else []
        for key in sorted(schema) if "properties" not in schema else ["properties"]:
            found.extend(_references(schema[key]))
        return found
    if isinstance(schema, list):
        return [name for item in schema for name in _references(item)]
    return []


def default_text(prop: dict[str, Any]) -> str:
    """A property's default as a topology would write it: a size field's bytes as ``8G``, not ``8589934592``."""
    if "default" not in prop:
        return ""
    value = prop["default"]
    kinds = prop.get("type", [])
    if isinstance(value, int) and not isinstance(value, bool) and isinstance(kinds, list) and "string" in kinds:
        return format_size(value)
    return json.dumps(value, sort_keys=True)


def _section(name: str, schema: dict[str, Any]) -> SectionDoc:
    required = set(schema.get("required", []))
    fields = tuple(
        FieldDoc(key, type_text(prop), key in required, default_text(prop), prop.get("description", ""))
        for key, prop in schema.get("properties", {}).items())
    values = tuple(str(v) for v in schema.get("enum", ()))
    return SectionDoc(name, anchor(name), schema.get("description", ""), fields, values)


def schema_sections() -> tuple[str, list[SectionDoc]]:
    """The JSON Schema text and its sections, root first, then each definition where first used."""
    text = json_schema_text()
    data = Topology.model_json_schema(by_alias=True)  # fields in declaration order, unlike the sorted text
    defs: dict[str, Any] = data.get("$defs", {})
    order: list[str] = []
    queue = _references(data.get("properties", {}))
    while queue:
        name = queue.pop(0)
        if name in order or name not in defs:
            continue
        order.append(name)
        queue.extend(_references(defs[name]))
    order.extend(sorted(set(defs) - set(order)))
    root = _section("Topology", data)
    return text, [root, *(_section(name, defs[name]) for name in order)]
