"""The change runbook: pre-checks, one phase per change item in dependency order, verification, back-out.

It is a runbook like the others (same document model and formats); its header names both revisions (file and
content hash). A plan with no operational item yields a "no change" runbook: nothing to do in a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.change.change_items import Item
from generator.derive.change.change_plan import Plan
from generator.derive.procedures.command_hosts import ldm_node
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate.estate import Estate

REFERENCES = (
    "Oracle VM Server for SPARC 3.6 Administration Guide: Using Memory Dynamic Reconfiguration [S]",
    "vxresize(1M) manual page [S]",
    "Veritas InfoScale Virtualization Guide - Solaris: LDom agent, migration prerequisites (REFERENCE 2.1, 5.3)",
    "VCS Administrator's Guide: haconf, hagrp, hares (REFERENCE 6.3) [K]",
)


@dataclass(frozen=True)
class RevisionInfo:
    """A revision as the runbook names it: file (or ``REV:PATH``) and content hash."""

    name: str
    sha256: str


def _prechecks(new: Estate, items: list[Item]) -> Section:
    hosts = sorted({s.runs_on for i in items for s in i.steps
                    if s.commands and s.runs_on != "operator" and ":" not in s.runs_on})
    controls = sorted({ldm_node(new, h) for h in new.topology.hosts})
    steps = [Step(id=f"precheck-{h}", title=f"Record the state of {h}", runs_on=h,
                  commands=("ldm list",) if h in controls else ("uname -n",),
                  expected="Every domain the change touches is in the state the old revision describes.",
                  verify=("hastatus -sum",) if h in controls and new.topology.clusters else (), minutes=2)
             for h in hosts]
    steps.append(Step(id="precheck-go", title="Go/no-go: the estate runs the old revision", runs_on="operator",
                      expected="Every pre-check matched; the change ticket is approved.", minutes=2, gate=True))
    return Section("prechecks", "Pre-checks", tuple(steps),
                   intro="Confirm the running estate is the old revision before changing anything.",
                   backout=("Nothing has changed yet.",))


def _sections(items: list[Item]) -> list[Section]:
    sections: list[Section] = []
    previous = "prechecks"
    for number, item in enumerate(items, start=1):
        sid = f"change-{number}"
        sections.append(Section(sid, item.title, item.steps, (previous,),
                                intro=" ".join(item.notes),
                                backout=("Run the back-out of each step of this phase in reverse order.",)))
        previous = sid
    return sections


def _backout(items: list[Item]) -> Section:
    steps = []
    for number, item in reversed(list(enumerate(items, start=1))):
        lines = [line for s in reversed(item.steps) for line in s.backout]
        steps.append(Step(id=f"backout-{number}", title=f"Back out phase {number + 1}: {item.title}",
                          runs_on=item.steps[-1].runs_on, commands=tuple(lines),
                          expected="The objects of this phase are as the old revision describes them.",
                          minutes=5, irreversible=any(s.irreversible for s in item.steps)))
    return Section("backout", "Back-out plan for the whole change", tuple(steps), ("prechecks",),
                   intro="Only when a go/no-go fails: back out the phases done so far, the latest first. "
                         "A phase marked irreversible cannot be backed out (restore from backup).")


def change_runbook(plan: Plan, old: RevisionInfo, new: RevisionInfo, estate: Estate) -> Runbook:
    """The runbook of ``plan``, which must have no refusals."""
    assert not plan.refusals
    t = estate.topology
    items = plan.operational
    header = {"Old revision": f"{old.name} (sha256 {old.sha256[:12]})",
              "New revision": f"{new.name} (sha256 {new.sha256[:12]})",
              "Changes": str(len(items)) if items else "none"}
    if not items:
        return Runbook(id="change", title=f"Change: {t.title}", topology=t.topology, kind="change",
                       summary="No change: the two revisions describe the same running estate "
                               f"({len(plan.items)} documentation-only difference(s)).",
                       sections=(), header=header, references=REFERENCES)
    sections = [_prechecks(estate, items), *_sections(items), _backout(items)]
    summary = "Moves the running estate from the old revision to the new one: " + "; ".join(
        i.title for i in items) + "."
    return Runbook(id="change", title=f"Change: {t.title}", topology=t.topology, kind="change", summary=summary,
                   sections=tuple(sections), header=header, references=REFERENCES,
                   prerequisites=("Both revisions are checked without errors (`generator check`).",
                                  "Backups of every volume and main.cf this change touches are recent."))
