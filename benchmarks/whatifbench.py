"""What-if review timings: single failures vs ``check`` of the same estate, pairs vs singles.

Each repeat loads a fresh estate, then times ``review(Decisions(estate).whatif)`` (every single failure, the
what-if model's supply graph and services and the reachability index built from scratch) and the same with
``pairs=True`` (every interacting pair, up to the default bound).
CPU time (``time.process_time``), best of N; wall times are stored next to them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from synth import Shape, write_estate

from generator.build.pipeline import check_file
from generator.derive.decisions import Decisions
from generator.derive.whatif.review import review
from generator.estate.estate import Estate


def _estate(path: Path) -> Estate:
    estate = check_file(path).estate
    if estate is None:
        raise SystemExit(f"synthetic estate {path} does not load")
    return estate


def _best(repeats: int, path: Path, run: Callable[[Estate], object]) -> tuple[float, float, object]:
    cpu, wall, result = [], [], None
    for _ in range(repeats):
        estate = _estate(path)
        c0, w0 = time.process_time(), time.perf_counter()
        result = run(estate)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(cpu), min(wall), result


def _cpu(func: Callable[[], object]) -> float:
    started = time.process_time()
    func()
    return time.process_time() - started


def measure_whatif(guests: int, repeats: int, out: Path) -> list[dict[str, Any]]:
    path = out / "estates" / f"estate-{guests}.yaml"
    write_estate(Shape.for_guests(guests), path)
    check_cpu = min(_cpu(lambda: _estate(path)) for _ in range(repeats))
    singles_cpu, singles_wall, r1 = _best(repeats, path, lambda e: review(Decisions(e).whatif))
    pairs_cpu, pairs_wall, r2 = _best(max(1, repeats // 3), path, lambda e: review(Decisions(e).whatif, pairs=True))
    n1 = len(getattr(r1, "singles", ()))
    n2 = len(getattr(r2, "pairs", ()))
    return [{"what": "what-if singles vs check (CPU)", "guests": guests, "failures": n1,
             "seconds": singles_cpu, "floor_seconds": check_cpu, "ratio": singles_cpu / check_cpu,
             "wall_seconds": singles_wall},
            {"what": "what-if pairs vs singles (CPU)", "guests": guests, "pairs": n2,
             "interacting": getattr(r2, "pairs_interacting", 0), "seconds": pairs_cpu,
             "floor_seconds": singles_cpu, "ratio": pairs_cpu / singles_cpu, "wall_seconds": pairs_wall}]
