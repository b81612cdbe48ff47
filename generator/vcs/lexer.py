"""Lexer for main.cf and types files: words, quoted strings and punctuation, with positions.

``//`` comments run to the end of the line and ``/* ... */`` comments may span lines; both are
dropped, except that the comment lines at the very top of the file are kept as the header (the
"generated from" note). Problems (an unterminated string or comment) are reported, not raised.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.vcs.config import Pos

PUNCT = "{}()=,@[]"


@dataclass(frozen=True)
class Token:
    kind: str
    """``word``, ``string``, a punctuation character, or ``eof``."""
    text: str
    pos: Pos


@dataclass
class Lexed:
    tokens: list[Token]
    header: tuple[str, ...]
    problems: list[tuple[Pos, str]]


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.col = 1

    def pos(self) -> Pos:
        return Pos(self.line, self.col)

    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.text[j] if j < len(self.text) else ""

    def advance(self) -> str:
        ch = self.text[self.i]
        self.i += 1
        if ch == "\n":
            self.line, self.col = self.line + 1, 1
        else:
            self.col += 1
        return ch


def _string(sc: _Scanner, problems: list[tuple[Pos, str]]) -> str:
    start = sc.pos()
    sc.advance()
    out: list[str] = []
    while sc.peek() and sc.peek() != '"':
        if sc.peek() == "\\" and sc.peek(1):
            sc.advance()
        if sc.peek() == "\n":
            break
        out.append(sc.advance())
    if sc.peek() == '"':
        sc.advance()
    else:
        problems.append((start, "unterminated quoted string"))
    return "".join(out)


def _comment(sc: _Scanner, problems: list[tuple[Pos, str]]) -> str:
    start = sc.pos()
    if sc.peek(1) == "/":
        chars: list[str] = []
        while sc.peek() and sc.peek() != "\n":
            chars.append(sc.advance())
        return "".join(chars)
    sc.advance()
    sc.advance()
    while sc.peek() and not (sc.peek() == "*" and sc.peek(1) == "/"):
        sc.advance()
    if sc.peek():
        sc.advance()
        sc.advance()
    else:
        problems.append((start, "unterminated /* comment"))
    return ""


def tokenize(text: str) -> Lexed:
    sc = _Scanner(text)
    tokens: list[Token] = []
    header: list[str] = []
    problems: list[tuple[Pos, str]] = []
    while sc.peek():
        ch = sc.peek()
        if ch.isspace():
            sc.advance()
        elif ch == "/" and sc.peek(1) in "/*":
            comment = _comment(sc, problems)
            if not tokens and comment.startswith("//"):
                header.append(comment[3:] if comment.startswith("// ") else comment[2:])
        elif ch == '"':
            pos = sc.pos()
            tokens.append(Token("string", _string(sc, problems), pos))
        elif ch in PUNCT:
            pos = sc.pos()
            tokens.append(Token(sc.advance(), ch, pos))
        else:
            pos = sc.pos()
            chars: list[str] = []
            while sc.peek() and not sc.peek().isspace() and sc.peek() not in PUNCT + '"':
                if sc.peek() == "/" and sc.peek(1) in "/*" and chars:
                    break
                chars.append(sc.advance())
            tokens.append(Token("word", "".join(chars), pos))
    tokens.append(Token("eof", "", sc.pos()))
    return Lexed(tokens, tuple(header), problems)
