"""Guests added, removed or moved to another host, and zones added.

A guest added gets its back ends exported on every host that may run it, then the build-out's own
create-bind-start step (:func:`generator.derive.procedures.buildout.guest_step`); its VCS group comes from the
VCS delta. A guest removed is stopped, unbound and removed, then its exports are removed: the data on its back
ends is kept unless the new revision also removes those volumes or LUNs (their own items say so). A guest
that only changes host (same name, same definition) is moved with the migration procedure (the migration
planner and its prerequisite checks, :mod:`generator.derive.migration`). A zone added is configured and
installed on each of its global zones as the zones runbook does; its VCS group comes from the VCS delta.
"""

from __future__ import annotations

from dataclasses import replace

from generator.core.diagnostics import Severity
from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Refused, Revisions
from generator.derive.migration.case import adhoc_case
from generator.derive.migration.plan import plan_migration
from generator.derive.procedures.buildout import guest_step
from generator.derive.procedures.command_hosts import exports, ldm_node
from generator.derive.procedures.zones_runbook import zone_section
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate.estate import DomainInfo, Estate


def _export_steps(estate: Estate, guest: DomainInfo, remove: bool) -> list[Step]:
    steps = []
    for e in (e for e in exports(estate) if e.vdisk.domain.ref == guest.ref):
        v = e.vdisk
        add = cmd.add_vdsdev(e.backend, v.export_name, e.service.name, slice_=v.spec.slice, mpgroup=v.spec.mpgroup)
        undo = cmd.remove_vdsdev(v.export_name, e.service.name)
        steps.append(Step(id=f"{'unexport' if remove else 'export'}-{e.host}-{guest.name}-{v.name}",
                          title=f"{'Remove the export of' if remove else 'Export'} `{v.export_name}` on {e.host}",
                          runs_on=ldm_node(estate, e.host), commands=(undo if remove else add,),
                          expected=f"`ldm list-services` on {e.host} {'no longer lists' if remove else 'lists'} "
                                   f"`{v.export_name}@{e.service.name}`.",
                          verify=(cmd.ldm("list-services"),), backout=(add if remove else undo,), minutes=3))
    return steps


def _backends(estate: Estate, guest: DomainInfo) -> tuple[str, ...]:
    return tuple(f"vol:{v.spec.volume}" if v.spec.volume else f"lun:{v.spec.lun}"
                 for v in estate.vdisks(guest) if v.spec.volume or v.spec.lun)


def guest_item(rev: Revisions, diff: Difference) -> Item:
    """``hosts.H.domains.D`` added or removed as a whole (a guest; other domains are refused)."""
    host, name = diff.path[1], diff.path[3]
    estate = rev.old if diff.removed else rev.new
    guest = rev.domain(host, name, old=diff.removed)
    if not guest.is_guest:
        raise Refused("CHG012", f"domain {host}/{name} {'removed' if diff.removed else 'added'}: only guest "
                      "domains are added or removed by a change runbook", "service and I/O domains are a build-out")
    create = guest_step(estate, guest)
    if diff.removed:
        kept = ", ".join(f"`{b.split(':', 1)[1]}`" for b in _backends(estate, guest))
        destroy = Step(id=f"remove-guest-{host}-{name}", title=f"Stop and remove guest `{name}` on {host}",
                       runs_on=ldm_node(estate, host), commands=cmd.destroy_domain(name),
                       expected=f"`ldm list` on {host} no longer shows `{name}`.", verify=(cmd.ldm_list(),),
                       backout=create.commands, minutes=10, gate=True, irreversible=True,
                       notes=(f"Destroys the domain definition of `{name}` (its OS keeps running nowhere). The data "
                              f"on its back ends{' (' + kept + ')' if kept else ''} is kept: the new revision does "
                              "not remove it unless a volume or LUN removal below says so.",))
        steps = [destroy, *_export_steps(estate, guest, remove=True)]
    else:
        notes = [f"Install Solaris and InfoScale ({', '.join(c.value for c in guest.spec.infoscale)}) in "
                 f"`{name}` from its console as the build-out runbook's installation phase does."
                 ] if guest.spec.infoscale else []
        steps = [*_export_steps(estate, guest, remove=False), create]
        steps[-1] = replace(create, gate=True, notes=(*create.notes, *notes))
    return Item(kind="guest-remove" if diff.removed else "guest-add", id=f"guest-{host}-{name}",
                title=f"{'Remove' if diff.removed else 'Add'} guest `{guest.ref}`", effects=(diff.effect,),
                objects=(f"guest:{guest.ref}",), uses=_backends(estate, guest), removal=diff.removed,
                steps=tuple(steps))


def move_item(rev: Revisions, gone: Difference, came: Difference) -> Item:
    """A guest removed from one host and added unchanged on another: the migration procedure."""
    name, source, target = gone.path[3], gone.path[1], came.path[1]
    if gone.old != came.new:
        raise Refused("CHG013", f"guest {name} moves from {source} to {target} and changes at the same time",
                      "move it in one revision and change it in the next")
    case = adhoc_case(rev.old_vcs, f"{source}/{name}", target)
    assert case is not None
    plan = plan_migration(case, rev.migration_checks(case))
    errors = [c for c in plan.checks if c.severity is Severity.ERROR]
    if errors:
        raise Refused("CHG014", f"guest {name} cannot move from {source} to {target}: {errors[0].rule_id} "
                      f"{errors[0].finding.message}", errors[0].finding.hint)
    steps = [*plan.preparation, *(s for p in plan.phases for s in p.steps), *plan.verification]
    return Item(kind="guest-move", id=f"move-{name}-{target}", title=f"Move guest `{name}` from {source} to "
                f"{target} ({case.kind.value} migration)", effects=(gone.effect, came.effect),
                objects=(f"guest:{source}/{name}", f"guest:{target}/{name}"), steps=tuple(steps),
                notes=("The migration procedure of the migration runbooks; its back-out is the migration "
                       "back-out of each phase.",))


def zone_item(rev: Revisions, diff: Difference) -> Item:
    """``zones.Z`` added (configured and installed on each of its global zones)."""
    name = diff.path[1]
    if not diff.added:
        raise Refused("CHG015", f"zone {name} {'removed' if diff.removed else 'changed'}: only adding a zone "
                      "is planned", "halt, uninstall and delete it by hand")
    zone = rev.new.topology.zones[name]
    section = zone_section(rev.new_vcs, name, zone, None)
    return Item(kind="zone-add", id=f"zone-{name}", title=f"Add zone `{name}`", effects=(diff.effect,),
                objects=(f"zone:{name}",), uses=tuple(f"vol:{v}" for v in zone.exported_volumes),
                steps=section.steps, notes=(section.intro,))
