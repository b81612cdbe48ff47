"""The fail-over test runbook moves a group the way VCS allows for its group dependencies."""

from __future__ import annotations

from generator.build.pipeline import check_file
from generator.derive.decisions import Decisions
from generator.derive.procedures.failover import failover_runbook
from generator.derive.vcs import api

from .conftest import EXAMPLES, ROOT


def _decisions(name: str) -> Decisions:
    checked = check_file((EXAMPLES / name).relative_to(ROOT))
    assert checked.decisions is not None
    return checked.decisions


def test_failover_children_are_the_failover_groups_required_online_local() -> None:
    payments = _decisions("payments-alternateio.yaml").vcs
    assert api.failover_children(payments, "payclus", "pay1_grp") == ["pay1_aio_grp"]
    assert api.failover_children(payments, "payclus", "pay1_aio_grp") == []
    erp = _decisions("erp-split.yaml").vcs
    assert api.failover_children(erp, "ctlclus", "erpdb_grp") == []  # its child erpdg_grp is parallel


def test_ldom_group_with_a_failover_alternateio_child_is_moved_offline_switch_online() -> None:
    # pay1_grp requires pay1_aio_grp (failover) online local hard: the child is never online on the
    # target before the parent moves, so "hagrp -switch pay1_grp" with that as a pre-check could not pass.
    book = failover_runbook(_decisions("payments-alternateio.yaml"), "payclus")
    moves = [step for s in book.sections for step in s.steps if step.id.startswith(("move-pay1", "back-pay1"))]
    assert [m.id for m in moves] == ["move-pay1_grp-t8f", "back-pay1_grp-t8e"]
    move = moves[0]
    assert "hagrp -switch pay1_grp -to t8f" not in move.commands
    offline = move.commands.index("hagrp -offline pay1_grp -sys t8e")
    assert offline < move.commands.index("hagrp -switch pay1_aio_grp -to t8f") \
        < move.commands.index("hagrp -online pay1_grp -sys t8f")
    assert "`pay1_aio_grp` ONLINE on t8e" in move.expected
    assert "`pay1_aio_grp` ONLINE on t8f" not in move.expected.split("After:")[0]
    assert move.backout == ("hagrp -offline pay1_grp -sys t8f", "hagrp -switch pay1_aio_grp -to t8e",
                            "hagrp -online pay1_grp -sys t8e")


def test_ldom_group_with_parallel_children_keeps_its_single_move() -> None:
    book = failover_runbook(_decisions("erp-split.yaml"), "ctlclus")
    move = next(step for s in book.sections for step in s.steps if step.id == "move-erpdb_grp-t8b")
    assert move.commands[-1] == "hagrp -migrate erpdb_grp -to t8b"
    assert "`cvm`, `erpdg_grp`, `ldom_net_grp` ONLINE on t8b" in move.expected


def test_a_failover_child_is_never_switched_while_its_parent_is_online() -> None:
    # hrportal_grp requires hrz2_root_grp online local hard: the zone-root group moves only inside
    # hrportal_grp's offline / switch / online steps, never in a test of its own.
    book = failover_runbook(_decisions("hr-zones.yaml"), "hrclus")
    for step in (step for s in book.sections for step in s.steps):
        for i, command in enumerate(step.commands):
            if command.startswith("hagrp -switch hrz2_root_grp"):
                assert any(c.startswith("hagrp -offline hrportal_grp") for c in step.commands[:i]), step.id
    follower = next(s for s in book.sections if s.id == "group-hrz2_root_grp")
    assert [st.id for st in follower.steps] == ["state-hrz2_root_grp"]
    assert "`hrportal_grp`" in follower.title


def test_parallel_child_is_cycled_with_the_parallel_groups_that_require_it() -> None:
    # billdg_grp requires cvm online local firm and billing_grp requires billdg_grp: VCS refuses to take
    # cvm offline under them, so the cycle used to be a step that could only be skipped.
    book = failover_runbook(_decisions("billing-guest-cvm.yaml"), "billclus")
    cycle = next(step for s in book.sections for step in s.steps if step.id == "cycle-cvm")
    assert cycle.commands == (
        "hagrp -offline billing_grp -sys billdb2", "hagrp -offline billdg_grp -sys billdb2",
        "hagrp -offline cvm -sys billdb2", "hagrp -online cvm -sys billdb2",
        "hagrp -online billdg_grp -sys billdb2", "hagrp -online billing_grp -sys billdb2")
    assert cycle.backout == cycle.commands[3:]
    leaf = next(step for s in book.sections for step in s.steps if step.id == "cycle-billing_grp")
    assert leaf.commands == ("hagrp -offline billing_grp -sys billdb2", "hagrp -online billing_grp -sys billdb2")


def test_cycle_notes_match_the_cluster() -> None:
    erp = failover_runbook(_decisions("erp-split.yaml"), "ctlclus")
    notes = [n for s in erp.sections for step in s.steps for n in step.notes]
    assert not any("go offline with it" in n for n in notes)  # VCS refuses instead (firm/hard)
    assert not any("AlternateIO" in n for n in notes)  # one I/O domain per server: no AlternateIO here
    payments = failover_runbook(_decisions("payments-alternateio.yaml"), "payclus")
    storage = next(step for s in payments.sections for step in s.steps if step.id == "cycle-t8e_stor_grp")
    assert any("AlternateIO group stays ONLINE" in n for n in storage.notes)


def test_switching_a_guest_that_is_a_cluster_node_warns_about_that_cluster() -> None:
    book = failover_runbook(_decisions("crm-both-vcs.yaml"), "ctlclus")
    move = next(step for s in book.sections for step in s.steps if step.id == "move-crmg1_grp-t8j")
    assert any(n.startswith("crmg1 is a node of cluster `crmclus`") for n in move.notes)
    erp = failover_runbook(_decisions("erp-split.yaml"), "ctlclus")
    assert not any("is a node of cluster" in n for s in erp.sections for step in s.steps for n in step.notes)
