"""One derivation per cluster per build: the rules, the VCS output, the runbooks and the migrations share it.

The main.cf header (which names the topology file) is added by the printer's caller, so it is no part of
what is derived: before, one build derived each cluster twice (once keyed by the topology ID for the
rules, once by the file name for the output). The derivation is a value the build makes once per topology
(:class:`generator.derive.decisions.Decisions`) and passes down; there is no cache to hit by accident, so a
second value made anywhere in the build derives again and fails these counts.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.build.orchestrate import build_tree
from generator.core.artifacts import RenderOptions
from generator.derive import decisions, derivation
from generator.derive.vcs import api
from generator.derive.vcs.api import ClusterConfigs
from generator.derive.vcs.cluster import Derived
from generator.derive.whatif.review import Review
from generator.derive.whatif.scenario import Estimator, Scenario
from generator.derive.whatif.single_failures import Failure
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


def test_one_build_makes_one_what_if_model_and_one_review(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules, every fail-over test runbook's appendix and the site's failure review share one review."""
    calls: Counter[str] = Counter()
    real_model, real_review = decisions.build_estimator, derivation.review

    def model(vcs: ClusterConfigs) -> Estimator:
        calls["model"] += 1
        return real_model(vcs)

    def review(est: Estimator) -> Review:
        calls["review"] += 1
        return real_review(est)

    monkeypatch.setattr(decisions, "build_estimator", model)
    monkeypatch.setattr(derivation, "review", review)
    out = tmp_path / "out"
    build_tree([Path("topologies/payments-alternateio.yaml")], out, options=RenderOptions(pdf=False), jobs=1)
    assert len(list(out.rglob("failover-test-*.html"))) >= 1 and list(out.rglob("failures.md"))
    assert calls == {"model": 1, "review": 1}, calls


def test_one_build_evaluates_each_host_failure_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CAP001 and every move step of the fail-over tests ask what a host's failure does: evaluated once per host
    by the capacity model, and once more by the review's reachability search (the two must agree)."""
    calls: Counter[str] = Counter()
    real = Estimator.evaluate

    def counting(self: Estimator, failure: Failure, *rest: Any) -> Scenario:
        calls[failure.id] += 1
        return real(self, failure, *rest)

    monkeypatch.setattr(Estimator, "evaluate", counting)
    build_tree([Path("topologies/payments-alternateio.yaml")], tmp_path / "out", options=RenderOptions(pdf=False),
               jobs=1)
    hosts = {k: n for k, n in calls.items() if k.startswith("host:")}
    assert hosts and set(hosts.values()) == {2}, calls


CACHES = {"cache", "lru_cache"}
DERIVED_INPUTS = re.compile(r"\b(Estate|Decisions|ClusterConfigs|Estimator|Derivation|Topology|MigrationCase)\b")


def _module_level_caches(tree: ast.Module) -> list[str]:
    found = [f"line {n.lineno}: {n.id}" for n in ast.walk(tree)
             if isinstance(n, ast.Name) and n.id in ("WeakKeyDictionary", "WeakValueDictionary")]
    for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        cached = any((d.id if isinstance(d, ast.Name) else d.attr if isinstance(d, ast.Attribute) else "") in CACHES
                     or isinstance(d, ast.Call) and getattr(d.func, "id", getattr(d.func, "attr", "")) in CACHES
                     for d in fn.decorator_list)
        if cached and DERIVED_INPUTS.search(ast.unparse(fn.args)):
            found.append(f"line {fn.lineno}: {fn.name}")
    return found


def test_no_module_level_cache_of_a_derivation() -> None:
    """A derivation is a value the build passes down: no module keeps one in a weak dictionary or behind
    ``functools.cache`` on a function of an estate, its decisions or a migration case."""
    package = Path(__file__).resolve().parent.parent / "generator"
    found = {str(p.relative_to(package)): hits for p in sorted(package.rglob("*.py"))
             if (hits := _module_level_caches(ast.parse(p.read_text("utf-8"))))}
    assert found == {}


def test_the_cache_finder_sees_one() -> None:
    code = ("from functools import cache\n@cache\ndef configs(estate: Estate) -> int:\n    return 1\n"
            "x = WeakKeyDictionary()\n")
    assert _module_level_caches(ast.parse(code)) == ["line 5: WeakKeyDictionary", "line 3: configs"]
