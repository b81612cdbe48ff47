"""The fail-over test runbook, one per cluster: every service group moved and checked, then moved back.

Failover groups are switched (``hagrp -switch``) to each other system of their SystemList and back;
LDom groups of a cluster with migration credentials are live-migrated (``hagrp -migrate``) instead.
Parallel groups are not moved: the test takes each one offline and online on one system and checks
it stays online on the others. The service groups come from the VCS output (:mod:`generator.derive.vcs.api`).
"""

from __future__ import annotations

from generator.derive.decisions import Decisions
from generator.derive.procedures.failover_capacity import with_capacity
from generator.derive.vcs.api import (
    ServiceGroup,
    failover_children,
    ldom_guests,
    online_local_parents,
    prerequisite_groups,
    service_groups,
)
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate.shell import Raw
from generator.estate.vcs_commands import hagrp


def _move_step(group: ServiceGroup, action: str, source: str, target: str, back: bool,
               needs: list[str], extra: tuple[str, ...] = ()) -> Step:
    verb = "Migrate" if action == "migrate" else "Switch"
    title = f"{verb} `{group.name}` {'back ' if back else ''}to {target}"
    notes = []
    if action == "migrate":
        notes.append("A live migration: the guest keeps running. Run only one migration at a time "
                     "(REFERENCE.md 7, rule 9).")
    if group.kind == "ldom" and action == "switch":
        notes.append("A switch stops the guest on the source and boots it on the target: an outage of the "
                     "guest.")
        notes.extend(extra)
    return Step(id=f"{'back' if back else 'move'}-{group.name}-{target}", title=title, runs_on=source,
                commands=(*[hagrp("state", n) for n in needs], hagrp(action, group.name, target)),
                expected=(f"Before the move: {', '.join(f'`{n}`' for n in needs)} ONLINE on {target}. "
                          if needs else "")
                + f"After: `{group.name}` ONLINE on {target} and OFFLINE on every other system.",
                verify=(hagrp("state", group.name), "hastatus -sum"),
                # a live-migration test backs out by migrating back: a switch would stop the guest (an outage)
                backout=(hagrp(action, group.name, source),), minutes=10 if group.kind == "ldom" else 5,
                gate=not back, notes=tuple(notes))


FOLLOWER_NOTE = ("{group} requires {children} online local, a failover group: it comes online only where "
                 "that group is online, and that group cannot be online on the target while {group} runs "
                 "on the source. So: offline, switch the child, online (VCS Administrator's Guide, failover "
                 "parent / failover child dependencies). A live migration is not possible this way.")


def _relay(group: str, children: list[str], source: str, target: str) -> tuple[str, ...]:
    """Move ``group`` with the failover children it requires: offline, switch them, online."""
    return (hagrp("offline", group, source), *[hagrp("switch", c, target) for c in children],
            hagrp("online", group, target))


def _relay_step(group: ServiceGroup, children: list[str], source: str, target: str, back: bool,
                needs: list[str], extra: tuple[str, ...] = ()) -> Step:
    names = ", ".join(f"`{c}`" for c in children)
    before = f"Before the move: {names} ONLINE on {source} with `{group.name}`" + (
        f"; {', '.join(f'`{n}`' for n in needs)} ONLINE on {target}. " if needs else ". ")
    return Step(id=f"{'back' if back else 'move'}-{group.name}-{target}",
                title=f"Move `{group.name}` {'back ' if back else ''}to {target} with {names}", runs_on=source,
                commands=(*[hagrp("state", n) for n in (*children, *needs)],
                          *_relay(group.name, children, source, target)),
                expected=before + f"After: {names} and `{group.name}` ONLINE on {target} and OFFLINE on every "
                                  "other system.",
                verify=(hagrp("state", group.name), "hastatus -sum"),
                backout=_relay(group.name, children, target, source), minutes=15, gate=not back,
                notes=(FOLLOWER_NOTE.format(group=f"`{group.name}`", children=names),
                       "The guest is stopped on the source and booted on the target: an outage of the guest."
                       if group.kind == "ldom" else "The group is offline while its child moves.", *extra))


def _guest_cluster_notes(decisions: Decisions, cid: str, group: ServiceGroup) -> tuple[str, ...]:
    """An LDom group whose guest is itself a node of a cluster (VCS in the control and guest domains)."""
    estate = decisions.estate
    if group.kind != "ldom":
        return ()
    guest = estate.domain(ldom_guests(decisions.vcs, cid).get(group.name, ""))
    inner = [c for c in estate.clusters_of(guest) if c != cid] if guest is not None else []
    return tuple(f"{guest.name} is a node of cluster `{c}`: stopping it takes that node away. Before a switch, "
                 f"move `{c}`'s failover groups off {guest.name} from inside `{c}` (hagrp -switch), and check "
                 f"in `{c}` afterwards (hastatus -sum) that {guest.name} rejoined."
                 for c in inner if guest is not None)


def _failover_section(decisions: Decisions, cid: str, group: ServiceGroup, migrate: bool) -> Section:
    home = group.systems[0]
    action = "migrate" if migrate else "switch"
    children = failover_children(decisions.vcs, cid, group.name)
    extra = _guest_cluster_notes(decisions, cid, group)
    steps = [Step(id=f"pre-{group.name}", title=f"Check `{group.name}` is ONLINE on {home}", runs_on=home,
                  commands=(hagrp("state", group.name),), minutes=2,
                  expected=f"ONLINE on {home}, OFFLINE elsewhere; no resource FAULTED.")]
    for target in group.systems[1:]:
        for src, dst, back in ((home, target, False), (target, home, True)):
            needs = [g for g in prerequisite_groups(decisions.vcs, cid, group.name, dst) if g not in children]
            step = (_relay_step(group, children, src, dst, back, needs, extra) if children
                    else _move_step(group, action, src, dst, back, needs, extra))
            steps.append(with_capacity(decisions.whatif, cid, group.name, step, dst))
    home_again = (" then ".join(f"`{c}`" for c in _relay(group.name, children, Raw("<system>"), home)) if children
                  else f"`{hagrp(action, group.name, home)}`")
    return Section(id=f"group-{group.name}", title=f"Fail-over test of `{group.name}` ({group.kind})",
                   steps=tuple(steps),
                   intro=f"SystemList: {', '.join(group.systems)}. Each move is followed by the move back.",
                   backout=(f"{home_again} returns the group to its first system.",))


CYCLE_NOTE = ("Cycled on the last system of its SystemList, where the failover groups are not running after "
              "their tests. VCS does not take a group offline while a group that requires it online local "
              "firm or hard is online on the same system, so the parallel groups that require it are cycled "
              "with it. If VCS still refuses (a failover parent online there), do not force it: note it and "
              "skip this step.")
MULTI_IO_NOTE = ("A storage or network group of multiple I/O domains: the guest keeps its I/O through the "
                 "other I/O domain and its AlternateIO group stays ONLINE.")


def _parallel_parents(decisions: Decisions, cid: str, group: str, system: str,
                      parallel: dict[str, ServiceGroup]) -> list[str]:
    """Parallel groups on ``system`` requiring ``group`` online local, directly or through each other;
    outermost first (the order to take them offline)."""
    depth: dict[str, int] = {}

    def walk(name: str, level: int, seen: frozenset[str]) -> None:
        for parent in online_local_parents(decisions.vcs, cid, name):
            facts = parallel.get(parent)
            if facts is None or system not in facts.systems or parent in seen:
                continue
            depth[parent] = max(depth.get(parent, 0), level)
            walk(parent, level + 1, seen | {parent})

    walk(group, 1, frozenset({group}))
    return sorted(depth, key=lambda n: (-depth[n], n))


def _parallel_section(decisions: Decisions, cid: str, group: ServiceGroup, parallel: dict[str, ServiceGroup],
                      multi_io: bool) -> Section:
    system = group.systems[-1]
    others = ", ".join(group.systems[:-1]) or "no other system"
    parents = _parallel_parents(decisions, cid, group.name, system, parallel)
    down = (*[hagrp("offline", p, system) for p in parents], hagrp("offline", group.name, system))
    up = (hagrp("online", group.name, system), *[hagrp("online", p, system) for p in reversed(parents)])
    verb = "requires" if len(parents) == 1 else "require"
    also = (f" (with {', '.join(f'`{p}`' for p in parents)}, which {verb} it: offline before it, online "
            "after it)" if parents else "")
    step = Step(id=f"cycle-{group.name}", title=f"Cycle parallel group `{group.name}` on {system}",
                runs_on=system, commands=down + up,
                expected=f"`{group.name}`{also} OFFLINE then ONLINE again on {system}; ONLINE throughout on "
                         f"{others}.",
                verify=(hagrp("state", group.name),), backout=up, minutes=5 + 2 * len(parents),
                notes=(CYCLE_NOTE, *((MULTI_IO_NOTE,) if multi_io and group.kind in ("storage", "network")
                                     else ())))
    return Section(id=f"group-{group.name}", title=f"Parallel group `{group.name}` ({group.kind})",
                   steps=(step,), intro=f"Online on all of: {', '.join(group.systems)}.")


def _follower_section(group: ServiceGroup, parents: list[str]) -> Section:
    """A failover group that failover parents require online local: their tests move it."""
    names = ", ".join(f"`{p}`" for p in parents)
    step = Step(id=f"state-{group.name}", title=f"Check `{group.name}` follows {names}",
                runs_on=group.systems[0],
                commands=(hagrp("state", group.name), hagrp("dep", group.name)), minutes=2,
                expected=f"`{group.name}` ONLINE on the same system as {names}.",
                notes=(f"Required online local by {names}: the test of {names} moves this failover group "
                       "(parent offline, this group switched, parent online again). It is not switched on its "
                       "own while a parent is online. Run this check after each move of a parent.",))
    return Section(id=f"group-{group.name}", title=f"Group `{group.name}` ({group.kind}), moved with {names}",
                   steps=(step,))


def live_migrated(decisions: Decisions, cid: str) -> set[str]:
    """LDom groups whose guest the topology plans to live- or warm-migrate through VCS."""
    estate = decisions.estate
    if estate.topology.clusters[cid].migration_auth is None:
        return set()
    planned = {d.name for m in estate.topology.migrations if m.kind.value != "cold" and m.via != "manual"
               if (d := estate.domain(m.domain)) is not None}
    return {group for group, guest in ldom_guests(decisions.vcs, cid).items() if guest in planned}


def _parents(decisions: Decisions, cid: str, groups: list[ServiceGroup]) -> dict[str, list[str]]:
    """Failover child -> the failover groups that require it online local (they move it)."""
    found: dict[str, list[str]] = {}
    for g in groups:
        if not g.parallel:
            for child in failover_children(decisions.vcs, cid, g.name):
                found.setdefault(child, []).append(g.name)
    return found


def _order(group: ServiceGroup, parents: dict[str, list[str]]) -> tuple[int, str]:
    """Failover groups, then groups their parents move, then parallel infrastructure groups (cycled
    once everything else is back on its first system)."""
    return (2 if group.parallel else 1 if group.name in parents else 0, group.name)


def _group_section(decisions: Decisions, cid: str, group: ServiceGroup, migrate: bool,
                   parents: dict[str, list[str]], groups: list[ServiceGroup]) -> Section:
    if group.parallel:
        return _parallel_section(decisions, cid, group, {g.name: g for g in groups if g.parallel},
                                 any(g.kind == "alternateio" for g in groups))
    if group.name in parents:
        return _follower_section(group, parents[group.name])
    return _failover_section(decisions, cid, group, migrate)


def failover_runbook(decisions: Decisions, cid: str) -> Runbook:
    estate = decisions.estate
    groups = service_groups(decisions.vcs, cid)
    migrating = live_migrated(decisions, cid)
    nodes = [d.system for d in estate.cluster_systems(cid)]
    parents = _parents(decisions, cid, groups)
    sections = tuple(_group_section(decisions, cid, g, g.name in migrating, parents, groups)
                     for g in sorted(groups, key=lambda g: _order(g, parents)) if g.systems)
    return Runbook(id=f"failover-test-{cid}", title=f"Fail-over test: cluster {cid}",
                   topology=estate.topology.topology, kind="failover-test", sections=sections,
                   summary=f"Moves every service group of `{cid}` to each system it may run on and back, "
                           f"checking "
                           "the expected state after each move.",
                   prerequisites=(f"`hastatus -sum` on {nodes[0]}: every system RUNNING, no group FAULTED.",
                                  "Application owners informed: failover groups are briefly offline during a "
                                  "switch (not during a live migration)."),
                   references=("Cluster Server Administrator's Guide: hagrp -switch, hagrp -migrate",),
                   header={"Cluster": cid, "Systems": ", ".join(nodes)})


def failover_runbooks(decisions: Decisions) -> list[Runbook]:
    estate = decisions.estate
    return [failover_runbook(decisions, cid) for cid in sorted(estate.topology.clusters)
            if estate.cluster_systems(cid)]
