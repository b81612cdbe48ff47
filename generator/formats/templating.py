"""The Jinja environment of the runbook formats, set up once.

StrictUndefined (a missing value is a bug, not an empty string), trailing newlines kept, block tags
trimmed. Compiled templates are cached by Jinja in the system's temporary folder (a private
``_jinja2-cache-<uid>`` folder, keyed by the template's source), which saves a new process about a
fifth of a second. Sorting and numbering happen in :mod:`generator.document.view` before a template runs.
"""

from __future__ import annotations

import html
import re
from functools import cache

import jinja2
from markupsafe import Markup

from generator.formats.markup import md_text, one_line

CODE_SPAN = re.compile(r"`([^`]+)`")
"""A Markdown code span in runbook prose; every format sets its text in the monospace font."""


def inline_html(text: str) -> Markup:
    """Escape ``text`` for HTML and turn Markdown code spans (`name`) into ``<code>`` elements."""
    escaped = html.escape(text, quote=False)
    return Markup(CODE_SPAN.sub(r"<code>\1</code>", escaped))


def comment_text(value: object) -> str:
    """One line safe inside an HTML comment (``<!-- -->``): no ``--`` or ``>`` can end it early."""
    return one_line(value).replace("--", "- -").replace(">", "&gt;")


@cache
def environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.formats", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=autoescape,
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters["inline"] = inline_html
    env.filters["md_text"] = md_text
    env.filters["comment"] = comment_text
    return env


def render_template(name: str, autoescape: bool, **values: object) -> str:
    return environment(autoescape).get_template(name).render(**values)
