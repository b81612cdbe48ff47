"""The steps of the four migration phases, the verification afterwards and the back-out.

Phase texts follow the guide's migration overview (REFERENCE 5.1): 1 connection and checks by the
target, 2 preparation on both sides, 3 run-time state transfer (active domains only), 4 hand-off.
One migrate command runs all four; the operator watches each phase and knows how to stop it.
"""

from __future__ import annotations

from generator.derive.migration import operations as cmd
from generator.derive.migration.case import MigrationCase
from generator.document.runbook_model import Step
from generator.estate.commands import (
    add_spconfig,
    bind_domain,
    ldm_list,
    start_domain,
    stop_domain,
    unbind_domain,
    vxdg,
    vxvol_startall,
)
from generator.estate.vcs_commands import hagrp, hares_probe
from generator.input.schema import Component, MigrationKind


def private_diskgroups(case: MigrationCase) -> list[str]:
    groups = case.estate.topology.storage.diskgroups
    return sorted(
        {
            dg
            for v in case.vdisks()
            if v.spec.volume
            for dg in [v.spec.volume.split("/")[0]]
            if dg in groups and not groups[dg].shared
        }
    )


def manual_diskgroups(case: MigrationCase, n: cmd.Names) -> list[str]:
    """Private disk groups the operator deports and imports; under VCS its DiskGroup resource does it
    (offline deports, online imports), and a deport by hand after ``hagrp -offline`` would fail."""
    managed = cmd.vcs_diskgroups(case, n.group) if case.via == "vcs" else set()
    return [dg for dg in private_diskgroups(case) if dg not in managed]


def stop_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    """Cold migration: bring the guest down (and free a private disk group) before the move."""
    if case.active:
        return ()
    if case.via == "vcs":
        stop = Step(
            "stop-guest",
            f"Take {n.group} offline (the guest shuts down)",
            n.source,
            (hagrp("offline", n.group, n.source),),
            f"{hagrp('state', n.group)} shows OFFLINE on {n.source}; ldm list shows {n.domain} "
            "bound or inactive." + "".join(f" vxdg list no longer shows {dg} (its DiskGroup resource deported "
                                           "it)." for dg in sorted(cmd.vcs_diskgroups(case, n.group))),
            verify=(hagrp("state", n.group), ldm_list(n.domain),
                    *(("vxdg list",) if cmd.vcs_diskgroups(case, n.group) else ())),
            backout=(hagrp("online", n.group, n.source),),
            minutes=10,
        )
    else:
        stop = Step(
            "stop-guest",
            f"Stop {n.domain} (shut the guest OS down first)",
            n.source,
            (stop_domain(n.domain),),
            f"ldm list shows {n.domain} bound.",
            verify=(ldm_list(n.domain),),
            backout=(start_domain(n.domain),),
            minutes=10,
        )
    steps = [stop]
    for dg in manual_diskgroups(case, n):
        steps.append(
            Step(
                f"deport-{dg}",
                f"Unbind {n.domain} and deport disk group {dg}",
                n.source,
                (unbind_domain(n.domain), vxdg("deport", dg)),
                f"{n.domain} is inactive; vxdg list no longer shows {dg}.",
                backout=(vxdg("import", dg), vxvol_startall(dg), bind_domain(n.domain)),
                minutes=5,
            )
        )
    return tuple(steps)


HANDOFF_NOTE = ("This command runs all four phases and ends with the hand-off, which cannot be undone; "
                "until then (phases 1 to 3) it can be cancelled from a second shell.")


def start_command(case: MigrationCase, n: cmd.Names) -> Step:
    """Phase 1 begins with the one command that runs every phase."""
    if case.via == "vcs" and case.active:
        return Step(
            "migrate",
            f"Start the migration: VCS moves {n.group} to {n.target}",
            n.source,
            (cmd.hagrp_migrate(n),),
            f"The LDom agent on {n.source} runs ldm migrate-domain with its UserName and encrypted "
            f"Password; ldm list shows flag s for {n.domain} on {n.source} and t on {n.target}.",
            verify=(hagrp("state", n.group), ldm_list(n.domain, "-o", "status")),
            minutes=2,
            irreversible=True,
            notes=(HANDOFF_NOTE,),
        )
    return Step(
        "migrate",
        f"Start the migration of {n.domain} to {n.target}",
        n.source,
        (cmd.migrate_command(n, dry_run=False),),
        f"The command runs until the hand-off; a second shell shows flag s for {n.domain} "
        f"on {n.source} and t on {n.target}.",
        verify=(ldm_list(n.domain, "-o", "status"),),
        minutes=2,
        irreversible=True,
        notes=(HANDOFF_NOTE,),
    )


def phase1_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    return (start_command(case, n),)


def phase2_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    source_state = {
        MigrationKind.LIVE: f"{n.domain} keeps running while its memory is copied",
        MigrationKind.WARM: f"{n.domain} is suspended for the whole transfer",
        MigrationKind.COLD: f"{n.domain} stays bound/inactive (nothing runs)",
    }[case.kind]
    return (
        Step(
            "watch-prepare",
            f"Watch {n.target} create the receiving domain",
            n.target,
            (ldm_list(n.domain),),
            f"{n.domain} appears on {n.target} with flag t; on {n.source}: {source_state}.",
            backout=(cmd.cancel_command(n),),
            minutes=2,
            notes=WARM_NOTE if case.kind is MigrationKind.WARM else (),
        ),
    )


WARM_NOTE = (
    "Oracle VM Server for SPARC 2.1 and later move an active domain live (memory copied while it "
    "runs); suspending it for the whole transfer is the behaviour of LDoms 1.1 to 1.3.",
)


def phase3_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    if not case.active:
        return ()
    how = (
        (
            "memory is copied in passes while the guest runs, then the guest is suspended briefly for "
            "the last pages and CPU state"
        )
        if case.kind is MigrationKind.LIVE
        else "the suspended guest's memory and CPU state are copied"
    )
    return (
        Step(
            "watch-transfer",
            "Watch the run-time state transfer",
            n.source,
            (ldm_list(n.domain, "-o", "status"),),
            f"The progress figure rises to 100%: {how}.",
            backout=(cmd.cancel_command(n),),
            minutes=max(5, case.guest.spec.memory // 1024**3 // 16),
            notes=(
                "After a cancel the target scrubs the copied memory; ldm can look hung for "
                "minutes on a large guest. Wait, do not kill it.",
            ),
        ),
    )


def phase4_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    state = "active" if case.active else "bound or inactive"
    handoff = Step(
        "handoff",
        f"Hand-off: {n.domain} now exists only on {n.target}",
        n.target,
        (ldm_list(n.domain),),
        f"{n.domain} is {state} on {n.target} with no s, t or e flag; on {n.source} "
        f"ldm list {n.domain} finds no such domain (the source copy is destroyed).",
        minutes=2,
    )
    steps = [handoff]
    if case.via == "vcs" and case.active:
        steps.append(
            Step(
                "vcs-online",
                f"Confirm VCS sees {n.group} online on {n.target}",
                n.source,
                (hagrp("state", n.group),),
                f"ONLINE on {n.target}, OFFLINE on {n.source}.",
                minutes=2,
            )
        )
    if not case.active:
        steps.extend(_start_on_target(case, n))
    return tuple(steps)


def _start_on_target(case: MigrationCase, n: cmd.Names) -> list[Step]:
    steps = [
        Step(
            f"import-{dg}",
            f"Import disk group {dg} on {n.target}",
            n.target,
            (vxdg("import", dg), vxvol_startall(dg)),
            f"vxdg list {dg} shows it enabled.",
            minutes=5,
        )
        for dg in manual_diskgroups(case, n)
    ]
    if case.via == "vcs":
        children = cmd.failover_children(case, n.group)
        steps.append(
            Step(
                "start-guest",
                f"Bring {n.group} online on {n.target}",
                n.target,
                (*[hagrp("switch", c, n.target) for c in children],
                 hagrp("online", n.group, n.target)),
                "".join(f"{hagrp('state', c)} shows ONLINE on {n.target}; " for c in children)
                + f"{hagrp('state', n.group)} shows ONLINE on {n.target}."
                + "".join(f" Its DiskGroup resource imported {dg} there (vxdg list)."
                          for dg in sorted(cmd.vcs_diskgroups(case, n.group))),
                minutes=10,
                notes=(f"{n.group} requires {', '.join(children)} online local: it comes online only where "
                       "that failover group is online, so switch it first.",) if children else (),
            )
        )
    else:
        bind = (bind_domain(n.domain),) if private_diskgroups(case) else ()
        steps.append(
            Step(
                "start-guest",
                f"Start {n.domain} on {n.target}",
                n.target,
                (*bind, start_domain(n.domain)),
                f"ldm list shows {n.domain} active.",
                minutes=10,
            )
        )
    return steps


def guest_disks_expected(case: MigrationCase) -> str:
    """How many disks the guest lists: a LUN reached through several vdisks is one disk under DMP in the
    guest (or one ``mpgroup``), else one disk per vdisk."""
    vdisks = case.vdisks()
    dmp = case.guest.has(Component.DMP)
    keys = {("mp", v.spec.mpgroup) if v.spec.mpgroup else ("lun", v.spec.lun) if dmp and v.spec.lun
            else ("vdisk", v.name) for v in vdisks}
    if len(keys) == len(vdisks):
        return f"{len(vdisks)} virtual disk(s)"
    return (f"{len(keys)} disk(s): the {len(vdisks)} virtual disks reach each LUN by more than one service domain "
            f"and are listed once per LUN ({len(vdisks)} separate disks would mean multipathing is broken)")


def verify_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    steps = [
        Step(
            "verify-ldm",
            "Check both hosts for migration errors",
            n.target,
            ("ldm list",),
            f"{n.domain} active on {n.target}; no domain shows flag e (also run ldm list on {n.source}).",
            minutes=2,
        ),
        Step(
            "verify-guest",
            f"Check the guest's disks and network on {n.domain}",
            f"guest:{n.domain}",
            ("vxdisk list" if case.guest.has(Component.VXVM) else "echo | format", "dladm show-link"),
            f"{guest_disks_expected(case)} and the vnets are present and up.",
            minutes=5,
        ),
        Step(
            "save-spconfig",
            "Save the new domain configuration to the service processors",
            n.target,
            (add_spconfig(f"migrated-{n.domain}"),),
            f"ldm list-spconfig shows migrated-{n.domain} [current] (repeat on {n.source}).",
            minutes=3,
            notes=("Remove an unused configuration first if the service processor is full.",),
        ),
    ]
    if case.via == "vcs":
        steps.append(
            Step(
                "verify-vcs",
                "Check the cluster",
                n.target,
                ("hastatus -sum",),
                f"{n.group} ONLINE on {n.target}; no FAULTED resource.",
                minutes=2,
            )
        )
    elif case.cluster:
        steps.append(
            Step(
                "unfreeze",
                f"Let VCS manage {n.group} again",
                n.target,
                (hagrp("unfreeze", n.group), hares_probe(n.resource, n.target)),
                f"{hagrp('state', n.group)} shows ONLINE on {n.target}.",
                minutes=3,
            )
        )
    steps.extend(password_cleanup(case, n, "remove-password-file"))
    return tuple(steps)


def needs_password_file(case: MigrationCase) -> bool:
    """Every plan writes one: Oracle's dry run (``ldm migrate-domain -n -p FILE``) runs on every path."""
    return True


def password_cleanup(case: MigrationCase, n: cmd.Names, step_id: str) -> list[Step]:
    """The step that removes the password file, when the migration used one."""
    if not needs_password_file(case):
        return []
    return [Step(step_id, "Remove the password file", n.source, (cmd.remove_password_file(n),),
                 "The file no longer exists.", minutes=1)]


def freeze_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    """A VCS-managed guest migrated by hand: freeze its group so VCS does not react to the move."""
    if case.via == "vcs" or not case.cluster:
        return ()
    return (
        Step(
            "freeze",
            f"Freeze {n.group} so VCS does not react to the manual move",
            n.source,
            (hagrp("freeze", n.group),),
            f"{hagrp('value', n.group, None, 'TFrozen')} shows 1 (a temporary freeze sets TFrozen; "
            "Frozen stays 0 "
            "unless -persistent is used).",
            backout=(hagrp("unfreeze", n.group),),
            minutes=2,
        ),
    )
