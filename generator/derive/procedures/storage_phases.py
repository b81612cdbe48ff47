"""Storage phases of the build-out runbook: disk groups and volumes, back-end exports, file systems.

Per stack model (REFERENCE.md 1): in the split model the disk groups live in the control domains,
whose VxVM volumes are exported with ``ldm add-vdsdev /dev/vx/dsk/DG/VOL``; in the guest-based model
whole LUNs are exported and the guests build their own disk groups; in the layered model every I/O
domain exports the LUN's DMP node (with ``mpgroup`` where the topology sets one) and the guests build
the disk groups. The phases are the same code for all three: what differs is where the topology
says each disk group is managed and what each vdisk's back end is.
"""

from __future__ import annotations

from generator.derive.procedures.command_hosts import (
    Export,
    dg_domains,
    dg_in_guests,
    exports,
    ldm_node,
    volume_consumers,
)
from generator.document.runbook_model import Section, Step
from generator.estate import commands as cmd
from generator.estate.commands import ldm, vxdg, vxdisksetup
from generator.estate.estate import Estate, VdiskInfo
from generator.estate.shell import redirect, sh
from generator.input.schema import DiskGroup


def dg_step(estate: Estate, name: str, dg: DiskGroup) -> Step | None:
    domains = dg_domains(estate, dg)
    if not domains:
        return None
    node = domains[0].system
    commands = [vxdisksetup(disk) for disk in dg.disks]
    commands.append(cmd.vxdg_init(name, list(dg.disks), dg.shared or dg.fss, dg.fss))
    commands += [cmd.vxassist_make(name, vol, spec.size, spec.layout.value)
                 for vol, spec in sorted(dg.volumes.items())]
    notes = []
    if dg.shared or dg.fss:
        notes.append(f"`{name}` is a shared disk group: run this on the CVM master (`vxdctl -c mode` shows "
                     "MASTER) with the cluster running, and import nothing by hand on the other nodes.")
    if dg_in_guests(estate, dg):
        notes.append("Inside a guest the disk access names can differ from the LUN names: match each disk by "
                     "its WWN or UDID in `vxdisk -e list` before initialising it.")
    others = ", ".join(d.system for d in domains[1:])
    expected = f"Disk group `{name}` imported{' as shared' if dg.shared else ''} with " \
               f"{len(dg.volumes)} volume(s) ENABLED ACTIVE" + (f"; visible on {others}" if others else "")
    verify = [vxdg("list", name), sh("vxprint", "-g", name, "-ht")]
    return Step(id=f"dg-{name}", title=f"Create disk group `{name}` and its volumes", runs_on=node,
                commands=tuple(commands), expected=expected, verify=tuple(verify),
                backout=(vxdg("destroy", name),), minutes=5 + 2 * len(dg.volumes), notes=tuple(notes))


def diskgroup_section(estate: Estate, in_guests: bool) -> Section | None:
    """Disk groups of the control/I/O domains (``in_guests`` False) or of the guests (True)."""
    steps = []
    for name, dg in sorted(estate.topology.storage.diskgroups.items()):
        if dg_in_guests(estate, dg) == in_guests and not dg.fss and not dg.shared:
            step = dg_step(estate, name, dg)
            if step:
                steps.append(step)
    if not steps:
        return None
    if in_guests:
        return Section(id="storage-guests", title="Disk groups and volumes in the guest domains",
                       steps=tuple(steps), depends_on=("install-guests",),
                       intro="The guests own their storage stack: VxVM in the guest sees whole disks.",
                       backout=("Unmount any file system on the volumes, then `vxdg destroy` each disk group "
                                "created in this phase.",))
    return Section(id="storage-io", title="Disk groups and volumes in the service domains",
                   steps=tuple(steps), depends_on=("install-io",),
                   intro="VxVM in the control and I/O domains creates the volumes the guests will boot and "
                         "run from.",
                   backout=("`vxdg destroy` each disk group created in this phase (no guest uses it yet).",))


WHOLE_LUN_NOTE = (
    "Whole LUNs are exported through slice 2 without `options=slice`: Oracle documents that `s2` stands for "
    "the whole disk whatever its label (VTOC or EFI), while the `d0` node of an EFI-labelled disk would give "
    "the guest a single-slice disk, which VxVM cannot use [S]. That a DMP node's `s2` behaves the same way is "
    "standard practice not re-read in a Veritas guide [K]: the `ls -lL` checks show each node exists (ldm "
    "checks a back end only when the guest is bound)."
)


def _whole_lun_checks(items: list[Export], node: str) -> tuple[list[str], str | None]:
    """``ls -lL`` of each whole-LUN back end: commands for ``node``, a note for other service domains."""
    paths: dict[str, set[str]] = {}
    for e in items:
        if e.vdisk.spec.lun and not e.vdisk.spec.slice:
            paths.setdefault(e.service.domain.system, set()).add(e.backend)
    if not paths:
        return [], None
    here = [sh("ls", "-lL", p) for p in sorted(paths.pop(node, set()))]
    elsewhere = "; ".join(f"in {system}: " + ", ".join(f"`{sh('ls', '-lL', p)}`" for p in sorted(found))
                          for system, found in sorted(paths.items()))
    return here, WHOLE_LUN_NOTE + (f" Run the same checks in the other service domains ({elsewhere})."
                                   if elsewhere else "")


SHARED_BACKEND_NOTE = (
    "`-f` marks a further export of a back end that the same service domain already exports: Oracle's "
    "procedure forces the second export of the same back-end path from one service domain with `-f` (Oracle "
    "VM Server for SPARC admin guide, exporting a back end multiple times [S]). The guests "
    "sharing such a disk must coordinate their writes (CVM/CFS or a fail-over group, fencing)."
)


def _repeated(items: list[Export]) -> list[bool]:
    """For each export, whether an earlier one of this step exports the same back end from the same domain."""
    seen: set[tuple[str, str]] = set()
    flags = []
    for e in items:
        key = (e.service.domain.name, e.backend)
        flags.append(key in seen)
        seen.add(key)
    return flags


def _export_step(estate: Estate, host: str, items: list[Export]) -> Step:
    repeated = _repeated(items)
    commands = [cmd.add_vdsdev(e.backend, e.vdisk.export_name, e.service.name, slice_=e.vdisk.spec.slice,
                               mpgroup=e.vdisk.spec.mpgroup, force=again)
                for e, again in zip(items, repeated, strict=True)]
    backout = [cmd.remove_vdsdev(e.vdisk.export_name, e.service.name) for e in reversed(items)]
    notes = [SHARED_BACKEND_NOTE] if any(repeated) else []
    if any(e.host != e.vdisk.domain.host for e in items):
        notes.append("Exports for guests that live on another host are needed for fail-over and migration: "
                     "the volume and service names must match the guest's home host exactly.")
    if any(e.vdisk.spec.mpgroup for e in items):
        notes.append("`mpgroup` makes Oracle's vdisk multipathing fail over between service domains; do not "
                     "also let DMP in the guest multipath the same LUN (REFERENCE.md 7, rule 7).")
    checks = sorted({ldm("list-services", e.service.domain.name) for e in items})
    checks += [sh("zfs", "list", "-t", "volume", e.vdisk.spec.zvol) for e in items if e.vdisk.spec.zvol]
    checks += [sh("ls", "-l", e.backend) for e in items if e.vdisk.spec.file]
    lun_checks, lun_note = _whole_lun_checks(items, ldm_node(estate, host))
    checks += lun_checks
    notes += [lun_note] if lun_note else []
    if any(e.vdisk.spec.zvol or e.vdisk.spec.file for e in items):
        notes.append("ZFS volume and file back ends are not created by this runbook: the checks show they "
                     "exist in the service domain.")
    return Step(id=f"exports-{host}", title=f"Export the guests' disk back ends on {host}",
                runs_on=ldm_node(estate, host), commands=tuple(commands),
                expected="Every volume listed under its virtual disk service.",
                verify=tuple(checks),
                backout=tuple(backout), minutes=2 + len(items), notes=tuple(notes))


def export_section(estate: Estate) -> Section | None:
    by_host: dict[str, list[Export]] = {}
    for e in exports(estate):
        by_host.setdefault(e.host, []).append(e)
    if not by_host:
        return None
    steps = tuple(_export_step(estate, host, items) for host, items in sorted(by_host.items()))
    depends = ["services", "services-io"]
    if any(not dg_in_guests(estate, dg) for dg in estate.topology.storage.diskgroups.values()):
        depends.append("storage-io")
    return Section(id="exports", title="Virtual disk back ends", steps=steps, depends_on=tuple(depends),
                   intro="Each back end is added to a virtual disk service as `VOLUME@VDS`; the guest's "
                         "virtual disk refers to that name.",
                   backout=("Run the back-out of each step: `ldm remove-vdsdev` for every volume added.",))


def guest_disk(estate: Estate, vdisk: VdiskInfo) -> str:
    """The disk as the guest sees it: ``c0dN``, N being the vdisk ID (fixed ``id`` or the order added)."""
    if vdisk.spec.id is not None:
        return f"c0d{vdisk.spec.id}"
    names = [v.name for v in estate.vdisks(vdisk.domain)]
    return f"c0d{names.index(vdisk.name)}"


def _guest_fs_step(estate: Estate, vdisk: VdiskInfo, mount: str) -> Step:
    disk = guest_disk(estate, vdisk)
    commands = [] if vdisk.spec.slice else [sh("format", "-L", "efi", "-d", disk)]
    commands += [cmd.mkfs_vxfs(f"/dev/rdsk/{disk}s0"), sh("mkdir", "-p", mount),
                 cmd.mount_vxfs(f"/dev/dsk/{disk}s0", mount),
                 redirect(sh("echo", f"/dev/dsk/{disk}s0 /dev/rdsk/{disk}s0 {mount} vxfs 2 yes -"), "/etc/vfstab",
                          append=True)]
    return Step(id=f"fs-{vdisk.domain.name}-{vdisk.name}",
                title=f"Create the VxFS file system on vdisk `{vdisk.name}` at `{mount}`",
                runs_on=vdisk.domain.system, commands=tuple(commands),
                expected=f"`{mount}` mounted in the guest",
                verify=(sh("df", "-h", mount),), backout=(sh("umount", mount),), minutes=5,
                notes=(f"Split model: the guest sees the volume as a plain disk. Confirm `{disk}` is vdisk "
                       f"`{vdisk.name}` with `ldm list -o disk {vdisk.domain.name}` (ID column) on the "
                       f"control "
                       "domain before labelling it.",))


def _vcs_mounted(estate: Estate, dg: str, vol: str) -> bool:
    """True when a VCS application mounts the volume (its Mount resource does, not the operator)."""
    return any(f"{dg}/{vol}" in app.mounts for c in estate.topology.clusters.values()
               for app in c.applications.values())


def _in_zone(estate: Estate, mount: str) -> bool:
    return any(mount.startswith(z.zonepath.rstrip("/") + "/") for z in estate.topology.zones.values())


def _fs_commands(estate: Estate, dg: str, vol: str, mount: str, cluster: bool) -> tuple[list[str], str]:
    raw, block, where = cmd.vx_raw(dg, vol), cmd.vx_block(dg, vol), mount
    if _in_zone(estate, mount):
        return [cmd.mkfs_vxfs(raw)], "File system created; VCS mounts it inside the zone."
    commands = [cmd.mkfs_vxfs(raw), sh("mkdir", "-p", where)]
    if cluster:
        return commands, (f"File system created; create `{mount}` on the other nodes too. The generated "
                          "CFSMount resource mounts it on every node.")
    commands.append(cmd.mount_vxfs(block, mount))
    if _vcs_mounted(estate, dg, vol):
        commands += [sh("df", "-h", where), sh("umount", where)]
        return commands, f"`{mount}` mounted once as a test and unmounted again: VCS mounts it."
    return commands, f"`{mount}` mounted."


def fs_step(estate: Estate, dg: str, vol: str, mount: str, cluster: bool) -> Step | None:
    consumers = volume_consumers(estate, dg, vol)
    if consumers:
        return _guest_fs_step(estate, consumers[0], mount)
    domains = dg_domains(estate, estate.topology.storage.diskgroups[dg])
    if not domains:
        return None
    commands, expected = _fs_commands(estate, dg, vol, mount, cluster)
    where = mount
    mounted = any(c.startswith("mount ") for c in commands) and not any(c.startswith("umount") for c in commands)
    backout = (sh("umount", where),) if mounted else ()
    return Step(id=f"fs-{dg}-{vol}", title=f"Create the VxFS file system on `{dg}/{vol}` for `{mount}`",
                runs_on=domains[0].system, commands=tuple(commands), expected=expected,
                verify=(sh("fstyp", cmd.vx_raw(dg, vol)),), backout=backout, minutes=5)


def filesystem_section(estate: Estate) -> Section | None:
    steps = []
    guest_side = False
    zone_roots = {z.root_volume for z in estate.topology.zones.values() if z.root_volume}
    for dg, vol in estate.iter_volumes():
        spec = estate.topology.storage.diskgroups[dg]
        fs = spec.volumes[vol].filesystem
        if fs is None or fs.type.value != "vxfs" or f"{dg}/{vol}" in zone_roots or spec.fss or spec.shared:
            continue
        guest_side |= dg_in_guests(estate, spec) or bool(volume_consumers(estate, dg, vol))
        step = fs_step(estate, dg, vol, fs.mount, fs.cluster)
        if step:
            steps.append(step)
    if not steps:
        return None
    depends = ("install-guests",) if guest_side else ("storage-io",)
    return Section(id="filesystems", title="File systems", steps=tuple(steps), depends_on=depends,
                   intro="VxFS file systems, created in the domain that imports the disk group. File "
                         "systems VCS mounts are test-mounted and unmounted; zone roots are made in the "
                         "zones runbook.",
                   backout=("Unmount each file system created in this phase.",))
