"""Property: for random edits of an example estate, the plan either refuses (located, no items) or its effects
applied to the old model give the new model exactly, so a change the planner silently dropped fails."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.derive.change.change_items import apply_effects, model_data
from generator.derive.change.change_plan import plan_change
from generator.derive.change.context import Revisions
from generator.derive.vcs.api import ClusterConfigs
from generator.estate.estate import Estate
from generator.input.loader import load_text
from generator.rules.migration_checks import run_checks

from ..conftest import EXAMPLES

BASE = yaml.safe_load((EXAMPLES / "erp-split.yaml").read_text("utf-8"))

EDITS = st.lists(st.one_of(
    st.tuples(st.just("memory"), st.integers(1, 512)),
    st.tuples(st.just("vcpus"), st.integers(1, 128)),
    st.tuples(st.just("grow"), st.integers(1, 2000)),
    st.tuples(st.just("vnet"), st.integers(1, 3)),
    st.tuples(st.just("drop-vnet"), st.just(0)),
    st.tuples(st.just("volume"), st.integers(1, 100)),
    st.tuples(st.just("title"), st.integers(0, 9)),
    st.tuples(st.just("cluster-id"), st.integers(0, 300)),
), max_size=5)


def _edit(data: dict[str, Any], edit: tuple[str, int]) -> None:
    kind, n = edit
    guest = data["hosts"]["t8a"]["domains"]["erpdb"]
    volumes = data["storage"]["diskgroups"]["erpdg"]["volumes"]
    if kind == "memory":
        guest["memory"] = f"{n}G"
    elif kind == "vcpus":
        guest["vcpus"] = n
    elif kind == "grow":
        volumes["erpdata"]["size"] = f"{n}G"
    elif kind == "vnet":
        guest["vnets"][f"vnet{n}"] = {"switch": "primary-vsw0"}
    elif kind == "drop-vnet":
        guest["vnets"].pop("vnet0", None)
    elif kind == "volume":
        volumes[f"extra{n}"] = {"size": f"{n}G"}
    elif kind == "title":
        data["title"] = f"ERP {n}"
    else:
        data["clusters"]["ctlclus"]["cluster-id"] = n


def _load(data: dict[str, Any], name: str) -> tuple[Estate, Any]:
    loaded = load_text(yaml.safe_dump(data, sort_keys=False), name)
    assert loaded.topology is not None, loaded.diagnostics
    return Estate(loaded.topology), loaded.document


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_plan_effects_reproduce_new_or_refuse(edits: list[tuple[str, int]]) -> None:
    new_data = copy.deepcopy(BASE)
    for edit in edits:
        _edit(new_data, edit)
    (old, old_doc), (new, new_doc) = _load(BASE, "old.yaml"), _load(new_data, "new.yaml")
    plan = plan_change(Revisions(ClusterConfigs(old), ClusterConfigs(new), old_doc, new_doc, run_checks))
    if plan.refusals:
        assert not plan.items
        assert all(d.file in ("old.yaml", "new.yaml") and d.line > 0 and d.rule.startswith("CHG")
                   for d in plan.refusals)
        return
    assert apply_effects(model_data(old.topology), plan.effects) == model_data(new.topology)
    for item in plan.items:
        if item.kind != "record" and item.kind != "vcs":
            assert item.steps, item.id
    ids = [s.id for i in plan.items for s in i.steps]
    assert len(ids) == len(set(ids))
