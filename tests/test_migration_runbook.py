"""Migration plan, runbook and the ``migrate`` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from generator.build.pipeline import check_file
from generator.cli.main import cli
from generator.core.artifacts import RenderContext
from generator.derive.migration.case import adhoc_case, planned_cases
from generator.derive.migration.plan import MigrationPlan, plan_migration
from generator.derive.procedures.migration_runbook import runbook_from_plan
from generator.derive.vcs.api import ClusterConfigs
from generator.document.runbook_model import Runbook
from generator.formats.markdown import markdown_text
from generator.rules.migration_checks import run_checks

from .conftest import EXAMPLES, FIXTURES, GOLDEN, ROOT

VALID = FIXTURES / "valid"
CONTEXT = RenderContext(source_name="x.yaml", source_sha256="0" * 64)


def _plan(path: Path, via: str | None = None, kind: str | None = None) -> MigrationPlan:
    checked = check_file(path.relative_to(ROOT))
    assert checked.estate is not None
    case = planned_cases(ClusterConfigs(checked.estate))[0]
    if via or kind:
        adhoc = adhoc_case(ClusterConfigs(checked.estate), case.guest.ref, case.target, kind, via)
        assert adhoc is not None
        case = adhoc
    return plan_migration(case, run_checks(case))


def _runbook(path: Path, via: str | None = None, kind: str | None = None) -> tuple[Runbook, str]:
    plan = _plan(path, via, kind)
    book = runbook_from_plan(plan, CONTEXT)
    return book, markdown_text(book, CONTEXT)


def _commands(book: Runbook) -> list[str]:
    return [c for s in book.sections for step in s.steps for c in step.commands]


def test_plan_has_four_phases_and_active_checks() -> None:
    plan = _plan(EXAMPLES / "erp-split.yaml")
    assert [p.number for p in plan.phases] == [1, 2, 3, 4]
    assert plan.ok and plan.checks == ()
    assert all(p.backout for p in plan.phases)
    assert "full checks" in plan.phases[0].summary


def test_every_phase_says_what_to_confirm_first() -> None:
    plan = _plan(EXAMPLES / "erp-split.yaml")
    assert all(p.checks for p in plan.phases)
    assert any("erpdb-boot@primary-vds0" in c for c in plan.phases[0].checks)
    assert any("256G" in c for c in plan.phases[1].checks)
    cold = _plan(VALID / "migration-manual-cold.yaml")
    assert cold.phases[2].checks == ()
    assert any("no virtual I/O checks" in c for c in cold.phases[0].checks)


def test_cold_plan_skips_phase_3_and_stops_the_guest_first() -> None:
    plan = _plan(VALID / "migration-manual-cold.yaml")
    assert plan.phases[2].steps == () and plan.phases[2].skipped
    ids = [s.id for s in plan.preparation]
    assert ids.index("dry-run") < ids.index("stop-guest") < ids.index("dry-run-bound") < ids.index("go-no-go")
    assert "ldm start-domain g1" in [c for s in plan.phases[3].steps for c in s.commands]


def test_vcs_live_runbook_has_dry_run_hagrp_migrate_checks_and_backout() -> None:
    book, text = _runbook(EXAMPLES / "erp-split.yaml")
    commands = _commands(book)
    assert "hares -action erpdb_ldom vmmigrate -actionargs t8b -sys t8a" in commands
    assert "hagrp -migrate erpdb_grp -to t8b" in commands
    assert commands.index("hares -action erpdb_ldom vmmigrate -actionargs t8b -sys t8a") < \
        commands.index("hagrp -migrate erpdb_grp -to t8b")
    assert "Dry run" in text and "**GO/NO-GO**" in text and "**IRREVERSIBLE**" in text
    # One numbering: section N is migration phase N (0 is the preparation).
    assert "## 0. Preparation" in text
    for number in range(1, 5):
        assert re.search(rf"^## {number}\. .* \(migration phase {number}\)$", text, re.M), number
    on_target = [c for s in book.sections for step in s.steps if step.runs_on == "t8b" for c in step.commands]
    assert "ldm list-services" in on_target and "ldm list-devices cpu memory" in on_target
    assert "ldm cancel-operation migration erpdb" in commands
    assert book.header["Change"] == "CHG0042" and book.header["Kind"] == "live"
    assert "migrate-domain -p" not in text


def test_gate_comes_before_the_irreversible_hand_off() -> None:
    book, _ = _runbook(EXAMPLES / "erp-split.yaml")
    steps = [step for s in book.ordered_sections() for step in s.steps]
    assert [s.id for s in steps].index("go-no-go") < [s.id for s in steps].index("handoff")


def test_manual_runbook_uses_a_password_file_never_a_password_argument() -> None:
    book, text = _runbook(VALID / "migration-manual-live-guest-based.yaml")
    commands = _commands(book)
    dry = "ldm migrate-domain -n -p /var/run/ldm-migrate-g1.pw g1 root@t2"
    real = "ldm migrate-domain -p /var/run/ldm-migrate-g1.pw g1 root@t2"
    assert commands.index(dry) < commands.index(real)
    create = next(c for c in commands if "umask 077" in c)
    assert "read -rsp" in create and commands.index(create) < commands.index(dry)
    assert commands.count("rm -f /var/run/ldm-migrate-g1.pw") >= 2
    assert "hagrp -migrate" not in text
    assert not any("password=" in c.lower() for c in commands)


def test_manual_migration_of_vcs_guest_freezes_the_group() -> None:
    book, _ = _runbook(EXAMPLES / "erp-split.yaml", via="manual")
    commands = _commands(book)
    assert "hagrp -freeze erpdb_grp" in commands and "hagrp -unfreeze erpdb_grp" in commands
    assert any(c.startswith("ldm migrate-domain -p") for c in commands)


def test_recovery_of_a_vcs_guest_freezes_before_ldm_by_hand_and_unfreezes_before_online() -> None:
    # Stopping a domain VCS still manages is a fault it fails over; a frozen group cannot be brought
    # online. The back-out used to do the first and ask for the second.
    for via in (None, "manual"):
        book, _ = _runbook(EXAMPLES / "erp-split.yaml", via=via)
        back = next(s for s in book.sections if s.id == "backout")
        commands = [c for step in back.steps for c in step.commands]
        texts = " ".join(step.expected for step in back.steps)
        first_stop = commands.index("ldm stop-domain -f erpdb")
        unfreeze = commands.index("hagrp -unfreeze erpdb_grp")
        assert unfreeze > max(i for i, c in enumerate(commands) if c == "ldm remove-domain erpdb")
        assert texts.index("hagrp -online erpdb_grp") > texts.index("erpdb_grp ONLINE on the host")
        everything = _commands(book)
        assert everything.count("hagrp -freeze erpdb_grp") == 1  # the manual run froze it earlier
        assert everything.index("hagrp -freeze erpdb_grp") < everything.index("ldm stop-domain -f erpdb")
        assert first_stop < unfreeze


def test_cold_vcs_migration_switches_the_alternateio_group_before_onlining_on_the_target() -> None:
    # pay1_grp requires its failover AlternateIO group online local: onlining pay1_grp on t8f while
    # that group is still online on t8e is refused.
    book, _ = _runbook(EXAMPLES / "payments-alternateio.yaml")
    commands = _commands(book)
    assert commands.index("hagrp -offline pay1_grp -sys t8e") < commands.index(
        "hagrp -switch pay1_aio_grp -to t8f") < commands.index("hagrp -online pay1_grp -sys t8f")


def test_cold_vcs_migration_leaves_a_vcs_managed_disk_group_to_its_diskgroup_resource() -> None:
    # anag1_grp holds DiskGroup anadg_dg: hagrp -offline deports anadg, so a manual "vxdg deport" after
    # it fails, and a manual import on the target runs VCS-managed storage outside VCS.
    checked = check_file((EXAMPLES / "analytics-smartio.yaml").relative_to(ROOT))
    assert checked.estate is not None
    for via, manual in (("vcs", False), ("manual", True)):
        case = adhoc_case(ClusterConfigs(checked.estate), "anag1", "t7f", "cold", via)
        assert case is not None
        commands = _commands(runbook_from_plan(plan_migration(case, run_checks(case)), CONTEXT))
        assert ("vxdg deport anadg" in commands) is manual and ("vxdg import anadg" in commands) is manual
        assert ("hagrp -offline anag1_grp -sys t7e" in commands) is not manual


def test_temporary_freeze_is_checked_with_tfrozen() -> None:
    book, _ = _runbook(EXAMPLES / "erp-split.yaml", via="manual")
    freeze = next(step for s in book.sections for step in s.steps if step.id == "freeze")
    assert "hagrp -freeze erpdb_grp" in freeze.commands and "-persistent" not in freeze.commands[0]
    assert "TFrozen shows 1" in freeze.expected and "Frozen shows 1" not in freeze.expected.replace("TFrozen", "")


def test_plan_json_is_deterministic_and_names_its_source() -> None:
    plan = _plan(VALID / "migration-vcs-warm.yaml")
    text = plan.to_json("tests/topologies/valid/migration-vcs-warm.yaml")
    assert text == plan.to_json("tests/topologies/valid/migration-vcs-warm.yaml")
    data = json.loads(text)
    assert data["kind"] == "warm" and data["vcs"]["group"] == "g1_grp"
    assert data["generated"].startswith("Generated by infoscale-docgen from tests/")


def test_migrate_command_prints_runbook() -> None:
    result = CliRunner().invoke(cli, ["migrate", "topologies/erp-split.yaml", "erpdb", "--to", "t8b"])
    assert result.exit_code == 0, result.output
    assert "hagrp -migrate erpdb_grp -to t8b" in result.stdout


def test_migrate_command_of_a_planned_migration_prints_the_runbook_file_as_built() -> None:
    """One Markdown rendering of a migration runbook: the command's output is the built file's bytes."""
    result = CliRunner().invoke(cli, ["migrate", "topologies/erp-split.yaml", "erpdb", "--to", "t8b"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / "runbooks" / "erp-split" / "migrate-erpdb-to-t8b.md").read_text("utf-8")


def test_migrate_command_refuses_a_broken_prerequisite() -> None:
    path = "tests/topologies/invalid/migration-lun-not-seen-by-target.yaml"
    result = CliRunner().invoke(cli, ["migrate", path, "g1", "--to", "t2", "--kind", "warm"])
    assert result.exit_code == 1
    assert f"{path}:13:9: error[MIG004]" in result.stderr
    assert result.stdout == ""


def test_migrate_command_usage_errors() -> None:
    result = CliRunner().invoke(cli, ["migrate", "topologies/erp-split.yaml", "erpdb", "--to", "nosuch"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["migrate", "topologies/erp-split.yaml", "nosuch", "--to", "t8b"])
    assert result.exit_code == 2


def _step_expected(book: Runbook, step_id: str) -> str:
    return next(s.expected for sec in book.sections for s in sec.steps if s.id == step_id)


def test_vcs_precheck_names_every_parallel_group_the_guest_needs_on_the_target() -> None:
    """Not only group dependencies: the Proxy's network group and AlternateIO's storage/network groups too."""
    erp, _ = _runbook(EXAMPLES / "erp-split.yaml")
    assert "cvm, erpdg_grp, ldom_net_grp ONLINE on t8b already" in _step_expected(erp, "precheck-vcs")
    payments, _ = _runbook(EXAMPLES / "payments-alternateio.yaml")
    expected = _step_expected(payments, "precheck-vcs")
    assert "t8f_net_grp, t8f_stor_grp ONLINE on t8f already" in expected
    assert "pay1_aio_grp ONLINE on t8e with pay1_grp" in expected
