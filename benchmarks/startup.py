"""CLI start-up benchmark: median wall time of whole ``python -m generator`` runs, as a user types them.

Rows: ``--help``; ``check`` of one example; a ``build`` of that example when nothing changed (the
output folder is built once first, so every timed run reuses it); a ``build`` after editing the
topology (a copy whose title alternates between two values, so every timed run re-renders it: the
edit-rebuild loop, with PDFs as a user's plain ``build`` makes them). Each row is the median of
``--repeats`` runs (default 10) after one untimed warm-up run (bytecode caches, page cache).

    python benchmarks/startup.py [--repeats 10] [--rows help check build edit] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "topologies" / "erp-split.yaml"


def run_cli(args: list[str]) -> float:
    """Wall seconds of one ``python -m generator ARGS`` run from the repository root; fails loudly."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""}, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"`generator {' '.join(args)}` exited {done.returncode}:\n"
                         f"{done.stderr.decode(errors='replace')}")
    return elapsed


def median_wall(repeats: int, args: list[str], before: Callable[[int], None] | None = None) -> float:
    """Median wall seconds of ``repeats`` runs after one warm-up; ``before(i)`` runs untimed first."""
    times = []
    for i in range(repeats + 1):
        if before is not None:
            before(i)
        elapsed = run_cli(args)
        if i:
            times.append(elapsed)
    return statistics.median(times)


ROWS = ("help", "check", "build", "edit")


def measure(example: Path, repeats: int, work: Path, rows: list[str]) -> dict[str, float]:
    """Median wall seconds per command row."""
    out = work / "out"
    edited = work / example.name
    original = example.read_text("utf-8")

    def edit(i: int) -> None:
        edited.write_text(original + f"# startup benchmark edit {i % 2}\n", "utf-8")

    result = {}
    if "help" in rows:
        result["--help"] = median_wall(repeats, ["--help"])
    if "check" in rows:
        result[f"check {example.name}"] = median_wall(repeats, ["check", str(example)])
    if "build" in rows:
        run_cli(["build", str(example), "--out", str(out)])
        result["build (no change)"] = median_wall(repeats, ["build", str(example), "--out", str(out)])
    if "edit" in rows:
        result["build (one topology edited)"] = median_wall(
            repeats, ["build", str(edited), "--out", str(work / "edited")], edit)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--example", type=Path, default=EXAMPLE)
    parser.add_argument("--rows", nargs="+", choices=ROWS, default=list(ROWS), help="Rows to measure.")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        rows = measure(options.example.resolve(), options.repeats, Path(tmp), options.rows)
    print(f"CLI wall time, median of {options.repeats} (load average {os.getloadavg()[0]:.2f})")
    for name, seconds in rows.items():
        print(f"  {name:<32} {seconds:6.3f} s")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
