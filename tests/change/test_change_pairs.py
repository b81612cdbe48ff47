"""Every fixture pair of tests/topologies/change: its change runbook matches its golden (or its refusals match
``expected.txt``), applying the plan's effects to OLD gives NEW, and every command parses as shell words."""

from __future__ import annotations

import shlex

import pytest

from generator.derive.change.change_items import apply_effects, model_data
from generator.derive.vcs.api import ClusterConfigs
from generator.maincf.delta import config_delta

from ..conftest import GOLDEN
from .support import PAIR_NAMES, PAIRS, markdown, planned, revisions

OUT = GOLDEN / "change"


def _refused(name: str) -> bool:
    return (PAIRS / name / "expected.txt").exists()


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_change_runbook_matches_golden_or_refusals(name: str, update_goldens: bool) -> None:
    if _refused(name):
        found = "".join(d.format() + "\n" for d in planned(name).refusals)
        assert found == (PAIRS / name / "expected.txt").read_text("utf-8")
        return
    text = markdown(name)
    golden = OUT / f"{name}.md"
    if update_goldens:
        golden.write_text(text, "utf-8")
    assert golden.read_text("utf-8") == text, f"{name}: run --update-goldens and review the diff"


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_effects_applied_to_old_give_new(name: str) -> None:
    rev, plan = revisions(name), planned(name)
    if plan.refusals:
        assert not plan.items
        return
    assert apply_effects(model_data(rev.old.topology), plan.effects) == model_data(rev.new.topology)


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_every_command_is_shell_words(name: str) -> None:
    for item in planned(name).items:
        for step in item.steps:
            for line in (*step.commands, *step.verify, *step.backout):
                assert shlex.split(line), (name, step.id, line)


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_vcs_delta_is_empty_exactly_when_trees_are_equal(name: str) -> None:
    rev = revisions(name)
    for cluster in sorted(set(rev.old.topology.clusters) & set(rev.new.topology.clusters)):
        old, new = rev.old_vcs.derived(cluster).config, rev.new_vcs.derived(cluster).config
        assert config_delta(old, new).empty == (old.groups == new.groups)
        assert config_delta(old, old).empty


def test_dropping_an_item_breaks_the_model_equality() -> None:
    rev, plan = revisions("volume-grown-added-disk-added"), planned("volume-grown-added-disk-added")
    effects = [e for item in plan.items[1:] for e in item.effects]
    assert apply_effects(model_data(rev.old.topology), effects) != model_data(rev.new.topology)


def test_order_is_derived_storage_before_use() -> None:
    kinds = [i.kind for i in planned("volume-grown-added-disk-added").items]
    assert kinds.index("lun-add") < kinds.index("dg-disks") < kinds.index("volume-add")
    ids = [i.id for i in planned("vdisk-lun-added-guest-dg").items]
    assert ids.index("lun-emc0_0b22") < min(i for i, n in enumerate(ids) if n.startswith("vdisk-"))


def test_memory_shrink_of_a_managed_guest_is_frozen_and_stopped() -> None:
    steps = [s for i in planned("memory-shrink-frozen").items for s in i.steps]
    commands = [c for s in steps for c in s.commands]
    assert commands.index("hagrp -freeze erpdb_grp -persistent") < commands.index("ldm stop-domain erpdb") \
        < commands.index("ldm set-memory 128G erpdb") < commands.index("ldm start-domain erpdb") \
        < commands.index("hagrp -unfreeze erpdb_grp -persistent")


def test_memory_grow_is_dynamic_without_stop() -> None:
    steps = [s for i in planned("memory-grow-dynamic").items for s in i.steps]
    assert steps[0].commands == ("ldm set-memory 384G erpdb",)
    assert not any("stop-domain" in c or "freeze" in c for s in steps for c in s.commands)
    # a VCS-managed guest: its CfgFile is saved again, or a fail-over brings the old memory size back
    assert steps[-1].id == "cfgfile-erpdb-after-memory"


def test_equivalent_revisions_plan_nothing() -> None:
    plan = planned("no-change-reformatted")
    assert not plan.items and not plan.refusals
    assert "No change" in markdown("no-change-reformatted")


def test_guest_added_after_its_volume_and_before_its_vcs_group() -> None:
    kinds = [i.kind for i in planned("guest-added-under-vcs").items]
    assert kinds == ["volume-add", "guest-add", "vcs"]
    vcs = planned("guest-added-under-vcs").items[-1]
    assert vcs.steps[0].id == "cfgfile-erpapp"  # the CfgFile is on every node before the group exists


def test_guest_removed_after_vcs_releases_it_and_says_data_is_kept() -> None:
    items = planned("guest-removed-data-kept").items
    assert [i.kind for i in items] == ["vcs", "guest-remove"]
    destroy = items[1].steps[0]
    assert destroy.irreversible and "erpdg/appboot" in destroy.notes[0] and "is kept" in destroy.notes[0]


def test_guest_moved_is_the_migration_procedure() -> None:
    items = planned("guest-moved-live").items
    assert [i.kind for i in items] == ["record", "guest-move", "vcs"]  # record: the planned migration entry
    move = items[1]
    assert any(c.startswith("hagrp -migrate erpdb_grp -to t8b") for s in move.steps for c in s.commands)


def test_zone_added_before_its_vcs_group() -> None:
    assert [i.kind for i in planned("zone-added-with-app").items] == ["zone-add", "vcs"]


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_vcs_commands_turn_the_old_main_cf_into_the_new(name: str) -> None:
    """Both ways: the delta's ha* lines applied to the old tree give the new tree, and its back-out gives the old."""
    from .hasim import model, run

    rev = revisions(name)
    for cluster in sorted(set(rev.old.topology.clusters) & set(rev.new.topology.clusters)):
        old, new = rev.old_vcs.derived(cluster).config, rev.new_vcs.derived(cluster).config
        assert run(model(old), list(config_delta(old, new).commands)) == model(new), cluster
        assert run(model(new), list(config_delta(new, old).commands)) == model(old), cluster


def test_version_change_rolls_host_by_host_with_live_migration_away_and_back() -> None:
    [item] = planned("version-solaris-rolling").items
    ids = [s.id for s in item.steps]
    assert ids == ["evacuate-t8a", "update-t8a", "rejoin-t8a", "return-t8a", "update-t8b", "rejoin-t8b"]
    assert item.steps[0].commands == ("hagrp -migrate erpdb_grp -to t8b",)


def test_capacity_check_keeps_a_guest_that_fits_nowhere_and_stops_it() -> None:
    from generator.derive.change.version_changes import evacuation
    from generator.estate.estate import Estate
    from generator.input.loader import load_text

    from ..conftest import EXAMPLES

    text = (EXAMPLES / "erp-split.yaml").read_text("utf-8")
    small = text.replace("    memory: 1T\n", "    memory: 128G\n").replace("    memory: 128G\n", "    memory: 1T\n", 1)
    loaded = load_text(small, "small.yaml")
    assert loaded.topology is not None
    [move], stopped = evacuation(ClusterConfigs(Estate(loaded.topology)), "t8a")
    assert move.target is None and not stopped  # t8b has 128G - 64G free, erpdb needs 256G


def test_node_added_updates_llt_gab_on_running_nodes_before_the_new_node_starts() -> None:
    items = planned("cluster-node-added").items
    assert [i.kind for i in items] == ["node-add", "dg-join", "vcs"]
    ids = [s.id for s in items[0].steps]
    assert ids == ["llthosts-t8a", "llthosts-t8b", "llt-t8c", "vxfen-t8c", "hasys-add-ctlclus", "hastart-t8c"]


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_step_ids_are_unique(name: str) -> None:
    ids = [s.id for i in planned(name).items for s in i.steps]
    assert len(ids) == len(set(ids))


def test_removals_run_in_reverse_dependency_order() -> None:
    kinds = [i.kind for i in planned("vdisk-lun-removed-guest-dg").items]
    assert kinds == ["dg-disks", "vdisk-remove", "vdisk-remove", "lun-remove"]
