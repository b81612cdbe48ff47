"""Operator text without the authors' basis tags, and the basis kept apart for a footnote.

Step texts carry how sure the tool is of a fact: ``[S]`` (seen in a cited source, ``[S: which]``), ``[K]``
(general knowledge), ``unverified``, references to the project's ``REFERENCE.md``. That is for reviewers;
someone typing commands at 3 a.m. needs the instruction alone. :func:`split_basis` takes those parts out of
a text and returns them, so a printed runbook shows them small, after the step, not inside the instruction.
"""

from __future__ import annotations

import re

_PAREN = re.compile(r"\s*\(([^()]*(?:\[(?:S|K)\b[^\]]*\]|REFERENCE(?:\.md)?\b|unverified|general knowledge)"
                    r"[^()]*)\)")
_TAG = re.compile(r"\s*\[(S|K)(?::\s*([^\]]*))?\]")
_PHRASES = re.compile(r"\s*\bnot re-read in a Veritas guide\b")
_SPACE_BEFORE = re.compile(r"\s+([.,;:)])")


def split_basis(text: str) -> tuple[str, list[str]]:
    """``text`` without basis tags, and the basis statements taken out (in order, without duplicates)."""
    found: list[str] = []

    def keep(item: str) -> str:
        item = " ".join(item.split())
        if item and item not in found:
            found.append(item)
        return ""

    clean = _PAREN.sub(lambda m: keep(m[1]), text)
    clean = _TAG.sub(lambda m: keep(f"[{m[1]}{': ' + m[2] if m[2] else ''}]"), clean)
    clean = _PHRASES.sub(lambda m: keep("[K] not re-read in a Veritas guide"), clean)
    clean = _SPACE_BEFORE.sub(r"\1", clean)
    clean = re.sub(r"[ \t]{2,}", " ", clean).replace("..", ".").strip()
    return clean, found
