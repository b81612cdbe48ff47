"""Issue 12, item 7: ``kill -9`` of a build leaves no forkserver, worker or resource tracker behind.

Before: 16 of 16 kills left them all alive (the workers wait on a queue they hold both ends of). The
build runs in a session of its own; only the build process is killed, and then every process of that
session must be gone within a few seconds.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRIALS = 2


def _session(sid: int) -> dict[int, str]:
    """Processes of session ``sid``: pid -> command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            found[int(entry.name)] = cmdline
    return found


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _workers(sid: int) -> bool:
    return sum("forkserver" in c for c in _session(sid).values()) >= 3


PDF_CHILDREN = ["topologies", "-j", "1"]
"""A build with more runbooks than a process compiles itself: the later PDFs are compiled in child processes
(:mod:`generator.build.pdf_engine`), which must die with the build as the topology workers do."""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("what", [["topologies", "--no-pdf", "-j", "2"], PDF_CHILDREN], ids=["workers", "pdf"])
def test_kill_9_of_a_build_leaves_no_worker_process(tmp_path: Path, what: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(TRIALS):
        build = subprocess.Popen([sys.executable, "-m", "generator", "build", *what,
                                  "--out", str(tmp_path / f"out{trial}")], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            sid = build.pid
            started = _wait(functools.partial(_workers, sid), 60)
            assert started, f"no workers appeared: {_session(build.pid)}"
            os.kill(build.pid, signal.SIGKILL)
            build.wait()
            gone = _wait(lambda: not _session(sid), 10)  # noqa: B023 - called before the loop moves on
            assert gone, f"left behind after kill -9: {_session(build.pid)}"
        finally:
            for pid in _session(build.pid):
                os.kill(pid, signal.SIGKILL)
