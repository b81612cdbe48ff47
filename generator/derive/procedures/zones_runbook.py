"""The zones runbook: configure each zone on every node, install its root, hand it to VCS.

A zone is configured identically (``zonecfg``) in every global zone that may host it, with
``autoboot=false`` because VCS boots it. Zone root on local storage: installed on every node. Zone
root on shared storage: the VxVM volume is mounted on the zone path, the zone installed once and
detached, then attached on each other node in turn (REFERENCE.md 8.2). VxVM volumes are exported to
the zone as devices (``add device``, match on the raw and block paths, REFERENCE.md 8.3).
``hazonesetup`` then creates the zone's VCS user and ties the zone to its service group.
"""

from __future__ import annotations

from generator.derive.vcs.api import group_links, service_groups, zone_group
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate import commands as cmd
from generator.estate.commands import vxdg, zlogin, zoneadm, zonecfg
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import either, heredoc, sh, silent
from generator.estate.vcs_commands import ANY, hagrp
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


def _local_root_steps(name: str, nodes: list[DomainInfo]) -> list[Step]:
    return [Step(id=f"install-{name}-{n.system}", title=f"Install zone `{name}` on {n.system} (local root)",
                 runs_on=n.system, commands=(zoneadm(name, "install"), zoneadm(name, "boot"),
                                             zlogin(name, "svcs", "-x"), zoneadm(name, "halt")),
                 expected=f"`{name}` installed; it booted cleanly once and is halted again for VCS.",
                 verify=("zoneadm list -cv",), backout=(zoneadm(name, "uninstall", "-F"),), minutes=20)
            for n in nodes]


def _shared_root_steps(name: str, zone: Zone, nodes: list[DomainInfo]) -> list[Step]:
    dg, vol = (zone.root_volume or "/").split("/")
    path = zone.zonepath
    first, others = nodes[0], nodes[1:]
    mount = cmd.mount_vxfs(cmd.vx_block(dg, vol), path)
    steps = [Step(id=f"install-{name}", title=f"Install zone `{name}` on its shared root on {first.system}",
                  runs_on=first.system,
                  commands=(either(silent(vxdg("list", dg)), vxdg("import", dg)),
                            cmd.mkfs_vxfs(cmd.vx_raw(dg, vol)), sh("mkdir", "-p", path), mount,
                            sh("chmod", "700", path), zoneadm(name, "install"),
                            zoneadm(name, "boot"), zlogin(name, "svcs", "-x"), zoneadm(name, "halt"),
                            zoneadm(name, "detach"), sh("umount", path), vxdg("deport", dg)),
                  expected=f"`{name}` installed once on `{dg}/{vol}`, then detached; `{dg}` deported.",
                  verify=("zoneadm list -cv", "vxdisk -o alldgs list"),
                  backout=(zoneadm(name, "uninstall", "-F"),), minutes=25)]
    for n in others:
        steps.append(Step(id=f"attach-{name}-{n.system}", title=f"Attach zone `{name}` on {n.system}",
                          runs_on=n.system,
                          commands=(vxdg("import", dg), sh("mkdir", "-p", path), mount,
                                    zoneadm(name, "attach"),
                                    zoneadm(name, "detach"), sh("umount", path), vxdg("deport", dg)),
                          expected=f"`{name}` attaches cleanly (packages match this node) and is detached "
                                   f"again.",
                          verify=("zoneadm list -cv",), minutes=10,
                          notes=("VCS attaches with `zoneadm attach -F` (ForceAttach), which skips these "
                                 "checks: this step is the check.",)))
    return steps


def zone_names(estate: Estate, cid: str, zone: str) -> tuple[str, str]:
    """(service group, Zone resource) of ``zone`` in the cluster's configuration."""
    return zone_group(estate, cid, zone)


def held_groups(estate: Estate, cid: str, group: str) -> list[str]:
    """``group`` and the fail-over groups only it requires (``hagrp -link``), parents first.

    A child that another group also requires, or a parallel one (CVM, network), stays online.
    """
    links = group_links(estate, cid)
    parallel = {g.name for g in service_groups(estate, cid) if g.parallel}
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


def _release_step(estate: Estate, cid: str, groups: list[str], name: str, nodes: list[DomainInfo]) -> Step:
    parallel = {g.name for g in service_groups(estate, cid) if g.parallel}
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


def _hazone_step(estate: Estate, cid: str, name: str, nodes: list[DomainInfo]) -> Step:
    group, resource = zone_names(estate, cid, name)
    systems = ",".join(n.system for n in nodes)
    return Step(id=f"hazonesetup-{name}", title=f"Tie zone `{name}` to service group `{group}`",
                runs_on=nodes[0].system,
                commands=("read -rs VCS_ZONE_PW", f'hazonesetup -g {group} -r {resource} -z {name} '
                                                  f'-u z_{name} -p "$VCS_ZONE_PW" -s {systems}',
                          "unset VCS_ZONE_PW", sh("hazoneverify", group)),
                expected="hazoneverify reports the zone configuration valid on every system.",
                verify=(hagrp("display", group, None, "-attribute", "ContainerInfo"),), minutes=10,
                notes=("Type the zone user's password after `read`: it never appears on screen, in a file "
                       "or in the shell history.",
                       "If the generated configuration already holds the group, hazonesetup updates it in "
                       "place; compare with `vcs/` main.cf afterwards."))


def _zone_section(estate: Estate, name: str, zone: Zone, cid: str | None) -> Section:
    nodes = [d for d in (estate.domain(ref) for ref in zone.domains) if d is not None]
    steps = [_configure_step(name, zone, n) for n in nodes]
    steps += _local_root_steps(name, nodes) if zone.root is ZoneRoot.LOCAL else _shared_root_steps(name,
                                                                                                   zone,
                                                                                                   nodes)
    if cid is not None and nodes:
        groups = held_groups(estate, cid, zone_names(estate, cid, name)[0])
        steps = [_hold_step(groups, name, nodes[0]), *steps, _hazone_step(estate, cid, name, nodes),
                 _release_step(estate, cid, groups, name, nodes)]
    root = "local to each node" if zone.root is ZoneRoot.LOCAL else f"shared on `{zone.root_volume}`"
    return Section(id=f"zone-{name}", title=f"Zone `{name}`", steps=tuple(steps),
                   intro=f"Zone root {root}; zone path `{zone.zonepath}`; ip-type {zone.ip_type}.",
                   backout=(f"`zoneadm -z {name} halt`, `zoneadm -z {name} uninstall -F` and "
                            f"`zonecfg -z {name} delete -F` on every node.",))


def zones_runbook(estate: Estate) -> Runbook | None:
    zones = estate.topology.zones
    if not zones:
        return None
    owner = {z: cid for cid, c in sorted(estate.topology.clusters.items()) for z in c.zones}
    sections = tuple(_zone_section(estate, name, zone, owner.get(name)) for name,
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
