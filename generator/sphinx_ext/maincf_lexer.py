"""A Pygments lexer for VCS ``main.cf`` (and ``types.cf``): keywords, type and object names, strings.

Every character matches some rule, so highlighting never reports a lexing error (Sphinx would turn
that into a warning, and the site builds with warnings as errors).
"""

from __future__ import annotations

from typing import ClassVar

from pygments import token  # type: ignore[import-untyped]
from pygments.lexer import RegexLexer, bygroups  # type: ignore[import-untyped]

KEYWORDS = ("include", "cluster", "system", "group", "requires", "type", "static", "str", "int", "boolean",
            "keylist", "association", "temp", "global", "local", "online", "offline", "firm", "soft", "hard",
            "remote")


class MainCfLexer(RegexLexer):  # type: ignore[misc]
    """VCS configuration language (``main.cf``)."""

    name = "VCS main.cf"
    aliases: ClassVar[list[str]] = ["maincf"]
    filenames: ClassVar[list[str]] = ["main.cf", "types.cf"]

    tokens: ClassVar[dict[str, list[tuple[str, object] | tuple[str, object, str]]]] = {
        "root": [
            (r"\s+", token.Whitespace),
            (r"//[^\n]*", token.Comment.Single),
            (r"/\*[\s\S]*?\*/", token.Comment.Multiline),
            (r'"(\\\\|\\"|[^"])*"', token.String.Double),
            (r"\b(" + "|".join(KEYWORDS) + r")\b", token.Keyword),
            (r"\b([A-Z][A-Za-z0-9_]*)(\s+)([A-Za-z0-9_.-]+)(\s*\()",
             bygroups(token.Name.Class, token.Whitespace, token.Name.Variable, token.Punctuation)),
            (r"\b[A-Z][A-Za-z0-9_]*(?=\s*=)", token.Name.Attribute),
            (r"-?\b[0-9]+\b", token.Number),
            (r"[=@]", token.Operator),
            (r"[{}()\[\],;]", token.Punctuation),
            (r"[A-Za-z_][A-Za-z0-9_.:/-]*", token.Name),
            (r".", token.Text),
        ],
    }
