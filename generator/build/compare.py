"""Compare the outputs of two revisions of a topology, artifact by artifact.

Pure: both sides are lists of rendered artifacts (before any engine runs). Text artifacts get a
unified diff; a diagram is compared through its Graphviz source; a runbook's print HTML and PDF are
listed as changed or not, since their Markdown twin carries the same content as a readable diff.
Diagnostics are compared by severity, rule and message, not by position, so that moving a block in
the file is not reported as a new problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.artifacts import Artifact
from generator.core.diagnostics import Diagnostic


@dataclass(frozen=True)
class Change:
    """One artifact that differs between the two revisions."""

    path: str
    status: str
    """``added``, ``removed`` or ``changed``."""
    lines: tuple[str, ...] = ()
    """Unified diff (without line ends); empty when the artifact has no readable text."""
    note: str = ""

    @property
    def counts(self) -> tuple[int, int]:
        """Lines added and removed."""
        body = [line for line in self.lines if not line.startswith(("+++", "---"))]
        return sum(line.startswith("+") for line in body), sum(line.startswith("-") for line in body)


def _text(artifact: Artifact) -> tuple[list[str], str] | None:
    """The readable text of an artifact and a note on what it is; None when there is none."""
    try:
        text = artifact.data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.splitlines(), "Graphviz source of the diagram" if artifact.convert == "svg" else ""


TWINS = (".html", ".pdf")
"""Formats of a runbook whose content is its Markdown twin's: listed, not diffed a second time."""


def _change(path: str, old: Artifact | None, new: Artifact | None, context: int, prefix: str,
            twin: str | None) -> Change | None:
    if old is not None and new is not None and (old.data, old.convert) == (new.data, new.convert):
        return None
    status = "added" if old is None else "removed" if new is None else "changed"
    if twin is not None:
        return Change(path, status, note=f"same content as {prefix}{twin}")
    old_text = _text(old) if old is not None else ([], "")
    new_text = _text(new) if new is not None else ([], "")
    if old_text is None or new_text is None:
        return Change(path, status, note="binary")
    lines = difflib.unified_diff(old_text[0], new_text[0], f"a/{prefix}{path}" if old else "/dev/null",
                                 f"b/{prefix}{path}" if new else "/dev/null", n=context, lineterm="")
    return Change(path, status, tuple(lines), new_text[1] or old_text[1])


def _twin(path: str, paths: set[str]) -> str | None:
    stem, dot, suffix = path.rpartition(".")
    markdown = f"{stem}.md"
    return markdown if dot and f".{suffix}" in TWINS and markdown in paths else None


def compare_artifacts(old: Sequence[Artifact], new: Sequence[Artifact], context: int = 3,
                      prefix: str = "") -> list[Change]:
    """Every artifact added, removed or changed, in path order; ``prefix`` goes before paths in the diff."""
    before = {a.path: a for a in old}
    after = {a.path: a for a in new}
    paths = before.keys() | after.keys()
    changes = (_change(p, before.get(p), after.get(p), context, prefix, _twin(p, paths)) for p in sorted(paths))
    return [c for c in changes if c is not None]


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return d.severity.value, d.rule, d.message


def compare_diagnostics(old: Sequence[Diagnostic], new: Sequence[Diagnostic]
                        ) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(new problems, problems gone): the new ones with their positions in the new file."""
    before = {_key(d) for d in old}
    after = {_key(d) for d in new}
    return [d for d in new if _key(d) not in before], [d for d in old if _key(d) not in after]
