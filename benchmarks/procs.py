"""Whole processes, timed as a user pays for them, with the peak memory of the whole process tree.

Every figure of :mod:`goals` comes from here: the wall time of a command from start to exit
(interpreter start, imports, worker processes and engines included) and the largest sum of the
resident set sizes of the command and all of its descendants, sampled every 20 ms from ``/proc``.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int = 0
    cpu_seconds: float = 0.0
    """User + system CPU time of the command and every descendant it waited for: steadier than the wall
    time on a shared machine (other load stretches the wall time, not the work done)."""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and every process below it."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss(pid)
        todo.extend(tree.get(pid, []))
    return total


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True,
        timeout: float | None = None) -> Run:
    """Run ``command`` to its end; wall seconds and the peak RSS of its process tree (MB).

    After ``timeout`` seconds the whole process tree is killed and the run reports returncode -9."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-code caching on, as for a user
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(list(command), cwd=cwd, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    done.set()
    sampler.join()
    if check and proc.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` exited {proc.returncode}:\n{err.decode(errors='replace')[-3000:]}"
                         f"\n{out.decode(errors='replace')[-2000:]}")
    return Run(seconds, peak / 1024 / 1024, proc.returncode, cpu)


def best(runs: Sequence[Run]) -> Run:
    """The fastest run, with the largest peak of all runs (memory is a bound, not a best case)."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, max(r.peak_rss_mb for r in runs), max(r.returncode for r in runs),
               fastest.cpu_seconds)
