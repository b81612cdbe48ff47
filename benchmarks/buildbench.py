"""Build benchmarks: full build vs its floor, one-topology rebuild vs full build (wall clock, 2 workers).

The estate is written one topology file per cluster (50 files at 1,000 guests). The floor is the same
work without the build's own overhead: the renderers alone (serial, in this process) plus ``dot`` alone
on the same graphs (one process per graph, two at a time, as the build runs them) plus Typst alone on the
same runbook sources (a pool of two). ``check`` is timed too and shown beside the floor, not inside it.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from synth import Shape, write_estate

from generator.build.orchestrate import build_tree
from generator.build.pipeline import check_file, render_checked
from generator.build.progress import Progress
from generator.build.writer import dot_to_svg, typst_to_pdf


def _estate(out: Path, guests: int) -> list[Path]:
    folder = out / "estates" / f"split-{guests}"
    shutil.rmtree(folder, ignore_errors=True)
    return write_estate(Shape.for_guests(guests), folder, per_cluster=True)


def _timed(func: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = func()
    return time.perf_counter() - started, result


def measure_floor(files: list[Path]) -> dict[str, Any]:
    """Seconds for check, render, dot and PDF alone on the estate's files."""
    t_check, checked = _timed(lambda: [check_file(f) for f in files])
    t_render, rendered = _timed(lambda: [render_checked(c) for c in checked])
    batches = [[a.data for a in arts if a.convert == "svg"] for arts in rendered]
    pages = [a.data for arts in rendered for a in arts if a.convert == "pdf"]
    t_dot, _ = _timed(lambda: dot_to_svg([g for b in batches for g in b]))
    t_pdf = 0.0
    if pages:
        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("forkserver")) as pool:
            t_pdf, _ = _timed(lambda: list(pool.map(typst_to_pdf, pages)))
    return {"check": t_check, "render": t_render, "dot": t_dot, "pdf": t_pdf,
            "graphs": sum(map(len, batches)), "pdfs": len(pages), "artifacts": sum(map(len, rendered))}


def _build(files: list[Path], out: Path) -> Any:
    return build_tree(files, out, jobs=2, progress=Progress(enabled=False))


def measure_build(guests: int, repeats: int, out: Path) -> list[dict[str, Any]]:
    """Full build vs floor, and a one-topology rebuild vs the full build."""
    files = _estate(out, guests)
    target = out / "build" / f"out-{guests}"
    fulls = []
    for _ in range(max(1, min(repeats, 2))):
        shutil.rmtree(target, ignore_errors=True)
        fulls.append(_timed(lambda: _build(files, target))[0])
    full = min(fulls)
    floor = measure_floor(files)
    floor_total = floor["render"] + floor["dot"] + floor["pdf"]
    rebuilds = []
    for i in range(max(1, repeats)):
        text = files[0].read_text("utf-8")
        files[0].write_text(text.replace("\ntitle: ", f"\ntitle: Rebuild {i} - ", 1), "utf-8")
        seconds, report = _timed(lambda: _build(files, target))
        assert report.rendered and len(report.rendered) == 1, report.rendered
        rebuilds.append(seconds)
    rebuild = min(rebuilds)
    cli = min(_cli_rebuild(files, target, i) for i in range(max(1, repeats)))
    base = {"guests": guests, "topologies": len(files), **{f"floor_{k}": v for k, v in floor.items()}}
    return [
        {**base, "what": "full build vs floor (wall)", "seconds": full, "floor_seconds": floor_total,
         "ratio": full / floor_total},
        {**base, "what": "one-topology rebuild vs full build", "seconds": rebuild, "floor_seconds": full,
         "ratio": rebuild / full},
        {**base, "what": "same, from the command line", "seconds": cli, "floor_seconds": full, "ratio": cli / full},
    ]


def _cli_rebuild(files: list[Path], target: Path, i: int) -> float:
    """Wall time of ``python -m generator build`` in a new process after editing one topology's title.

    The interpreter start and every import are included; byte-code caching is on, as for a user
    (``PYTHONDONTWRITEBYTECODE`` is dropped from the environment).
    """
    text = files[0].read_text("utf-8")
    files[0].write_text(text.replace("\ntitle: ", f"\ntitle: Command line {i} - ", 1), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "generator", "build", str(files[0].parent), "--out", str(target)]
    seconds, done = _timed(lambda: subprocess.run(command, env=env, capture_output=True, text=True, check=False))
    if done.returncode != 0 or "(0 file(s) changed)" in done.stderr:
        raise SystemExit(f"command-line rebuild failed or changed nothing: {done.stderr[-2000:]}")
    return float(seconds)
