"""Export every example's `ldm list-constraints -x`, import it back, and compare (issue: import and drift)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build.pipeline import check_file
from generator.derive.drift_compare import drift
from generator.derive.expected_live import expected_hosts
from generator.derive.importer import import_topology
from generator.estate.estate import Estate
from generator.formats.ldm_xml_export import host_xml
from generator.formats.topology_yaml import topology_yaml
from generator.input.live import LiveHost
from generator.input.loader import load_file

from ..conftest import EXAMPLES

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def _estate(name: str) -> Estate:
    loaded = load_file(Path("topologies") / f"{name}.yaml")
    assert loaded.topology is not None
    return Estate(loaded.topology)


def _exported(estate: Estate) -> list[LiveHost]:
    from generator.input.ldm_xml import read_ldm_xml

    hosts = []
    for host in expected_hosts(estate):
        live, problems = read_ldm_xml(host_xml(host, "example.yaml"), f"{host.name}.xml", host.name)
        assert problems == []
        hosts.append(live)
    return hosts


def _imported(tmp_path: Path, name: str) -> Path:
    doc, guesses = import_topology(_exported(_estate(name)), name)
    text, _ = topology_yaml(doc, {g.path: g.reason for g in guesses}, ["imported"])
    out = tmp_path / f"{name}.yaml"
    out.write_text(text)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_imported_export_checks_without_errors(tmp_path: Path, name: str) -> None:
    checked = check_file(_imported(tmp_path, name))
    assert [d.format() for d in checked.diagnostics if d.severity.value == "error"] == []


@pytest.mark.parametrize("name", NAMES)
def test_imported_export_has_the_same_domains_devices_and_services(tmp_path: Path, name: str) -> None:
    """The imported topology declares exactly what the example declares to the Logical Domains Manager."""
    checked = check_file(_imported(tmp_path, name))
    assert checked.estate is not None
    original = expected_hosts(_estate(name))
    assert drift(expected_hosts(checked.estate), original) == []
    assert drift(original, expected_hosts(checked.estate)) == []


@pytest.mark.parametrize("name", NAMES)
def test_an_example_does_not_drift_from_its_own_export(name: str) -> None:
    estate = _estate(name)
    assert drift(expected_hosts(estate), _exported(estate)) == []


def test_imported_stack_model_matches_the_example(tmp_path: Path) -> None:
    for name in NAMES:
        doc, _ = import_topology(_exported(_estate(name)), name)
        assert doc["model"] == _estate(name).topology.model.value, name


def test_export_is_deterministic_and_escapes_text() -> None:
    estate = _estate("payments-alternateio")
    first = [host_xml(h, "a<b>&--c.yaml") for h in expected_hosts(estate)]
    assert first == [host_xml(h, "a<b>&--c.yaml") for h in expected_hosts(estate)]
    assert "a<b>&- -c.yaml" in first[0] and "<!-- " in first[0]
    assert re.search(r'ovf:id="pay1"', "".join(first))
