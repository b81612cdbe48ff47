"""``generator change``: exit codes, --out, refusals write nothing, --since reads OLD from git."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

PAIRS = "tests/topologies/change"


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "change", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_change_prints_the_runbook_and_exits_0() -> None:
    result = _run(f"{PAIRS}/memory-grow-dynamic/old.yaml", f"{PAIRS}/memory-grow-dynamic/new.yaml", "--change", "C1")
    assert result.returncode == 0, result.stderr
    assert "ldm set-memory 384G erpdb" in result.stdout and "| Change ID | C1 |" in result.stdout


def test_refused_change_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "chg.md"
    result = _run(f"{PAIRS}/refused-model-cluster-id/old.yaml", f"{PAIRS}/refused-model-cluster-id/new.yaml",
                  "--out", str(out))
    assert result.returncode == 1 and not out.exists()
    assert result.stderr == (ROOT / PAIRS / "refused-model-cluster-id" / "expected.txt").read_text("utf-8")


def test_usage_errors_exit_2() -> None:
    assert _run("topologies/erp-split.yaml").returncode == 2
    assert _run(f"{PAIRS}/vcpus-changed/old.yaml", f"{PAIRS}/vcpus-changed/new.yaml", "--format", "pdf").returncode == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_since_takes_old_from_git(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    estate = tmp_path / "estate.yaml"
    shutil.copy(ROOT / PAIRS / "vcpus-changed" / "old.yaml", estate)
    git("init", "-q")
    git("add", "estate.yaml")
    git("commit", "-qm", "v1")
    shutil.copy(ROOT / PAIRS / "vcpus-changed" / "new.yaml", estate)
    result = _run("--since", "HEAD", "estate.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ldm set-vcpu 96 erpdb" in result.stdout and "HEAD:estate.yaml" in result.stdout


REFUSED = sorted(p.parent.name for p in (ROOT / PAIRS).glob("*/expected.txt"))
"""Every refusal fixture pair: the change is refused with the located diagnostics of its ``expected.txt``."""


@pytest.mark.parametrize("name", REFUSED)
def test_each_refusal_pair_exits_1_located_and_writes_nothing(name: str, tmp_path: Path) -> None:
    out = tmp_path / "change.md"
    result = _run(f"{PAIRS}/{name}/old.yaml", f"{PAIRS}/{name}/new.yaml", "--out", str(out))
    expected = (ROOT / PAIRS / name / "expected.txt").read_text("utf-8")
    assert result.returncode == 1 and not out.exists() and result.stdout == "", result.stderr
    assert result.stderr.endswith(expected) and expected.startswith(f"{PAIRS}/{name}/")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_since_a_revision_git_cannot_read_is_a_located_chg009(tmp_path: Path) -> None:
    estate = tmp_path / "estate.yaml"
    shutil.copy(ROOT / PAIRS / "vcpus-changed" / "old.yaml", estate)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = _run("--since", "no-such-revision", "estate.yaml", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("estate.yaml:1:1: error[CHG009]: cannot read estate.yaml at git revision "
                                    "no-such-revision: ")
