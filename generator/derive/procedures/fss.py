"""The Flexible Storage Sharing runbook: export each node's local disks, build the FSS disk group.

Each node exports the disks local to its host (``vxdisk export``) so that the whole cluster sees
them over the interconnect; the CVM master then creates the shared disk group with ``-o fss``
(vxdg(1M) 7.4 synopsis [S]) and the volumes, mirrored so each host holds a copy. A guest whose FSS
role rests on host-local disks cannot simply be live-migrated (REFERENCE.md 1.4 and 5.4, unverified).
"""

from __future__ import annotations

from dataclasses import replace

from generator.derive.procedures.command_hosts import dg_domains
from generator.derive.procedures.storage_phases import dg_step, fs_step
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import sh
from generator.input.schema import DiskGroup

CAUTION = ("Live migration in FSS environments: a guest that holds FSS disks local to its host cannot be "
           "migrated to a host that does not see them (REFERENCE.md 5.4, unverified).")


FSS_NOTES = (
    "Not from a cited source [K]: initialise each local disk (`vxdisksetup`) on the node that owns it, before "
    "its `vxdisk export`, if this node cannot; a remote disk can show on this node under another name, so "
    "match it by UDID in `vxdisk -e list`.",
    "Not from a cited source [K]: `vxprint -g DG -ht` must show the plexes of each mirrored volume on disks of "
    "different hosts; if both sit on one host's disks, re-create the volume with `mirror=host` added to "
    "its `vxassist make`.",
)


def _local_disks(estate: Estate, dg: DiskGroup, node: DomainInfo) -> list[str]:
    luns = estate.topology.storage.luns
    return [d for d in dg.disks if d in luns and luns[d].local
            and any((estate.domain(ref) or node).host == node.host for ref in luns[d].seen_by)]


def _export_steps(estate: Estate, name: str, dg: DiskGroup) -> list[Step]:
    steps = []
    for node in dg_domains(estate, dg):
        disks = _local_disks(estate, dg, node)
        if disks:
            steps.append(Step(id=f"export-{name}-{node.system}",
                              title=f"Export the local disks of {node.system}",
                              runs_on=node.system, commands=tuple(sh("vxdisk", "export", d) for d in disks),
                              expected="Each disk shows the `exported` flag; the other nodes list it as "
                                       "remote.",
                              verify=("vxdisk list", "vxdisk -o alldgs list"),
                              backout=tuple(sh("vxdisk", "unexport", d) for d in disks), minutes=3))
    return steps


def _dg_section(estate: Estate, name: str, dg: DiskGroup) -> Section:
    steps = _export_steps(estate, name, dg)
    create = dg_step(estate, name, dg)
    if create:
        steps.append(replace(create, notes=(*create.notes, *FSS_NOTES)))
    for vol, spec in sorted(dg.volumes.items()):
        if spec.filesystem is not None:
            fs = fs_step(estate, name, vol, spec.filesystem.mount, spec.filesystem.cluster)
            if fs:
                steps.append(fs)
    return Section(id=f"fss-{name}", title=f"FSS disk group `{name}`", steps=tuple(steps),
                   intro="Mirrored volumes keep one plex per host, so either host can fail.",
                   backout=(f"Unmount the file systems, `vxdg destroy {name}`, then `vxdisk unexport` each "
                            f"disk.",))


def fss_runbook(estate: Estate) -> Runbook | None:
    groups = {n: dg for n, dg in sorted(estate.topology.storage.diskgroups.items()) if dg.fss}
    if not groups:
        return None
    return Runbook(id="fss", title=f"Flexible Storage Sharing: {estate.topology.title}",
                   topology=estate.topology.topology, kind="fss",
                   sections=tuple(_dg_section(estate, n, dg) for n, dg in groups.items()),
                   summary="Builds the FSS disk groups from disks local to each host, shared over the "
                           "cluster interconnect.",
                   prerequisites=("The guest cluster is running with CVM (VCS set-up runbook).",
                                  "Each host's local disks are exported to its guest as whole disks "
                                  "(build-out).",
                                  CAUTION),
                   references=("Veritas InfoScale Virtualization Guide - Solaris: live migration in FSS "
                               "environments",
                               "vxdg(1M), vxdisk(1M): -o fss, export"))
