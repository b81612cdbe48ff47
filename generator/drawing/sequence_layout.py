"""Layout of a sequence diagram: lane positions sized to their labels, one row per item.

Every label gets its own row, so labels cannot overlap vertically; lanes are placed left to right,
each as far right as the widest label between it and any lane to its left needs, so a message label
always fits between its two lifelines. Text widths come from :mod:`generator.drawing.fontmetrics`.
The result is a list of positioned primitives that the SVG writer prints and the tests measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.derive.migration.sequence import Message, Note, Sequence
from generator.drawing.fontmetrics import text_width

FONT = 12.0
TITLE_FONT = 15.0
PAD = 12.0
MARGIN = 16.0
ROW = 30.0
HEADER_LINE = 16.0
LANE_GAP = 24.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    """Baseline."""
    text: str
    size: float = FONT
    bold: bool = False
    anchor: str = "middle"
    role: str = "label"

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.bold)

    def box(self) -> tuple[float, float, float, float]:
        """Estimated ink box (x0, y0, x1, y1): ascender 0.95 em above, descender 0.25 em below."""
        left = {"start": self.x, "middle": self.x - self.width / 2, "end": self.x - self.width}[self.anchor]
        return (left, self.y - 0.95 * self.size, left + self.width, self.y + 0.25 * self.size)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    role: str
    """``message``, ``reply`` or ``lifeline``."""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    role: str
    """``band``, ``header``, ``note``, ``label-bg`` or ``band-label-bg`` (behind a label)."""


@dataclass
class Layout:
    width: float = 0.0
    height: float = 0.0
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)


def lane_positions(seq: Sequence) -> dict[str, float]:
    """x of each lifeline: wide enough for headers and for every message label between two lanes."""
    order = [p.id for p in seq.participants]
    half = {p.id: _header_width(p.role, p.place) / 2 for p in seq.participants}
    need: dict[tuple[int, int], float] = {}
    for band in seq.bands:
        for item in band.items:
            if isinstance(item, Message):
                i, j = sorted((order.index(item.src), order.index(item.dst)))
                need[(i, j)] = max(need.get((i, j), 0.0), text_width(item.label, FONT) + 2 * PAD)
    xs: list[float] = []
    for j, pid in enumerate(order):
        if j == 0:
            xs.append(MARGIN + max(half[pid], _widest_note(seq, pid) / 2))
            continue
        x = xs[j - 1] + half[order[j - 1]] + LANE_GAP + half[pid]
        for i in range(j):
            x = max(x, xs[i] + need.get((i, j), 0.0))
        xs.append(x)
    return dict(zip(order, xs, strict=True))


def _header_width(role: str, place: str) -> float:
    return max(text_width(role, FONT, bold=True), text_width(place, FONT)) + 2 * PAD


def _widest_note(seq: Sequence, pid: str) -> float:
    return max(
        [
            text_width(i.text, FONT) + 2 * PAD
            for b in seq.bands
            for i in b.items
            if isinstance(i, Note) and i.over == pid
        ],
        default=0.0,
    )


def layout(seq: Sequence) -> Layout:
    xs = lane_positions(seq)
    out = Layout()
    out.texts.append(Text(MARGIN, MARGIN + TITLE_FONT, seq.title, TITLE_FONT, True, "start", "title"))
    top = MARGIN + TITLE_FONT + 14
    header_h = 2 * HEADER_LINE + 10
    for p in seq.participants:
        w = _header_width(p.role, p.place)
        out.rects.append(Rect(xs[p.id] - w / 2, top, w, header_h, "header"))
        out.texts.append(Text(xs[p.id], top + 5 + FONT, p.role, FONT, True, role="header"))
        out.texts.append(Text(xs[p.id], top + 5 + FONT + HEADER_LINE, p.place, FONT, role="header"))
    y = top + header_h + 10
    right = max(xs[p.id] + _header_width(p.role, p.place) / 2 for p in seq.participants)
    for band in seq.bands:
        y = _band(out, band.label, band.items, xs, y)
    right = max([right] + [t.box()[2] for t in out.texts] + [r.x + r.w for r in out.rects])
    out.width = round(right + MARGIN)
    for p in seq.participants:
        out.lines.insert(0, Line(xs[p.id], top + header_h, xs[p.id], y + 6, "lifeline"))
    out.rects[:] = [_stretch(r, out.width) for r in out.rects]
    out.height = round(y + 6 + MARGIN)
    return out


def _band(
    out: Layout, label: str, items: tuple[Message | Note, ...], xs: dict[str, float], y: float
) -> float:
    start = y
    title = Text(MARGIN / 2 + 6, y + ROW - 10, label, FONT, True, "start", "band")
    out.rects.append(_background(title, "band-label-bg"))
    out.texts.append(title)
    y += ROW
    for item in items:
        y += ROW
        if isinstance(item, Message):
            x1, x2 = xs[item.src], xs[item.dst]
            out.lines.append(Line(x1, y - 8, x2, y - 8, "reply" if item.reply else "message"))
            text = Text((x1 + x2) / 2, y - 13, item.label)
            out.rects.append(_background(text))
            out.texts.append(text)
        else:
            text = Text(xs[item.over], y - 10, item.text, role="note")
            x0, y0, x1b, y1 = text.box()
            out.rects.append(Rect(x0 - PAD / 2, y0 - 4, x1b - x0 + PAD, y1 - y0 + 8, "note"))
            out.texts.append(text)
    y += 10
    out.rects.append(Rect(MARGIN / 2, start, -1.0, y - start, "band"))
    return y + 6


def _background(text: Text, role: str = "label-bg") -> Rect:
    x0, y0, x1, y1 = text.box()
    return Rect(x0 - 3, y0 - 1, x1 - x0 + 6, y1 - y0 + 2, role)


def _stretch(r: Rect, width: float) -> Rect:
    """Bands are drawn across the whole diagram once its width is known."""
    return Rect(r.x, r.y, width - MARGIN, r.h, r.role) if r.w < 0 else r
