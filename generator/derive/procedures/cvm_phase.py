"""CVM and shared storage phases of the VCS set-up runbook.

Shared disk groups need CVM running, and CVM runs once the configuration's ``cvm`` group is online;
the groups that use those disk groups come after. So, when the cluster has a ``cvm`` group, the VCS
set-up applies that group first (:mod:`generator.derive.procedures.ha_script`), brings it online, creates the
cluster's shared disk groups, volumes and file systems on the CVM master, and only then applies the
rest of the configuration. Cluster file systems are mounted by the generated CFSMount resources.
"""

from __future__ import annotations

from generator.derive.procedures.command_hosts import dg_domains
from generator.derive.procedures.storage_phases import dg_step, fs_step
from generator.derive.vcs.api import ClusterConfigs, service_groups
from generator.document.runbook_model import Section, Step
from generator.estate.estate import DomainInfo, Estate
from generator.estate.vcs_commands import hagrp
from generator.input.schema import DiskGroup


def cvm_groups(vcs: ClusterConfigs, cid: str) -> set[str]:
    return {g.name for g in service_groups(vcs, cid) if g.kind == "cvm"}


def shared_diskgroups(estate: Estate, cid: str) -> list[tuple[str, DiskGroup]]:
    """Shared (non-FSS) disk groups imported by this cluster's nodes."""
    systems = {d.ref for d in estate.cluster_systems(cid)}
    return [(name, dg) for name, dg in sorted(estate.topology.storage.diskgroups.items())
            if dg.shared and not dg.fss and systems & {d.ref for d in dg_domains(estate, dg)}]


def cvm_section(first_part: list[str], groups: set[str], nodes: list[DomainInfo], save: Step) -> Section:
    first = nodes[0].system
    names = sorted(groups)
    apply = Step(id="apply-cvm", title="Apply the CVM group", runs_on=first, commands=tuple(first_part),
                 expected="Every command returns without error.", verify=("hacf -verify /etc/VRTSvcs/conf/config",),
                 minutes=5)
    online = Step(id="online-cvm", title="Start CVM on every node", runs_on=first,
                  commands=tuple(hagrp("online", g, n.system) for g in names for n in nodes),
                  expected="The CVM group ONLINE on every node; one node is the CVM MASTER.",
                  verify=(*[hagrp("state", g) for g in names], "vxdctl -c mode"), gate=True, minutes=5)
    return Section(id="cvm", title="Start CVM", steps=(save, apply, online), depends_on=("start",),
                   intro="Only the CVM group first: shared disk groups can be created once it runs.",
                   backout=("`hagrp -offline` the CVM group on every node; restore the saved main.cf "
                            "(see the apply phase).",))


def shared_storage_section(estate: Estate, cid: str) -> Section | None:
    steps: list[Step] = []
    for name, dg in shared_diskgroups(estate, cid):
        step = dg_step(estate, name, dg)
        steps += [step] if step else []
        for vol, spec in sorted(dg.volumes.items()):
            fs = spec.filesystem
            if fs is not None and fs.type.value == "vxfs":
                made = fs_step(estate, name, vol, fs.mount, fs.cluster)
                steps += [made] if made else []
    if not steps:
        return None
    return Section(id="shared-storage", title="Shared disk groups", steps=tuple(steps), depends_on=("cvm",),
                   intro="Run on the CVM master (`vxdctl -c mode`). The remaining groups of the configuration "
                         "use these disk groups.",
                   backout=("Nothing uses the disk groups yet: `vxdg destroy` each one created here.",))
