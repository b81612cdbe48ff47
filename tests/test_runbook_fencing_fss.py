"""CP-server fencing is checked against the CP servers first; FSS steps carry their [K] cautions."""

from __future__ import annotations

from generator.derive.procedures.fencing import _coordinator_step
from generator.document.runbook_model import Runbook
from generator.input.schema import Fencing

from .runbook_support import books, estate


def _book(name: str, kind: str) -> Runbook:
    return next(b for b in books(name) if b.kind == kind)


def test_cps_fencing_first_checks_every_cp_server_knows_the_cluster() -> None:
    fencing = estate("billing-guest-cvm").topology.clusters["billclus"].fencing
    section = next(s for s in _book("billing-guest-cvm", "vcs-setup").sections if s.id == "fencing")
    check, *nodes = section.steps
    servers = [server.rpartition(":")[0] or server for server in fencing.cp_servers]
    assert check.id == "cps-check" and servers
    assert [line.split()[2] for line in check.commands if line.endswith("list_nodes")] == servers
    assert all(step.commands[-1] == "svcadm enable vxfen" for step in nodes)


def test_the_fss_disk_group_step_says_how_to_check_plexes_sit_on_different_hosts() -> None:
    step = next(step for s in _book("fss-guests", "fss").sections for step in s.steps
                if any(line.startswith("vxdg -s -o fss init") for line in step.commands))
    assert any("mirror=host" in note and "[K]" in note for note in step.notes)


def test_scsi3_coordinator_backout_imports_the_deported_group_before_destroying_it() -> None:
    fencing = Fencing.model_validate({"mode": "scsi3", "coordinator_disks": ["d1", "d2", "d3"]})
    step = _coordinator_step(fencing, "n1")
    assert step.commands[-1] == "vxdg deport vxfencoorddg"
    assert step.backout == ("vxdg -tfC import vxfencoorddg", "vxdg -g vxfencoorddg set coordinator=off",
                            "vxdg destroy vxfencoorddg")
