"""The failure what-if review: outcomes on the examples and on small estates, the CLI, the artifacts,
the capacity rule and the fail-over runbook agreeing with the model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.pipeline import check_file, derivation, render_context
from generator.core.graph import Reachability
from generator.core.sizes import parse_size
from generator.derive.decisions import Decisions
from generator.derive.procedures.failover import failover_runbook
from generator.derive.whatif.capacity import host_failure
from generator.derive.whatif.conditions import host_lost
from generator.derive.whatif.review import combined, review
from generator.derive.whatif.supply import ROOT
from generator.formats.failure_review import md_cell, render

from .conftest import EXAMPLES
from .conftest import ROOT as REPO

FIXTURES = REPO / "tests" / "topologies"


def _decisions(path: Path) -> Decisions:
    """The decisions ``check`` derived for the topology (the what-if model the rules judged)."""
    decisions = check_file(path).decisions
    assert decisions is not None
    return decisions


@pytest.fixture(scope="module")
def payments() -> Decisions:
    return _decisions(EXAMPLES / "payments-alternateio.yaml")


def test_losing_the_alternate_io_domain_keeps_pay1_running_through_primary(payments: Decisions) -> None:
    o = combined(payments.whatif, ["domain:t8e/altio"]).verdict("payclus/pay1_grp")
    assert (o.verdict, o.detail) == ("keeps-running",
                                     "through t8e/primary (disk lun emc0_2d00, disk lun emc0_2d10, network)")
    assert combined(payments.whatif, ["domain:t8e/altio"]).verdict("payclus/pay2_grp").verdict == "unaffected"


def test_losing_host_t8e_moves_pay1_grp_to_t8f_and_states_t8f_memory(payments: Decisions) -> None:
    sc = combined(payments.whatif, ["host:t8e"])
    assert sc.verdict("payclus/pay1_grp").target == "t8f"
    assert sc.verdict("payclus/pay1_aio_grp").target == "t8f"  # the AlternateIO child goes with it
    (t8f,) = [ld for ld in sc.loads if ld.host == "t8f"]
    assert (t8f.memory, t8f.memory_total) == (parse_size("576G"), parse_size("1T"))  # 2x32G + 2x256G
    assert (t8f.vcpus, t8f.vcpus_total) == (160, 512)
    assert not [ld for ld in sc.loads if ld.host == "t8e"]


def test_a_lun_lost_takes_the_guest_down_wherever_it_goes(payments: Decisions) -> None:
    o = combined(payments.whatif, ["lun:emc0_2d00"]).verdict("payclus/pay1_grp")
    assert (o.verdict, o.detail) == ("down", "no path left for its disk lun emc0_2d00")


def test_two_coordination_points_lost_with_a_host_lose_quorum(payments: Decisions) -> None:
    cps = [f"cp:payclus/cps{i}.example.com:443" for i in (1, 2)]
    assert combined(payments.whatif, ["host:t8e", cps[0]]).verdict("payclus/pay1_grp").verdict == "fails-over"
    sc = combined(payments.whatif, ["host:t8e", *cps])
    assert {o.verdict for o in sc.outcomes} == {"loses-quorum"}
    assert len(sc.outcomes) == 8  # every group of payclus


def test_both_llt_links_lost_partitions_the_cluster_and_one_keeps_it(payments: Decisions) -> None:
    one = combined(payments.whatif, ["llt:payclus/net2"]).verdict("payclus/pay1_grp")
    assert (one.verdict, one.detail) == ("keeps-running", "cluster heartbeat on LLT link net3")
    both = combined(payments.whatif, ["llt:payclus/net2", "llt:payclus/net3"])
    assert both.verdict("payclus/pay1_grp").verdict == "loses-quorum"


def test_a_zone_failure_fails_its_group_over() -> None:
    sc = combined(_decisions(EXAMPLES / "hr-zones.yaml").whatif, ["zone:hrz1"])
    assert [(o.service, o.verdict, o.target) for o in sc.outcomes] == [("hrclus/payroll_grp", "fails-over", "hrg2")]


def test_the_control_domain_serving_every_vdisk_takes_the_guest_to_the_other_host() -> None:
    sc = combined(_decisions(FIXTURES / "valid" / "split-base.yaml").whatif, ["domain:t8a/primary"])
    assert sc.verdict("ctl/g1_grp").target == "t8b"
    assert sc.verdict("ctl/cvm").detail == "online on t8b"


def test_an_unmanaged_guest_cluster_node_is_down_with_its_host_and_its_groups_move() -> None:
    sc = combined(_decisions(EXAMPLES / "trading-layered.yaml").whatif, ["host:t8c"])
    assert (sc.verdict("guest/t8c/trade1").verdict, sc.verdict("guest/t8c/trade1").detail) == (
        "down", "the domain is gone")
    assert sc.verdict("tradeclus/trading_grp").target == "trade2"


def test_a_too_small_fail_over_host_is_over_in_the_review() -> None:
    decisions = _decisions(FIXTURES / "invalid" / "failover-host-too-small.yaml")
    (t8b,) = host_failure(decisions.whatif, "t8a").loads
    assert t8b.over and (t8b.vcpus, t8b.vcpus_total) == (72, 32)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_host_failures_without_the_graph_lose_what_the_graph_loses(path: Path) -> None:
    """The rules' shortcut (a host takes the nodes naming it) equals reachability, so they cannot disagree."""
    decisions = _decisions(path)
    graph = Reachability(ROOT, decisions.whatif.supply.edges)
    for host in decisions.estate.topology.hosts:
        lost = graph.lost([("host", host)])
        assert {n for n in graph.graph if host_lost(host)(n)} == lost


def test_pairs_are_bounded(payments: Decisions) -> None:
    r = review(payments.whatif, pairs=True, max_pairs=5)
    assert len(r.pairs) == 5 and r.pairs_interacting == r.pairs_total == len(r.singles) * (len(r.singles) - 1) // 2


def test_fail_over_runbook_states_the_capacity_check_and_the_model_outcome(payments: Decisions) -> None:
    steps = {s.id: s for sec in failover_runbook(payments, "payclus").sections for s in sec.steps}
    move = steps["move-pay1_grp-t8f"]
    assert move.expected.endswith("t8f then has 160 of 512 vCPUs and 576G of 1T memory assigned to domains "
                                  "(what-if model).")
    assert "`ldm list-devices cpu memory` on t8f lists at least 64 vCPUs and 256G of memory free" in move.notes[-2]
    assert move.notes[-1] == ("What-if model: if host t8e fails, VCS fails `pay1_grp` over to t8f (the move this "
                              "step makes).")


def test_review_artifacts_and_escaping(payments: Decisions) -> None:
    checked = check_file(EXAMPLES / "payments-alternateio.yaml")
    md, js = render(derivation(payments), render_context(checked))
    assert (md.path, js.path) == ("review/failures.md", "review/failures.json")
    text = md.data.decode()
    assert '<td style="background:#c8e6c9" title="keeps running: through t8e/primary (network)">path</td>' in text
    assert "| host t8e | payclus/pay1\\_grp | fails over to t8f |" in text
    assert md_cell("a|b<c>`d`") == "a\\|b\\<c\\>\\`d\\`"
    data = json.loads(js.data)
    assert data["failures"][0]["id"] == "host:t8e"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "whatif", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)


def test_cli_json_and_pairs() -> None:
    done = _cli("topologies/payments-alternateio.yaml", "--format", "json", "--pairs", "--max-pairs", "3")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["pairs"]["evaluated"]) == 3 and data["pairs"]["interacting"] == 406


def test_cli_shows_a_capacity_error_and_exits_1() -> None:
    done = _cli("tests/topologies/invalid/failover-host-too-small.yaml")
    assert done.returncode == 1
    assert "error[CAP004]" in done.stderr
    assert "load t8b: 72/32 vCPUs, 264G/128G memory (OVER)" in done.stdout


def test_no_module_level_cache_keeps_an_estate_alive() -> None:
    """The what-if model and the cluster configurations live in the build's decisions, not in a cache."""
    import gc
    import weakref

    checked = check_file(EXAMPLES / "payments-alternateio.yaml")  # check ran CAP003 on the what-if model
    assert checked.decisions is not None and "whatif" in vars(checked.decisions)
    ref = weakref.ref(checked.decisions.estate)
    del checked
    gc.collect()
    assert ref() is None
