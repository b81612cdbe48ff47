"""Issue 12, item 6: faults of the environment end in one clear line, exit 1, the previous output
intact and nothing left behind.

Before: a read-only or full output folder, a mount point as ``--out``, a missing ``dot`` or missing
fonts ended in tracebacks; a full disk left ``.out.next`` behind; a mount point always failed (it
cannot be renamed). The tests run as any user (root ignores permissions), so the faults are made
where the writer meets the system.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import treeswap
from generator.build.orchestrate import build
from generator.core.artifacts import RenderOptions
from generator.core.faults import EnvironmentFault

ROOT = Path(__file__).resolve().parents[2]
TOPOLOGY = ROOT / "topologies" / "erp-split.yaml"
DRAFT = RenderOptions(pdf=False)


def _tree(out: Path) -> dict[str, bytes]:
    """The output's files, without the conversion cache (converted diagrams kept for the next build)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).as_posix().startswith(".convert-cache/")}


def _leftovers(out: Path) -> list[str]:
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p.suffix != ".lock"]
    inside = [p.name for p in out.rglob(".*.tmp")]
    return beside + inside


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding a previous build; the next build changes the title, so it must write."""
    out = tmp_path / "out"
    build([TOPOLOGY], out, options=DRAFT, jobs=1)
    edited = tmp_path / "erp-split.yaml"
    edited.write_text(TOPOLOGY.read_text("utf-8").replace("title: ERP", "title: Next ERP"), "utf-8")
    return out, _tree(out)


@pytest.mark.parametrize(("code", "fix"), [(errno.ENOSPC, "free space on that file system"),
                                           (errno.EROFS, "read-only"), (errno.EACCES, "make it writable")])
def test_a_failing_write_is_one_line_and_leaves_the_previous_output(
        previous: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, code: int, fix: str) -> None:
    out, before = previous
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if self.name.endswith(".md"):
            raise OSError(code, os.strerror(code), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(EnvironmentFault) as caught:
        build([out.parent / "erp-split.yaml"], out, options=DRAFT, jobs=1)
    message = str(caught.value)
    assert "\n" not in message and os.strerror(code) in message and fix in message
    assert message.startswith(f"{out}/") and ".out.next" not in message
    assert _tree(out) == before
    assert _leftovers(out) == []


def test_a_mount_point_as_out_is_replaced_file_by_file(previous: tuple[Path, dict[str, bytes]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A mount point cannot be renamed (a container volume): its files are replaced in place instead."""
    out, before = previous
    monkeypatch.setattr(treeswap.os.path, "ismount", lambda p: Path(p) == out)
    renamed: list[str] = []
    monkeypatch.setattr(treeswap, "_exchange", lambda a, b: renamed.append(str(b)) or False)
    build([out.parent / "erp-split.yaml"], out, options=DRAFT, jobs=1)
    after = _tree(out)
    assert after != before and renamed == []
    assert any(b"Next ERP" in data for data in after.values())
    assert _leftovers(out) == []


def _cli(args: list[str], path: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": path}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)


def test_missing_dot_is_one_line_with_the_fix(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _cli(["build", str(TOPOLOGY), "--no-pdf", "-j", "1", "--out", str(out)], str(tmp_path / "empty"))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Graphviz 'dot' is not installed" in errors[0] and "apt-get install" in errors[0]
    assert "Traceback" not in result.stderr
    assert not out.exists() or _tree(out) == {}
    assert _leftovers(out) == []


def test_an_engine_error_is_one_line_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A missing font makes Typst warn, which the writer turns into an EngineError: one line, exit 1."""
    from generator.build import writer
    from generator.cli import main as cli

    def no_fonts(source: bytes) -> bytes:
        raise writer.EngineError("Typst warned: unknown font family: dejavu sans (install fonts-dejavu-core)")

    monkeypatch.setattr(writer, "typst_to_pdf", no_fonts)
    monkeypatch.setattr(sys, "argv", ["generator", "build", str(TOPOLOGY), "-j", "1", "--out", str(tmp_path / "o")])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: Typst warned: unknown font family")


def test_no_pdf_without_the_diagram_font_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from generator.build import writer
    from generator.cli import main as cli

    monkeypatch.setattr(writer, "FONT_FOLDERS", (tmp_path / "no-dejavu", *writer.FONT_FOLDERS[1:]))
    monkeypatch.setattr(sys, "argv", ["generator", "build", str(TOPOLOGY), "--no-pdf", "-j", "1",
                                      "--out", str(tmp_path / "o")])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "no-dejavu is missing" in err and "SVGs differ" in err
