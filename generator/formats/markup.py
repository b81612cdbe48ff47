r"""Text from a topology as Markdown (CommonMark / MyST) and as sanitised HTML: data, never markup.

Every place a format writes topology text into Markdown goes through one of these:

- :func:`md_text`: one line of literal text in an inline place (never at the start of a line). Every
  character that opens inline syntax (``\ ` * _ { } [ ] < > ! | ~ & $``) is backslash-escaped, so
  ``<script>``, an entity, a MyST role ``{raw}`...```, emphasis, links and table pipes stay characters.
- :func:`md_code`: one line as a code span whose fence is longer than any backtick run inside.
- :func:`one_line`: whitespace collapsed and control characters shown as ``\\xNN`` (option values,
  comments, diagnostics).
- :func:`description_html`: a topology's free-text description rendered as CommonMark with raw
  HTML, images and MyST syntax disabled, then cleaned by ``nh3`` (an allow-list HTML sanitiser).
"""

from __future__ import annotations

import re

from generator.core.diagnostics import printable

_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]<>!|~&$])")
_BACKTICKS = re.compile(r"`+")

ALLOWED_TAGS = frozenset({"p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "a", "br",
                          "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


visible_controls = printable
"""``text`` with every control character (except tab and newline) shown as ``\\xNN`` / ``\\uNNNN``."""


def one_line(value: object) -> str:
    """``value`` as one line: control characters visible, runs of whitespace (newlines too) one space."""
    return " ".join(visible_controls(str(value)).split())


def md_text(value: object) -> str:
    """One line of literal text for an inline place (heading text, table cell, after other text):
    every character that starts inline Markdown or MyST syntax backslash-escaped."""
    return _SIGNIFICANT.sub(r"\\\1", one_line(value))


def md_code(value: object) -> str:
    """One line as a Markdown code span that survives backticks in the value."""
    text = one_line(value)
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def description_html(text: str) -> str:
    """A description as sanitised HTML: CommonMark without raw HTML or images, then ``nh3``-cleaned."""
    import nh3
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
    rendered = md.render(visible_controls(text))
    cleaned: str = nh3.clean(rendered, tags=set(ALLOWED_TAGS), attributes={"a": {"href", "title"}},
                             url_schemes=set(ALLOWED_SCHEMES), link_rel="noopener noreferrer nofollow",
                             strip_comments=True)
    return cleaned


def fenced(directive: str, argument: str, body: str) -> str:
    """A MyST directive block whose backtick fence is longer than any backtick run in ``body``."""
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{{{directive}}} {argument}\n{body.rstrip()}\n{fence}"
