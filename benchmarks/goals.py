"""Issue 17's goals, measured as users pay for them: whole processes against engine floors, in one run.

    python benchmarks/goals.py                       # every row; table + benchmarks/out/goals.json
    python benchmarks/goals.py --rows check rebuild  # some rows

Every command is a whole process (interpreter start, imports, worker processes and engines included),
timed from start to exit, with the peak resident memory of its whole process tree (:mod:`procs`).
Floors are the engines alone on the same inputs, also as whole processes: a bare ``yaml.load``
process; ``dot`` once per graph, two at a time (as the build runs it); Typst alone in two processes;
plain Sphinx (myst-parser + furo, no extension of ours) on as many pages of the same average size.
Each row says pass or fail against its goal; the machine and its load average go into the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from floors import dot_floor, engine_inputs, typst_floor  # noqa: E402
from procs import best, run  # noqa: E402
from sitegoals import site_incremental_rows, site_rows  # noqa: E402
from synth import Shape, write_estate  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "goals"
PY = sys.executable
Row = dict[str, Any]


def row(what: str, goal: str, passed: bool, seconds: float, floor: float | None = None,
        peak_mb: float = 0.0, **extra: Any) -> Row:
    ratio = seconds / floor if floor else None
    return {"what": what, "goal": goal, "pass": passed, "seconds": seconds, "floor_seconds": floor,
            "ratio": ratio, "peak_rss_mb": peak_mb, "load": os.getloadavg()[0], **extra}


def estate(guests: int, name: str = "") -> Path:
    """One topology file of ``guests`` guests in a folder of its own."""
    folder = OUT / "estates" / (name or f"e{guests}")
    shutil.rmtree(folder, ignore_errors=True)
    path = folder / "estate.yaml"
    write_estate(Shape.for_guests(guests), path)
    if name:
        path.write_text(path.read_text("utf-8").replace(f"topology: synthetic-{guests}\n",
                                                        f"topology: {name}\n", 1), "utf-8")
    return path


def check_rows(repeats: int) -> list[Row]:
    path = estate(10)
    parse = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb').read(), Loader=yaml.CSafeLoader)"
    floor = best([run([PY, "-c", parse, str(path)], OUT) for _ in range(repeats)])
    value = best([run([PY, "-m", "generator", "check", str(path)], OUT) for _ in range(repeats)])
    ratio = value.seconds / floor.seconds
    return [row("check whole process, 10 guests / bare yaml.load process", "<= 3x", ratio <= 3,
                value.seconds, floor.seconds, value.peak_rss_mb)]


def _build(folder: Path, out: Path, *options: str) -> Any:
    shutil.rmtree(out, ignore_errors=True)
    return run([PY, "-m", "generator", "build", str(folder), "--out", str(out), "--jobs", "2", *options], OUT)


def draft_rows(repeats: int) -> list[Row]:
    path = estate(100)
    value = best([_build(path.parent, OUT / "draft-100", "--no-pdf") for _ in range(repeats)])
    graphs, _ = engine_inputs([path], OUT / "floor-100")
    floor = best([dot_floor(graphs) for _ in range(repeats)])
    ratio = value.seconds / floor.seconds
    return [row("build --no-pdf, 100 guests / dot alone", "<= 1.5x", ratio <= 1.5, value.seconds,
                floor.seconds, value.peak_rss_mb, graphs=len(graphs))]


def full_rows(repeats: int) -> list[Row]:
    rows = []
    for guests in (100, 1000):
        path = estate(guests)
        value = best([_build(path.parent, OUT / f"full-{guests}") for _ in range(max(1, repeats - 1))])
        graphs, pages = engine_inputs([path], OUT / f"floor-{guests}")
        floor = dot_floor(graphs).seconds + typst_floor(pages).seconds
        rows.append(row(f"build with PDFs, {guests} guests / dot + Typst alone", "<= 1.32x, <= 500 MB",
                        value.seconds / floor <= 1.32 and value.peak_rss_mb <= 500, value.seconds, floor,
                        value.peak_rss_mb, graphs=len(graphs), pdfs=len(pages)))
    return rows


def _set_vcpus(path: Path, guest: str, vcpus: int) -> None:
    text = path.read_text("utf-8")
    at = text.index(f"      {guest}:")
    start = text.index("vcpus: ", at)
    end = text.index("\n", start)
    path.write_text(text[:start] + f"vcpus: {vcpus}" + text[end:], "utf-8")


def rebuild_rows(repeats: int) -> list[Row]:
    folder = OUT / "estates" / "ten-100"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(10):
        shutil.copy(estate(100, f"est{i}"), folder / f"est{i}.yaml")
    out = OUT / "rebuild-100x10"
    _build(folder, out)
    runs = []
    for i in range(repeats):
        _set_vcpus(folder / "est3.yaml", "g0005", 12 if i % 2 == 0 else 8)
        runs.append(run([PY, "-m", "generator", "build", str(folder), "--out", str(out), "--jobs", "2"], OUT))
    value = best(runs)
    return [row("rebuild after editing one guest, 100-guest file among ten (build, PDFs)", "< 2 s",
                value.seconds < 2, value.seconds, None, value.peak_rss_mb)]


def big_file_rows(repeats: int) -> list[Row]:
    path = estate(5000)
    value = run([PY, "-m", "generator", "check", str(path)], OUT, check=False)
    size = path.stat().st_size / 1024 / 1024
    return [row(f"check of one 5,000-guest file ({size:.1f} MB)", "accepted (exit 0)", value.returncode == 0,
                value.seconds, None, value.peak_rss_mb)]


def dot_growth_rows(repeats: int) -> list[Row]:
    rows, largest = [], {}
    for guests in (100, 1000):
        graphs, _ = engine_inputs([estate(guests)], OUT / f"floor-{guests}", pdf=False)
        biggest = max(graphs, key=lambda g: g.stat().st_size)
        largest[guests] = best([run(["dot", "-Tsvg", str(biggest), "-o", os.devnull], OUT)
                                for _ in range(repeats)]).seconds
        rows.append(row(f"dot on the largest diagram, {guests} guests", "see growth", True, largest[guests],
                        None, graph=biggest.name, graph_bytes=biggest.stat().st_size))
    growth = largest[1000] / largest[100]
    rows.append(row("largest diagram's dot time, 100 -> 1,000 guests", "<= 10x (linear or better)",
                    growth <= 10, largest[1000], largest[100]))
    return rows


ROWS: dict[str, Callable[[int], list[Row]]] = {
    "check": check_rows, "draft": draft_rows, "rebuild": rebuild_rows, "big-file": big_file_rows,
    "dot": dot_growth_rows, "full": full_rows,
    "site": lambda repeats: site_rows(OUT, (100, 1000)),
    "site-incremental": lambda repeats: site_incremental_rows(OUT),
}


def print_table(rows: list[Row]) -> None:
    print(f"{'measurement':<74} {'seconds':>8} {'floor':>8} {'ratio':>6} {'MB':>6}  goal / result")
    for r in rows:
        floor = f"{r['floor_seconds']:8.2f}" if r["floor_seconds"] else f"{'-':>8}"
        ratio = f"{r['ratio']:6.2f}" if r["ratio"] else f"{'-':>6}"
        cpu = f" (CPU {r['cpu']:.2f} s" if "cpu" in r else ""
        cpu += f", {r['cpu_ratio']:.2f}x)" if "cpu_ratio" in r else (")" if cpu else "")
        print(f"{r['what']:<74} {r['seconds']:8.2f} {floor} {ratio} {r['peak_rss_mb']:6.0f}  "
              f"{r['goal']}: {'PASS' if r['pass'] else 'FAIL'}{cpu}")


def _previous_runs(replaced: list[str]) -> list[dict[str, Any]]:
    """Earlier runs' rows that this run did not measure again (a run of some rows keeps the others)."""
    try:
        data = json.loads((OUT / "goals.json").read_text("utf-8"))
        runs = data.get("runs", [data])  # a run of one set of rows, as first written
    except (OSError, ValueError, KeyError, TypeError):
        return []
    kept = [{**run, "rows": [r for r in run["rows"] if r["what"] not in replaced]} for run in runs]
    return [run for run in kept if run["rows"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", nargs="+", choices=list(ROWS), default=list(ROWS))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    machine = {"python": platform.python_version(), "cpus": len(os.sched_getaffinity(0)),
               "system": platform.platform(), "load_average_before": list(os.getloadavg())}
    rows: list[Row] = []
    for name in args.rows:
        rows.extend(ROWS[name](args.repeats))
        print_table(rows[-1:])
    print()
    print_table(rows)
    machine["load_average_after"] = list(os.getloadavg())
    runs = _previous_runs([r["what"] for r in rows])
    runs.append({"machine": machine, "repeats": args.repeats, "rows": rows})
    (OUT / "goals.json").write_text(json.dumps({"runs": runs}, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT / 'goals.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
