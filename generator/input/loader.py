"""Loader: topology file -> located diagnostics or a frozen, shape-valid :class:`Topology`.

Reads through :mod:`generator.input.source`, validates the shape with :mod:`generator.input.schema`, and maps
every pydantic error back to the line and column of the YAML key or value it is about.

The schema (pydantic) and the YAML reader are imported when a file is loaded, not with this module:
:func:`discover` is all that a build of unchanged topologies needs.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.core.diagnostics import Diagnostic, Severity, cap_repeats

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from generator.input.schema import Topology
    from generator.input.source import Document, PathKey

TOPOLOGY_SUFFIXES = (".yaml", ".yml")
SUGGESTIONS = 50
"""Unknown keys per file that get a "did you mean" hint (difflib's work is bounded: a file of
190,000 unknown keys spent 16 s finding suggestions nobody reads)."""
SUGGEST_KEY_LENGTH = 64
"""Longer unknown keys get no suggestion (difflib's cost grows with the length of the key)."""


@dataclass
class Loaded:
    """Result of loading one file: the document (with marks), the topology when shape-valid, and problems."""

    document: Document
    topology: Topology | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.document.path


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model class that owns the mapping at ``loc`` (for "did you mean" hints)."""
    from pydantic import BaseModel

    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            by_alias = {f.alias or n: f for n, f in current.model_fields.items()}
            fld = by_alias.get(str(part))
            if fld is None:
                return None
            current = fld.annotation
        else:
            args = typing.get_args(current)
            if not args:
                return None
            current = args[-1]
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def _keys_of(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return sorted(f.alias or n for n, f in model.model_fields.items())


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _data_loc(data: Any, loc: tuple[int | str, ...]) -> PathKey:
    """The part of a pydantic error location that exists in the data (drops validator tags such as
    ``function-before[...]`` without dropping real keys that happen to contain brackets)."""
    kept: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_list or (isinstance(current, dict) and part in current):
            current = current[part]
        elif i == len(loc) - 1 and isinstance(current, dict):
            pass  # a missing key: kept so the message can name it
        else:
            continue
        kept.append(part)
    return tuple(kept)


def _unknown_key_hint(key: str, known: list[str], suggest: bool) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6) if suggest else []
    if close:
        return f"did you mean {close[0]!r}?"
    return "expected one of: " + ", ".join(known) if known else ""


def _schema_diagnostics(doc: Document, error: ValidationError) -> Iterator[Diagnostic]:
    from generator.input.schema import Topology

    unknown = 0
    known: dict[PathKey, list[str]] = {}
    for item in error.errors(include_url=False):
        loc = _data_loc(doc.data, item["loc"])
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            unknown += 1
            suggest = unknown <= SUGGESTIONS and len(key) <= SUGGEST_KEY_LENGTH
            if loc[:-1] not in known:
                known[loc[:-1]] = _keys_of(_model_at(Topology, loc[:-1]))
            hint = _unknown_key_hint(key, known[loc[:-1]], suggest)
            yield doc.error(loc, "SCH001", f"unknown key {key!r}", hint, key=True)
        elif kind == "missing":
            parent = loc[:-1]
            yield doc.error(parent, "SCH002", f"missing required key {str(loc[-1])!r}",
                            key=bool(parent))
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
            where = ".".join(str(p) for p in loc) or "document"
            found = "" if "found" in message else f"; found {_describe(item.get('input'))}"
            yield doc.error(loc, "SCH003", f"{where}: {message}{found}")


def validate_document(doc: Document) -> Loaded:
    """Validate a parsed document's shape; returns the topology when it has none of errors."""
    from pydantic import ValidationError

    from generator.input.schema import Topology

    if doc.diagnostics or doc.data is None:
        return Loaded(doc, None, list(doc.diagnostics))
    if not isinstance(doc.data, dict):
        diag = doc.error((), "SCH003", f"a topology file is a mapping; found {_describe(doc.data)}")
        return Loaded(doc, None, [diag])
    try:
        topology = Topology.model_validate(doc.data)
    except ValidationError as exc:
        return Loaded(doc, None, cap_repeats(_schema_diagnostics(doc, exc)))
    return Loaded(doc, topology, [])


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read, parse and shape-check one topology file."""
    from generator.input.source import read_document

    return validate_document(read_document(path, display))


def load_text(text: str, display: str = "<text>") -> Loaded:
    """Parse and shape-check topology text (used by tests and the benchmark)."""
    from generator.input.source import parse_text

    return validate_document(parse_text(text, display))


def _scan(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every entry named like a topology under ``folder``, files or not (a directory named ``x.yaml``, a
    FIFO, a symbolic link loop: reading it reports why it is not a topology), and every subfolder that
    could not be read, as a diagnostic: nothing is skipped silently."""
    found: list[Path] = []
    problems: list[Diagnostic] = []

    def unreadable(error: OSError) -> None:
        problems.append(Diagnostic(str(error.filename or folder), 1, 1, Severity.ERROR, "IO001",
                                   f"cannot read folder: {error.strerror or error}",
                                   "its topologies were not checked"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        found.extend(Path(root) / name for name in dirs + files if Path(name).suffix in TOPOLOGY_SUFFIXES)
    return found, problems


def discover(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Expand files and folders into a sorted list of topology files."""
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files, unreadable = _scan(path)
            found.extend(files)
            problems.extend(unreadable)
        elif path.exists():
            found.append(path)
        else:
            problems.append(Diagnostic(str(path), 1, 1, Severity.ERROR, "IO001", "no such file or directory"))
    return sorted(dict.fromkeys(found)), problems


def source_name(path: Path, roots: Sequence[Path]) -> str:
    """The name outputs give a topology file: its path relative to the *topology root* that found it,
    never to the working directory, so a build run from any folder writes the same bytes.

    The topology root is the folder argument (of ``build``, ``check``, the site's topology folder) the
    file was found under, the deepest when several hold it; a file given by itself is its own folder's,
    so it is named by its file name."""
    if path in roots:
        return path.name
    under = [r for r in roots if r != path and path.is_relative_to(r)]
    if not under:
        return path.name
    return path.relative_to(max(under, key=lambda r: len(r.parts))).as_posix()


def duplicate_ids(items: Iterable[tuple[str, str, tuple[int, int]]]) -> list[Diagnostic]:
    """TOPO001 for each file whose topology ID an earlier file (by name) already uses.

    ``items`` are (file name, topology ID, line and column of the ``topology`` value)."""
    seen: dict[str, str] = {}
    found = []
    for display, topology, (line, col) in sorted(items):
        if topology in seen:
            found.append(Diagnostic(display, line, col, Severity.ERROR, "TOPO001",
                                    f"topology id {topology!r} is also used by {seen[topology]}",
                                    "each topology needs its own id: it names the output folder"))
        else:
            seen[topology] = display
    return found
