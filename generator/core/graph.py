"""The one module through which networkx is used: reachability over a directed acyclic supply graph.

networkx takes about 0.15 s to import, as long as ``check`` takes for a small topology, so nothing
imports this module at start-up: the what-if review imports it when it runs, and ``check`` (whose
rules use host failures only, which need no search) never does.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
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
