"""A version change (Solaris SRU, Oracle VM Server for SPARC or InfoScale patch in ``versions``): rolled through
the hosts one at a time.

Per host: its VCS-managed guests leave for another system of their group when that host has the free memory
and threads for them (the per-host capacity check, counting the guests already moved there) and the migration
checks allow a live migration (``hagrp -migrate``), else ``hagrp -switch`` (a restart elsewhere); a managed
guest with nowhere to go, and every unmanaged guest, is stopped for the window (named in the step). The
control domain's VCS node is stopped with ``hastop -local -evacuate``, patched and rebooted, checked, started,
and the guests return. Update commands: ``pkg update`` into a new boot environment then ``init 6`` for Solaris
and OVM [K]; an InfoScale patch is installed with the installer shipped with the patch, per its README
(unverified: the installer's name and options differ per release).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.diagnostics import Severity
from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Revisions, ldom_group
from generator.derive.migration.case import adhoc_case
from generator.derive.migration.plan import plan_migration
from generator.derive.procedures.command_hosts import ldm_node
from generator.derive.vcs import api
from generator.derive.vcs.api import ClusterConfigs
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate import vcs_commands as vcmd
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import sh


@dataclass(frozen=True)
class Move:
    guest: DomainInfo
    group: str
    target: str | None
    """Target host, or None when the guest stays (stopped for the window)."""
    live: bool


def _free(estate: Estate, host: str, taken: dict[str, tuple[int, int]]) -> tuple[int, int]:
    spec = estate.topology.hosts[host]
    mem, cpus = taken.get(host, (0, 0))
    return spec.memory - estate.used_memory(host) - mem, spec.threads - estate.used_vcpus(host) - cpus


Taken = dict[str, tuple[int, int]]
"""Memory and threads already promised on each host during one evacuation."""


def _target(vcs: ClusterConfigs, guest: DomainInfo, cluster: str, group: str, taken: Taken) -> str | None:
    estate = vcs.estate
    systems = next((g.systems for g in api.service_groups(vcs, cluster) if g.name == group), ())
    hosts = [d.host for d in estate.cluster_systems(cluster) if d.system in systems and d.host != guest.host]
    for host in hosts:
        mem, cpus = _free(estate, host, taken)
        if mem >= guest.spec.memory and cpus >= guest.spec.vcpus:
            used = taken.get(host, (0, 0))
            taken[host] = (used[0] + guest.spec.memory, used[1] + guest.spec.vcpus)
            return host
    return None


def evacuation(vcs: ClusterConfigs, host: str) -> tuple[list[Move], list[DomainInfo]]:
    """(managed guests of ``host`` and where each goes, unmanaged guests stopped for the window)."""
    estate = vcs.estate
    taken: dict[str, tuple[int, int]] = {}
    moves, stopped = [], []
    for guest in (d for d in estate.host_domains(host) if d.is_guest):
        managed = ldom_group(vcs, guest)
        if managed is None:
            stopped.append(guest)
            continue
        target = _target(vcs, guest, managed[0], managed[1], taken)
        live = False
        if target is not None:
            case = adhoc_case(vcs, guest.ref, target, "live", "vcs")
            live = case is not None and not any(c.severity is Severity.ERROR
                                                for c in plan_migration(case).checks)
        moves.append(Move(guest, managed[1], target, live))
    return moves, stopped


def _system(estate: Estate, host: str) -> str:
    return ldm_node(estate, host)


def _host_steps(vcs: ClusterConfigs, host: str, component: str, version: str) -> list[Step]:
    estate = vcs.estate
    moves, stopped = evacuation(vcs, host)
    node = _system(estate, host)
    away, back, notes = [], [], []
    for m in moves:
        if m.target is None:
            away.append(vcmd.hagrp("offline", m.group, node))
            back.append(vcmd.hagrp("online", m.group, node))
            notes.append(f"`{m.guest.name}` has no other system with free memory and threads: it is stopped "
                         "for the window (capacity check).")
        else:
            action = "migrate" if m.live else "switch"
            away.append(vcmd.hagrp(action, m.group, _system(estate, m.target)))
            back.append(vcmd.hagrp(action, m.group, node))
            if not m.live:
                notes.append(f"`{m.guest.name}` cannot live-migrate (migration checks): `hagrp -switch` restarts "
                             f"it on {m.target}.")
    away += [cmd.stop_domain(g.name) for g in stopped]
    back += [cmd.start_domain(g.name) for g in stopped]
    notes += [f"`{g.name}` is not managed by VCS: it is stopped for the window." for g in stopped]
    control = estate.control_domain(host)
    clustered = control is not None and bool(estate.clusters_of(control))
    update = ([sh("pkg", "update", "--accept", "--be-name", f"{component}-{version}")] if component != "infoscale"
              else [])
    steps = [Step(id=f"evacuate-{host}", title=f"Move the guests off {host}", runs_on=node, commands=tuple(away),
                  expected=f"No guest is active on {host}.", verify=(cmd.ldm_list(),), backout=tuple(back),
                  minutes=5 + 5 * len(away), gate=True, notes=tuple(notes))] if away else []
    stop = ("hastop -local -evacuate",) if clustered else ()
    steps.append(Step(id=f"update-{host}", title=f"Update {component} to {version} on {host}", runs_on=node,
                      commands=(*stop, *update, "init 6") if update else stop,
                      expected=f"{host} runs {component} {version}.",
                      verify=(sh("pkg", "info", "VRTSvcs" if component == "infoscale" else "entire"),),
                      minutes=45, gate=True,
                      notes=("Install the InfoScale patch with the installer shipped with it, per its README, then "
                             "reboot (unverified: name and options differ per release).",)
                      if component == "infoscale" else ("The old boot environment stays: `beadm activate` it and "
                                                        "reboot to back out.",)))
    if clustered:
        steps.append(Step(id=f"rejoin-{host}", title=f"Start VCS on {node} again", runs_on=node, commands=("hastart",),
                          expected=f"`{node}` RUNNING; GAB membership complete.",
                          verify=("hasys -state", "gabconfig -a"), minutes=5))
    if back:
        steps.append(Step(id=f"return-{host}", title=f"Bring the guests back to {host}", runs_on=node,
                          commands=tuple(back), expected=f"The guests of {host} are active there again.",
                          verify=(cmd.ldm_list(),), minutes=5 + 5 * len(back), gate=True))
    return steps


def version_item(rev: Revisions, diff: Difference) -> Item:
    """``versions.X`` changed: a rolling update, host by host."""
    component = diff.path[1]
    version = str(diff.new)
    steps = [s for host in sorted(rev.new.topology.hosts) for s in _host_steps(rev.new_vcs, host, component, version)]
    return Item(kind="version", id=f"version-{component}", title=f"Rolling update of {component} from {diff.old} "
                f"to {version}, host by host", effects=(diff.effect,), objects=(f"version:{component}",),
                steps=tuple(steps), notes=("One host at a time: finish and verify a host before the next one.",))
