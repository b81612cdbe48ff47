"""Hostile and broken inputs that cannot live as plain fixture files: each gives located diagnostics fast.

The fixtures in tests/topologies/invalid/ cover syntax errors, aliases, tags, numbers, encodings and
shapes with exact expected output; this module covers what has to be made at test time (files over
the size limit, FIFOs, directories, dangling links, parser-level nesting) and times every hostile
fixture with a generous guard (the real figures are in benchmarks/).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.build.pipeline import check_file, check_paths
from generator.core.diagnostics import Diagnostic
from generator.input import source
from generator.input.loader import load_file, load_text

from .conftest import EXAMPLES, FIXTURES

INVALID = FIXTURES / "invalid"
GUARD_SECONDS = 1.0
"""Every hostile file is rejected within this much CPU time (a guard against runaway work, not a benchmark).

CPU time of this process, not wall-clock time: on the shared two-core machine (load 2.4-2.9) the first
check of this module took 0.39-0.69 s of wall clock against a 1 s bound; CPU time does not grow with
the load of other processes."""


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Check one example before timing anything: the first check imports and registers every rule module
    (about 0.4 s of CPU), which would otherwise be charged to whichever fixture happens to run first."""
    assert check_file(EXAMPLES / "erp-split.yaml").ok


def _errors(path: Path) -> list[Diagnostic]:
    started = time.process_time()
    loaded = load_file(path, path.name)
    assert time.process_time() - started < GUARD_SECONDS
    assert loaded.topology is None
    return loaded.diagnostics


def _rules(path: Path) -> set[str]:
    return {d.rule for d in _errors(path)}


@pytest.mark.parametrize("case", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_invalid_fixture_is_rejected_quickly_with_positions_inside_the_file(case: Path) -> None:
    lines = case.read_bytes().split(b"\n")
    started = time.process_time()
    checked = check_file(case)
    assert time.process_time() - started < GUARD_SECONDS
    assert checked.diagnostics
    for diag in checked.diagnostics:
        assert 1 <= diag.line <= len(lines)
        assert 1 <= diag.col <= len(lines[diag.line - 1]) + 1


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (source.MAX_BYTES // 10 + 1))
    assert _rules(big) == {"YAML005"}


def test_a_file_the_size_of_a_5000_guest_estate_is_not_refused_for_its_size(tmp_path: Path) -> None:
    """A 5,000-guest layered estate is 5.6 MB (issue 17): the size limit leaves room for it."""
    example = (EXAMPLES / "erp-split.yaml").read_bytes()
    padded = tmp_path / "padded.yaml"
    padded.write_bytes(b"# padding\n" * (6 * 1024 * 1024 // 10) + example)
    loaded = load_file(padded, "padded.yaml")
    assert loaded.diagnostics == [] and loaded.topology is not None and padded.stat().st_size > 6 * 1024 * 1024


def test_dense_file_under_the_size_limit_is_refused_by_the_value_estimate(tmp_path: Path) -> None:
    dense = tmp_path / "dense.yaml"
    dense.write_text("[" + "1," * source.MAX_NODES + "1]\n")
    assert _rules(dense) == {"YAML004"}


def test_parser_nesting_limit_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * 5000 + "]" * 5000 + "\n")
    (diag,) = _errors(deep)
    assert (diag.rule, diag.line) == ("YAML001", 1)
    assert diag.col > 1


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (diag,) = _errors(fifo)
    assert diag.rule == "IO001" and "not a regular file" in diag.message


def test_directory_named_like_a_topology_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    (diag,) = _errors(folder)
    assert diag.rule == "IO001" and "directory" in diag.message


def test_dangling_symlink_is_reported_as_missing(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "nowhere.yaml")
    _, diagnostics = check_paths([link])
    assert [(d.rule, d.message) for d in diagnostics] == [("IO001", "no such file or directory")]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite runs as root in CI, where chmod 000 does not stop reads: refuse the open instead."""
    locked = tmp_path / "locked.yaml"
    locked.write_text("topology: x\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    (diag,) = _errors(locked)
    assert (diag.rule, diag.message) == ("IO001", "cannot read file: Permission denied")


def test_lone_surrogates_in_text_are_a_diagnostic() -> None:
    loaded = load_text("title: \ud800\n")
    assert [d.rule for d in loaded.diagnostics] == ["YAML006"]


def test_alias_copies_are_bounded_but_small_anchors_still_work() -> None:
    text = "a: &x [1, 2]\nb: *x\nc: *x\n"
    doc = source.parse_text(text, "t.yaml")
    assert doc.diagnostics == [] and doc.data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}
    assert doc.value_marks[("c", 1)] == (1, 11)


def test_folder_with_good_and_bad_files_reports_every_bad_file_and_keeps_the_good(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "erp-split.yaml", tmp_path / "good.yaml")
    bad = ["alias-billion-laughs", "nul-byte-binary", "utf8-invalid", "yaml-syntax-unclosed-flow-map",
           "tag-python-object", "empty-file"]
    for name in bad:
        shutil.copy(INVALID / f"{name}.yaml", tmp_path / f"{name}.yaml")
    started = time.process_time()
    results, diagnostics = check_paths([tmp_path])
    assert time.process_time() - started < GUARD_SECONDS * len(results)
    assert len(results) == len(bad) + 1
    assert {Path(d.file).stem for d in diagnostics} == set(bad)
    assert [r.ok for r in results if Path(r.loaded.path).stem == "good"] == [True]
