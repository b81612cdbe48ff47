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

import errno
import hashlib
import math
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.core.diagnostics import Diagnostic, Severity

try:  # the C parser is ~10x faster; it is optional in PyYAML wheels
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 12 * 1024 * 1024
"""Largest topology file accepted: twice a 5,000-guest layered estate (5.6 MB; issue 17). The bounds
on what a small hostile file can expand to (aliases, nesting, the value estimate) stay as they are."""
MAX_NODES = 1_200_000
"""Most values a document may hold (estimated before parsing, counted while converting)."""
MAX_ALIAS_VALUES = 10_000
"""Most values that aliases may copy (billion-laughs documents expand exponentially)."""
MAX_DEPTH = 64
MAX_INT_DIGITS = 18
_NON_FINITE = {".inf", "+.inf", "-.inf", ".nan"}
_STR = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

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


_PLAIN_HINT = "topology files use plain YAML: maps, lists, strings, numbers, booleans"


def _short_tag(tag: str) -> str:
    """A tag as it was written: ``!!python/object`` rather than the expanded URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class MarkedLoader(_BaseLoader):
    """Safe loader used only to compose nodes; conversion is done by :func:`_Converter`."""


@dataclass
class Document:
    """A parsed YAML document: plain data plus the position of every value and key."""

    path: str
    data: Any
    value_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""
    """Content hash of the bytes read (empty when the file could not be read)."""

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
        self.seen: set[int] = set()
        self.copied = 0

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
        self._count_alias_copy(node)
        mark = node.start_mark
        self.doc.value_marks[path] = (mark.line + 1, mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, "YAML003", f"tag {_short_tag(node.tag)!r} is not allowed", _PLAIN_HINT)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _count_alias_copy(self, node: yaml.Node) -> None:
        """A node met a second time is being copied by an alias: bound how much aliases copy."""
        ident = id(node)
        if ident not in self.seen:
            self.seen.add(ident)
            return
        self.copied += 1
        if self.copied > MAX_ALIAS_VALUES:
            self._fail(node, "YAML004", f"aliases copy more than {MAX_ALIAS_VALUES} values",
                       "aliases that repeat large structures are refused")
            raise _Stop

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
            if key_node.tag not in _PLAIN_TAGS:
                tag = _short_tag(key_node.tag)
                self._fail(key_node, "YAML003", f"tag {tag!r} is not allowed", _PLAIN_HINT)
                continue
            key = str(key_node.value)
            here = (*path, key)
            if key in result:
                first = self.doc.key_marks.get(here, (0, 0))
                self._fail(key_node, "YAML002", f"duplicate key {key!r}",
                           f"first defined at line {first[0]}; a repeated key would silently lose data")
                continue
            mark = key_node.start_mark
            self.doc.key_marks[here] = (mark.line + 1, mark.column + 1)
            result[key] = self.convert(value_node, here, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return text.lower() in ("true", "yes", "on", "y")
        if tag.endswith(":int"):
            digits = text.lstrip("+-").replace("_", "")
            if len(digits) > MAX_INT_DIGITS:
                self._fail(node, "YAML008", f"integer with {len(digits)} digits is too large")
                return None
            if _DECIMAL.match(text):
                return int(text)
            try:  # hexadecimal, octal, binary, sexagesimal: PyYAML's own reading of YAML 1.1
                return int(yaml.constructor.SafeConstructor.construct_yaml_int(_CONSTRUCTOR, node))
            except (ValueError, TypeError):
                return text
        if tag.endswith(":float"):
            if text.lower() in _NON_FINITE:
                self._fail(node, "YAML008", f"number {text!r} is not finite")
                return None
            try:
                value = float(text.replace("_", ""))
            except ValueError:
                return text
            if math.isinf(value) or math.isnan(value):
                self._fail(node, "YAML008", f"number {text!r} is not finite")
                return None
            if abs(value) >= 10.0**MAX_INT_DIGITS:
                self._fail(node, "YAML008", f"number {text!r} is too large")
                return None
            return value
        return text


def estimated_values(text: str) -> int:
    """Upper estimate of the values in ``text``: every YAML value after the first follows a separator."""
    return (text.count(",") + text.count(":") + text.count("\n") + text.count("- ")
            + text.count("[") + text.count("{") + 1)


def _syntax_diagnostic(exc: yaml.YAMLError, text: str, path: str) -> Diagnostic:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (exc.problem or exc.context or "invalid YAML").strip()
        if exc.problem and exc.context and exc.context_mark is not None:
            where = f"line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
            message += f" ({exc.context.strip()} at {where})"
        return Diagnostic(path, line, col, Severity.ERROR, "YAML001", f"YAML syntax error: {message}")
    if isinstance(exc, yaml.reader.ReaderError):  # control characters: the C reader gives a UTF-8 byte offset
        line, col = _position_of(text.encode("utf-8"), exc.position)
        return Diagnostic(path, line, col, Severity.ERROR, "YAML006",
                          f"character U+{exc.character:04X} is not allowed in YAML (control character)"
                          if isinstance(exc.character, int) else "character not allowed in YAML")
    return Diagnostic(path, 1, 1, Severity.ERROR, "YAML001", f"YAML error: {exc}")


def _compose(text: str, path: str, doc: Document) -> yaml.Node | None:
    estimate = estimated_values(text)
    if estimate > MAX_NODES:
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML004",
                                          f"the file holds about {estimate} values; the limit is {MAX_NODES}",
                                          "split the estate into several topology files"))
        return None
    loader = MarkedLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML009",
                                          "the file is empty (no YAML document in it)"))
    return node


_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _odd_line_break(text: str, path: str) -> Diagnostic | None:
    """YAML counts CR, NEL, LS and PS as line breaks but editors do not: positions would disagree."""
    if not any(c in text for c in _ODD_BREAKS):
        return None
    data = text.replace("\r\n", "\n ")  # CRLF is fine; keep offsets while hiding it
    if not any(c in data for c in _ODD_BREAKS):
        return None
    offset = min(i for i in (data.find(c) for c in _ODD_BREAKS) if i >= 0)
    line, col = _position_of(data.encode("utf-8"), len(data[:offset].encode("utf-8")))
    return Diagnostic(path, line, col, Severity.ERROR, "YAML006",
                      f"line break U+{ord(data[offset]):04X} is not allowed",
                      "use plain LF (or CRLF) line ends")


def _inside(text: str, diag: Diagnostic) -> Diagnostic:
    """Clamp a parser position that points past the end of the text (errors at end of input)."""
    lines = text.split("\n")
    if diag.line <= len(lines) and diag.col <= len(lines[diag.line - 1]) + 1:
        return diag
    line = min(diag.line, len(lines))
    col = min(diag.col, len(lines[line - 1]) + 1) if diag.line <= len(lines) else len(lines[-1]) + 1
    return Diagnostic(diag.file, line, col, diag.severity, diag.rule, diag.message, diag.hint)


def parse_text(text: str, path: str) -> Document:
    """Parse YAML text into a :class:`Document`; problems go into ``document.diagnostics``."""
    doc = Document(path=path, data=None)
    odd_break = _odd_line_break(text, path)
    if odd_break is not None:
        doc.diagnostics.append(odd_break)
        return doc
    try:
        node = _compose(text, path, doc)
        if node is not None:
            doc.data = _Converter(doc).convert(node, (), 0)
    except _Stop:
        doc.data = None
    except yaml.YAMLError as exc:
        doc.diagnostics.append(_inside(text, _syntax_diagnostic(exc, text, path)))
    except UnicodeError:  # only reachable through load_text with lone surrogates
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML006", "text is not valid Unicode"))
    except RecursionError:
        doc.diagnostics.append(Diagnostic(path, 1, 1, Severity.ERROR, "YAML007",
                                          "document nests too deeply to parse"))
        doc.data = None
    return doc


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset in possibly invalid UTF-8."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


_WIDE = ((b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"), (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
         (b"\xff\xfe", "UTF-16 (little-endian)"), (b"\xfe\xff", "UTF-16 (big-endian)"))


def wide_encoding(data: bytes) -> str | None:
    """The name of a UTF-16/32 encoding ``data`` is in (by its byte-order mark, or by where its NULs
    fall in ASCII text), else None."""
    for bom, name in _WIDE:
        if data.startswith(bom):
            return name
    head = data[:64] if len(data) >= 4 else b""
    patterns = (("UTF-32 (little-endian)", 4, 0), ("UTF-32 (big-endian)", 4, 3),
                ("UTF-16 (little-endian)", 2, 0), ("UTF-16 (big-endian)", 2, 1))
    for name, width, text_at in patterns:
        units = [head[i:i + width] for i in range(0, len(head) - width + 1, width)]
        if units and all(u[text_at] != 0 and u.count(0) == width - 1 for u in units):
            return name
    return None


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Check size, binary content and UTF-8; return the text or located diagnostics."""
    if len(data) > MAX_BYTES:
        return None, [Diagnostic(path, 1, 1, Severity.ERROR, "YAML005",
                                 f"file is larger than the limit of {MAX_BYTES} bytes",
                                 "split the estate into several topology files")]
    wide = wide_encoding(data)
    if wide:
        return None, [Diagnostic(path, 1, 1, Severity.ERROR, "YAML006", f"file is {wide} text, not UTF-8",
                                 f"save it as UTF-8: iconv -f {wide.split()[0]} -t UTF-8, or an editor")]
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


def _read_bounded(file: Path) -> bytes:
    """Read a regular file, at most one byte over the limit (never a FIFO, device or directory)."""
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise OSError(errno.EISDIR, "it is a directory")
        raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket)")
    with file.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def read_document(file: Path, display: str | None = None) -> Document:
    """Read and parse one topology file; every problem becomes a diagnostic in the result."""
    name = display or str(file)
    try:
        data = _read_bounded(file)
    except OSError as exc:
        doc = Document(path=name, data=None)
        doc.diagnostics.append(Diagnostic(name, 1, 1, Severity.ERROR, "IO001",
                                          f"cannot read file: {exc.strerror or exc}"))
        return doc
    text, problems = decode(data, name)
    doc = Document(path=name, data=None, diagnostics=problems) if text is None else parse_text(text, name)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc
