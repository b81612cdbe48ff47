"""The Jinja environment of the site pages (Markdown for MyST), set up once.

Templates hold layout only: sorting, grouping and escaping happen in Python before they run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from generator.formats.markup import description_html, fenced, md_code, md_text, one_line

TEMPLATES = Path(__file__).parent / "templates"
GENERATOR = "infoscale-ldom-docgen"


def cell(value: object) -> str:
    """Markdown written by the generator, in a table cell: one line, pipes escaped (topology text: ``text``)."""
    text = " ".join(str(value).split())
    return text.replace("|", "\\|")


def names(values: str | Iterable[object]) -> str:
    """Names (hosts, domains, services) in a table cell: each a code span, which the site's CSS never
    breaks inside (``primary-`` / ``vds0``), separated by commas where the line may break; ``-`` for
    none. A string is one name."""
    items = [values] if isinstance(values, str) else list(values)
    return cell(", ".join(md_code(v) for v in items if str(v))) or "-"


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,
)
_ENV.filters["cell"] = cell
_ENV.filters["code"] = md_code
_ENV.filters["names"] = names
_ENV.filters["text"] = md_text
_ENV.filters["one_line"] = one_line


def description(value: str) -> str:
    """A topology's description as a raw HTML block of sanitised HTML (see :mod:`generator.formats.markup`)."""
    return fenced("raw", "html", f'<div class="docgen-description">\n{description_html(value)}</div>')


_ENV.filters["description"] = description


def render_page(template: str, source: str, **context: Any) -> bytes:
    """A page, headed by a MyST comment saying it is generated and from what."""
    text = _ENV.get_template(template).render(generator=GENERATOR, source=source, **context)
    return text.encode("utf-8")
