"""Diagnostics: located problems found in a topology or a main.cf, and how they are printed.

Every problem is a :class:`Diagnostic` with a file, a 1-based line and column, a severity, a stable
rule ID and a message. They are collected, never raised one at a time, so one run reports them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors fail ``check``; warnings fail it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One located problem, printed as ``FILE:LINE:COL: severity[RULE]: message``."""

    file: str
    line: int
    col: int
    severity: Severity
    rule: str
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity.value}[{self.rule}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def sort_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Stable order for output: by file, position, then rule."""
    return sorted(set(items), key=lambda d: (d.file, d.line, d.col, d.rule, d.message))


def has_errors(items: Sequence[Diagnostic], strict: bool = False) -> bool:
    """True when the diagnostics make the input unacceptable."""
    return any(d.severity is Severity.ERROR or strict for d in items)


def format_text(items: Sequence[Diagnostic]) -> str:
    return "".join(d.format() + "\n" for d in items)


def format_json(items: Sequence[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in items], indent=2, sort_keys=True) + "\n"


@dataclass(frozen=True)
class Finding:
    """A problem a check found, located by its path in the topology document (the caller adds the file,
    line and column, the rule ID and the severity)."""

    loc: tuple[str | int, ...]
    message: str
    hint: str = ""
    key: bool = False


@dataclass(frozen=True)
class Code:
    """One diagnostic ID of the catalogue (``python -m generator rules``): what it means and what it rests on.

    ``basis`` is ``S`` (seen in a cited source), ``K`` (general knowledge), ``unverified`` or ``tool`` (a rule
    of this tool itself, such as the limits of the topology reader).
    """

    id: str
    severity: Severity
    basis: str
    category: str
    summary: str
    source: str
    details: str = ""


class InputError(Exception):
    """The one exception root for bad input: it carries diagnostics and prints itself without a traceback."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__(format_text(self.diagnostics))
