"""Volume changes in a disk group: a volume added (with its file system and mount), grown, or removed.

``vxassist make`` creates, ``vxresize`` grows a volume together with its VxFS file system (vxresize(1M) [S:
man page]: a mounted VxFS file system can grow online), ``vxedit -rf rm`` removes a volume and destroys its
data. Where the volume is a guest's vdisk back end (split model), the guest sees a bigger disk only after
its own resize; the step says so.
"""

from __future__ import annotations

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Refused, Revisions
from generator.derive.procedures.command_hosts import dg_domains, volume_consumers
from generator.derive.procedures.storage_phases import fs_step
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate.estate import Estate


def _node(estate: Estate, dg: str) -> str:
    domains = dg_domains(estate, estate.topology.storage.diskgroups[dg])
    return domains[0].system if domains else "operator"


def volume_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.diskgroups.DG.volumes.V`` added or removed."""
    dg, vol = diff.path[2], diff.path[4]
    estate = rev.old if diff.removed else rev.new
    spec = estate.topology.storage.diskgroups[dg].volumes[vol]
    node = _node(estate, dg)
    if diff.removed:
        users = [v.domain.ref for v in volume_consumers(rev.old, dg, vol)]
        step = Step(id=f"volume-{dg}-{vol}", title=f"Remove volume `{dg}/{vol}`", runs_on=node,
                    commands=(cmd.vxedit_remove(dg, vol),), expected=f"`vxprint -g {dg}` no longer lists `{vol}`.",
                    verify=(cmd.sh("vxprint", "-g", dg, "-ht"),), minutes=5, gate=True, irreversible=True,
                    notes=(f"Destroys the data on `{dg}/{vol}` ({cmd.vx_size(spec.size)}); take a backup first"
                           + (f"; it was a back end of {', '.join(users)}" if users else "") + ".",))
        return Item(kind="volume-remove", id=f"volume-{dg}-{vol}", title=step.title, effects=(diff.effect,),
                    objects=(f"vol:{dg}/{vol}",), uses=(f"dg:{dg}",), removal=True, steps=(step,))
    make = Step(id=f"volume-{dg}-{vol}", title=f"Create volume `{dg}/{vol}`", runs_on=node,
                commands=(cmd.vxassist_make(dg, vol, spec.size, spec.layout.value),),
                expected=f"`{vol}` ENABLED ACTIVE, {cmd.vx_size(spec.size)}.",
                verify=(cmd.sh("vxprint", "-g", dg, "-ht", vol),),
                backout=(cmd.vxedit_remove(dg, vol),), minutes=5, gate=spec.filesystem is None)
    steps = [make]
    if spec.filesystem is not None:
        fs = fs_step(estate, dg, vol, spec.filesystem.mount, spec.filesystem.cluster)
        steps += [fs] if fs is not None else []
    return Item(kind="volume-add", id=f"volume-{dg}-{vol}", title=make.title, effects=(diff.effect,),
                objects=(f"vol:{dg}/{vol}",), uses=(f"dg:{dg}",), steps=tuple(steps))


def volume_size_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.diskgroups.DG.volumes.V.size`` grown (shrinking is refused)."""
    dg, vol = diff.path[2], diff.path[4]
    if diff.new < diff.old:
        raise Refused("CHG030", f"volume {dg}/{vol} shrinks from {cmd.vx_size(diff.old)} to "
                      f"{cmd.vx_size(diff.new)}: shrinking a volume and its file system can lose data",
                      "shrink it by hand after a backup, or keep the size")
    consumers = [v.domain.ref for v in volume_consumers(rev.new, dg, vol)]
    notes = [f"`{dg}/{vol}` is a virtual disk of {', '.join(consumers)}: the guest sees the larger disk after "
             "its own resize (re-label the disk and grow the file system inside the guest) [K]."] if consumers else []
    step = Step(id=f"grow-{dg}-{vol}", title=f"Grow volume `{dg}/{vol}` to {cmd.vx_size(diff.new)}",
                runs_on=_node(rev.new, dg), commands=(cmd.vxresize(dg, vol, diff.new),),
                expected=f"`{vol}` is {cmd.vx_size(diff.new)}; a VxFS file system on it has grown with it.",
                verify=(cmd.sh("vxprint", "-g", dg, "-ht", vol),), minutes=10, gate=True,
                notes=(*notes, "No back-out: the volume keeps its new size (shrinking is not planned)."))
    return Item(kind="volume-grow", id=f"grow-{dg}-{vol}", title=step.title, effects=(diff.effect,),
                objects=(f"vol:{dg}/{vol}",), uses=(f"dg:{dg}",), steps=(step,))


def filesystem_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.diskgroups.DG.volumes.V.filesystem`` added to an existing volume (mkfs and mount)."""
    dg, vol = diff.path[2], diff.path[4]
    if diff.old is not None or diff.new is None:
        raise Refused("CHG031", f"the file system of {dg}/{vol} changed or was removed; only adding a file "
                      "system to a volume that has none is planned", "change it by hand")
    spec = rev.new.topology.storage.diskgroups[dg].volumes[vol].filesystem
    assert spec is not None
    step = fs_step(rev.new, dg, vol, spec.mount, spec.cluster)
    return Item(kind="filesystem-add", id=f"fs-{dg}-{vol}", title=f"File system on `{dg}/{vol}` at `{spec.mount}`",
                effects=(diff.effect,), objects=(f"fs:{dg}/{vol}",), uses=(f"vol:{dg}/{vol}",),
                steps=(step,) if step else ())
