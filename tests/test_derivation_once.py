"""One derivation per cluster per build: the rules, the VCS output, the runbooks and the migrations share it.

The main.cf header (which names the topology file) is added by the printer's caller, so it is no part of
what is derived: before, one build derived each cluster twice (once keyed by the topology ID for the
rules, once by the file name for the output).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.build.orchestrate import build_tree
from generator.core.artifacts import RenderOptions
from generator.derive.vcs import api
from generator.derive.vcs.cluster import Derived
from generator.estate.estate import Estate


def test_one_build_derives_each_cluster_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    real = api.derive

    def counting(estate: Estate, cluster: str, *rest: str) -> Derived:
        calls[cluster] += 1
        return real(estate, cluster, *rest)

    monkeypatch.setattr(api, "derive", counting)
    build_tree([Path("topologies/erp-split.yaml")], tmp_path / "out", options=RenderOptions(pdf=False), jobs=1)
    assert calls and set(calls.values()) == {1}, calls
