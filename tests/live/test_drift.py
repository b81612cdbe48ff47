"""Drift between a topology and what its hosts report: exactly the differences, each at its topology line."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.cli.main import cli
from generator.derive.expected_live import expected_hosts
from generator.estate.estate import Estate
from generator.formats.ldm_xml_export import host_xml
from generator.input.loader import load_file

EXAMPLE = Path("topologies/payments-alternateio.yaml")


def _export(tmp_path: Path) -> dict[str, Path]:
    loaded = load_file(EXAMPLE)
    assert loaded.topology is not None
    files = {}
    for host in expected_hosts(Estate(loaded.topology)):
        files[host.name] = tmp_path / f"{host.name}.xml"
        files[host.name].write_text(host_xml(host, EXAMPLE.name))
    return files


def _drift(files: dict[str, Path]) -> tuple[int, list[str]]:
    args = ["drift", str(EXAMPLE), *[a for h, f in files.items() for a in ("--ldm-xml", f"{h}={f}")]]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, [line for line in result.stdout.splitlines() if line]


def _line_of(pattern: str) -> int:
    lines = EXAMPLE.read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if re.search(pattern, line))


def test_own_export_has_no_drift(tmp_path: Path) -> None:
    assert _drift(_export(tmp_path)) == (0, [])


def test_mutated_export_reports_exactly_the_mutations(tmp_path: Path) -> None:
    files = _export(tmp_path)
    text = files["t8e"].read_text()
    # pay1 runs with 192G instead of 256G, and its vdisk data-a is gone.
    assert text.count("<rasd:AllocationUnits>256G</rasd:AllocationUnits>") == 1
    text = text.replace("<rasd:AllocationUnits>256G</rasd:AllocationUnits>",
                        "<rasd:AllocationUnits>192G</rasd:AllocationUnits>")
    text, removed = re.subn(r"\s*<Item>\s*<rasd:OtherResourceType>disk</rasd:OtherResourceType>\s*"
                            r'<gprop:GenericProperty key="vdisk_name">data-a</gprop:GenericProperty>.*?</Item>',
                            "", text, flags=re.S)
    assert removed == 1
    files["t8e"].write_text(text)
    code, lines = _drift(files)
    assert code == 1
    memory_line = _line_of(r"^\s+memory: 256G")
    data_a_line = _line_of(r"^\s+data-a:")
    assert lines == [
        f"{EXAMPLE}:{memory_line}:17: error[DRIFT003]: domain pay1: memory is 192G on host t8e, "
        "the topology says 256G",
        f"{EXAMPLE}:{data_a_line}:19: error[DRIFT004]: vdisk pay1/data-a is declared but not on host t8e",
    ]


def test_extra_domain_and_unknown_host_are_drift(tmp_path: Path) -> None:
    files = _export(tmp_path)
    text = files["t8f"].read_text().replace('ovf:id="pay2"', 'ovf:id="pay9"')
    files["t8f"].write_text(text)
    files["t9z"] = files.pop("t8e")
    code, lines = _drift(files)
    assert code == 1
    rules = sorted(re.search(r"\[(DRIFT\d+)\]", line)[1] for line in lines)  # type: ignore[index]
    assert rules == ["DRIFT001", "DRIFT002", "DRIFT002"]
    assert any("host t9z is not in the topology" in line for line in lines)
    assert any("domain pay2 is declared but host t8f does not have it" in line for line in lines)


def test_an_extra_and_a_changed_device_are_drift(tmp_path: Path) -> None:
    files = _export(tmp_path)
    text = files["t8e"].read_text()
    # pay1's vnet1 is on another switch, and pay1 has a third vnet nobody declared.
    assert text.count('<gprop:GenericProperty key="vnet_name">vnet1</gprop:GenericProperty>') == 1
    text = text.replace('<gprop:GenericProperty key="vnet_name">vnet1</gprop:GenericProperty>\n'
                        '            <gprop:GenericProperty key="service_name">altio-vsw0</gprop:GenericProperty>',
                        '<gprop:GenericProperty key="vnet_name">vnet1</gprop:GenericProperty>\n'
                        '            <gprop:GenericProperty key="service_name">primary-vsw0</gprop:GenericProperty>')
    extra = ('<Item>\n            <rasd:OtherResourceType>network</rasd:OtherResourceType>\n'
             '            <gprop:GenericProperty key="vnet_name">vnet9</gprop:GenericProperty>\n'
             '            <gprop:GenericProperty key="service_name">primary-vsw0</gprop:GenericProperty>\n'
             '          </Item>\n          ')
    text = text.replace('<Item>\n            <rasd:OtherResourceType>network</rasd:OtherResourceType>', extra
                        + '<Item>\n            <rasd:OtherResourceType>network</rasd:OtherResourceType>', 1)
    files["t8e"].write_text(text)
    code, lines = _drift(files)
    assert code == 1
    assert [re.search(r"\[(DRIFT\d+)\]: (.*)", line).groups() for line in lines] == [  # type: ignore[union-attr]
        ("DRIFT005", "vnet pay1/vnet9 runs on host t8e but is not declared"),
        ("DRIFT006", "vnet pay1/vnet1: switch is primary-vsw0 on host t8e, the topology says altio-vsw0"),
    ]


def test_a_host_given_twice_is_refused(tmp_path: Path) -> None:
    files = _export(tmp_path)
    result = CliRunner().invoke(cli, ["drift", str(EXAMPLE), "--ldm-xml", f"t8e={files['t8e']}",
                                      "--ldm-xml", f"t8e={files['t8f']}"])
    assert result.exit_code == 1 and "IMP007" in str(result.exception)
