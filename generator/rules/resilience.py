"""Failure what-if rules: N+1 capacity after a host failure, single points of failure, quorum.

They judge the what-if model's decisions (:mod:`generator.derive.whatif`): CAP003/CAP004 take each
host failure's placements from the same code the review and the fail-over test runbook use.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.core.sizes import format_size
from generator.derive.decisions import Decisions
from generator.derive.vcs.ldom_groups import uses_multiple_io
from generator.derive.whatif.capacity import host_failures
from generator.derive.whatif.scenario import Estimator, Scenario
from generator.estate.estate import DomainInfo, Estate
from generator.input.schema import FencingMode, StackModel
from generator.rules.domains import BIND_SOURCE
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"
NPLUS1 = (f"{BIND_SOURCE}; Cluster Server Administrator's Guide: a failover group comes online on the next "
          "system of its SystemList")


def _arrivals(est: Estimator, sc: Scenario, host: str) -> list[str]:
    return sorted(o.service.split("/", 1)[1] for o in sc.outcomes
                  if o.target and (d := est.systems.get(o.target)) is not None and d.host == host
                  and any(s.id == o.service and s.kind == "ldom" for s in est.services))


def _over(est: Estimator, memory: bool) -> Iterator[Finding]:
    estate = est.estate
    for sc in host_failures(est):
        for load in sc.loads:
            used, total = (load.memory, load.memory_total) if memory else (load.vcpus, load.vcpus_total)
            static = estate.used_memory(load.host) if memory else estate.used_vcpus(load.host)
            groups = _arrivals(est, sc, load.host)
            if used <= total or static > total or not groups:
                continue
            show = format_size if memory else str
            what = "of memory" if memory else "vCPUs"
            verb = "fails" if len(groups) == 1 else "fail"
            yield Finding(("hosts", load.host, "memory" if memory else "threads"),
                          f"if {sc.failure.label} fails, {', '.join(groups)} {verb} over to {load.host}, which "
                          f"would then need {show(used)} {what} but has {show(total)}",
                          f"give {load.host} more, make the guests smaller, or give their groups another "
                          "fail-over host", key=True)


@rule("CAP003", Severity.ERROR, source=NPLUS1, basis="S", category="capacity", reads="decisions")
def vcpus_after_host_failure(decisions: Decisions) -> Iterator[Finding]:
    """After any one host fails, the hosts its LDom groups fail over to have the vCPUs for them (N+1)."""
    yield from _over(decisions.whatif, memory=False)


@rule("CAP004", Severity.ERROR, source=NPLUS1, basis="S", category="capacity", reads="decisions")
def memory_after_host_failure(decisions: Decisions) -> Iterator[Finding]:
    """After any one host fails, the hosts its LDom groups fail over to have the memory for them (N+1)."""
    yield from _over(decisions.whatif, memory=True)


def _promised(estate: Estate, guest: DomainInfo, servers: set[str]) -> bool:
    """Whether the guest's set-up promises a second I/O path: it uses two service domains, or the cluster
    that manages it has multiple I/O domains (AlternateIO)."""
    clusters = estate.managed_by.get(guest.ref, [])
    return len(servers) > 1 or any(uses_multiple_io(estate, c) for c in clusters)


@rule("SPF001", Severity.WARNING, source=f"{GUIDE}: multiple I/O domains, guest-level DMP", basis="K",
      category="what-if", reads="decisions")
def guest_redundant_paths(decisions: Decisions) -> Iterator[Finding]:
    """A guest with two I/O paths (two service domains, or AlternateIO) does not get every vdisk, or every
    vnet, from one service domain."""
    estate, supply = decisions.estate, decisions.whatif.supply
    for guest in estate.guests:
        needs = [n for n in supply.needs.get(guest.ref, ()) if not n.label.startswith("disk group")]
        disks = {via for n in needs if n.label != "network" for _, via in n.alternatives}
        nets = {via for n in needs if n.label == "network" for _, via in n.alternatives}
        if not _promised(estate, guest, disks | nets):
            continue
        layered = estate.topology.model is StackModel.LAYERED  # STK014 covers a layered guest's LUNs
        for what, vias in (("vdisk", disks), ("vnet", nets)):
            if len(vias) == 1 and not (layered and what == "vdisk"):
                (via,) = vias
                yield Finding(guest.path, f"every {what} of {guest.ref} comes from {via}: losing {via} loses "
                              f"them all, though its set-up has a second I/O path",
                              f"export its {what}s from the other service domain too", key=True)


def _hosted_cps(estate: Estate, cps: list[str], host: str) -> list[str]:
    names = {d.system for d in estate.host_domains(host)} | {d.name for d in estate.host_domains(host)}
    return [cp for cp in cps if cp.split(":")[0].split(".")[0] in names]


@rule("QRM001", Severity.WARNING, source=f"{GUIDE}: I/O fencing, coordination points", basis="K",
      category="what-if")
def host_failure_keeps_coordination_points(estate: Estate) -> Iterator[Finding]:
    """No single host runs enough of a cluster's CP servers that losing it leaves no majority of its
    coordination points (the survivors of that failure would lose the fencing race)."""
    for name, c in sorted(estate.topology.clusters.items()):
        if c.fencing.mode is FencingMode.DISABLED or not c.fencing.cp_servers:
            continue
        total = len(c.fencing.cp_servers) + len(c.fencing.coordinator_disks)
        for host in sorted(estate.topology.hosts):
            inside = _hosted_cps(estate, c.fencing.cp_servers, host)
            if inside and 2 * (total - len(inside)) <= total:
                yield Finding(("clusters", name, "fencing", "cp-servers"),
                              f"CP server(s) {', '.join(inside)} of {name} run on host {host}: losing it leaves "
                              f"{total - len(inside)} of {total} coordination points, no majority",
                              "run the CP servers outside the hosts of the cluster", key=True)
