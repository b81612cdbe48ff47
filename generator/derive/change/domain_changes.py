"""Changes to a guest domain's resources: vCPUs, memory, virtual network devices.

vCPUs and a memory increase are applied to the running guest by dynamic reconfiguration: ``ldm set-vcpu``
and ``ldm set-memory`` on an active domain (Oracle VM Server for SPARC 3.6 Administration Guide, "Using Memory
Dynamic Reconfiguration" [S]; CPU DR [K]). A memory decrease takes the stop/start path: Oracle's guide says an
active domain is not guaranteed to give up the memory asked and removal can run long [S, same guide,
"Decrease the Control Domain's Memory"], so the guest is stopped, resized and started, its VCS group frozen
(persistently) meanwhile so that VCS does not fail it over [K].
"""

from __future__ import annotations

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Refused, Revisions, ldom_group, refreshed_cfgfile
from generator.derive.procedures.command_hosts import ldm_node
from generator.derive.procedures.installation import PACKAGES, product
from generator.derive.vcs.api import ClusterConfigs
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate import vcs_commands as vcmd
from generator.estate.estate import DomainInfo
from generator.estate.shell import sh
from generator.input.schema import Component


def _guest(rev: Revisions, diff: Difference) -> DomainInfo:
    host, name = diff.path[1], diff.path[3]
    guest = rev.domain(host, name)
    if not guest.is_guest:
        raise Refused("CHG010", f"{diff.path[-1]} of {host}/{name} changed: changing a control, service or "
                      "I/O domain's resources needs a delayed reconfiguration and a reboot of that domain, "
                      "which the change planner does not plan", "plan it as its own maintenance")
    return guest


def _frozen(vcs: ClusterConfigs, guest: DomainInfo, body: list[Step]) -> list[Step]:
    """``body`` between a persistent freeze and unfreeze of the guest's LDom group, when VCS manages it."""
    estate = vcs.estate
    managed = ldom_group(vcs, guest)
    if managed is None:
        return body
    cluster, group = managed
    node = estate.cluster_systems(cluster)[0].system
    freeze = Step(id=f"freeze-{guest.name}", title=f"Freeze the VCS group `{group}` of `{guest.name}`",
                  runs_on=node, commands=(vcmd.haconf_rw(), vcmd.hagrp_freeze(group), vcmd.haconf_ro()),
                  expected=f"`{group}` is frozen: VCS will not fail the guest over while it is stopped.",
                  verify=(vcmd.hagrp("value", group, None, "Frozen"),),
                  backout=(vcmd.haconf_rw(), vcmd.hagrp_freeze(group, undo=True), vcmd.haconf_ro()), minutes=2)
    thaw = Step(id=f"unfreeze-{guest.name}", title=f"Unfreeze the VCS group `{group}`", runs_on=node,
                commands=(vcmd.haconf_rw(), vcmd.hagrp_freeze(group, undo=True), vcmd.haconf_ro()),
                expected=f"`{group}` is ONLINE on {guest.system}'s host and no longer frozen.",
                verify=(vcmd.hagrp_state(group), vcmd.hagrp("value", group, None, "Frozen")), minutes=2, gate=True)
    return [freeze, *body, thaw]


def resources_item(rev: Revisions, diff: Difference) -> Item:
    """``hosts.H.domains.D.vcpus`` or ``.memory`` changed."""
    guest = _guest(rev, diff)
    field, old, new = diff.path[-1], diff.old, diff.new
    node, name = ldm_node(rev.new, guest.host), guest.name
    if field == "vcpus":
        change, undo, shown = cmd.set_vcpu(new, name), cmd.set_vcpu(old, name), f"{new} vCPUs"
    else:
        change, undo, shown = cmd.set_memory(new, name), cmd.set_memory(old, name), cmd.ldm_size(new)
    verify = (cmd.ldm_list(name, "-o", "core" if field == "vcpus" else "memory"), cmd.ldm_list(name))
    dynamic = field == "vcpus" or new > old
    if dynamic:
        steps = [Step(id=f"{field}-{name}", title=f"Set `{name}` to {shown} (dynamic reconfiguration)",
                      runs_on=node, commands=(change,), expected=f"`{name}` is active with {shown}.",
                      verify=verify, backout=(undo,), minutes=5, gate=True,
                      notes=("The guest stays up: `ldm` changes an active domain's "
                             f"{'vCPUs' if field == 'vcpus' else 'memory'} by dynamic reconfiguration. "
                             "If ldm refuses (the domain or its OS does not support it), stop here and plan "
                             "the stop/start path.",))]
    else:
        steps = _frozen(rev.new_vcs, guest, [Step(
            id=f"{field}-{name}", title=f"Stop `{name}`, set it to {shown}, start it", runs_on=node,
            commands=(cmd.stop_domain(name), change, cmd.start_domain(name)),
            expected=f"`{name}` is active again with {shown}.", verify=verify,
            backout=(cmd.stop_domain(name), undo, cmd.start_domain(name)), minutes=15,
            notes=("A memory decrease is not done live: an active domain is not guaranteed to give up "
                   "the memory asked and removal can run long (Oracle VM Server for SPARC "
                   "Administration Guide [S]). The guest is down between stop and start.",))])
    steps += refreshed_cfgfile(rev.new, guest, field)
    label = "vCPUs" if field == "vcpus" else "Memory"
    before = old if field == "vcpus" else cmd.ldm_size(old)
    return Item(kind=field, id=f"{field}-{guest.host}-{name}", title=f"{label} of `{guest.ref}`: {before} -> {shown}",
                effects=(diff.effect,), objects=(f"guest:{guest.ref}",), steps=tuple(steps))


def vnet_item(rev: Revisions, diff: Difference) -> Item:
    """``hosts.H.domains.D.vnets.N`` added or removed (a changed vnet is refused by the classifier as a
    replacement, CHG007)."""
    guest = rev.domain(diff.path[1], diff.path[3], old=diff.removed)
    estate = rev.old if diff.removed else rev.new
    vnet = guest.spec.vnets[diff.path[5]]
    sw = estate.resolve_service("vsw", vnet.switch, guest.host)
    switch = sw.name if sw else vnet.switch
    add = cmd.add_vnet(diff.path[5], switch, guest.name, vnet.mac, vnet.vid)
    remove = cmd.remove_vnet(diff.path[5], guest.name)
    objects = (f"vnet:{guest.ref}/{diff.path[5]}",)
    uses = (f"guest:{guest.ref}", f"vsw:{guest.host}/{switch}")
    step = Step(id=f"vnet-{guest.name}-{diff.path[5]}",
                title=f"{'Remove' if diff.removed else 'Add'} vnet `{diff.path[5]}` "
                      f"{'from' if diff.removed else 'to'} `{guest.name}`",
                runs_on=ldm_node(estate, guest.host), commands=(remove if diff.removed else add,),
                expected=f"`ldm list -o network {guest.name}` {'no longer shows' if diff.removed else 'shows'} "
                         f"`{diff.path[5]}` on `{switch}`.",
                verify=(cmd.ldm_list(guest.name, "-o", "network"),), backout=(add if diff.removed else remove,),
                minutes=5, gate=True,
                notes=("Inside the guest, plumb the new datalink (`dladm show-phys`, `ipadm create-ip`) "
                       "or unplumb it before the removal." ,))
    steps = (step, *refreshed_cfgfile(rev.new, rev.domain(guest.host, guest.name), f"vnet-{diff.path[5]}"))
    return Item(kind="vnet-remove" if diff.removed else "vnet-add", id=f"vnet-{guest.host}-{guest.name}-"
                f"{diff.path[5]}", title=step.title, effects=(diff.effect,), objects=objects, uses=uses,
                removal=diff.removed, steps=steps)


def component_item(rev: Revisions, diff: Difference) -> Item:
    """``hosts.H.domains.D.infoscale`` with components added (removing one is refused)."""
    host, name = diff.path[1], diff.path[3]
    old, new = set(diff.old), set(diff.new)
    if not old <= new:
        raise Refused("CHG018", f"InfoScale components removed from {host}/{name}: uninstalling a component "
                      "under running storage or clusters is not planned", "remove it by hand")
    domain = rev.domain(host, name)
    added = sorted((Component(c) for c in new - old), key=lambda c: c.value)
    names = ", ".join(c.value for c in added)
    packages = sorted({p for c in added for p in PACKAGES[c]})
    step = Step(id=f"component-{host}-{name}", title=f"Install {names} in {domain.ref}", runs_on=domain.system,
                commands=("cd /var/tmp/infoscale", sh("./installer", "-precheck", domain.system),
                          sh("./installer", domain.system)),
                expected=f"The installer reports {', '.join(packages)} installed without errors.",
                verify=(sh("pkg", "list", *packages),), minutes=25, gate=True,
                notes=(f"Choose {product(set(domain.spec.infoscale))} in the installer menu and add {names}; "
                       "the components already installed keep running [K].",
                       "No back-out command: uninstalling would remove every component of the product."))
    return Item(kind="component-add", id=f"component-{host}-{name}", title=f"Add {names} to `{domain.ref}`",
                effects=(diff.effect,), objects=(f"guest:{domain.ref}", f"components:{domain.ref}"),
                steps=(step,))
