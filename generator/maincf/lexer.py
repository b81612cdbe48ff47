"""Lexer for main.cf and types files: words, quoted strings and punctuation, with positions.

``//`` comments run to the end of the line and ``/* ... */`` comments may span lines; both are
dropped, except that the comment lines at the very top of the file are kept as the header (the
"generated from" note). Problems (an unterminated string or comment) are reported, not raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from generator.maincf.tree import Pos

PUNCT = "{}()=,@[]"


class Token(NamedTuple):
    """One token (a named tuple: a generated main.cf has tens of thousands, and tuples are cheap)."""

    kind: str
    """``word``, ``string``, a punctuation character, or ``eof``."""
    text: str
    pos: Pos


@dataclass
class Lexed:
    tokens: list[Token]
    header: tuple[str, ...]
    problems: list[tuple[Pos, str]]


_TOKEN = re.compile(r"""\s*(?:
    (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*(?:[\s\S]*?\*/|(?P<open_comment>[\s\S]*)))
  | (?P<string>"(?P<body>(?:\\[^\n]|[^"\\\n])*)(?:(?P<close>")|\\(?=\n)|(?P<last_backslash>\\\Z))?)
  | (?P<punct>[{}()=,@\[\]])
  | (?P<word>(?:[^\s{}()=,@\[\]"/]|/(?![/*]))+)
  | (?P<slash>/)
  | \Z)
""", re.VERBOSE)
"""Whitespace, then one token (or the end); the matches tile the text."""
_ESCAPE = re.compile(r"\\(.)")


def _string(match: re.Match[str], pos: Pos, problems: list[tuple[Pos, str]]) -> str:
    value = _ESCAPE.sub(r"\1", match.group("body"))
    if match.group("close") is None:
        problems.append((pos, "unterminated quoted string"))
        if match.group("last_backslash"):
            value += "\\"
    return value


def tokenize(text: str) -> Lexed:
    """Split ``text`` into tokens with one regular expression, tracking lines as they pass."""
    tokens: list[Token] = []
    header: list[str] = []
    problems: list[tuple[Pos, str]] = []
    line, line_start, previous = 1, 0, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start = match.start(kind) if kind else match.end()
        breaks = text.count("\n", previous, start)
        if breaks:
            line, line_start = line + breaks, text.rfind("\n", previous, start) + 1
        previous = start
        pos = Pos(line, start - line_start + 1)
        if kind is None:
            break
        if kind == "block_comment":
            if match.group("open_comment") is not None:
                problems.append((pos, "unterminated /* comment"))
        elif kind == "line_comment":
            if not tokens:
                comment = match.group(kind)
                header.append(comment[3:] if comment.startswith("// ") else comment[2:])
        elif kind == "string":
            tokens.append(Token("string", _string(match, pos, problems), pos))
        elif kind == "punct":
            tokens.append(Token(match.group(kind), match.group(kind), pos))
        else:
            tokens.append(Token("word", match.group(kind), pos))
    tokens.append(Token("eof", "", Pos(line, len(text) - line_start + 1)))
    return Lexed(tokens, tuple(header), problems)
