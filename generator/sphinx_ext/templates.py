"""The Jinja environment of the site pages (Markdown for MyST), set up once.

Templates hold layout only: sorting, grouping and escaping happen in Python before they run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"
GENERATOR = "infoscale-ldom-docgen"


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    text = " ".join(str(value).split())
    return text.replace("|", "\\|")


def code(value: object) -> str:
    """Inline code that survives backticks in the value."""
    text = str(value)
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,
)
_ENV.filters["cell"] = cell
_ENV.filters["code"] = code


def render_page(template: str, source: str, **context: Any) -> bytes:
    """A page, headed by a MyST comment saying it is generated and from what."""
    text = _ENV.get_template(template).render(generator=GENERATOR, source=source, **context)
    return text.encode("utf-8")
