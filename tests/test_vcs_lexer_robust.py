"""The main.cf lexer (used by ``check`` on every generated main.cf and by ``vcs verify`` on user files)
never raises and keeps every position inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.maincf.lexer import tokenize

PIECES = ["group", "g1", " ", "\n", "\t", '"', "\\", "/", "*", "//", "/*", "*/", "{", "}", "(", ")", "=",
          ",", "@", "[", "]", "é", "\u00a0", "SystemList", "1"]


def test_trailing_slash_and_backslash_are_tokens_not_crashes() -> None:
    assert [t.text for t in tokenize("a /").tokens] == ["a", "/", ""]
    lexed = tokenize('x = "abc\\')
    assert lexed.tokens[2].text == "abc\\" and lexed.problems[0][1] == "unterminated quoted string"


def test_positions_after_a_multi_line_comment() -> None:
    lexed = tokenize('// header\n/* one\ntwo */ group g1 (\n  A = "v"\n)\n')
    assert lexed.header == ("header",)
    assert [(t.text, t.pos.line, t.pos.col) for t in lexed.tokens[:3]] == [
        ("group", 3, 8), ("g1", 3, 14), ("(", 3, 17)]
    assert (lexed.tokens[-1].pos.line, lexed.tokens[-1].pos.col) == (6, 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join))
def test_any_text_lexes_with_positions_inside_it(text: str) -> None:
    lexed = tokenize(text)
    lines = text.split("\n")
    assert lexed.tokens[-1].kind == "eof"
    for token in lexed.tokens:
        assert 1 <= token.pos.line <= len(lines)
        assert 1 <= token.pos.col <= len(lines[token.pos.line - 1]) + 1
