"""Items 2 and 6 of issue 13: zone roots and hazonesetup as the zones procedure needs them.

- A shared zone root on Solaris 11 is a ZFS pool on the root volume (solaris(5) [S]: the zone resides
  on its own ZFS dataset, only ZFS is supported): no mkfs -F vxfs, a Zpool resource in the root group.
- hazonesetup runs on every node while the zone is booted there [K].
- The install step's back-out can run after the step detached the zone and took its root offline.
- Re-running the install step never formats an existing zone root.
"""

from __future__ import annotations

import pytest

from generator.derive.vcs.api import ClusterConfigs, derived
from generator.document.runbook_model import Step

from ..runbook_support import books, estate
from .support import FOLDER, steps

CASES = [("zone-shared-root", FOLDER, "web"), ("hr-zones", "topologies", "hrz2")]


def _zone_steps(name: str, folder: str) -> list[Step]:
    book = next(b for b in books(name, folder) if b.id == "zones")
    return steps(book)


@pytest.mark.parametrize(("name", "folder", "zone"), CASES)
def test_a_shared_zone_root_on_solaris_11_is_a_zfs_pool_never_vxfs(name: str, folder: str, zone: str) -> None:
    found = _zone_steps(name, folder)
    commands = [c for s in found for c in (*s.commands, *s.backout)]
    assert not any("mkfs -F vxfs" in c or "mount -F vxfs" in c for c in commands)
    assert any(f"zpool create -m /zones/{zone} {zone}_pool " in c for c in commands)
    est = estate(name, folder)
    types = {r.type for cid in est.topology.clusters for g in derived(ClusterConfigs(est), cid).config.groups
             if g.name == f"{zone}_root_grp" for r in g.resources}
    assert "Zpool" in types and "Mount" not in types


@pytest.mark.parametrize(("name", "folder", "zone"), CASES)
def test_hazonesetup_runs_on_every_node_while_the_zone_is_booted_there(name: str, folder: str, zone: str) -> None:
    est = estate(name, folder)
    nodes = [est.domain(r).system for r in est.topology.zones[zone].domains]  # type: ignore[union-attr]
    for step in _zone_steps(name, folder):
        cmds = list(step.commands)
        setup = [i for i, c in enumerate(cmds) if c.startswith("hazonesetup ") and f" -z {zone} " in c]
        if not setup:
            continue
        boot = cmds.index(f"zoneadm -z {zone} boot")
        halt = cmds.index(f"zoneadm -z {zone} halt")
        assert boot < setup[0] < halt, step.id
        nodes.remove(step.runs_on)
    assert nodes == [], "hazonesetup ran on every node of the zone"


@pytest.mark.parametrize(("name", "folder", "zone"), CASES)
def test_the_install_back_out_brings_the_root_back_before_uninstalling(name: str, folder: str, zone: str) -> None:
    step = next(s for s in _zone_steps(name, folder) if s.id == f"install-{zone}")
    assert step.commands[-1].startswith("vxdg deport "), "the step ends with the root offline"
    back = list(step.backout)
    uninstall = back.index(f"zoneadm -z {zone} uninstall -F")
    assert back[0].startswith("vxdg import ") and f"zoneadm -z {zone} attach -F" in back[:uninstall]
    assert any(c.startswith("zpool import ") for c in back[:uninstall])


@pytest.mark.parametrize(("name", "folder", "zone"), CASES)
def test_re_running_the_install_step_does_not_format_an_existing_root(name: str, folder: str, zone: str) -> None:
    step = next(s for s in _zone_steps(name, folder) if s.id == f"install-{zone}")
    create = next(c for c in step.commands if "zpool create" in c or "mkfs" in c)
    assert " || " in create and create.index(" || ") < create.index("zpool create" if "zpool" in create else "mkfs")
