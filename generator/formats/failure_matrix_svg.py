"""The failure x service matrix of one cluster as an SVG table, for the printed fail-over test runbook.

The same outcomes, colours and short words as the site's failure review (:mod:`generator.formats.failure_review`),
so the paper appendix and the review page cannot disagree. Rows are the single failures that change
something for a service of the cluster (the count of the others is stated); every cell is coloured by its
outcome and spelled out, so the table reads in grey scale too. Names from the topology are XML text nodes
(ElementTree escapes them); nothing in them becomes markup.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from generator.derive.whatif.outcomes import UNAFFECTED, VERDICT_TEXT, VERDICTS
from generator.derive.whatif.review import Review
from generator.formats.failure_review import COLOURS, SHORT

CHAR = 6.2
"""Approximate advance of DejaVu Sans at 10 px, for column widths."""
ROW = 18
FONT = "DejaVu Sans"


def _text(parent: ET.Element, x: float, y: float, body: str, **attrs: str) -> None:
    ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "font-family": FONT, "font-size": "10",
                                   **attrs}).text = body


def _cell(parent: ET.Element, x: float, y: float, w: float, fill: str) -> None:
    ET.SubElement(parent, "rect", {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{w:.1f}", "height": str(ROW),
                                   "fill": fill, "stroke": "#777777", "stroke-width": "0.5"})


def failure_matrix_svg(r: Review, cluster: str) -> tuple[str, int] | None:
    """SVG text of the matrix for ``cluster`` and the number of failures left out (they change nothing
    there); None when the cluster has no service."""
    services = [s for s in r.services if s.cluster == cluster]
    if not services:
        return None
    rows = [sc for sc in r.singles if any(sc.verdict(s.id).verdict != UNAFFECTED for s in services)]
    cells = [[sc.verdict(s.id) for s in services] for sc in rows]
    words = [[SHORT[o.verdict] + (f" {o.target}" if o.target else "") for o in line] for line in cells]
    label_w = CHAR * max([len("Failure"), *(len(sc.failure.label) for sc in rows)]) + 12
    col_w = [CHAR * max([len(s.name), *(len(line[i]) for line in words)]) + 12 for i, s in enumerate(services)]
    legend_y = ROW * (len(rows) + 2)
    width, height = label_w + sum(col_w), legend_y + ROW * (len(VERDICTS) + 1)
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "width": f"{width:.0f}",
                             "height": f"{height:.0f}", "viewBox": f"0 0 {width:.0f} {height:.0f}"})
    _text(svg, 4, ROW - 5, "Failure", **{"font-weight": "bold"})
    x = label_w
    for s, w in zip(services, col_w, strict=True):
        _text(svg, x + 4, ROW - 5, s.name, **{"font-weight": "bold"})
        x += w
    for i, (sc, line) in enumerate(zip(rows, words, strict=True), start=1):
        y = ROW * i
        _text(svg, 4, y + ROW - 5, sc.failure.label)
        x = label_w
        for o, word, w in zip(cells[i - 1], line, col_w, strict=True):
            _cell(svg, x, y, w, COLOURS[o.verdict])
            _text(svg, x + 4, y + ROW - 5, word)
            x += w
    for j, verdict in enumerate(VERDICTS):
        y = legend_y + ROW * j
        _cell(svg, 4, y, 60, COLOURS[verdict])
        _text(svg, 8, y + ROW - 5, SHORT[verdict])
        _text(svg, 72, y + ROW - 5, VERDICT_TEXT[verdict])
    return ET.tostring(svg, encoding="unicode") + "\n", len(r.singles) - len(rows)
