"""What the operator checks before a migration starts, derived from the topology.

Each pre-check repeats by hand what the target's Logical Domains Manager will check in phase 1
(vds volumes and vsw names, the same storage, CPU and memory), plus what VCS needs, then the dry
run and the go/no-go decision.
"""

from __future__ import annotations

from generator.core.sizes import format_size
from generator.derive.migration import operations as cmd
from generator.derive.migration.case import MigrationCase, vds_name
from generator.document.runbook_model import Step
from generator.estate.commands import add_vdsdev, ldm, ldm_list, remove_vdsdev, vxdg
from generator.estate.estate import DomainInfo, VdiskInfo
from generator.estate.shell import redirect, sh
from generator.input.schema import Component, CpuArch


def _volumes(case: MigrationCase) -> list[str]:
    return [f"{v.export_name}@{vds_name(v)}" for v in case.vdisks()]


def prerequisites(case: MigrationCase, n: cmd.Names) -> tuple[str, ...]:
    """The checklist ticked before the window opens."""
    g = case.guest.spec
    items = [
        f"Consoles of {n.source} and {n.target} (control domains) open as root",
        f"Target {case.target} defines the same vds volumes: {', '.join(_volumes(case)) or 'none'}",
        f"Target {case.target} has the same virtual switches: "
        + (", ".join(sorted({sw for _, sw in case.vnet_switches()})) or "none"),
        f"Same storage on {case.target}: "
        + (", ".join(_luns(case)) or "no SAN LUNs (check file back ends)"),
        f"{g.vcpus} vCPUs and {format_size(g.memory)} of memory free on {case.target}",
        f"{n.domain} owns no physical I/O and is not a service or I/O domain",
        _cpu_line(case),
        "No other migration or reconfiguration runs on either host during the window",
    ]
    if case.via == "vcs":
        items.append(
            f"Cluster {case.cluster}: group {n.group} ONLINE on {n.source} only; "
            f"{n.target} in its SystemList; LDom UserName {n.user} with a vcsencrypt -agent password"
        )
    else:
        items.append(
            f"Password of {n.login} known to the operator (typed into a root-only file, "
            "never on a command line)"
        )
    return tuple(items)


def _luns(case: MigrationCase) -> list[str]:
    return sorted({lun for v in case.vdisks() for lun in case.estate.vdisk_luns(v)})


def _cpu_line(case: MigrationCase) -> str:
    arch = case.guest.spec.cpu_arch
    if arch is CpuArch.NATIVE:
        host = case.estate.host(case.target)
        return f"cpu-arch native: {case.target} has the same CPU type ({host.cpu_type if host else '?'})"
    return f"cpu-arch {arch.value}: migration across CPU types allowed"


def _target_storage_steps(case: MigrationCase, n: cmd.Names) -> list[Step]:
    """One storage check per target domain that will serve the guest's vdisks."""
    by_server: dict[str, tuple[DomainInfo, list[VdiskInfo]]] = {}
    for v in case.vdisks():
        service = case.target_service("vds", vds_name(v))
        if service is not None:
            by_server.setdefault(service.domain.ref, (service.domain, []))[1].append(v)
    return [_storage_step(case, server, vdisks) for _, (server, vdisks) in sorted(by_server.items())]


def _storage_step(case: MigrationCase, server: DomainInfo, vdisks: list[VdiskInfo]) -> Step:
    luns = sorted({lun for v in vdisks for lun in case.estate.vdisk_luns(v)})
    dgs = sorted({v.spec.volume.split("/")[0] for v in vdisks if v.spec.volume})
    vxvm = server.has(Component.VXVM) or server.has(Component.DMP)
    wwns = case.estate.topology.storage.luns
    ids = ", ".join(f"{lun} = {wwns[lun].wwn}" for lun in luns if lun in wwns and wwns[lun].wwn)
    if vxvm:
        commands = ["vxdisk -o alldgs list", "vxdisk -p list", *(vxdg("list", dg) for dg in dgs)]
        expected = (f"vxdisk -p list shows a disk whose SCSI3_VPD_ID (or UDID) holds each LUN's WWN ({ids}): the "
                    "same storage, whatever its DMP name on this host (names are per host)" if ids else
                    f"LUNs {', '.join(luns)} are listed" if luns else "The back ends are reachable")
    else:
        commands = [sh("ls", "-lL", case.estate.backend_device(v)) for v in vdisks if v.spec.lun]
        expected = f"The device nodes of LUNs {', '.join(luns)} exist" if luns else "The back ends exist"
    if dgs and case.active:
        expected += f"; disk group {', '.join(dgs)} shows flags: shared (imported here too)"
    return Step(f"precheck-storage-{server.name}", f"Confirm the same storage is visible on {server.ref}",
                server.system, tuple(commands or ["ldm list-services"]), expected + ".", minutes=5)


def precheck_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    g = case.guest.spec
    state = "active" if case.active else "active now (the runbook stops it after the first dry run)"
    steps = [
        Step(
            "precheck-source",
            f"Record the state of {n.domain} on the source",
            n.source,
            (ldm_list(n.domain, "-l"), redirect(ldm("list-constraints", "-x", n.domain), f"/var/tmp/{n.domain}.xml")),
            f"{n.domain} is {state}; flags show no d (delayed reconfiguration) and no s/t/e "
            f"(no migration in progress); the XML copy is the recovery reference.",
            minutes=3,
        ),
        Step(
            "precheck-services",
            f"Confirm vds volumes and virtual switches on {n.target}",
            n.target,
            ("ldm list-services",),
            "Volumes "
            + (", ".join(_volumes(case)) or "(none)")
            + "; switches "
            + (", ".join(sorted({sw for _, sw in case.vnet_switches()})) or "(none)")
            + "; a vcc service.",
            notes=("Missing volumes: add them as in the next step; the names must match the source.",),
        ),
        _define_volumes_step(case, n),
        *_target_storage_steps(case, n),
        Step(
            "precheck-resources",
            f"Confirm free CPU and memory on {n.target}",
            n.target,
            ("ldm list-devices cpu memory",),
            f"At least {g.vcpus} free vCPUs and {format_size(g.memory)} free memory.",
            minutes=2,
        ),
    ]
    if case.via == "vcs":
        steps.append(
            Step(
                "precheck-vcs",
                "Confirm the VCS state",
                n.source,
                ("hastatus -sum",),
                f"{n.group} ONLINE on {n.source}, OFFLINE on {n.target}; no FAULTED resource; "
                "no frozen group" + _children_online(case, n) + ".",
                minutes=2,
            )
        )
    return tuple(steps)


def _children_online(case: MigrationCase, n: cmd.Names) -> str:
    children = cmd.child_groups(case, n.group, n.target)
    followers = cmd.failover_children(case, n.group)
    text = (f"; {', '.join(children)} ONLINE on {n.target} already (the guest's storage and network there)"
            if children else "")
    if followers and not case.active:  # an active move with followers is refused (MIG020)
        text += (f"; {', '.join(followers)} ONLINE on {n.source} with {n.group} (a failover group: the "
                 f"step that brings {n.group} online on {n.target} switches it there first)")
    return text


def _define_volumes_step(case: MigrationCase, n: cmd.Names) -> Step:
    commands = tuple(
        add_vdsdev(case.estate.backend_device(v), v.export_name, vds_name(v))
        for v in case.vdisks()
    )
    return Step(
        "define-volumes",
        f"Define the vds volumes on {n.target} (only those still missing)",
        n.target,
        commands or ("ldm list-services",),
        "Each command returns silently; ldm list-services lists every volume.",
        verify=("ldm list-services",),
        backout=tuple(remove_vdsdev(v.export_name, vds_name(v)) for v in case.vdisks()),
        notes=("Skip a volume that ldm list-services already lists: adding it twice fails.",),
    )


def gate_step() -> Step:
    return Step(
        "go-no-go",
        "Go/no-go: decide to migrate",
        "operator",
        (),
        "Every check above passed. Once started, phases 1 to 3 can still be cancelled; the "
        "hand-off in phase 4 cannot be undone.",
        gate=True,
        minutes=5,
    )


def _password_step(n: cmd.Names) -> Step:
    return Step(
        "password-file",
        f"Store the password of {n.login} in a root-only file",
        n.source,
        cmd.password_file_commands(n),
        "-rw------- 1 root root: only root can read the file.",
        backout=(cmd.remove_password_file(n),),
        minutes=2,
        notes=(
            "Type the password at the prompt; it never appears in the process list or the shell history.",
        ),
    )


def dry_run_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    """Before anything is stopped: Oracle's dry run (``ldm migrate-domain -n``) of the still-active
    domain, whatever the kind and driver (an active domain gets the full target checks, a bound one
    fewer: REFERENCE 5.1 [S]), and for a VCS-driven live or warm move the LDom agent's ``vmmigrate``
    pre-check as well (Bundled Agents Reference 9.0, LDom agent [S])."""
    cold = (" This is a cold move: the domain is dry-run again once it is stopped, and that run decides; a "
            "failure here that the bound dry run does not repeat concerns moving a running domain only."
            if not case.active else "")
    steps = [
        _password_step(n),
        Step(
            "dry-run",
            f"Dry run while {n.domain} is active: the target checks the migration, nothing moves",
            n.source,
            (cmd.migrate_command(n, dry_run=True),),
            "No output and exit status 0; otherwise the message names the failed check." + cold,
            minutes=5,
        ),
    ]
    if case.via == "vcs" and case.active:
        steps.append(
            Step(
                "dry-run-vcs",
                "Dry run through VCS: LDom agent pre-check",
                n.source,
                (cmd.vmmigrate_action(n),),
                f"The action completes without error: the agent checked that {n.domain} can move "
                f"to {n.target}.",
                minutes=5,
            )
        )
    return tuple(steps)


def bound_dry_run_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    """A cold move: the dry run of the stopped (bound or inactive) domain, the one the move will do."""
    if case.active:
        return ()
    return (
        Step(
            "dry-run-bound",
            f"Dry run of the stopped {n.domain}: the checks of the cold move itself",
            n.source,
            (cmd.migrate_command(n, dry_run=True),),
            "No output and exit status 0; otherwise the message names the failed check.",
            minutes=5,
        ),
    )
