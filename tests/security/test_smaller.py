"""Issue 12, item 9 (the smaller ones): escapes in diagnostics, entries that are not topology files,
wide encodings named.

Before: a terminal escape sequence in a name was printed raw; a directory named ``x.yaml``, a FIFO, a
symbolic link loop or an unreadable subfolder was skipped silently (the loop crashed ``check``);
UTF-16/32 files were called binary.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.build.pipeline import check_paths
from generator.core.diagnostics import Diagnostic, Severity
from generator.input import loader
from generator.input.source import decode

ROOT = Path(__file__).resolve().parents[2]
TOPOLOGY = ROOT / "topologies" / "erp-split.yaml"


def test_control_characters_in_a_diagnostic_are_shown_not_sent_to_the_terminal() -> None:
    d = Diagnostic("t.yaml", 3, 5, Severity.ERROR, "NAME001", "domain name 'a\x1b[2J\x1b]0;pwned\x07b\u2028c\nd'")
    text = d.format()
    assert "\x1b" not in text and "\x07" not in text and "\u2028" not in text and "\n" not in text
    assert "'a\\x1b[2J\\x1b]0;pwned\\x07b\\u2028c\\nd'" in text


def test_entries_named_like_topologies_that_are_not_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(TOPOLOGY.read_text("utf-8"), "utf-8")
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    results, diagnostics = check_paths([tmp_path])
    by_file = {Path(d.file).name: d.message for d in diagnostics if d.rule == "IO001"}
    assert by_file == {"folder.yaml": "cannot read file: it is a directory",
                       "pipe.yaml": "cannot read file: not a regular file (a FIFO, device or socket)",
                       "loop.yaml": "cannot read file: Too many levels of symbolic links"}
    assert sum(r.ok for r in results) == 1


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.yaml").write_text("topology: x\n", "utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = loader.discover([tmp_path])
    assert files == []
    assert [(p.file, p.rule, p.message) for p in problems] == [
        (str(locked), "IO001", "cannot read folder: Permission denied")]


@pytest.mark.parametrize(("encoding", "name"), [
    ("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian)"), ("utf-16-le", "UTF-16 (little-endian)"),
    ("utf-32", "UTF-32 (little-endian)"), ("utf-32-be", "UTF-32 (big-endian)")])
def test_utf16_and_utf32_are_named(encoding: str, name: str) -> None:
    text, problems = decode("topology: x\ntitle: y\n".encode(encoding), "wide.yaml")
    assert text is None
    assert [(p.rule, p.message) for p in problems] == [("YAML006", f"file is {name} text, not UTF-8")]
    assert "iconv -f" in problems[0].hint


# --- Issue 12, item 5: whatever check accepts, build renders -------------------------------------------------


def _with_title(title: str) -> str:
    import json
    import re

    return re.sub(r"^title:.*$", lambda _: "title: " + json.dumps(title), TOPOLOGY.read_text("utf-8"),
                  count=1, flags=re.M)


@pytest.mark.parametrize(("title", "rule"), [("ERP \x1b[31m red", "SCH003"), ("nul \x00 here", "SCH003"),
                                             ("A" * 70_000, "SCH003"), ("\ufffe", "SCH003")])
def test_titles_build_cannot_render_are_located_check_errors(title: str, rule: str) -> None:
    from generator.input.loader import load_text

    loaded = load_text(_with_title(title), "t.yaml")
    assert [(d.rule, d.line) for d in loaded.diagnostics] == [(rule, 8)]


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=250))
@example("]")  # found by this property: dot's HTML-like label lexer ended the attribute list at a bare ']'
@example("a[b]c & <d>")
def test_a_title_check_accepts_is_one_build_renders(title: str) -> None:
    """Property (bounded examples: each renders every artifact, diagrams through dot, runbooks through Typst)."""
    from generator.build.pipeline import check_file, render_checked
    from generator.build.writer import materialize

    path = Path(tempfile.mkdtemp()) / "t.yaml"
    path.write_text(_with_title(title), "utf-8")
    checked = check_file(path)
    if not checked.ok:  # refused with located diagnostics: fine, as long as nothing crashed
        assert all(d.line >= 1 for d in checked.diagnostics)
        return
    assert materialize(render_checked(checked))
