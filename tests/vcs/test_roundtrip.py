"""Every example cluster's main.cf round-trips: print(parse(text)) == text and parse(print(tree)) == tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.derive.vcs.api import ClusterConfigs, cluster_names, derived
from generator.derive.vcs.cluster import with_provenance
from generator.estate.estate import Estate
from generator.input.loader import load_file
from generator.maincf.parser import parse
from generator.maincf.printer import format_config

from ..conftest import EXAMPLES

CASES = [(p.name, c) for p in sorted(EXAMPLES.glob("*.yaml"))
         for c in cluster_names(Estate(load_file(p, p.name).topology))]  # type: ignore[arg-type]


def _estate(name: str) -> Estate:
    path = Path("topologies") / name
    loaded = load_file(path, str(path))
    assert loaded.topology is not None
    return Estate(loaded.topology)


@pytest.mark.parametrize(("topology", "cluster"), CASES, ids=[f"{t}:{c}" for t, c in CASES])
def test_example_cluster_round_trips(topology: str, cluster: str) -> None:
    tree = with_provenance(derived(ClusterConfigs(_estate(topology)), cluster).config, f"topologies/{topology}")
    text = format_config(tree)
    parsed, problems = parse(text, "main.cf")
    assert problems == []
    assert parsed == tree
    assert format_config(parsed) == text


def test_every_example_with_clusters_is_covered() -> None:
    assert len(CASES) >= 1
