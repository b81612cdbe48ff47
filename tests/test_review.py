"""``diff OLD NEW``: a topology change shown as the output lines it changes and the problems it adds."""

from __future__ import annotations

import subprocess
import sys

from generator.build.compare import compare_artifacts
from generator.core.artifacts import Artifact

from .conftest import ROOT

BASE = "topologies/erp-split.yaml"
GROWN = "tests/topologies/diff/erp-split-erpdb-512g.yaml"
PRIVATE_DG_BASE = "tests/topologies/valid/guest-cluster-base.yaml"
PRIVATE_DG = "tests/topologies/invalid/cfs-on-private-dg.yaml"


def _diff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "diff", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_a_memory_change_shows_the_runbook_lines_and_leaves_main_cf_alone() -> None:
    done = _diff(BASE, GROWN)
    assert done.returncode == 0, done.stderr
    assert "-ldm set-memory 256G erpdb\n+ldm set-memory 512G erpdb\n" in done.stdout
    assert "--- a/erp-split/runbooks/build-out.md\n+++ b/erp-split/runbooks/build-out.md\n" in done.stdout
    assert "main.cf" not in done.stdout
    assert "sha256" not in done.stdout, "both sides are stamped with the new revision: no header noise"


def test_stat_lists_each_changed_artifact_once_and_twins_point_at_their_markdown() -> None:
    done = _diff(BASE, GROWN, "--stat")
    lines = done.stdout.splitlines()
    assert "C  erp-split/runbooks/build-out.md  +2 -2" in lines
    assert "C  erp-split/runbooks/build-out.pdf  (same content as erp-split/runbooks/build-out.md)" in lines
    assert len(lines) == len(set(lines)) and not any("vcs/" in line for line in lines)
    assert f"{len(lines)} artifact(s) differ; diagnostics: 0 new, 0 resolved" in done.stderr


def test_the_same_file_on_both_sides_differs_in_nothing() -> None:
    done = _diff(BASE, BASE)
    assert (done.returncode, done.stdout) == (0, "")
    assert "0 artifact(s) differ" in done.stderr


def test_new_warnings_are_listed_with_their_position_in_the_new_file() -> None:
    done = _diff(PRIVATE_DG_BASE, PRIVATE_DG, "--stat")
    assert done.returncode == 0, done.stderr
    assert f"+ {PRIVATE_DG}:46:64: warning[STO006]: cluster file system on dg1/data" in done.stdout
    assert "diagnostics: 3 new, 0 resolved" in done.stderr
    back = _diff(PRIVATE_DG, PRIVATE_DG_BASE, "--stat")
    assert f"- {PRIVATE_DG}:46:64: warning[STO006]" in back.stdout
    assert "diagnostics: 0 new, 3 resolved" in back.stderr


def test_a_side_with_errors_prints_its_diagnostics_and_exits_1() -> None:
    done = _diff(BASE, "tests/topologies/invalid/alias-billion-laughs.yaml")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "tests/topologies/invalid/alias-billion-laughs.yaml:" in done.stderr


def test_an_unknown_output_kind_is_a_usage_error() -> None:
    done = _diff(BASE, GROWN, "--only", "manuals")
    assert done.returncode == 2 and "choose from diagrams, migrations, review, runbooks, vcs" in done.stderr


def test_added_removed_and_binary_artifacts() -> None:
    old = [Artifact("a.txt", "k", "txt", b"one\n"), Artifact("gone.txt", "k", "txt", b"x\n"),
           Artifact("b.bin", "k", "bin", b"\xff\x00")]
    new = [Artifact("a.txt", "k", "txt", b"two\n"), Artifact("b.bin", "k", "bin", b"\xfe\x00"),
           Artifact("new.txt", "k", "txt", b"y\n")]
    changes = {c.path: c for c in compare_artifacts(old, new)}
    assert [(p, c.status) for p, c in changes.items()] == [
        ("a.txt", "changed"), ("b.bin", "changed"), ("gone.txt", "removed"), ("new.txt", "added")]
    assert changes["a.txt"].counts == (1, 1) and changes["b.bin"].note == "binary"
    assert changes["new.txt"].lines[:2] == ("--- /dev/null", "+++ b/new.txt")
