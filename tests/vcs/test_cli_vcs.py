"""`python -m generator vcs TOPOLOGY` and `vcs verify`: outputs, files written and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.main import cli
from generator.maincf.checks import CHECKS

MERGED = "tests/topologies/valid/vcs-explicit-group-merged.yaml"


def test_vcs_prints_main_cf_of_each_cluster() -> None:
    result = CliRunner().invoke(cli, ["vcs", "topologies/crm-both-vcs.yaml"])
    assert result.exit_code == 0
    assert result.output.count("include \"types.cf\"") == 2
    assert "cluster crmclus (" in result.output and "cluster ctlclus (" in result.output


def test_vcs_cluster_option_and_commands() -> None:
    args = ["vcs", "topologies/erp-split.yaml", "--cluster", "ctlclus", "--commands"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "haconf -makerw" and lines[-1] == "haconf -dump -makero"
    assert "hagrp -link erpdb_grp erpdg_grp online local firm" in lines


def test_vcs_unknown_cluster_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["vcs", "topologies/erp-split.yaml", "--cluster", "nope"])
    assert result.exit_code == 2
    assert "ctlclus" in result.output


def test_vcs_out_writes_main_cf_and_script(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["vcs", MERGED, "--out", str(tmp_path)])
    assert result.exit_code == 0
    text = (tmp_path / "ctlclus" / "main.cf").read_text("utf-8")
    assert "group backup_grp (" in text and "requires group erpdg_grp online local firm" in text
    assert "Device @t8b = net4" in text
    assert "hares -local backup_nic Device" in (tmp_path / "ctlclus" / "main.cmd").read_text("utf-8")


def test_vcs_verify_exit_codes() -> None:
    files = ["tests/vcs/realistic/sfrac.cf", "tests/vcs/realistic/zone.cf"]
    ok = CliRunner().invoke(cli, ["vcs", "verify", *files])
    assert ok.exit_code == 0 and ok.stdout == ""
    bad = CliRunner().invoke(cli, ["vcs", "verify", "tests/vcs/broken/resource-dep-cycle.cf"])
    assert bad.exit_code == 1 and "error[VCS031]" in bad.output
    zone = "tests/vcs/broken/zone-without-containerinfo.cf"
    warn = CliRunner().invoke(cli, ["vcs", "verify", "--strict", zone])
    assert "warning[VCS055]" in warn.stdout
    assert warn.exit_code == 1


def test_vcs_with_invalid_topology_reports_and_exits_1() -> None:
    result = CliRunner().invoke(cli, ["vcs", "tests/topologies/invalid/vcs-explicit-group-conflict.yaml"])
    assert result.exit_code == 1
    assert "CLU100" in str(result.exception)


def test_vcs_checks_lists_every_check() -> None:
    result = CliRunner().invoke(cli, ["vcs", "checks"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(CHECKS)


def test_commands_override_static_attributes_before_modifying_them() -> None:
    from generator.maincf.hacommands import ha_command_list
    from generator.maincf.parser import parse

    config, _ = parse('system a\ngroup g ( SystemList = { a = 0 } )\n'
                      'LDom l ( LDomName = x ToleranceLimit = 3 Critical = 0 )\n')
    commands = ha_command_list(config)
    override = commands.index("hares -override l ToleranceLimit")
    assert override < commands.index("hares -modify l ToleranceLimit 3")
    assert "hares -override l Critical" not in commands


def test_vcs_verify_accepts_a_configuration_folder_like_hacf(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "main.cf").write_text(Path("tests/vcs/realistic/cvm-cfs.cf").read_text("utf-8"), "utf-8")
    (config / "MyTypes.cf").write_text("type MyAgent (\n\tstr Path\n\t)\n", "utf-8")
    with (config / "main.cf").open("a", encoding="utf-8") as f:
        f.write('\ngroup extra (\n\tSystemList = { galaxy = 0 }\n\t)\n\n\tMyAgent my1 (\n\t\tPath = "/x"\n\t\t)\n')
    (config / "main.cf").write_text('include "MyTypes.cf"\n' + (config / "main.cf").read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(cli, ["vcs", "verify", str(config)])
    assert result.exit_code == 0, result.stdout
    (config / "MyTypes.cf").unlink()
    result = CliRunner().invoke(cli, ["vcs", "verify", str(config)])
    assert result.exit_code == 1 and "VCS060" in result.stdout and "VCS020" in result.stdout
