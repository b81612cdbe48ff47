"""Property tests: whatever text arrives, loading and checking never raise, and every diagnostic is located
inside the file (a line that exists, a column at most one past its end).

Two generators: YAML-ish text built from YAML's own punctuation and keywords, and mutations of the valid
example topologies (lines deleted, duplicated, swapped, re-indented, characters replaced, values swapped
for hostile ones). Example counts stay modest so the suite stays fast.
"""

from __future__ import annotations

import os
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.diagnostics import Diagnostic
from generator.derive.decisions import Decisions
from generator.estate.estate import Estate
from generator.input.loader import validate_document
from generator.input.source import parse_text
from generator.rules import check_topology

from .conftest import EXAMPLES

EXAMPLES_PER_PROPERTY = int(os.environ.get("PROPERTY_EXAMPLES", "60"))
"""Modest by default; ``PROPERTY_EXAMPLES=5000 make test`` for a long hunt."""
PROPERTY_SETTINGS = settings(max_examples=EXAMPLES_PER_PROPERTY, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

TOKENS = ["- ", ": ", ":", "{", "}", "[", "]", ",", "&a ", "*a", "!!python/object ", "!tag ", "<<: ", "? ",
          "'", '"', "|\n", ">\n", "#", "\n", "\n  ", "\n    ", "  ", "---\n", "...\n", "~", "null", "true",
          ".inf", ".nan", "0x1F", "1e+999", "99999999999999999999999", "64G", "topology", "hosts", "domains",
          "primary", "vcpus", "memory", "\t", "\x00", "\x07", "\ufeff", "é", "\u2028", "%YAML 1.1\n", "@",
          "`"]

HOSTILE_VALUES = ["", "~", "[]", "{}", "*nope", "&x", "!!binary AAAA", ".inf", "-.inf", ".nan", "1e+400",
                  "123456789012345678901234567890", "-1", "0", "yes", "'unterminated", "[a, {b: c}]",
                  "!!python/name:os.system", "<<: {a: 1}", "9" * 300 + "G", "a/b/c/d", "ÿ", "\\x00"]


@cache
def _examples() -> tuple[str, ...]:
    return tuple(p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.yaml")))


def _check_text(text: str) -> list[Diagnostic]:
    """Load, shape-check and rule-check like ``check`` does; any exception fails the property."""
    loaded = validate_document(parse_text(text, "prop.yaml"))
    if loaded.topology is None:
        return loaded.diagnostics
    return check_topology(Decisions(Estate(loaded.topology)), loaded.document)


def _assert_located(text: str, diagnostics: list[Diagnostic]) -> None:
    lines = text.split("\n")
    for d in diagnostics:
        assert d.file == "prop.yaml"
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.col <= len(lines[d.line - 1]) + 1, d
        assert d.rule and d.message


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=40).map("".join))
def test_yamlish_text_never_raises_and_diagnostics_are_located(text: str) -> None:
    _assert_located(text, _check_text(text))


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(_examples())).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "char", "value"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.sampled_from(TOKENS) | st.characters()) + lines[i][k + 1:]
        elif action == "value" and ": " in lines[i]:
            lines[i] = lines[i].split(": ", 1)[0] + ": " + draw(st.sampled_from(HOSTILE_VALUES))
        lines = lines or [""]
    return "\n".join(lines)


@PROPERTY_SETTINGS
@given(mutated_example())
def test_mutated_examples_never_raise_and_diagnostics_are_located(text: str) -> None:
    _assert_located(text, _check_text(text))


def test_unmutated_examples_are_clean() -> None:
    for text in _examples():
        assert _check_text(text) == []
