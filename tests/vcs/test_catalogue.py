"""The type and attribute catalogue comes from data files, one per source, each naming its document and
release; the verifier, the ha command writer and `vcs checks` read it."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli.main import cli
from generator.core.diagnostics import Severity
from generator.maincf.agent_types import catalogue, data_files
from generator.maincf.checks import CHECKS, PREDICTS
from generator.maincf.hacommands import ha_command_list
from generator.maincf.parser import parse
from generator.maincf.verify import verify_text


def test_every_data_file_names_its_source_release_and_basis() -> None:
    files = data_files()
    assert "attributes-vcs.json" in files and len([f for f in files if f.startswith("agents-")]) >= 5
    for name, raw in files.items():
        about = raw["_source"]
        assert about["document"] and about["release"].startswith("InfoScale "), name
        assert about["basis"] in ("S", "K", "unverified"), name
        for type_name, data in raw.get("types", {}).items():
            assert data["basis"] in ("S", "K", "unverified"), (name, type_name)


def test_catalogue_knows_the_storage_and_rac_agent_types() -> None:
    types = catalogue().types
    wanted = {"ProcessOnOnly", "CFSfsckd", "CVMVolDg", "CFSMount", "CSSD", "PrivNIC", "MultiPrivNIC", "Oracle",
              "ASMInst", "ASMDG", "Db2udb", "Sybase", "LDom", "Zone", "AlternateIO", "Zpool", "RVGShared"}
    assert wanted <= set(types)
    assert types["ASMDG"].file == "OracleASMTypes.cf" and types["CFSfsckd"].file == "CFSTypes.cf"


def test_false_alarms_of_the_issue_are_gone() -> None:
    text = """include "types.cf"
cluster c1 (
	ProtocolNumber = 1
	)
system n1 (
	)
group cvm (
	SystemList = { n1 = 0 }
	Parallel = 1
	Enabled @n1 = 1
	)
	CFSfsckd vxfsckd (
		ActivationMode @n1 = { sharedg = sw }
		)
	ProcessOnOnly vxattachd (
		PathName = "/bin/sh"
		Arguments = "- /usr/lib/vxvm/bin/vxattachd root"
		RestartLimit = 3
		)
"""
    assert verify_text(text, "main.cf") == []


def test_unknown_attribute_warning_names_the_catalogue_and_release() -> None:
    text = 'system n1\ngroup g ( SystemList = { n1 = 0 } )\nNIC nic ( Device = net0 Devce = net1 )\n'
    [d] = verify_text(text, "main.cf")
    assert d.rule == "VCS026" and d.severity is Severity.WARNING
    assert "Bundled Agents Reference" in d.message and "InfoScale 7.3.1" in d.message


def test_static_type_attributes_come_from_the_catalogue() -> None:
    config, _ = parse('system a\ngroup g ( SystemList = { a = 0 } )\n'
                      'ProcessOnOnly p ( PathName = "/bin/true" RestartLimit = 3 OnlineRetryLimit = 2 )\n')
    commands = ha_command_list(config)
    assert "hares -override p RestartLimit" in commands and "hares -override p OnlineRetryLimit" in commands
    assert "hares -override p PathName" not in commands


def test_each_check_predicts_hacf_online_or_risky_and_vcs_checks_says_which() -> None:
    for rule_id, check in CHECKS.items():
        expected = ("hacf", "online") if check.severity is Severity.ERROR else ("risky",)
        assert check.prediction in expected and check.prediction in PREDICTS, rule_id
    out = CliRunner().invoke(cli, ["vcs", "checks"]).stdout.splitlines()
    assert {line.split()[3] for line in out} == {"hacf", "online", "risky"}
    assert any(line.startswith("VCS023") and line.split()[3] == "online" for line in out)


def test_online_check_messages_say_hacf_accepts_them() -> None:
    text = 'system n1\ngroup g ( SystemList = { n1 = 0 } )\nVolume v ( DiskGroup = dg )\n'
    [d] = verify_text(text, "main.cf")
    assert d.rule == "VCS023" and "valid for hacf; fails at online/monitor" in d.message


def test_a_value_of_the_wrong_shape_is_an_error_only_where_the_declaration_is_certain() -> None:
    text = ('system n1\ngroup g ( SystemList = { n1 = 0 } Parallel = yes Priority = high )\n'
            'NIC nic ( Device = { net0 } )\nLDom l ( LDomName = l NumCPU = many )\n')
    found = {(d.rule, d.message.split(":")[0]) for d in verify_text(text, "main.cf")}
    assert found == {("VCS025", "group g"), ("VCS028", "group g"), ("VCS022", "NIC nic"), ("VCS028", "LDom l")}


def test_vcs_catalogue_lists_each_data_file_with_its_release() -> None:
    result = CliRunner().invoke(cli, ["vcs", "catalogue"])
    assert result.exit_code == 0
    heads = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [h.split()[0] for h in heads] == list(data_files())
    assert all("InfoScale 7.3.1" in h for h in heads)
