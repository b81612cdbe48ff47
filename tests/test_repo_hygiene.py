"""The repository holds source, not machine state: no virtual environment, no link out of the tree."""

from __future__ import annotations

import subprocess

from .conftest import ROOT


def _tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=False)
    return out.stdout.splitlines() if out.returncode == 0 else []


def test_no_virtual_environment_is_tracked() -> None:
    names = [line.split("\t", 1)[1] for line in _tracked()]
    assert [n for n in names if n == ".venv" or n.startswith(".venv/")] == []


def test_no_tracked_symlink_points_outside_the_tree() -> None:
    links = [line.split("\t", 1)[1] for line in _tracked() if line.startswith("120000")]
    outside = [n for n in links if (ROOT / n).resolve().is_relative_to(ROOT) is False or (ROOT / n).is_symlink()
               and str((ROOT / n).readlink()).startswith("/")]
    assert outside == []
