"""Sequence diagrams of a migration: who sends what to whom in each of the four phases.

A :class:`Sequence` is a neutral model (participants, bands of messages and notes) built from a
:class:`~generator.derive.migration.plan.MigrationPlan`; :mod:`generator.drawing.sequence_svg` lays it out and
:mod:`generator.drawing.sequence_text` prints it as Mermaid and PlantUML. Variants: the migration
itself (``live``, ``warm`` or ``cold``: the bound/inactive one has no phase 3) and ``cancel`` (the
back-out path with ``ldm cancel-operation migration``).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.migration import operations as cmd
from generator.derive.migration.plan import MigrationPlan
from generator.estate.commands import start_domain, stop_domain
from generator.estate.vcs_commands import hagrp, hares_probe


@dataclass(frozen=True)
class Participant:
    id: str
    role: str
    place: str


@dataclass(frozen=True)
class Message:
    src: str
    dst: str
    label: str
    reply: bool = False
    """A return (drawn dashed with an open arrowhead)."""


@dataclass(frozen=True)
class Note:
    over: str
    text: str


Item = Message | Note


@dataclass(frozen=True)
class Band:
    """A labelled stretch of the diagram: a phase, the pre-checks or the cancel path."""

    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Sequence:
    title: str
    variant: str
    participants: tuple[Participant, ...]
    bands: tuple[Band, ...]


def variants(plan: MigrationPlan) -> tuple[str, ...]:
    """The diagrams of a migration: its own kind, then the cancel path."""
    return (plan.case.kind.value, "cancel")


def build_sequence(plan: MigrationPlan, variant: str) -> Sequence:
    c, n = plan.case, plan.names
    vcs = c.via == "vcs"
    people = [Participant("OP", "operator", "root shell")]
    if c.cluster is not None:
        people.append(Participant("VCS", "VCS (had)", f"cluster {c.cluster}"))
    people += [Participant("SL", "source ldmd", n.source), Participant("SH", "source hypervisor", c.source),
               Participant("TL", "target ldmd", n.target), Participant("TH", "target hypervisor", c.target),
               Participant("G", "guest", n.domain)]
    bands = [_before(plan), _phase1(plan), _phase2(plan)]
    if variant == "cancel":
        bands.append(_cancel(plan))
    else:
        bands += [_phase3(plan), _phase4(plan)]
    how = "via VCS" if vcs else "by hand"
    what = "Cancelled migration" if variant == "cancel" else f"{c.kind.value.capitalize()} migration"
    title = f"{what} of {n.domain} from {c.source} to {c.target} ({how})"
    return Sequence(title, variant, tuple(people), tuple(bands))


def _start(plan: MigrationPlan) -> list[Item]:
    c, n = plan.case, plan.names
    if c.via == "vcs" and c.active:
        return [Message("OP", "VCS", cmd.hagrp_migrate(n)),
                Message("VCS", "SL", "LDom agent: ldm migrate-domain (UserName, Password)")]
    return [Message("OP", "SL", cmd.migrate_command(n, dry_run=False))]


def _before(plan: MigrationPlan) -> Band:
    c, n = plan.case, plan.names
    items: list[Item] = []
    if c.cluster is not None and c.via == "manual":
        items.append(Message("OP", "VCS", hagrp("freeze", n.group)))
    items += [Message("OP", "SL", cmd.migrate_command(n, dry_run=True)),
              Message("SL", "TL", "dry run: checks only"),
              Message("TL", "SL", "checks passed", reply=True),
              Message("SL", "OP", "exit status 0", reply=True)]
    if c.via == "vcs" and c.active:
        items += [Message("OP", "VCS", cmd.vmmigrate_action(n)),
                  Message("VCS", "OP", "pre-check passed", reply=True)]
    if not c.active:
        if c.via == "vcs":
            items += [Message("OP", "VCS", hagrp("offline", n.group, n.source)),
                      Message("VCS", "SL", "LDom agent stops the domain")]
        else:
            items.append(Message("OP", "SL", stop_domain(n.domain)))
        items += [Message("SL", "SH", "stop domain"), Message("SH", "G", "guest stops"),
                  Message("OP", "SL", cmd.migrate_command(n, dry_run=True)),
                  Message("SL", "TL", "dry run of the bound domain"),
                  Message("TL", "SL", "checks passed", reply=True)]
    items.append(Note("OP", "go/no-go"))
    return Band("Before: pre-checks and dry run", tuple(items))


def _phase1(plan: MigrationPlan) -> Band:
    checks = ("checks for an active domain: vds volumes, vsw, CPU, memory" if plan.case.active
              else "checks for a bound/inactive domain (no virtual I/O checks)")
    items = [*_start(plan), Message("SL", "TL", "secure connection; host and domain information"),
             Note("TL", checks), Message("TL", "SL", "checks passed", reply=True)]
    return Band("Phase 1: connection and checks", tuple(items))


def _phase2(plan: MigrationPlan) -> Band:
    kind = plan.case.kind.value
    items: list[Item] = [Message("TL", "TH", "create receiving domain")]
    if kind == "live":
        items += [Message("SL", "SH", "copy memory while the guest runs"), Note("G", "keeps running")]
    elif kind == "warm":
        items += [Message("SL", "SH", "suspend domain"), Message("SH", "G", "guest suspended")]
    else:
        items.append(Note("G", "not running (bound/inactive)"))
    return Band("Phase 2: preparation", tuple(items))


def _phase3(plan: MigrationPlan) -> Band:
    if not plan.case.active:
        return Band("Phase 3: not run for a bound/inactive domain (no run-time state)", ())
    state = "memory in passes, then final CPU state" if plan.case.kind.value == "live" else \
        "memory and CPU state"
    items: list[Item] = [Message("SL", "SH", "read run-time state"), Message("SH", "SL", state, reply=True)]
    if plan.case.kind.value == "live":
        items.append(Message("SH", "G", "brief suspend for the last pages"))
    items += [Message("SL", "TL", "run-time state"), Message("TL", "TH", "install state")]
    return Band("Phase 3: run-time state transfer", tuple(items))


def _phase4(plan: MigrationPlan) -> Band:
    c, n = plan.case, plan.names
    items: list[Item] = []
    if c.active:
        items += [Message("TL", "TH", "resume domain"), Message("TH", "G", f"guest runs on {c.target}")]
    items += [Message("TL", "SL", "hand-off complete", reply=True),
              Message("SL", "SH", "destroy source domain")]
    if c.via == "vcs" and c.active:
        items += [Message("SL", "VCS", "ldm migrate-domain exit 0", reply=True),
                  Message("VCS", "OP", f"{n.group} ONLINE on {n.target}", reply=True)]
    else:
        items.append(Message("SL", "OP", "command returns", reply=True))
    if not c.active:
        items += _start_target(plan)
    elif c.cluster is not None and c.via == "manual":
        items.append(Message("OP", "VCS", hagrp("unfreeze", n.group)))
    return Band("Phase 4: hand-off (cannot be undone)", tuple(items))


def _start_target(plan: MigrationPlan) -> list[Item]:
    n = plan.names
    if plan.case.via == "vcs":
        first: list[Item] = [Message("OP", "VCS", hagrp("switch", c, n.target))
                             for c in cmd.failover_children(plan.case, n.group)]
        first += [Message("OP", "VCS", hagrp("online", n.group, n.target)),
                  Message("VCS", "TL", "LDom agent starts the domain")]
    else:
        first = [Message("OP", "TL", start_domain(n.domain))]
    return [*first, Message("TL", "TH", "start domain"), Message("TH", "G", f"guest boots on {n.target}")]


def _cancel(plan: MigrationPlan) -> Band:
    c, n = plan.case, plan.names
    items: list[Item] = [Message("OP", "SL", cmd.cancel_command(n)),
                         Message("SL", "TL", "abort the migration")]
    cleanup = "destroy receiving domain, scrub memory" if c.active else "destroy receiving domain"
    items += [Message("TL", "TH", cleanup), Message("TL", "SL", "target cleaned up", reply=True)]
    if c.kind.value == "warm":
        items += [Message("SL", "SH", "resume domain"), Message("SH", "G", f"guest runs on {c.source} again")]
    elif c.kind.value == "live":
        items.append(Note("G", f"kept running on {c.source}"))
    if c.via == "vcs" and c.active:
        items += [Message("SL", "VCS", "ldm migrate-domain fails", reply=True),
                  Message("OP", "VCS", hares_probe(n.resource, n.source)),
                  Message("VCS", "OP", f"{n.group} ONLINE on {n.source}", reply=True)]
    else:
        items.append(Message("SL", "OP", "migration cancelled", reply=True))
    return Band("Cancel and back-out (phases 1 to 3 only)", tuple(items))
