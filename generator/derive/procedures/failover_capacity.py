"""What a fail-over test's move of an LDom group takes on the target, from the what-if model.

Each move step states the capacity check on the target host (free vCPUs and memory for the guest,
and what the host carries after the move) and what the what-if model says VCS does on its own when
the group's host fails, so that the runbook and the failure review (``review/failures.md``) cannot
disagree: both come from :mod:`generator.derive.whatif`.
"""

from __future__ import annotations

from dataclasses import replace

from generator.core.sizes import format_size
from generator.derive.whatif.capacity import host_failure
from generator.derive.whatif.outcomes import loads
from generator.derive.whatif.scenario import Estimator
from generator.document.runbook_model import Step
from generator.estate.commands import list_free


def _outcome_note(est: Estimator, cid: str, group: str, home: str, target: str) -> str:
    sc = host_failure(est, home)
    o = sc.verdict(f"{cid}/{group}")
    if o.verdict == "fails-over":
        same = " (the move this step makes)" if o.target == target else ""
        return f"What-if model: if host {home} fails, VCS fails `{group}` over to {o.target}{same}."
    return f"What-if model: if host {home} fails, `{group}` {o.verdict.replace('-', ' ')}: {o.detail}."


def with_capacity(est: Estimator, cid: str, group: str, step: Step, target: str) -> Step:
    """``step`` (a move of ``group`` to system ``target``) with the target's capacity check and the
    what-if outcome; unchanged for a group that runs no guest."""
    estate = est.estate
    service = next((s for s in est.services if s.id == f"{cid}/{group}" and s.kind == "ldom" and s.guest), None)
    guest = estate.domain(service.guest) if service else None
    node = est.systems.get(target)
    if service is None or guest is None or node is None:
        return step
    host = node.host
    (load,) = loads(estate, {} if host == guest.host else {guest.ref: host}, set(), [host])
    need = f"{guest.spec.vcpus} vCPUs and {format_size(guest.spec.memory)} of memory"
    check = (f"Capacity on {host}: before the move, `{list_free('cpu', 'memory')}` on {host} lists at least "
             f"{need} free for {guest.name}" if host != guest.host else
             f"Capacity on {host}: {guest.name} returns to the host it was built on")
    claim = (f" {host} then has {load.vcpus} of {load.vcpus_total} vCPUs and {format_size(load.memory)} of "
             f"{format_size(load.memory_total)} memory assigned to domains (what-if model).")
    notes = (f"{check}.", _outcome_note(est, cid, group, guest.host, target))
    return replace(step, expected=step.expected + claim, notes=step.notes + notes)
