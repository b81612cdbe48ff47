"""Time to plan a change on a synthetic estate: one guest's memory raised and its data volume grown.

    python benchmarks/changebench.py --guests 1000

The row times ``plan_change`` (differences, classification, VCS tree delta of every cluster, ordering) and the
change runbook's Markdown, on two checked revisions already in memory (as the CLI has them after ``check``,
which derived both VCS trees; networkx is imported before timing); the floor is the comparison of the two
models alone (``model_dump`` and :func:`generator.derive.change.revision_diff.differences`). Target: under 2 s at 1,000
guests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import Shape, estate_yaml  # noqa: E402

from generator.build.pipeline import check_bytes, render_context  # noqa: E402


def _revisions(guests: int) -> tuple[Any, Any]:
    old = estate_yaml(Shape.for_guests(guests))
    new = old.replace("        memory: 32G", "        memory: 48G", 1)
    new = new.replace("g0000-data: {size: 200G", "g0000-data: {size: 300G", 1)
    return check_bytes(old.encode(), "old.yaml"), check_bytes(new.encode(), "new.yaml")


def measure_change(guests: int, repeats: int) -> list[dict[str, Any]]:
    import networkx  # noqa: F401  (its import, ~0.2 s, is start-up cost, not planning)

    from generator.derive.change.change_items import model_data
    from generator.derive.change.change_plan import plan_change
    from generator.derive.change.change_runbook import RevisionInfo, change_runbook
    from generator.derive.change.context import Revisions
    from generator.derive.change.revision_diff import differences
    from generator.derive.vcs.api import ClusterConfigs
    from generator.formats.markdown import markdown_text
    from generator.rules.migration_checks import run_checks

    before, after = _revisions(guests)
    assert before.ok and after.ok, (before.diagnostics[:3], after.diagnostics[:3])

    def plan_and_render() -> int:
        # the checked estates, as the CLI has them: the rules have derived their VCS trees already
        old, new = before.estate, after.estate
        plan = plan_change(Revisions(ClusterConfigs(old), ClusterConfigs(new), before.loaded.document,
                                     after.loaded.document, run_checks))
        assert not plan.refusals and len(plan.operational) == 2, plan
        book = change_runbook(plan, RevisionInfo("old.yaml", before.source_sha256),
                              RevisionInfo("new.yaml", after.source_sha256), new)
        return len(markdown_text(book, render_context(after)))

    def floor() -> int:
        return len(differences(model_data(before.estate.topology), model_data(after.estate.topology)))

    value = min(_timed(plan_and_render) for _ in range(repeats))
    base = min(_timed(floor) for _ in range(repeats))
    return [{"what": "plan change (memory + vxresize) vs model diff", "guests": guests, "seconds": value,
             "floor_seconds": base, "ratio": value / base}]


def _timed(func: Any) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    for row in measure_change(args.guests, args.repeats):
        print(f"{row['what']:<48} {row['guests']:>6} {row['seconds']:>8.3f} s  floor {row['floor_seconds']:.3f} s"
              f"  ratio {row['ratio']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
