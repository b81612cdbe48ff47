"""Backing out of a migration: cancel while it runs, recover after a failure (REFERENCE 5.2).

``ldm cancel-operation migration DOMAIN`` runs on the source until the hand-off; afterwards the only
way back is a new migration in the other direction. A migration that fails after the state was sent
leaves the source domain in an error state and the operator decides which copy survives.
"""

from __future__ import annotations

from generator.derive.migration import operations as cmd
from generator.derive.migration.case import MigrationCase
from generator.derive.migration.phases import password_cleanup
from generator.document.runbook_model import Step
from generator.estate.commands import ldm_list, remove_domain, start_domain, stop_domain, unbind_domain
from generator.estate.vcs_commands import hagrp, hares_probe


def phase_backout(case: MigrationCase, n: cmd.Names, phase: int) -> tuple[str, ...]:
    """How to back out while ``phase`` runs."""
    if phase == 1:
        return (
            "A failed check ends the command with its reason; nothing has changed. Fix the cause "
            "or stop here.",
        )
    if phase in (2, 3):
        lines = [
            f"On {n.source}: {cmd.cancel_command(n)} (the source keeps or resumes the domain; "
            "the target's copy is removed)."
        ]
        if case.via == "vcs" and case.active:
            lines.append(
                f"Then on {n.source}: {hares_probe(n.resource, n.source)} and "
                f"{hagrp('state', n.group)} (ONLINE on {n.source})."
            )
        return tuple(lines)
    return (
        f"No cancel after the hand-off: move {n.domain} back with a new migration from {n.target} "
        f"to {n.source}.",
    )


def backout_steps(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    steps = [
        Step(
            "cancel",
            "Cancel a migration in progress (phases 1 to 3)",
            n.source,
            (cmd.cancel_command(n), ldm_list(n.domain)),
            f"{n.domain} is {'active' if case.active else 'bound/inactive'} on {n.source} without flag s; "
            f"it is gone from {n.target}.",
            notes=(
                "Killing the ldm process with SIGKILL also ends the migration; losing the shell does not.",
                "After cancelling a live migration ldm can look hung for minutes while "
                "the target scrubs memory.",
            ),
        ),
        Step(
            "recover-inspect",
            "After a failed migration: find the surviving copy",
            n.source,
            (*_freeze(case, n), ldm_list(n.domain, "-o", "status"), ldm_list(n.domain)),
            f"Flag e on {n.source} means the state was sent but not acknowledged. Run ldm list "
            f"{n.domain} on {n.target} too before deciding."
            + (f" {n.group} is frozen: VCS does not act on the domain while you clean up by hand."
               if case.cluster else ""),
            notes=("Never run the domain on both hosts: decide on one copy with the change owner.",),
        ),
        Step(
            "recover-target-runs",
            f"If {n.domain} runs on {n.target}: remove the source copy",
            n.source,
            (
                stop_domain(n.domain, force=True),
                unbind_domain(n.domain),
                remove_domain(n.domain),
            ),
            f"ldm list on {n.source} no longer shows {n.domain}.",
            irreversible=True,
        ),
        Step(
            "recover-source-runs",
            f"If {n.domain} does not run on {n.target}: remove the target copy",
            n.target,
            (
                stop_domain(n.domain, force=True),
                unbind_domain(n.domain),
                remove_domain(n.domain),
            ),
            f"ldm list on {n.target} no longer shows {n.domain}"
            + ("." if case.cluster else f"; then restart it on {n.source}: {start_domain(n.domain)}."),
            irreversible=True,
        ),
        *_vcs_resume(case, n),
    ]
    steps.extend(password_cleanup(case, n, "backout-password-file"))
    return tuple(steps)


def _freeze(case: MigrationCase, n: cmd.Names) -> tuple[str, ...]:
    """Freeze a VCS-managed guest's group before its copies are stopped or removed by hand.

    A manual migration froze it already (:func:`generator.derive.migration.phases.freeze_steps`); a
    VCS-driven one did not, and an ``ldm stop-domain`` under a group VCS still manages is a fault
    it would fail over (VCS Administrator's Guide, "About freezing service groups").
    """
    return (hagrp("freeze", n.group),) if case.cluster and case.via == "vcs" else ()


def _vcs_resume(case: MigrationCase, n: cmd.Names) -> tuple[Step, ...]:
    """After the clean-up: hand the group back to VCS and start it where the copy survived.

    A frozen group cannot be brought online, so unfreeze first; the probes make VCS re-read the
    domain's state on both hosts before anything is started.
    """
    if not case.cluster:
        return ()
    return (
        Step(
            "recover-vcs",
            f"Hand {n.group} back to VCS",
            n.source,
            (
                hagrp("unfreeze", n.group),
                hares_probe(n.resource, n.source),
                hares_probe(n.resource, n.target),
                hagrp("state", n.group),
            ),
            f"{n.group} ONLINE on the host that kept {n.domain} running. If the domain ran on neither "
            f"host: {hagrp('clear', n.group, n.source)} (when FAULTED), then "
            f"{hagrp('online', n.group, n.source)}.",
            minutes=5,
        ),
    )
