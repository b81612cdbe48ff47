"""What the operator confirms before each of the four phases, derived from the topology.

These are the short check lines each phase of the plan carries; the preparation steps hold the
commands that prove them. Phase 1 mirrors what the target's Logical Domains Manager checks,
phase 2 what the receiving domain needs, phase 3 the state transfer, phase 4 the point of no return.
"""

from __future__ import annotations

from generator.core.sizes import format_size
from generator.derive.migration import operations as cmd
from generator.derive.migration.case import MigrationCase, vds_name
from generator.input.schema import CpuArch, MigrationKind


def phase_checks(case: MigrationCase, n: cmd.Names, number: int) -> tuple[str, ...]:
    builders = {1: _phase1, 2: _phase2, 3: _phase3, 4: _phase4}
    return tuple(builders[number](case, n))


def _phase1(case: MigrationCase, n: cmd.Names) -> list[str]:
    volumes = ", ".join(f"{v.export_name}@{vds_name(v)}" for v in case.vdisks()) or "none"
    switches = ", ".join(sorted({sw for _, sw in case.vnet_switches()})) or "none"
    luns = sorted({lun for v in case.vdisks() for lun in case.estate.vdisk_luns(v)})
    lines = [f"vds volumes on {case.target}: {volumes}", f"virtual switches on {case.target}: {switches}",
             f"same storage on {case.target}: " + (", ".join(luns) if luns else "shared file back ends"),
             f"{n.domain} has no physical I/O", _cpu(case)]
    if not case.active:
        lines.append(f"{n.domain} is bound or inactive: the target makes no virtual I/O checks, so the "
                     "checks above are the operator's alone")
    if case.via == "vcs":
        lines.append(f"VCS: {n.group} ONLINE on {n.source} only, nothing FAULTED")
    lines.append("dry run passed and go/no-go given")
    return lines


def _cpu(case: MigrationCase) -> str:
    arch = case.guest.spec.cpu_arch
    src, tgt = case.estate.host(case.source), case.estate.host(case.target)
    if arch is CpuArch.NATIVE:
        types = f"{src.cpu_type if src else '?'} and {tgt.cpu_type if tgt else '?'}"
        return f"cpu-arch native: both hosts have the same CPU type ({types})"
    return f"cpu-arch {arch.value} on {case.guest.name}"


def _phase2(case: MigrationCase, n: cmd.Names) -> list[str]:
    g = case.guest.spec
    host = case.estate.host(case.target)
    free_cpu = host.threads - case.estate.used_vcpus(case.target) if host else 0
    free_mem = host.memory - case.estate.used_memory(case.target) if host else 0
    lines = [f"the receiving domain needs {g.vcpus} vCPUs and {format_size(g.memory)} on {case.target}; "
             f"the topology leaves {free_cpu} vCPUs and {format_size(max(free_mem, 0))} free there"]
    if case.kind is MigrationKind.WARM:
        lines.append(f"the owners of {n.domain} accept a pause for the whole transfer")
    elif case.kind is MigrationKind.LIVE:
        lines.append(f"{n.domain} keeps serving; expect slower response while memory is copied")
    return lines


def _phase3(case: MigrationCase, n: cmd.Names) -> list[str]:
    if not case.active:
        return []
    return [f"the network between the control domains of {case.source} and {case.target} carries "
            f"{format_size(case.guest.spec.memory)} of memory; keep other bulk traffic off it",
            f"a second shell on {n.source} is open for ldm list -o status and, if needed, "
            f"{cmd.cancel_command(n)}"]


def _phase4(case: MigrationCase, n: cmd.Names) -> list[str]:
    lines = ["the hand-off cannot be undone: the go/no-go decision stands",
             f"a way back is planned: a new migration from {case.target} to {case.source}"]
    if case.via == "vcs":
        children = cmd.child_groups(case, n.group, n.target)
        if children:
            lines.append(f"{', '.join(children)} ONLINE on {n.target}, so VCS can bring {n.group} up there")
    return lines
