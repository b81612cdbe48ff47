"""A topology document written as YAML the way people write topology files, with comments on guessed values.

PyYAML cannot write comments, so block mappings are written here and every scalar goes through
``yaml.safe_dump`` (which quotes whatever YAML would misread). Short lists and maps of scalars stay on one
line (``roles: [control, service, io]``). Each guessed value gets ``# guessed: REASON`` on its line; the
returned line map lets the caller report a located warning for each.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.input.source import PathKey as Path


def _scalar(value: Any) -> str:
    """One YAML scalar on one line. ``safe_dump`` folds a line break in a string onto the next line, which
    is not allowed in a key and would break a flow list: such strings are written double-quoted with
    escapes instead (text read from hosts is data, whatever characters it holds)."""
    if isinstance(value, str) and not value.isprintable():
        return _double_quoted(value)
    text: str = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").strip()


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, the others escaped."""
    def one(c: str) -> str:
        if c in '"\\':
            return "\\" + c
        if c.isprintable():
            return c
        return f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"

    return '"' + "".join(one(c) for c in text) + '"'


def _flow(value: Any) -> str | None:
    """One-line form of a list or map of scalars (or a list of such maps), else None."""
    if isinstance(value, dict):
        if all(not isinstance(v, dict | list) for v in value.values()):
            return "{" + ", ".join(f"{_scalar(k)}: {_scalar(v)}" for k, v in value.items()) + "}"
        return None
    if isinstance(value, list):
        parts = [_flow(v) if isinstance(v, dict | list) else _scalar(v) for v in value]
        if all(p is not None for p in parts):
            return "[" + ", ".join(p for p in parts if p is not None) + "]"
    return None


def _comment_text(text: str) -> str:
    """Comment text on one line: control characters (a newline would end the comment) become spaces."""
    return "".join(c if c.isprintable() else " " for c in text)


class _Writer:
    def __init__(self, notes: dict[Path, str]) -> None:
        self.notes = notes
        self.lines: list[str] = []
        self.where: dict[Path, int] = {}

    def emit(self, text: str, path: Path) -> None:
        note = _comment_text(self.notes.get(path, ""))
        self.lines.append(f"{text}  # guessed: {note}" if note else text)
        self.where[path] = len(self.lines)

    def mapping(self, data: dict[str, Any], path: Path, indent: int) -> None:
        pad = " " * indent
        for key, value in data.items():
            here = (*path, key)
            flow = _flow(value) if isinstance(value, dict | list) else _scalar(value)
            nested = isinstance(value, dict) and flow is None or (isinstance(value, dict) and len(flow or "") > 90)
            if nested:
                self.emit(f"{pad}{_scalar(key)}:", here)
                self.mapping(value, here, indent + 2)
            else:
                self.emit(f"{pad}{_scalar(key)}: {flow}", here)


def topology_yaml(doc: dict[str, Any], notes: dict[Path, str], header: list[str]) -> tuple[str, dict[Path, int]]:
    """YAML text of ``doc`` with ``notes`` as comments, and the line of every key written."""
    writer = _Writer({p: n for p, n in notes.items()})
    writer.lines = [f"# {_comment_text(line)}" if line else "#" for line in header]  # file names are data
    missing = {p: n for p, n in notes.items()}
    writer.mapping(doc, (), 0)
    for path in list(missing):
        if path in writer.where:
            del missing[path]
    for path, note in missing.items():
        parent = path[:-1]
        while parent and parent not in writer.where:
            parent = parent[:-1]
        line = writer.where.get(parent, 1)
        writer.lines[line - 1] += f"  # guessed: {_comment_text(f'{path[-1]}: {note}')}"
        writer.where[path] = line
    return "\n".join(writer.lines) + "\n", writer.where
