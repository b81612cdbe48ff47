"""Cluster-wide changes: a node added to a VCS cluster.

The new node is appended to ``clusters.C.nodes`` (node IDs are positions: a node inserted or removed would
renumber the others, which is refused). Every running node gets the new ``/etc/llthosts`` and the GAB seed
count in ``/etc/gabtab``; the new node gets its LLT, GAB and fencing files as the VCS set-up runbook writes
them (:func:`generator.derive.procedures.vcs_setup.membership_step`, :func:`...fencing.node_step`), then
``hasys -add`` on a running node and ``hastart`` on the new one; the groups' SystemLists follow from the VCS
delta [K: VCS Installation Guide, adding a node; REFERENCE 6.3].
"""

from __future__ import annotations

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Refused, Revisions
from generator.derive.procedures.fencing import node_step
from generator.derive.procedures.vcs_setup import membership_step
from generator.document.runbook_model import Step
from generator.estate import vcs_commands as vcmd
from generator.estate.shell import heredoc, redirect, sh
from generator.input.schema import FencingMode


def node_item(rev: Revisions, diff: Difference) -> Item:
    """``clusters.C.nodes`` with nodes appended."""
    cid = diff.path[1]
    old, new = list(diff.old), list(diff.new)
    if new[:len(old)] != old or len(new) == len(old):
        raise Refused("CHG016", f"the nodes of cluster {cid} changed other than by appending: LLT node IDs are "
                      "positions, so removing or reordering renumbers running nodes", "append new nodes at the end")
    cluster = rev.new.topology.clusters[cid]
    nodes = rev.new.cluster_systems(cid)
    running, added = nodes[:len(old)], nodes[len(old):]
    steps = []
    for n in running:
        steps.append(Step(id=f"llthosts-{n.system}", title=f"Add the new node(s) to LLT and GAB files on {n.system}",
                          runs_on=n.system,
                          commands=(*heredoc("/etc/llthosts", [f"{i} {m.system}" for i, m in enumerate(nodes)]),
                                    redirect(sh("echo", f"/sbin/gabconfig -c -n{len(nodes)}"), "/etc/gabtab")),
                          expected=f"`/etc/llthosts` lists {len(nodes)} nodes; the running cluster is unaffected.",
                          verify=(sh("cat", "/etc/llthosts"), "gabconfig -a"), minutes=3,
                          backout=(*heredoc("/etc/llthosts", [f"{i} {m.system}" for i, m in enumerate(running)]),
                                   redirect(sh("echo", f"/sbin/gabconfig -c -n{len(running)}"), "/etc/gabtab"))))
    for n in added:
        steps.append(membership_step(nodes, n, cluster))
        steps.append(node_step(cluster.fencing, n))
    first = running[0].system
    steps.append(Step(id=f"hasys-add-{cid}", title=f"Add the new system(s) to the VCS configuration of {cid}",
                      runs_on=first, commands=(vcmd.haconf_rw(), *(sh("hasys", "-add", n.system) for n in added),
                                               vcmd.haconf_ro()),
                      expected="`hasys -list` shows the new system(s).", verify=("hasys -list",), minutes=3,
                      backout=(vcmd.haconf_rw(), *(sh("hasys", "-delete", n.system) for n in added),
                               vcmd.haconf_ro())))
    steps += [Step(id=f"hastart-{n.system}", title=f"Start VCS on {n.system}", runs_on=n.system,
                   commands=("hastart",), expected=f"`{n.system}` RUNNING in `hasys -state`.",
                   verify=("hasys -state", "gabconfig -a"), backout=("hastop -local",), minutes=3, gate=True)
              for n in added]
    notes = ["Install InfoScale on the new node(s) first, as the build-out runbook's installation phase does."]
    if cluster.fencing.mode is FencingMode.CPS:
        notes.append("CP-server fencing: register the new node(s) on every CP server before starting fencing "
                     "there (the VCS set-up runbook's CP-server check lists what each server must show).")
    return Item(kind="node-add", id=f"nodes-{cid}", title=f"Add node(s) {', '.join(n.system for n in added)} to "
                f"cluster `{cid}`", effects=(diff.effect,), objects=(f"cluster:{cid}",),
                uses=tuple(f"guest:{n.ref}" for n in added), steps=tuple(steps), notes=tuple(notes))


def dg_nodes_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.diskgroups.DG.managed-by`` of a shared disk group, extended by nodes that join its cluster: CVM
    imports shared disk groups on a joining node by itself [K]; the step checks it."""
    dg_name = diff.path[2]
    dg = rev.new.topology.storage.diskgroups.get(dg_name)
    old, new = list(diff.old), list(diff.new)
    joined = [rev.new.domain(ref) for ref in new if ref not in old]
    if dg is None or not dg.shared or new[:len(old)] != old or None in joined:
        raise Refused("CHG017", f"the domains that import disk group {dg_name} changed: only a shared disk group "
                      "gaining the nodes that join its cluster is planned", "deport and import it by hand")
    nodes = [d for d in joined if d is not None]
    steps = tuple(Step(id=f"cvm-join-{dg_name}-{d.system}", title=f"Check `{dg_name}` is imported on {d.system}",
                       runs_on=d.system, commands=("vxdctl -c mode", sh("vxdg", "list", dg_name)),
                       expected=f"{d.system} is a CVM slave or master and `{dg_name}` is imported shared.",
                       minutes=2, gate=True) for d in nodes)
    clusters = sorted({c for d in nodes for c in rev.new.clusters_of(d)})
    return Item(kind="dg-join", id=f"dg-join-{dg_name}", title=f"Shared disk group `{dg_name}` on the new node(s)",
                effects=(diff.effect,), objects=(f"dg:{dg_name}",), uses=tuple(f"cluster:{c}" for c in clusters),
                steps=steps)
