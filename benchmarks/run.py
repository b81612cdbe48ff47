"""Benchmark harness: each figure is measured against its floor in the same run and reported as a ratio.

    python benchmarks/run.py                 # 10, 100 and 1,000 guests; table + benchmarks/out/results.json
    python benchmarks/run.py --sizes 1000 --only check

Rows: ``check`` vs the bare YAML parse (``yaml.load`` with ``CSafeLoader``) of the same file; full
``build`` vs its floor (``dot`` alone on the same DOT inputs, Typst alone on the same runbook sources, the
renderers alone); a one-topology rebuild vs the full build; the what-if review's single failures vs ``check``
of the same estate, and its interacting pairs vs the singles. Each timing is the best of a few repeats
(wall clock, ``time.perf_counter``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from buildbench import measure_build  # noqa: E402
from changebench import measure_change  # noqa: E402
from sitebench import measure_site  # noqa: E402
from synth import Shape, write_estate  # noqa: E402
from whatifbench import measure_whatif  # noqa: E402

from generator.build.pipeline import check_file  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def best_of(repeats: int, func: Callable[[], object],
            clock: Callable[[], float] = time.perf_counter) -> float:
    """Best time of ``repeats`` calls, in seconds, on ``clock`` (wall clock unless told otherwise)."""
    times = []
    for _ in range(repeats):
        started = clock()
        func()
        times.append(clock() - started)
    return min(times)


def bare_parse(path: Path) -> object:
    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def checked_clean(path: Path) -> None:
    result = check_file(path)
    if not result.ok:
        raise SystemExit(f"synthetic estate {path} does not pass check: {result.diagnostics[:3]}")


def measure_check(guests: int, repeats: int) -> dict[str, Any]:
    """``check`` of one estate file vs the bare parse of the same file (single-threaded, in-process).

    The ratio uses CPU time (``time.process_time``), which other load on the machine does not
    inflate; wall-clock figures are reported next to it.
    """
    path = OUT / "estates" / f"estate-{guests}.yaml"
    write_estate(Shape.for_guests(guests), path)
    checked_clean(path)
    floor = best_of(repeats, lambda: bare_parse(path), time.process_time)
    value = best_of(repeats, lambda: checked_clean(path), time.process_time)
    floor_wall = best_of(repeats, lambda: bare_parse(path))
    value_wall = best_of(repeats, lambda: checked_clean(path))
    return {"what": "check vs bare YAML parse (CPU)", "guests": guests, "bytes": path.stat().st_size,
            "seconds": value, "floor_seconds": floor, "ratio": value / floor,
            "wall_seconds": value_wall, "floor_wall_seconds": floor_wall}


def _growth(rows: list[dict[str, Any]], what: str) -> str:
    """Growth between consecutive sizes: time ~ guests^k, k = 1.00 is linear."""
    chosen = sorted((r for r in rows if r["what"] == what and r["guests"]), key=lambda r: r["guests"])
    steps = []
    for small, large in zip(chosen, chosen[1:], strict=False):
        size, slower = large["guests"] / small["guests"], large["seconds"] / small["seconds"]
        steps.append(f"{small['guests']}->{large['guests']}: x{slower:.1f} (k={_log(slower) / _log(size):.2f})")
    return f"{what}: " + ", ".join(steps) if steps else ""


def _log(x: float) -> float:
    return math.log(x) if x > 0 else 0.0


def print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'measurement':<42} {'guests':>6} {'seconds':>9} {'floor s':>9} {'ratio':>7}")
    print("(floor: bare parse / dot+render+PDF alone / full build / plain Sphinx page, as the row says)")
    for r in rows:
        print(f"{r['what']:<42} {r['guests']:>6} {r['seconds']:>9.3f} {r['floor_seconds']:>9.3f} "
              f"{r['ratio']:>7.2f}")


MEASUREMENTS: dict[str, Callable[[int, int], list[dict[str, Any]]]] = {
    "check": lambda guests, repeats: [measure_check(guests, repeats)],
    "build": lambda guests, repeats: measure_build(guests, repeats, OUT),
    "whatif": lambda guests, repeats: measure_whatif(guests, repeats, OUT),
    "change": measure_change,
}
"""Measurements repeated for every size; the site is measured once (it does not depend on the size)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--only", choices=[*sorted(MEASUREMENTS), "site"], nargs="+",
                        default=[*sorted(MEASUREMENTS), "site"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    for name in (n for n in args.only if n in MEASUREMENTS):
        for guests in args.sizes:
            rows.extend(MEASUREMENTS[name](guests, args.repeats))
    if "site" in args.only:
        rows.extend(measure_site(OUT))
    print_table(rows)
    notes = [n for n in (_growth(rows, w) for w in dict.fromkeys(r["what"] for r in rows)) if n]
    for note in notes:
        print(note)
    OUT.mkdir(parents=True, exist_ok=True)
    machine = {"python": platform.python_version(), "cpus": _cpus(), "system": platform.platform(),
               "load_average_before": list(os.getloadavg())}
    report = {"machine": machine,
              "timer": "time.perf_counter, best of repeats", "repeats": args.repeats, "rows": rows,
              "growth": notes}
    (OUT / "results.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT / 'results.json'}")
    return 0


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    sys.exit(main())
