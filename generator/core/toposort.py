"""Topological order of a small directed graph, without networkx (which takes longer to import than the
CLI takes to check a topology)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def topological_order(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """``nodes`` ordered so that every edge's first node comes before its second; among the nodes that are
    ready, the one given first in ``nodes`` goes first (networkx's lexicographical topological sort keyed
    by that position). ``None`` when the graph has a cycle. Edge ends missing from ``nodes`` are added."""
    rank: dict[str, int] = {}
    for node in nodes:
        rank.setdefault(node, len(rank))
    after: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}
    for before, then in dict.fromkeys(edges):
        for node in (before, then):
            rank.setdefault(node, len(rank))
        after.setdefault(before, []).append(then)
        waiting[then] = waiting.get(then, 0) + 1
    ready = [(rank[n], n) for n in rank if n not in waiting]
    heapq.heapify(ready)
    order = []
    while ready:  # Kahn's algorithm
        _, done = heapq.heappop(ready)
        order.append(done)
        for n in after.get(done, []):
            waiting[n] -= 1
            if waiting[n] == 0:
                heapq.heappush(ready, (rank[n], n))
    return order if len(order) == len(rank) else None
