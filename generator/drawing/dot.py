"""DOT text building blocks: quoting, HTML-like labels, and a line writer that keeps a stable order.

Nothing here knows about topologies; :mod:`generator.drawing.topology` decides what to draw. Callers
pass already sorted items, so the same estate always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

Endpoint = tuple[str, str | None]
"""A node ID and an optional port of its HTML-like label."""


class Html(str):
    """An HTML-like Graphviz label: written as ``<...>`` instead of a quoted string."""


def quote(text: str) -> str:
    """A DOT double-quoted string (IDs and plain attribute values)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def escape(text: str) -> str:
    """Text for inside an HTML-like label."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("[", "&#91;").replace("]", "&#93;"))


def attr_list(attrs: Mapping[str, str]) -> str:
    """``[key="value", ...]`` with keys sorted; HTML labels are written unquoted."""
    parts = []
    for key in sorted(attrs):
        value = attrs[key]
        parts.append(f"{key}=<{value}>" if isinstance(value, Html) else f"{key}={quote(value)}")
    return "[" + ", ".join(parts) + "]"


def endpoint(point: Endpoint) -> str:
    node, port = point
    return quote(node) + (f":{quote(port)}" if port else "")


class DotWriter:
    """Collects the lines of one ``digraph`` with indentation."""

    def __init__(self, name: str, comment_lines: list[str]) -> None:
        self._lines = [f"// {line}" for line in comment_lines]
        self._lines.append(f"digraph {quote(name)} {{")
        self._depth = 1

    def line(self, text: str) -> None:
        self._lines.append("  " * self._depth + text)

    def defaults(self, kind: str, attrs: Mapping[str, str]) -> None:
        """``graph``/``node``/``edge`` default attributes."""
        self.line(f"{kind} {attr_list(attrs)};")

    def open_cluster(self, name: str, attrs: Mapping[str, str]) -> None:
        self.line(f"subgraph {quote('cluster_' + name)} {{")
        self._depth += 1
        for key in sorted(attrs):
            value = attrs[key]
            rendered = f"<{value}>" if isinstance(value, Html) else quote(value)
            self.line(f"{key}={rendered};")

    def close(self) -> None:
        self._depth -= 1
        self.line("}")

    def node(self, node_id: str, attrs: Mapping[str, str]) -> None:
        self.line(f"{quote(node_id)} {attr_list(attrs)};")

    def edge(self, tail: Endpoint, head: Endpoint, attrs: Mapping[str, str]) -> None:
        self.line(f"{endpoint(tail)} -> {endpoint(head)} {attr_list(attrs)};")

    def text(self) -> str:
        return "\n".join([*self._lines, "}"]) + "\n"


def table(rows: list[str], border: str = "1", bgcolor: str = "white") -> Html:
    """An HTML-like table label from ready-made ``<TR>`` rows."""
    head = (f'<TABLE BORDER="{border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'BGCOLOR="{bgcolor}" COLOR="#4d4d4d">')
    return Html(head + "".join(rows) + "</TABLE>")


def row(text: str, *, port: str | None = None, bgcolor: str | None = None, bold: bool = False,
        size: int | None = None, align: str = "CENTER", border: int = 0) -> str:
    """One ``<TR><TD>`` of an HTML-like table; ``text`` is escaped here."""
    content = escape(text)
    if bold:
        content = f"<B>{content}</B>"
    if size is not None:
        content = f'<FONT POINT-SIZE="{size}">{content}</FONT>'
    cell = [f'ALIGN="{align}"']
    if port:
        cell.append(f'PORT="{port}"')
    if bgcolor:
        cell.append(f'BGCOLOR="{bgcolor}"')
    if border:
        cell.append(f'BORDER="{border}"')
    return f"<TR><TD {' '.join(cell)}>{content}</TD></TR>"
