"""Storage changes: LUNs, disks of a disk group, volumes (added, grown, removed), file systems, guest vdisks.

A vdisk is exported on every host that may run its guest (own host, fail-over and migration targets: the
same ``volume@vds`` names, REFERENCE 5.3) and then added to the guest; a multipathed guest has one vdisk
per service domain, each planned on its own. Disks join a disk group with ``vxdisksetup`` and ``vxdg
adddisk`` on a domain that imports it; a volume with a VxFS file system grows with ``vxresize``, which grows
the file system with the volume (vxresize(1M) [S: man page]). Shrinking is refused: it can lose data.
"""

from __future__ import annotations

from dataclasses import replace

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.context import Refused, Revisions, refreshed_cfgfile
from generator.derive.procedures.command_hosts import dg_domains, exports, ldm_node
from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate.estate import Estate, VdiskInfo
from generator.estate.vdisk_paths import vdisk_timeout
from generator.input.schema import Component


def _vdisk(estate: Estate, host: str, domain: str, name: str) -> VdiskInfo:
    guest = estate.domain(f"{host}/{domain}")
    assert guest is not None
    return next(v for v in estate.vdisks(guest) if v.name == name)


def _backend_object(v: VdiskInfo) -> str:
    s = v.spec
    return f"vol:{s.volume}" if s.volume else f"lun:{s.lun}" if s.lun else f"backend:{s.file or s.zvol}"


def vdisk_item(rev: Revisions, diff: Difference) -> Item:
    """``hosts.H.domains.D.vdisks.V`` added or removed (a vdisk changed in place is refused by the classifier as a
    replacement, CHG007; its service resolves in a checked revision, REF002)."""
    host, domain, name = diff.path[1], diff.path[3], diff.path[5]
    estate = rev.old if diff.removed else rev.new
    v = _vdisk(estate, host, domain, name)
    assert v.service is not None, "REF002 refuses a vdisk whose service does not resolve"
    mine = [e for e in exports(estate) if e.vdisk.domain.ref == v.domain.ref and e.vdisk.name == name]
    steps = []
    for e in mine:
        add = cmd.add_vdsdev(e.backend, v.export_name, e.service.name, slice_=v.spec.slice, mpgroup=v.spec.mpgroup)
        remove = cmd.remove_vdsdev(v.export_name, e.service.name)
        steps.append(Step(id=f"vdsdev-{e.host}-{domain}-{name}",
                          title=f"{'Remove the export of' if diff.removed else 'Export'} `{v.export_name}` "
                                f"{'from' if diff.removed else 'on'} {e.host}",
                          runs_on=ldm_node(estate, e.host), commands=(remove if diff.removed else add,),
                          expected=f"`ldm list-services` on {e.host} {'no longer lists' if diff.removed else 'lists'}"
                                   f" `{v.export_name}@{e.service.name}`.",
                          verify=(cmd.ldm("list-services"),), backout=(add if diff.removed else remove,), minutes=3))
    add = cmd.add_vdisk(name, v.export_name, v.service.name, domain, v.spec.id, vdisk_timeout(estate, v))
    remove = cmd.remove_vdisk(name, domain)
    attach = Step(id=f"vdisk-{domain}-{name}", title=f"{'Remove' if diff.removed else 'Add'} vdisk `{name}` "
                  f"{'from' if diff.removed else 'to'} `{domain}`", runs_on=ldm_node(estate, host),
                  commands=(remove if diff.removed else add,),
                  expected=f"`ldm list -o disk {domain}` {'no longer shows' if diff.removed else 'shows'} `{name}`.",
                  verify=(cmd.ldm_list(domain, "-o", "disk"),), backout=(add if diff.removed else remove,), minutes=3)
    discover = Step(id=f"discover-{domain}-{name}", title=f"Discover the new disk in `{domain}`",
                    runs_on=v.domain.system, commands=("devfsadm -c disk",) + (("vxdctl enable",)
                                                                                 if estate.vxvm_owns(v) else ()),
                    expected="The new disk is listed by `format` (and by `vxdisk list` where VxVM runs).",
                    verify=("echo | format",) + (("vxdisk -o alldgs list",) if estate.vxvm_owns(v) else ()),
                    minutes=3, gate=True)
    if diff.removed:
        release = Step(id=f"release-{domain}-{name}", title=f"Stop using vdisk `{name}` inside `{domain}`",
                       runs_on=v.domain.system, commands=(), expected="Nothing in the guest opens the disk: no "
                       "mounted file system, no imported disk group, no swap or dump device on it.",
                       verify=("echo | format", "df -h"), minutes=10, gate=True)
        steps = [release, attach, *steps]
    else:
        steps = [*steps, attach, discover]
    steps += refreshed_cfgfile(rev.new, rev.domain(host, domain), f"vdisk-{name}")
    uses = (f"guest:{v.domain.ref}", _backend_object(v))
    seen = tuple(f"lunpath:{v.spec.lun}@{v.domain.ref}" for _ in (1,) if v.spec.lun)
    return Item(kind="vdisk-remove" if diff.removed else "vdisk-add", id=f"vdisk-{host}-{domain}-{name}",
                title=f"{'Remove' if diff.removed else 'Add'} vdisk `{name}` of `{v.domain.ref}`",
                effects=(diff.effect,), objects=(f"vdisk:{v.domain.ref}/{name}", *seen), uses=uses,
                removal=diff.removed, steps=tuple(steps))


def lun_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.luns.L`` added or removed: zoning is the storage team's; the runbook checks visibility. (A LUN
    changed in place is refused by the classifier as a replacement, CHG007.)"""
    name = diff.path[2]
    estate = rev.old if diff.removed else rev.new
    lun = estate.topology.storage.luns[name]
    seers = [d for d in (estate.domain(r) for r in lun.seen_by) if d is not None]
    steps = tuple(Step(id=f"lun-{name}-{d.host}-{d.name}",
                       title=f"{'Confirm' if diff.added else 'Confirm the release of'} LUN `{name}` on {d.ref}",
                       runs_on=d.system, commands=("devfsadm -c disk",) + (("vxdctl enable",)
                                                                            if d.has(Component.VXVM) else ()),
                       expected=(f"`{name}` ({lun.wwn or 'no WWN given'}) is "
                                 f"{'visible' if diff.added else 'no longer visible after unzoning'}."),
                       verify=("vxdisk -o alldgs list" if d.has(Component.VXVM) else "echo | format",), minutes=5,
                       notes=("Zoning and LUN masking are done by the storage team before this step."
                              if diff.added else "Unzone the LUN only after every step that used it is done.",))
                  for d in seers)
    return Item(kind="lun-remove" if diff.removed else "lun-add", id=f"lun-{name}",
                title=f"{'Remove' if diff.removed else 'Add'} LUN `{name}`", effects=(diff.effect,),
                objects=(f"lun:{name}",), removal=diff.removed, steps=(*steps[:-1], _gate(steps[-1]))
                if steps else ())


def _gate(step: Step) -> Step:
    return replace(step, gate=True)


def dg_disks_item(rev: Revisions, diff: Difference) -> Item:
    """``storage.diskgroups.DG.disks`` changed: disks appended join, disks dropped leave (order kept)."""
    dg_name = diff.path[2]
    old, new = list(diff.old), list(diff.new)
    kept = [d for d in old if d in new]
    if new[:len(kept)] != kept:
        raise Refused("CHG023", f"the disks of disk group {dg_name} were reordered; only appending and "
                      "removing disks is planned", "keep the existing disks in their order")
    dg = rev.new.topology.storage.diskgroups[dg_name]
    domains = dg_domains(rev.new, dg)
    node = domains[0].system if domains else "operator"
    commands, backout = [], []
    for disk in new[len(kept):]:
        media = f"{dg_name}{new.index(disk) + 1:02d}"
        commands += [cmd.vxdisksetup(disk), cmd.vxdg_adddisk(dg_name, media, disk)]
        backout.append(cmd.vxdg_rmdisk(dg_name, media))
    for disk in old:
        if disk not in new:
            media = f"{dg_name}{old.index(disk) + 1:02d}"
            commands.append(cmd.vxdg_rmdisk(dg_name, media))
            backout.append(cmd.vxdg_adddisk(dg_name, media, disk))
    notes = ["A shared disk group changes on the CVM master (`vxdctl -c mode`)."] if dg.shared or dg.fss else []
    if any(d not in new for d in old):
        notes.append("Before `vxdg rmdisk`, move any subdisk off the disk (`vxevac -g DG MEDIA`) and check with "
                     "`vxprint -g DG -ht` that nothing is left on it [K].")
    if any(d.is_guest for d in domains):
        notes.append("Inside a guest the disk access names can differ from the LUN names: match each disk by "
                     "its WWN or UDID in `vxdisk -e list` first.")
    step = Step(id=f"dg-disks-{dg_name}", title=f"Change the disks of disk group `{dg_name}`", runs_on=node,
                commands=tuple(commands), expected=f"`{dg_name}` has disks {', '.join(new)}.",
                verify=(cmd.sh("vxdisk", "-g", dg_name, "list"),), backout=tuple(backout), minutes=5, gate=True,
                notes=tuple(notes))
    changed = [d for d in new if d not in old] + [d for d in old if d not in new]
    paths = [f"lunpath:{d}@{m.ref}" for d in changed for m in domains]
    return Item(kind="dg-disks", id=f"dg-disks-{dg_name}", title=step.title, effects=(diff.effect,),
                objects=(f"dg:{dg_name}",), uses=(*(f"lun:{d}" for d in changed), *paths), steps=(step,))
