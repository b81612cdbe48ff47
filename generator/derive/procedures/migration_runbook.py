"""The migration runbook: the plan as an instance of the shared runbook model.

Sections: preparation (pre-checks, dry run, go/no-go), the four phases, verification, back-out.
The header carries change, domain, source, target and kind; the prerequisites checklist comes from
the plan, with the cautions (warning rules) that apply.
"""

from __future__ import annotations

from generator.core.artifacts import RenderContext
from generator.derive.migration.plan import MigrationPlan
from generator.document.runbook_model import Runbook, Section

REFERENCES = (
    "Oracle VM Server for SPARC Administration Guide: Overview of a Migration Operation; Migration "
    "Requirements for CPUs, Memory, Physical and Virtual I/O Devices; Canceling a Migration in "
    "Progress; Recovering From a Failed Migration",
    "ldm(8): migrate-domain [-n] [-p filename], cancel-operation migration",
    "Veritas InfoScale Virtualization Guide - Solaris: Oracle VM Server for SPARC guest domain "
    "migration in VCS environment; live migration overview",
    "VCS Bundled Agents Reference: LDom agent (UserName, Password, migrate entry point)",
)


def runbook_from_plan(plan: MigrationPlan, context: RenderContext) -> Runbook:
    """The change-window runbook of one migration."""
    c, n = plan.case, plan.names
    sections = [Section("prepare", "Preparation: pre-checks, dry run and go/no-go", plan.preparation,
                        intro="Repeat by hand what the target will check in phase 1; stop at the "
                              "go/no-go step unless every check passed.",
                        backout=("Nothing has moved yet: undo the steps above in reverse order.",))]
    previous = "prepare"
    for phase in plan.phases:
        sid = f"phase{phase.number}"
        intro = phase.summary + (f" {phase.skipped}" if phase.skipped else "")
        if phase.checks:
            intro += " Before this phase, confirm: " + "; ".join(phase.checks) + "."
        title = phase.title[:1].upper() + phase.title[1:]
        sections.append(Section(sid, f"{title} (migration phase {phase.number})", phase.steps, (previous,),
                                intro, phase.backout))
        previous = sid
    sections.append(Section("verify", "Verification", plan.verification, (previous,),
                            "Confirm the guest, its storage and the cluster on the target."))
    sections.append(Section("backout", "Back-out and recovery", plan.backout, ("prepare",),
                            "Use only when a step above failed: cancel until the hand-off, recover "
                            "after a failed migration."))
    change = c.migration.change or context.change
    header = {"Change": change or "(none given)", "Domain": c.guest.ref, "Source": _host(c.source, n.source),
              "Target": _host(c.target, n.target), "Kind": c.kind.value,
              "Driven by": f"VCS cluster {c.cluster} (group {n.group})" if c.via == "vcs" else "ldm, by hand"}
    cautions = tuple(f"Caution ({text})" for text in plan.cautions)
    return Runbook(
        first_number=0,
        id=c.runbook_id, title=f"{c.kind.value.capitalize()} migration of {n.domain} to {c.target}",
        topology=c.estate.topology.topology, kind="migration",
        summary=(f"Move guest domain {c.guest.ref} from {c.source} to {c.target} as a {c.kind.value} "
                 f"migration, " + ("driven by VCS (hagrp -migrate)." if c.via == "vcs" and c.active
                                   else "with ldm migrate-domain.")),
        sections=tuple(sections), prerequisites=plan.prerequisites + cautions, references=REFERENCES,
        header=header)


def _host(host: str, system: str) -> str:
    return host if host == system else f"{host} (control domain {system})"
