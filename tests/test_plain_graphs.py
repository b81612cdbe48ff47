"""Graph code written without networkx (it is slow to import) gives exactly networkx's answers:
runbook section order (lexicographic topological sort by declaration order) and main.cf dependency cycle
detection (networkx is imported only to list the cycles of a graph that has one)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.runbook.model import Section, ordered_sections
from generator.vcs.config import Pos
from generator.vcs.verify_deps import Edges, _acyclic

NAMES = st.sampled_from("abcdefgh")
EDGE_LISTS = st.lists(st.tuples(NAMES, NAMES), max_size=14)


def _sections(edges: list[tuple[str, str]], ids: list[str]) -> tuple[Section, ...]:
    return tuple(Section(i, i.upper(), (), tuple(d for d, s in edges if s == i)) for i in ids)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=8, unique=True), EDGE_LISTS)
def test_section_order_is_networkx_lexicographic_topological_sort(ids: list[str],
                                                                   edges: list[tuple[str, str]]) -> None:
    edges = [(d, s) for d, s in edges if d in ids and s in ids]
    index = {i: n for n, i in enumerate(ids)}
    graph: nx.DiGraph[str] = nx.DiGraph(edges)
    graph.add_nodes_from(ids)
    try:
        expected = list(nx.lexicographical_topological_sort(graph, key=lambda n: index[n]))
    except nx.NetworkXUnfeasible:
        with pytest.raises(ValueError, match="cycle"):
            ordered_sections(_sections(edges, ids))
        return
    assert [s.id for s in ordered_sections(_sections(edges, ids))] == expected


def test_section_depending_on_an_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown section 'z'"):
        ordered_sections(_sections([("z", "a")], ["a"]))


@settings(max_examples=200, deadline=None)
@given(EDGE_LISTS)
def test_dependency_graph_is_acyclic_exactly_when_networkx_says_so(edges: list[tuple[str, str]]) -> None:
    graph: Edges = {edge: Pos() for edge in edges}
    assert _acyclic(graph) == nx.is_directed_acyclic_graph(nx.DiGraph(edges))
