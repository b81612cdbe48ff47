"""Issue 12, item 4: one build at a time per output folder, and the loser says who holds it.

Before the lock, two ``build --out D`` at once broke the tree in 4 of 6 trials (a manifest listing
files the other build had removed, or ``FileExistsError: .D.next``), twice with both exiting 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build.lock import OutputLocked, lock_path, output_lock

ROOT = Path(__file__).resolve().parents[2]
TRIALS = 3
TOPOLOGIES = ["topologies/erp-split.yaml", "topologies/hr-zones.yaml", "topologies/crm-both-vcs.yaml"]


def _build(out: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "generator", "build", *TOPOLOGIES, "--no-pdf", "-j", "1",
                             "--out", str(out)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _consistent(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    listed = {a["path"] for a in manifest["artifacts"]}
    assert listed and all((out / p).is_file() for p in listed)
    assert not list(out.parent.glob(f".{out.name}.next")) and not list(out.parent.glob(f".{out.name}.previous"))


@pytest.mark.slow
def test_two_builds_into_one_folder_never_both_write(tmp_path: Path) -> None:
    """Bounded trials of two concurrent builds (fresh folder each): the tree is always whole; a build
    that found the folder taken exits 1 with one line naming the holder's pid and command."""
    outcomes = []
    for trial in range(TRIALS):
        out = tmp_path / f"out{trial}"
        first, second = _build(out), _build(out)
        results = [(p.returncode, p.communicate(timeout=300)[1]) for p in (first, second)]
        results = [(p.returncode, err) for p, (_, err) in zip((first, second), results, strict=True)]
        outcomes.append(sorted(code for code, _ in results))
        _consistent(out)
        for code, err in results:
            assert code in (0, 1), err
            if code == 1:
                lines = [line for line in err.splitlines() if line.startswith("error:")]
                assert len(lines) == 1 and "another build is writing this folder (pid " in lines[0], err
                assert "generator build" in lines[0] and "Traceback" not in err
    assert all(0 in o for o in outcomes), outcomes


def test_a_held_lock_names_its_holder_and_is_free_again_after(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from pathlib import Path; "
                               "from generator.build.lock import output_lock\n"
                               "with output_lock(Path(sys.argv[1])):\n"
                               "    print('held', flush=True); time.sleep(60)", str(out)],
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputLocked) as caught, output_lock(out):
            pass
        assert f"pid {holder.pid}:" in str(caught.value) and str(out) in str(caught.value)
    finally:
        holder.kill()
        holder.communicate()
    deadline = time.monotonic() + 10
    while True:  # the kernel releases an flock when its holder dies: no stale lock after kill -9
        try:
            with output_lock(out):
                break
        except OutputLocked:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert lock_path(out) == tmp_path / ".out.lock"


def test_the_site_generation_takes_the_same_lock(tmp_path: Path) -> None:
    from generator.sphinx_ext.site import generate

    (tmp_path / "topologies").mkdir()
    with output_lock(tmp_path / "docs" / "_generated"):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        code = ("import sys, pathlib; from generator.sphinx_ext.site import generate; "
                "generate(pathlib.Path(sys.argv[1]), 'topologies', 'docs/_generated')")
        result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=env,
                                capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "OutputLocked" in result.stderr and "another build" in result.stderr
    assert generate(tmp_path, "topologies", "docs/_generated")[0] >= 1  # free again
