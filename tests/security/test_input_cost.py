"""Issue 12, item 8: the cost of bad input is bounded (work and output), and list lengths the domain
limits are bounded.

Before: a 2.9 MB file of 190,000 unknown keys took 18.6 s and 421 MB (16 s in difflib) and printed
190,000 lines; 390,000 ``llt-links`` were accepted. The figure for the big file is a benchmark
(``benchmarks/badinput.py``); these tests assert the bounds on a smaller one.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.build.pipeline import check_file
from generator.core.diagnostics import REPEAT_LIMIT
from generator.input import loader
from generator.input.loader import SUGGESTIONS, load_text

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "topologies" / "erp-split.yaml").read_text("utf-8")
UNKNOWN = 3000


def _unknown_keys(count: int) -> str:
    return BASE + "".join(f"key{i:06d}: 1\n" for i in range(count))


def test_many_unknown_keys_print_a_bounded_list_and_one_summary(tmp_path: Path) -> None:
    path = tmp_path / "many-unknown-keys.yaml"
    path.write_text(_unknown_keys(UNKNOWN), "utf-8")
    found = check_file(path).diagnostics
    assert [d.rule for d in found] == ["SCH001"] * (REPEAT_LIMIT + 1)
    summary = found[-1]
    assert summary.message == f"{UNKNOWN - REPEAT_LIMIT} more SCH001 problem(s) in this file not shown " \
                              f"(the first {REPEAT_LIMIT} are)"
    assert summary.line == found[-2].line + 1 and summary.severity.value == "error"


def test_suggestions_are_looked_for_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = difflib.get_close_matches

    def counting(word: str, *args: object, **kwargs: object) -> list[str]:
        calls.append(word)
        return real(word, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader.difflib, "get_close_matches", counting)
    loaded = load_text(_unknown_keys(UNKNOWN) + "x" * 500 + ": 1\n")
    assert loaded.topology is None
    assert len(calls) == SUGGESTIONS
    assert "did you mean" in loaded.diagnostics[0].hint or "expected one of" in loaded.diagnostics[0].hint


def _with(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


@pytest.mark.parametrize(("old", "new", "field"), [
    ("llt-links: [net2, net3]", "llt-links: [" + ", ".join(f"net{i}" for i in range(1, 10)) + "]", "llt_links"),
    ("memory: 64G", "memory: 0", "memory"),
    ("size: 500G", "size: 0", "size"),
])
def test_bounds_of_the_domain_are_located_schema_errors(old: str, new: str, field: str) -> None:
    loaded = load_text(_with(old, new), "bounds.yaml")
    assert loaded.topology is None
    assert [d.rule for d in loaded.diagnostics] == ["SCH003"], loaded.diagnostics
    line = next(i for i, text in enumerate(_with(old, new).splitlines(), 1) if new.split(":")[0] in text
                and new.split(": ", 1)[1] in text)
    assert loaded.diagnostics[0].line == line
