"""Property: any tree the printer can write parses back to the same tree, and prints identically."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.maincf.parser import parse
from generator.maincf.printer import format_config
from generator.maincf.tree import (
    Assoc,
    Attr,
    Cluster,
    Config,
    Group,
    GroupDep,
    Include,
    Items,
    Resource,
    ResourceDep,
    Scalar,
    System,
    Value,
)

KEYWORDS = {"include", "cluster", "system", "group", "type", "remotecluster", "heartbeat", "requires"}
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAMES = st.builds(lambda a, b: a + b, st.sampled_from(LETTERS),
                  st.text(LETTERS + "0123456789_", max_size=7)).filter(lambda n: n not in KEYWORDS)
TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12)
VALUES: st.SearchStrategy[Value] = st.one_of(
    TEXT.map(Scalar),
    st.lists(TEXT, max_size=3).map(lambda v: Items(tuple(v))),
    st.lists(st.tuples(TEXT, st.one_of(st.none(), TEXT)), min_size=1, max_size=3).filter(
        lambda p: any(v is not None for _, v in p)).map(lambda p: Assoc(tuple(p))),
)
ATTRS = st.lists(st.builds(Attr, NAMES, VALUES, st.one_of(st.none(), NAMES)), max_size=3).map(tuple)
RESOURCES = st.lists(st.builds(Resource, NAMES, NAMES, ATTRS), max_size=3).map(tuple)
GROUP_DEPS = st.lists(st.builds(GroupDep, NAMES, st.sampled_from(["online", "offline"]),
                                st.sampled_from(["local", "global", "remote"]),
                                st.sampled_from(["soft", "firm", "hard", None])), max_size=2).map(tuple)
RES_DEPS = st.lists(st.builds(ResourceDep, NAMES, st.tuples(NAMES), st.none()), max_size=2).map(tuple)
GROUPS = st.lists(st.builds(Group, NAMES, ATTRS, RESOURCES, RES_DEPS, GROUP_DEPS), max_size=3).map(tuple)
CONFIGS = st.builds(
    Config, st.lists(st.text(LETTERS + " ", max_size=20), max_size=2).map(tuple),
    st.lists(st.builds(Include, NAMES.map(lambda n: n + ".cf")), max_size=2).map(tuple),
    st.one_of(st.none(), st.builds(Cluster, NAMES, ATTRS)),
    st.lists(st.builds(System, NAMES, ATTRS), max_size=2).map(tuple), GROUPS)


@settings(max_examples=50, deadline=None)
@given(CONFIGS)
def test_parse_of_print_is_identity(tree: Config) -> None:
    text = format_config(tree)
    parsed, problems = parse(text)
    assert problems == []
    assert parsed == tree
    assert format_config(parsed) == text
