"""Command lines on paper: cut only at spaces, every cut marked, nothing lost (formats.typst_source)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.formats.typst_source import CODE_COLUMNS, CONTINUATION, CONTINUES, listing, wrap_command

WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1,
                max_size=40)


def _unwrap(pieces: list[str]) -> str:
    return " ".join(p.removeprefix(CONTINUATION).removesuffix(CONTINUES) for p in pieces)


@given(st.lists(WORDS, min_size=1, max_size=30))
def test_pieces_join_back_to_the_command_and_fit(words: list[str]) -> None:
    line = " ".join(words)
    pieces = wrap_command(line)
    assert _unwrap(pieces) == line
    for i, piece in enumerate(pieces):
        assert piece.endswith(CONTINUES) == (i < len(pieces) - 1)
        assert piece.startswith(CONTINUATION) == (i > 0)
        body = piece.removeprefix(CONTINUATION).removesuffix(CONTINUES)
        assert len(piece) <= CODE_COLUMNS or " " not in body  # only a single over-long token overflows
    tokens = line.split(" ")
    assert [t for p in pieces for t in p.removeprefix(CONTINUATION).removesuffix(CONTINUES).split(" ")] == tokens


def test_a_short_command_is_left_alone() -> None:
    assert wrap_command("hastatus -sum") == ["hastatus -sum"]
    assert listing(["hastatus -sum"]) == {"lines": ["hastatus -sum"], "scale": 1.0}


def test_a_token_wider_than_the_line_shrinks_the_listing_instead_of_splitting() -> None:
    token = "/dev/vx/dmp/" + "x" * (CODE_COLUMNS * 2)
    result = listing([f"ls -l {token}"])
    assert token in "".join(result["lines"])
    assert 0 < result["scale"] < 1
