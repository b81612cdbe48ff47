"""The zones runbook: configure each zone on every node, install its root, hand it to VCS.

A zone is configured identically (``zonecfg``) in every global zone that may host it, with
``autoboot=false`` because VCS boots it. Zone root on local storage: installed on every node. Zone
root on shared storage: a ZFS pool (Solaris 11) or VxFS (Solaris 10) on the VxVM root volume at the zone
path, the zone installed once and detached, then attached on each other node in turn (REFERENCE.md
8.2, :mod:`zone_root`). VxVM volumes are exported to
the zone as devices (``add device``, match on the raw and block paths, REFERENCE.md 8.3).
``hazonesetup`` runs on each node while the zone is booted there; ``hazoneverify`` closes the phase.
"""

from __future__ import annotations

from generator.derive.procedures.zone_root import hazone_commands, local_root_steps, shared_root_steps
from generator.derive.vcs.api import ClusterConfigs, group_links, service_groups, zone_group
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate import commands as cmd
from generator.estate.commands import zonecfg
from generator.estate.estate import DomainInfo
from generator.estate.shell import heredoc, sh
from generator.estate.vcs_commands import ANY, hagrp
from generator.estate.zone_roots import root_fs
from generator.input.schema import Zone, ZoneRoot

CAUTIONS = (
    "VxVM commands (vxdg, vxassist, ...) are run in the global zone only; the zone sees the exported "
    "volumes as raw and block devices (REFERENCE.md 7, rule 15, unverified).",
    "zonecfg changes take effect at the next boot of the zone.",
)


def zonecfg_lines(name: str, zone: Zone) -> list[str]:
    lines = ["create" if zone.ip_type == "exclusive" else "create -b", f"set brand={zone.brand}",
             f"set zonepath={zone.zonepath}", "set autoboot=false",
             f"set ip-type={zone.ip_type}"]
    for volume in zone.exported_volumes:
        dg, vol = volume.split("/")
        for path in (cmd.vx_raw(dg, vol), cmd.vx_block(dg, vol)):
            lines += ["add device", f"set match={path}", "end"]
    return [*lines, "verify", "commit"]


def _configure_step(name: str, zone: Zone, node: DomainInfo) -> Step:
    return Step(id=f"zonecfg-{name}-{node.system}", title=f"Configure zone `{name}` on {node.system}",
                runs_on=node.system, commands=(*heredoc(f"/var/tmp/{name}.zonecfg", zonecfg_lines(name,
                                                                                                  zone)),
                                               zonecfg(name, "-f", f"/var/tmp/{name}.zonecfg")),
                expected=f"`{name}` in state configured.", verify=("zoneadm list -cv",),
                backout=(zonecfg(name, "delete", "-F"),), minutes=3)


def zone_names(vcs: ClusterConfigs, cid: str, zone: str) -> tuple[str, str]:
    """(service group, Zone resource) of ``zone`` in the cluster's configuration."""
    return zone_group(vcs, cid, zone)


def held_groups(vcs: ClusterConfigs, cid: str, group: str) -> list[str]:
    """``group`` and the fail-over groups only it requires (``hagrp -link``), parents first.

    A child that another group also requires, or a parallel one (CVM, network), stays online.
    """
    links = group_links(vcs, cid)
    parallel = {g.name for g in service_groups(vcs, cid) if g.parallel}
    found = [group]
    for parent, child in links:
        parents = {p for p, c in links if c == child}
        if parent in found and child not in found and child not in parallel and parents <= set(found):
            found.append(child)
    return found


def _hold_step(groups: list[str], name: str, node: DomainInfo) -> Step:
    return Step(id=f"hold-{name}", title=f"Keep VCS away from zone `{name}` while it is built",
                runs_on=node.system,
                commands=(*[hagrp("offline", g, ANY) for g in groups], *[hagrp("freeze", g) for g in groups]),
                expected=f"{', '.join(f'`{g}`' for g in groups)} OFFLINE on every system and frozen.",
                verify=("hastatus -sum", *[hagrp("state", g) for g in groups]),
                backout=tuple(hagrp("unfreeze", g) for g in groups), minutes=5,
                notes=("The VCS set-up applied these groups before the zone existed: they cannot be ONLINE "
                       "yet, and left alone VCS would fight this runbook for the disk group and the zone path. "
                       "`hagrp -offline` reports an error for a group that is already offline; go on.",))


def _release_expected(groups: list[str], parallel: set[str], first: str, name: str) -> str:
    """Each group where it comes online: a failover group on ``first``, a parallel one on every node."""
    failover = [g for g in groups if g not in parallel]
    parts = [f"{', '.join(f'`{g}`' for g in failover)} ONLINE on {first}"] if failover else []
    parts += [f"{', '.join(f'`{g}`' for g in groups if g in parallel)} ONLINE on every node"] if len(failover) < len(
        groups) else []
    return "; ".join(parts) + f"; `{name}` running."


def _release_step(vcs: ClusterConfigs, cid: str, groups: list[str], name: str, nodes: list[DomainInfo]) -> Step:
    parallel = {g.name for g in service_groups(vcs, cid) if g.parallel}
    children_first = list(reversed(groups))
    first = nodes[0].system
    online = [hagrp("online", g, n.system) for g in children_first
              for n in (nodes if g in parallel else nodes[:1])]
    return Step(id=f"release-{name}", title=f"Give zone `{name}` back to VCS", runs_on=first,
                commands=(*[hagrp("unfreeze", g) for g in children_first],
                          *[hagrp("clear", g) for g in children_first], *online),
                expected=_release_expected(groups, parallel, first, name),
                verify=(*[hagrp("state", g) for g in groups], "zoneadm list -cv"),
                backout=tuple(hagrp("offline", g, first) for g in groups), minutes=10)


def _hazoneverify_step(group: str, name: str, node: DomainInfo) -> Step:
    return Step(id=f"hazoneverify-{name}", title=f"Verify zone `{name}` in service group `{group}`",
                runs_on=node.system, commands=(sh("hazoneverify", group),),
                expected="hazoneverify reports the zone configuration valid on every system.",
                verify=(hagrp("display", group, None, "-attribute", "ContainerInfo"),), minutes=5,
                notes=("hazonesetup ran on every node while the zone was booted there (install and attach "
                       "steps); if the generated configuration already held the group it updated it in place: "
                       "compare with `vcs/` main.cf afterwards.",))


def zone_section(vcs: ClusterConfigs, name: str, zone: Zone, cid: str | None) -> Section:
    estate = vcs.estate
    nodes = [d for d in (estate.domain(ref) for ref in zone.domains) if d is not None]
    steps = [_configure_step(name, zone, n) for n in nodes]
    hazone: tuple[str, ...] = ()
    if cid is not None and nodes:
        group, resource = zone_names(vcs, cid, name)
        hazone = hazone_commands(group, resource, name, [n.system for n in nodes])
    steps += local_root_steps(name, nodes, hazone) if zone.root is ZoneRoot.LOCAL else shared_root_steps(
        estate, name, zone, nodes, hazone)
    if cid is not None and nodes:
        groups = held_groups(vcs, cid, group)
        steps = [_hold_step(groups, name, nodes[0]), *steps, _hazoneverify_step(group, name, nodes[0]),
                 _release_step(vcs, cid, groups, name, nodes)]
    fs = root_fs(estate, zone)
    root = "local to each node" if zone.root is ZoneRoot.LOCAL else \
        f"shared on `{zone.root_volume}` ({fs.value if fs else ''})"
    return Section(id=f"zone-{name}", title=f"Zone `{name}`", steps=tuple(steps),
                   intro=f"Zone root {root}; zone path `{zone.zonepath}`; ip-type {zone.ip_type}.",
                   backout=(f"`zoneadm -z {name} halt`, `zoneadm -z {name} uninstall -F` and "
                            f"`zonecfg -z {name} delete -F` on every node.",))


def zones_runbook(vcs: ClusterConfigs) -> Runbook | None:
    estate = vcs.estate
    zones = estate.topology.zones
    if not zones:
        return None
    owner = {z: cid for cid, c in sorted(estate.topology.clusters.items()) for z in c.zones}
    sections = tuple(zone_section(vcs, name, zone, owner.get(name)) for name,
                     zone in sorted(zones.items()))
    return Runbook(id="zones", title=f"Zones: {estate.topology.title}", topology=estate.topology.topology,
                   kind="zones", sections=sections,
                   summary="Configures every Solaris zone identically on each node that may host it, "
                           "installs its "
                           "root and hands it to VCS with hazonesetup.",
                   prerequisites=("Build-out done: the zone root and exported volumes exist in the global "
                                  "zones.",
                                  "VCS set-up done: the cluster is running with the generated groups; the "
                                  "groups of these zones cannot come online before this runbook installs the "
                                  "zones, and each zone phase holds them offline and frozen until its end.",
                                  *CAUTIONS),
                   references=("Veritas InfoScale Virtualization Guide - Solaris: VCS support for zones",
                               "zonecfg(8), zoneadm(8)"))
