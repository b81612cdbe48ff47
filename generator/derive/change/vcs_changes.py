"""The VCS part of a change: per cluster, the difference of the old and new configuration trees.

Both trees are derived from their revision (:mod:`generator.derive.vcs.api`), so a guest put under VCS
(``manages``), an application, zone or explicit group added, or a vdisk whose storage VCS must now hold all
show up here, whatever topology field caused them. Applied with ``haconf -makerw`` / ``hagrp`` / ``hares`` /
``haconf -dump -makero`` (:mod:`generator.maincf.delta`), verified with ``hagrp -state``; the back-out is the
delta from the new tree back to the old one.
"""

from __future__ import annotations

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Revisions
from generator.derive.procedures.ldom_cfgfile import cfgfile_step, managed_guests
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate import vcs_commands as vcmd
from generator.maincf.delta import ConfigDelta, config_delta
from generator.maincf.tree import Config, Group, Scalar

CONFIG = "/etc/VRTSvcs/conf/config"


def _guests(group: Group) -> list[str]:
    return [a.value.text for r in group.resources if r.type == "LDom"
            for a in r.values("LDomName") if isinstance(a.value, Scalar)]


def _offline_step(rev: Revisions, cluster: str, node: str, old: Config, delta: ConfigDelta) -> Step | None:
    if not delta.removed_groups:
        return None
    groups = [g for g in (old.group(n) for n in delta.removed_groups) if g is not None]
    kept = {d.name for d in rev.new.guests}
    guests = [name for g in groups for name in _guests(g) if name in kept]
    notes = [f"Taking the group offline stops guest(s) {', '.join(guests)}: VCS no longer manages them after "
             "this change, so start them again by hand with `ldm start-domain` once the groups are deleted."
             ] if guests else []
    return Step(id=f"vcs-offline-{cluster}", title=f"Take the groups that go offline on {cluster}", runs_on=node,
                commands=tuple(vcmd.hagrp("offline", g, vcmd.ANY) for g in delta.removed_groups),
                expected="Each group is OFFLINE on every system.",
                verify=tuple(vcmd.hagrp_state(g) for g in delta.removed_groups),
                backout=tuple(vcmd.hagrp("online", g.name, g.system_list()[0]) for g in groups if g.system_list()),
                minutes=5, gate=True, notes=tuple(notes))


def _online_step(cluster: str, node: str, new: Config, delta: ConfigDelta) -> Step | None:
    groups = [g for g in (new.group(n) for n in delta.added_groups) if g is not None and g.system_list()]
    if not groups:
        return None
    commands = [vcmd.hagrp("online", g.name, s) for g in groups
                for s in (g.system_list() if g.parallel else g.system_list()[:1])]
    return Step(id=f"vcs-online-{cluster}", title=f"Bring the new groups of {cluster} online", runs_on=node,
                commands=tuple(commands), expected="Each new group is ONLINE (a guest already running is "
                "probed ONLINE where it runs).", verify=tuple(vcmd.hagrp_state(g.name) for g in groups),
                backout=tuple(vcmd.hagrp("offline", g.name, vcmd.ANY) for g in groups), minutes=5, gate=True)


def _steps(rev: Revisions, cluster: str) -> tuple[Step, ...]:
    old, new = rev.old_vcs.derived(cluster).config, rev.new_vcs.derived(cluster).config
    delta, undo = config_delta(old, new), config_delta(new, old)
    if delta.empty:
        return ()
    node = rev.new.cluster_systems(cluster)[0].system
    touched = [*delta.changed_groups, *delta.added_groups]
    apply = Step(id=f"vcs-apply-{cluster}", title=f"Change the VCS configuration of {cluster}", runs_on=node,
                 commands=(cmd.sh("cp", "-p", f"{CONFIG}/main.cf", f"{CONFIG}/main.cf.before-change"), vcmd.haconf_rw(),
                           *delta.commands, vcmd.haconf_ro()),
                 expected=f"`{CONFIG}/main.cf` on every node matches the new main.cf of {cluster} generated "
                          "from the new revision.",
                 verify=(cmd.sh("hacf", "-verify", CONFIG), *(vcmd.hagrp_state(g) for g in touched)),
                 backout=(vcmd.haconf_rw(), *undo.commands, vcmd.haconf_ro()), minutes=5 + len(delta.commands) // 10,
                 gate=True)
    before = {g.name for g in managed_guests(rev.old, cluster)}
    saved = [cfgfile_step(rev.new, cluster, g) for g in managed_guests(rev.new, cluster) if g.name not in before]
    steps = [_offline_step(rev, cluster, node, old, delta), *saved, apply, _online_step(cluster, node, new, delta)]
    return tuple(s for s in steps if s is not None)


def vcs_items(rev: Revisions, by_cluster: dict[str, list[Difference]]) -> list[Item]:
    """One item per cluster whose topology fields or derived configuration changed."""
    items = []
    for cluster in sorted(set(rev.old.topology.clusters) & set(rev.new.topology.clusters)):
        diffs = by_cluster.get(cluster, [])
        steps = _steps(rev, cluster)
        if not steps and not diffs:
            continue
        fields = sorted({d.path[2] for d in diffs})
        title = f"VCS configuration of `{cluster}`" + (f" ({', '.join(fields)})" if fields else "")
        items.append(Item(kind="vcs", id=f"vcs-{cluster}", title=title, effects=tuple(d.effect for d in diffs),
                          objects=(f"vcs:{cluster}",), steps=steps,
                          uses=tuple(f"guest:{ref}" for ref in sorted({*rev.new.managed_by, *rev.old.managed_by}))))
    return items
