"""The one module through which networkx is used: reachability over a directed acyclic supply graph.

networkx takes about 0.15 s to import, as long as ``check`` takes for a small topology, so nothing
imports this module at start-up: the what-if review imports it when it runs, and ``check`` (whose
rules use host failures only, which need no search) never does.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

N = TypeVar("N", bound=Hashable)


class Reachability(Generic[N]):
    """Which nodes lose every path from the root when some nodes are removed.

    Only the descendants of the removed nodes can be lost; they are visited in topological order and
    one is lost when every predecessor is removed or lost. Work is proportional to what a failure
    reaches, not to the whole graph.
    """

    def __init__(self, root: N, edges: Iterable[tuple[N, N]]) -> None:
        import networkx as nx

        self._nx = nx
        self.graph: nx.DiGraph[N] = nx.DiGraph()
        self.graph.add_node(root)
        self.graph.add_edges_from(edges)
        self.root = root
        self._rank = {n: i for i, n in enumerate(nx.topological_sort(self.graph))}

    def lost(self, removed: Collection[N]) -> set[N]:
        """``removed`` (those in the graph) and every node that no path from the root reaches without them."""
        present = [n for n in removed if n in self.graph]
        reach: set[N] = set()
        for n in present:
            reach |= self._nx.descendants(self.graph, n)
        gone = set(present)
        for n in sorted(reach - gone, key=self._rank.__getitem__):
            if all(p in gone for p in self.graph.predecessors(n)):
                gone.add(n)
        return gone


class CycleError(ValueError):
    """The dependencies form a cycle; ``nodes`` are the nodes on one cycle, in order."""

    def __init__(self, nodes: Sequence[str]) -> None:
        self.nodes = list(nodes)
        super().__init__("dependency cycle: " + " -> ".join(self.nodes))


def dependency_order(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """``nodes`` ordered so that every edge ``(before, after)`` is respected; among nodes that are ready,
    the one given first in ``nodes`` goes first (so the order is deterministic). Edge ends that are not in
    ``nodes`` are ignored. Raises :class:`CycleError` on a cycle. Used by the change planner."""
    import networkx as nx

    rank = {n: i for i, n in enumerate(dict.fromkeys(nodes))}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(rank)
    graph.add_edges_from((a, b) for a, b in edges if a in rank and b in rank and a != b)
    try:
        return list(nx.lexicographical_topological_sort(graph, key=rank.__getitem__))
    except nx.NetworkXUnfeasible:
        cycle = nx.find_cycle(graph)
        raise CycleError([a for a, _ in cycle]) from None
