"""The running estate as a topology (the OLD side of `change --from-live`): declared facts, overlaid by what runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.derive.expected_live import expected_hosts
from generator.derive.live_overlay import running_topology
from generator.estate.estate import Estate
from generator.estate.vdisk_paths import vdisk_timeout
from generator.formats.ldm_xml_export import host_xml
from generator.formats.topology_yaml import topology_yaml
from generator.input.ldm_xml import read_ldm_xml
from generator.input.live import LiveHost
from generator.input.loader import load_file, load_text

from ..conftest import EXAMPLES

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def _timeouts(estate: Estate) -> dict[tuple[str, str, str], int | None]:
    return {(v.domain.host, v.domain.name, v.name): vdisk_timeout(estate, v) for v in estate.all_vdisks}


def _exported(estate: Estate) -> list[LiveHost]:
    return [read_ldm_xml(host_xml(h, "x.yaml"), f"{h.name}.xml", h.name)[0] for h in expected_hosts(estate)]


@pytest.mark.parametrize("name", NAMES)
def test_an_estate_running_as_declared_is_the_declared_topology(name: str) -> None:
    loaded = load_file(EXAMPLES / f"{name}.yaml")
    assert loaded.topology is not None
    estate = Estate(loaded.topology)
    running = running_topology(loaded.document.data, _exported(estate), _timeouts(estate))
    again = load_text(topology_yaml(running, {}, [])[0], "running.yaml")
    assert again.topology == loaded.topology


def test_what_runs_differently_replaces_what_is_declared(tmp_path: Path) -> None:
    loaded = load_file(EXAMPLES / "payments-alternateio.yaml")
    assert loaded.topology is not None
    hosts = _exported(Estate(loaded.topology))
    pay1 = next(d for h in hosts for d in h.domains if d.name == "pay1")
    pay1.memory = 192 * 1024**3
    pay1.disks = [k for k in pay1.disks if k.name != "data-a"]
    running = running_topology(loaded.document.data, hosts)
    topology = load_text(topology_yaml(running, {}, [])[0], "running.yaml").topology
    assert topology is not None
    guest = topology.hosts["t8e"].domains["pay1"]
    assert guest.memory == 192 * 1024**3 and sorted(guest.vdisks) == ["boot-a", "boot-p", "data-p"]
    assert guest.infoscale == loaded.topology.hosts["t8e"].domains["pay1"].infoscale  # not reported: as declared
