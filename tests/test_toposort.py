"""The topological sort written without networkx (slow to import) gives exactly networkx's answers: the
order of runbook sections (lexicographic topological sort by declaration order), and whether a main.cf
dependency graph has a cycle (networkx is then imported only to list the cycles)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.toposort import topological_order
from generator.document.runbook_model import Section, ordered_sections

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
def test_a_graph_has_an_order_exactly_when_networkx_finds_no_cycle(edges: list[tuple[str, str]]) -> None:
    order = topological_order((), edges)
    assert (order is not None) == nx.is_directed_acyclic_graph(nx.DiGraph(edges))
    if order is not None:
        position = {n: i for i, n in enumerate(order)}
        assert sorted(position) == sorted({n for e in edges for n in e})
        assert all(position[a] < position[b] for a, b in edges)
