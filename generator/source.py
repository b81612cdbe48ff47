"""Source layer: read a topology YAML file safely, keeping a line/column mark for every key and value.

This is the only module that reads topology files. It composes the YAML node graph with PyYAML's
C parser (falling back to the pure-Python one) and converts it itself, so that it can:

* allow only the plain YAML tags (map, seq, str, int, float, bool, null); any tag that would
  construct an object is refused;
* bound alias expansion (billion-laughs documents) and nesting depth;
* refuse duplicate keys instead of silently keeping the last value;
* refuse files that are too large, not UTF-8, or binary, and integers too large to be meaningful.

Problems are returned as located diagnostics; nothing here raises on bad input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Severity

try:  # the C parser is ~10x faster; it is optional in PyYAML wheels
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 64
MAX_INT_DIGITS = 18

PathKey = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",  # kept as the text written (e.g. a date in a change window)
}


class MarkedLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader used only to compose nodes; conversion is done by :func:`_Converter`."""


@dataclass
class Document:
    """A parsed YAML document: plain data plus the position of every value and key."""

    path: str
    data: Any
    value_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def mark(self, loc: PathKey, key: bool = False) -> tuple[int, int]:
        """Best position for ``loc``: the key (when asked and known), else the value, else its parent."""
        probe = tuple(loc)
        if key and probe in self.key_marks:
            return self.key_marks[probe]
        while probe:
            if probe in self.value_marks:
                return self.value_marks[probe]
            if probe in self.key_marks:
                return self.key_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def error(self, loc: PathKey, rule: str, message: str, hint: str = "", key: bool = False,
              severity: Severity = Severity.ERROR) -> Diagnostic:
        line, col = self.mark(loc, key=key)
        return Diagnostic(self.path, line, col, severity, rule, message, hint)


class _Stop(Exception):
    """Raised internally when a limit is hit; the diagnostic is already recorded."""


class _Converter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.nodes = 0

    def _fail(self, node: yaml.Node, rule: str, message: str, hint: str = "") -> None:
        self.doc.diagnostics.append(Diagnostic(
            self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1,
            Severity.ERROR, rule, message, hint))

    def convert(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._fail(node, "YAML004", f"document expands to more than {MAX_NODES} values",
                       "aliases that repeat large structures are refused")
            raise _Stop
        if depth > MAX_DEPTH:
            self._fail(node, "YAML007", f"nesting deeper than {MAX_DEPTH} levels")
            raise _Stop
        self.doc.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, "YAML003", f"tag {node.tag!r} is not allowed",
                       "topology files use plain YAML: maps, lists, strings, numbers, booleans")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._fail(key_node, "YAML003", "merge keys ('<<') are not supported",
                           "write the keys out, or use an anchor for a whole value")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "YAML010", "a mapping key must be a plain scalar")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.doc.key_marks.get((*path, key), (0, 0))
                self._fail(key_node, "YAML002", f"duplicate key {key!r}",
                           f"first defined at line {first[0]}; a repeated key would silently lose data")
                continue
            self.doc.key_marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return text.lower() in ("true", "yes", "on", "y")
        if tag.endswith(":int"):
            digits = text.lstrip("+-").replace("_", "")
            if len(digits) > MAX_INT_DIGITS:
                self._fail(node, "YAML008", f"integer with {len(digits)} digits is too large")
                return None
            try:
                return int(yaml.constructor.SafeConstructor.construct_yaml_int(
                    yaml.constructor.SafeConstructor(), node))
            except (ValueError, TypeError):
                return text
        if tag.endswith(":float"):
            try:
                value = float(text.replace("_", ""))
            except ValueError:
                return text
            if math.isinf(value) or math.isnan(value):
                self._fail(node, "YAML008", f"number {text!r} is not finite")
                return None
            return value
        return text


def parse_text(text: str, path: str) -> Document:
    """Parse YAML text into a :class:`Document`; problems go into ``document.diagnostics``."""
    doc = Document(path=path, data=None)
    loader = MarkedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML009", "the file is empty"))
            return doc
        doc.data = _Converter(doc).convert(node, (), 0)
    except _Stop:
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (exc.problem or exc.context or "invalid YAML").strip()
        doc.diagnostics.append(Diagnostic(path, line, col, Severity.ERROR, "YAML001",
                                          f"YAML syntax error: {message}"))
        doc.data = None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position too
        line = getattr(exc, "position", 0)
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML001",
                                          f"YAML error: {exc} (at character {line})"))
        doc.data = None
    except RecursionError:
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML007",
                                          "document nests too deeply to parse"))
        doc.data = None
    finally:
        loader.dispose()
    return doc


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Check size, binary content and UTF-8; return the text or located diagnostics."""
    if len(data) > MAX_BYTES:
        return None, [Diagnostic(path, 1, 1, Severity.ERROR, "YAML005",
                                 f"file is {len(data)} bytes; the limit is {MAX_BYTES}")]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position_of(data, nul)
        return None, [Diagnostic(path, line, col, Severity.ERROR, "YAML006",
                                 "file contains a NUL byte: it looks binary, not a YAML topology")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of(data, exc.start)
        return None, [Diagnostic(path, line, col, Severity.ERROR, "YAML006",
                                 f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})")]
    return text.removeprefix("\ufeff"), []


def read_document(file: Path, display: str | None = None) -> Document:
    """Read and parse one topology file; every problem becomes a diagnostic in the result."""
    name = display or str(file)
    try:
        data = file.read_bytes()
    except OSError as exc:
        doc = Document(path=name, data=None)
        doc.diagnostics.append(Diagnostic(name, 1, 1, Severity.ERROR, "IO001",
                                          f"cannot read file: {exc.strerror or exc}"))
        return doc
    text, problems = decode(data, name)
    if text is None:
        return Document(path=name, data=None, diagnostics=problems)
    return parse_text(text, name)
