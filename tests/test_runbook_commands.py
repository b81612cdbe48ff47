"""Commands in the runbooks are right for the topology: parsed back and compared with its names."""

from __future__ import annotations

import re
import shlex

import pytest

from generator.core.sizes import parse_size
from generator.derive.procedures.command_hosts import serving_hosts

from .runbook_support import EXAMPLE_NAMES, all_commands, books, estate


def _lines(name: str, prefix: str) -> list[list[str]]:
    return [shlex.split(line) for b in books(name) for line in all_commands(b) if line.startswith(prefix)]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_add_vdsdev_exports_every_vdisk_back_end_on_every_serving_host(name: str) -> None:
    est = estate(name)
    found = set()
    for words in _lines(name, "ldm add-vdsdev"):
        options = [w for w in words[2:] if "=" in w and not w.startswith("/")]
        backend, target = [w for w in words[2:] if w not in options and w != "-f"]
        found.add((backend, target, tuple(sorted(options))))
    expected = set()
    for v in est.all_vdisks:
        assert v.service is not None
        options = ["options=slice"] if v.spec.slice else []
        options += [f"mpgroup={v.spec.mpgroup}"] if v.spec.mpgroup else []
        target = f"{v.export_name}@{v.service.name}"
        expected.add((est.backend_device(v), target, tuple(sorted(options))))
        if v.spec.volume:
            assert est.backend_device(v) == f"/dev/vx/dsk/{v.spec.volume}"
    assert found == expected


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_add_vdisk_matches_each_guest_vdisk(name: str) -> None:
    est = estate(name)
    found = {(w[-3], w[-2], w[-1]) for w in _lines(name, "ldm add-vdisk")}
    expected = {(v.name, f"{v.export_name}@{v.service.name}", v.domain.name)
                for v in est.all_vdisks if v.service is not None}
    assert found == expected


def test_split_model_exports_volumes_on_every_host_the_guest_can_run_on() -> None:
    est = estate("erp-split")
    guest = est.domain("erpdb")
    assert guest is not None and serving_hosts(est, guest) == ["t8a", "t8b"]
    book = next(b for b in books("erp-split") if b.id == "build-out")
    by_host = {s.runs_on: s.commands for sec in book.sections for s in sec.steps
               if s.id.startswith("exports-")}
    assert by_host["t8a"] == by_host["t8b"] == (
        "ldm add-vdsdev /dev/vx/dsk/erpdg/erpboot erpdb-boot@primary-vds0",
        "ldm add-vdsdev /dev/vx/dsk/erpdg/erpdata erpdb-data@primary-vds0",
    )


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_vxassist_makes_every_volume_with_its_size_and_layout(name: str) -> None:
    est = estate(name)
    found = {}
    for words in _lines(name, "vxassist"):
        assert words[1] == "-g" and words[3] == "make"
        layout = next(w.split("=", 1)[1] for w in words if w.startswith("layout="))
        found[(words[2], words[4])] = (parse_size(words[5].upper()), layout)
    expected = {(dg, vol): (spec.volumes[vol].size, spec.volumes[vol].layout.value)
                for dg, spec in est.topology.storage.diskgroups.items() for vol in spec.volumes}
    assert found == expected


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_vxdg_init_uses_the_topology_disks(name: str) -> None:
    est = estate(name)
    for words in _lines(name, "vxdg"):
        if "init" not in words or "-o" in words and "coordinator=on" in words:
            continue
        dg = words[words.index("init") + 1]
        spec = est.topology.storage.diskgroups[dg]
        assert [w.split("=", 1)[1] for w in words[words.index("init") + 2:]] == list(spec.disks)
        assert ("-s" in words) == (spec.shared or spec.fss)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_hagrp_lines_name_real_groups_and_systems(name: str) -> None:
    est = estate(name)
    systems = {d.system for d in est.domains}
    groups = {w[2] for b in books(name) for line in all_commands(b)
              if (w := line.split())[:2] == ["hagrp", "-add"]}
    for words in _lines(name, "hagrp -"):
        if words[1] in ("-switch", "-migrate", "-online", "-offline"):
            # hagrp(1M): -sys SYSTEM, -to SYSTEM, or -any (online/offline/switch wherever policy says)
            assert (words[3] in ("-to", "-sys") and words[4] in systems) or words[3:] == ["-any"]
            if groups:
                assert words[2] in groups


def test_ldm_lines_never_carry_a_password() -> None:
    for name in EXAMPLE_NAMES:
        for words in _lines(name, "ldm "):
            assert not any(re.search(r"(?i)pass", w) for w in words)
