"""Whole-folder replacement: one atomic step, unchanged files untouched, interrupted swaps put right."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import treeswap
from generator.build.treeswap import recover, replace_tree


def _make(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def test_changed_written_stale_removed_unchanged_keeps_its_inode(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _make(out, {"a/keep.txt": b"same", "a/change.txt": b"old", "b/stale.txt": b"gone"})
    kept = (out / "a" / "keep.txt").stat()
    replace_tree(out, {"a/change.txt": b"new", "c/added.txt": b"added"}, ["b/stale.txt"])
    assert (out / "a" / "change.txt").read_bytes() == b"new"
    assert (out / "c" / "added.txt").read_bytes() == b"added"
    assert not (out / "b" / "stale.txt").exists()
    now = (out / "a" / "keep.txt").stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_fallback_without_renameat2_gives_the_same_tree(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(treeswap, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    _make(out, {"x.txt": b"1"})
    replace_tree(out, {"x.txt": b"2"}, [])
    assert (out / "x.txt").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_recover_puts_back_a_tree_left_between_the_two_fallback_renames(tmp_path: Path) -> None:
    out = tmp_path / "out"
    previous, half = tmp_path / ".out.previous", tmp_path / ".out.next"
    _make(previous, {"x.txt": b"previous"})
    _make(half, {"x.txt": b"half-made"})
    recover(out)
    assert (out / "x.txt").read_bytes() == b"previous"
    assert not previous.exists() and not half.exists()
