"""The synthetic estates the benchmarks time pass ``check`` cleanly (a benchmark of failing input
would measure the wrong thing), as one file and as one topology file per cluster."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from generator.build.pipeline import check_paths
from generator.core.diagnostics import format_text

from .conftest import ROOT


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


def test_synthetic_estate_passes_check(tmp_path: Path) -> None:
    synth = _synth()
    shape = synth.Shape.for_guests(40)
    assert (shape.hosts, shape.clusters) == (4, 2)
    whole = synth.write_estate(shape, tmp_path / "estate.yaml")
    split = synth.write_estate(shape, tmp_path / "split", per_cluster=True)
    results, diagnostics = check_paths([*whole])
    assert format_text(diagnostics) == "" and all(r.ok for r in results)
    results, diagnostics = check_paths([tmp_path / "split"])
    assert format_text(diagnostics) == "" and len(results) == len(split) == 2


def test_largest_benchmark_shape_is_100_hosts_and_50_clusters() -> None:
    shape = _synth().Shape.for_guests(1000)
    assert (shape.guests, shape.hosts, shape.clusters) == (1000, 100, 50)


def test_a_large_estate_is_summarised_per_cluster_so_no_diagram_grows_with_the_estate(tmp_path: Path) -> None:
    from generator.estate.estate import Estate
    from generator.formats.diagrams import MAX_HOSTS_PER_SUMMARY, views
    from generator.input.loader import load_file

    synth = _synth()
    small, large = (synth.write_estate(synth.Shape.for_guests(n), tmp_path / f"e{n}.yaml")[0] for n in (100, 400))
    small_views = views(Estate(load_file(small, "e100.yaml").topology))
    assert [v.stem for v in small_views][0] == "topology"  # ten hosts: one estate summary, as before
    large_views = views(Estate(load_file(large, "e400.yaml").topology))
    summaries = [v for v in large_views if not v.detailed]
    assert len(large_views) == 40 + 20 and [v.stem for v in summaries][:2] == ["cluster-clus00", "cluster-clus01"]
    assert all(len(v.hosts) <= MAX_HOSTS_PER_SUMMARY for v in large_views)
