"""Outcome of a failure for each service, and the load every surviving host carries afterwards."""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.whatif.conditions import Left
from generator.derive.whatif.failover_placement import before
from generator.derive.whatif.services import Service
from generator.estate.estate import Estate

UNAFFECTED = "unaffected"
KEEPS_RUNNING = "keeps-running"
RESTARTS = "restarts"
FAILS_OVER = "fails-over"
LOSES_QUORUM = "loses-quorum"
DOWN = "down"
VERDICTS = (UNAFFECTED, KEEPS_RUNNING, RESTARTS, FAILS_OVER, LOSES_QUORUM, DOWN)
VERDICT_TEXT = {UNAFFECTED: "unaffected", KEEPS_RUNNING: "keeps running", RESTARTS: "restarts in place",
                FAILS_OVER: "fails over", LOSES_QUORUM: "loses quorum", DOWN: "down, no recovery"}


@dataclass(frozen=True)
class Outcome:
    """What happens to one service; ``target`` is the system it fails over to, if it does."""

    service: str
    verdict: str
    target: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Load:
    """A surviving host's vCPUs and memory in use after the failure, against what it has."""

    host: str
    vcpus: int
    vcpus_total: int
    memory: int
    memory_total: int

    @property
    def over(self) -> bool:
        return self.vcpus > self.vcpus_total or self.memory > self.memory_total


def _degraded(s: Service, left: Left) -> str:
    if s.guest:
        g = left.guest(s.guest)
        if g.state == "degraded":
            return f"through {'; '.join(g.via)}"
    if s.cluster:
        c = left.estate.topology.clusters[s.cluster]
        links = [link for link in c.llt_links if not left.lost(("llt", s.cluster, link))]
        if 0 < len(links) < len(c.llt_links):
            return f"cluster heartbeat on LLT link {', '.join(links)}"
    return ""


def outcome(s: Service, placed: dict[str, tuple[str, ...]], left: Left, quorum_lost: frozenset[str]) -> Outcome:
    """Classify the move of one service from :func:`before` to where ``placed`` puts it."""
    was, after = before(s), placed[s.id]
    if s.cluster and s.cluster in quorum_lost:
        return Outcome(s.id, LOSES_QUORUM, detail=f"cluster {s.cluster} loses the fencing race or is partitioned")
    if not after:
        state = left.guest(s.guest) if s.guest else None
        why = (state.why if state.state == "down" else left.data_gone(s.guest) or state.why) if state else ""
        gone = [g for g in s.diskgroups if f"dg:{g}" in left.failure.storage]
        if gone:
            why = f"its disk group {', '.join(gone)} is gone"
        down = [c.split("/", 1)[1] for c in s.children if c in placed and not placed[c]]
        if down and not why:
            why = f"requires {', '.join(down)} online local, which is down"
        if not why and not any(left.system_up(x) for x in s.systems):
            why = f"every system it runs on is down ({', '.join(s.systems)})"
        return Outcome(s.id, DOWN, detail=why or "no system of its SystemList can run it")
    if s.parallel and set(after) != set(was):
        return Outcome(s.id, KEEPS_RUNNING, detail=f"online on {', '.join(after)}")
    if not s.parallel and after != was:
        return Outcome(s.id, FAILS_OVER, after[0], f"fails over to {after[0]}")
    if s.guest and left.guest(s.guest).state == "restart":
        return Outcome(s.id, RESTARTS, detail=left.guest(s.guest).why)
    path = _degraded(s, left)
    return Outcome(s.id, KEEPS_RUNNING, detail=path) if path else Outcome(s.id, UNAFFECTED)


def loads(estate: Estate, moves: dict[str, str], dead_hosts: set[str], hosts: list[str]) -> list[Load]:
    """Load of each of ``hosts`` still alive, with guests (by ref) moved to the hosts in ``moves``."""
    result = []
    for h in hosts:
        if h in dead_hosts:
            continue
        spec = estate.topology.hosts[h]
        staying = [d for d in estate.host_domains(h) if d.ref not in moves]
        coming = [d for ref, to in moves.items() if to == h and (d := estate.domain(ref)) is not None]
        domains = staying + coming
        result.append(Load(h, sum(d.spec.vcpus for d in domains), spec.threads,
                           sum(d.spec.memory for d in domains), spec.memory))
    return result
