"""Typst source of a runbook's PDF: the document view as data, laid out by ``templates/runbook.typ``.

The runbook's text never becomes Typst markup: every value travels as a JSON string embedded in one
Typst string literal, and the template places strings as plain text (``raw`` for commands). A
command such as ``echo $HOME # note`` or a title with ``*`` or ``@`` therefore prints exactly as
written, and nothing in a topology can inject layout instructions.

Inline code spans (`` `name` ``) in prose become ``[text, is_code]`` segments, so the PDF sets them in
the monospace font like the print HTML does.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from generator.core.artifacts import RenderContext
from generator.document.basis import split_basis
from generator.document.runbook_model import Figure, Runbook
from generator.document.view import DocView, PhaseView, StepView, document_view
from generator.formats.templating import CODE_SPAN

SANS = ("DejaVu Sans",)
MONO = ("DejaVu Sans Mono",)
JAPANESE = "IPAexGothic"
"""Fallback for Japanese text (Debian ``fonts-ipaexfont-gothic``); DejaVu has no kana or kanji."""

_CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

UNBREAKABLE_LINES = 28
"""A step card with at most this many command lines is kept on one page; a longer one may break."""


def segments(text: str) -> list[tuple[str, bool]]:
    """``"Run `ldm ls` now"`` -> ``[("Run ", False), ("ldm ls", True), (" now", False)]``."""
    parts = CODE_SPAN.split(text)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


CODE_COLUMNS = 86
"""Characters of DejaVu Sans Mono at the listing size that fit a step card's width (A4, 16 mm margins)."""
CONTINUES = " \u21a9"
"""Ends a command line that goes on below (a hooked arrow, left): type the two as one line."""
CONTINUATION = "  \u21aa "
"""Starts the rest of a wrapped command line (a hooked arrow, right), indented under it."""


def wrap_command(line: str, width: int = CODE_COLUMNS) -> list[str]:
    """A command line cut at spaces to fit ``width``: every piece but the last ends with :data:`CONTINUES`,
    every piece but the first starts with :data:`CONTINUATION`. A token is never split: a token longer
    than the line stays whole (the listing then shrinks to fit, see :func:`listing`)."""
    pieces: list[str] = []
    rest = line
    prefix = ""
    while len(prefix) + len(rest) > width:
        room = width - len(prefix) - len(CONTINUES)
        cut = rest.rfind(" ", 0, room + 1)
        if cut <= 0:
            cut = rest.find(" ", room + 1)
            if cut <= 0:
                break
        pieces.append(prefix + rest[:cut].rstrip() + CONTINUES)
        rest, prefix = rest[cut:].lstrip(), CONTINUATION
    pieces.append(prefix + rest)
    return pieces


def listing(commands: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """Command lines as printed: wrapped with marks, and a scale below 1 when a token is wider than a line."""
    lines = [piece for command in commands for physical in command.split("\n") for piece in wrap_command(physical)]
    widest = max((len(line) for line in lines), default=0)
    return {"lines": lines, "scale": round(min(1.0, CODE_COLUMNS / widest), 3) if widest else 1.0}


def _step(view: StepView) -> dict[str, Any]:
    step = view.step
    lines = len(step.commands) + len(step.verify) + len(step.backout)
    expected, basis = split_basis(step.expected)
    notes = []
    for note in step.notes:
        clean, found = split_basis(note)
        notes.append(segments(clean))
        basis += [b for b in found if b not in basis]
    return {"number": view.number, "anchor": view.anchor, "title": segments(step.title),
            "prompt": view.prompt, "duration": view.duration, "gate": step.gate,
            "irreversible": step.irreversible, "commands": listing(step.commands),
            "expected": segments(expected), "verify": listing(step.verify), "backout": listing(step.backout),
            "notes": notes, "basis": segments("; ".join(basis)), "breakable": lines > UNBREAKABLE_LINES}


def _phase(view: PhaseView) -> dict[str, Any]:
    count = len(view.steps)
    meta = f"{count} step{'s' if count != 1 else ''} · about {view.duration}"
    if view.gates:
        meta += f" · {view.gates} go/no-go point(s)"
    return {"number": view.number, "anchor": view.anchor, "title": segments(view.section.title),
            "toc": f"({count} step{'s' if count != 1 else ''}, {view.duration})", "meta": meta,
            "intro": segments(split_basis(view.section.intro)[0]), "steps": [_step(s) for s in view.steps],
            "backout": [segments(split_basis(line)[0]) for line in view.section.backout]}


def _figures(figures: Sequence[Figure], placement: str) -> list[dict[str, str]]:
    return [{"caption": f.heading, "svg": f.svg} for f in figures if f.placement == placement]


def document_data(doc: DocView, footer: str, figures: Sequence[Figure] = ()) -> dict[str, Any]:
    """Everything the Typst template shows, as JSON-ready data."""
    rb = doc.runbook
    cover, details = [list(row) for row in doc.cover], [list(row) for row in doc.details]
    return {"title": rb.title, "kind": rb.kind, "summary": segments(rb.summary), "footer": footer,
            "change": dict(cover).get("Change ID", ""), "cover": cover, "details": details,
            "tests": rb.kind == "failover-test",
            "figures": _figures(figures, "front"), "appendices": _figures(figures, "appendix"),
            "approvers": [list(row) for row in doc.approvers],
            "generated": doc.generated, "steps": doc.steps, "duration": doc.duration,
            "prerequisites": [segments(p) for p in rb.prerequisites],
            "phases": [_phase(p) for p in doc.phases], "references": [segments(r) for r in rb.references]}


@cache
def _template() -> str:
    return files("generator.formats").joinpath("templates/runbook.typ").read_text("utf-8")


def typst_literal(text: str) -> str:
    """``text`` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fonts(text: str) -> dict[str, list[str]]:
    """Font families for a document whose text is ``text``: the Japanese fallback only when needed,
    so that a machine without it can still print every runbook written in English."""
    extra = [JAPANESE] if _CJK.search(text) else []
    return {"sans": [*SANS, *extra], "mono": [*MONO, *extra]}


def typst_source(runbook: Runbook, context: RenderContext, footer: str,
                 figures: Sequence[Figure] = ()) -> bytes:
    """A self-contained Typst document (data first, then the template) for the PDF engine; ``figures``
    are printed on landscape pages, after the contents or (appendices) after the sign-off.

    Its footer names the runbook's revision (:func:`generator.document.view.runbook_revision`), not the
    topology file's hash (the print HTML shows both): a PDF is typeset again only when what it prints
    changes, not on every edit of its topology.
    """
    printed = dataclasses.replace(context, source_sha256="")
    content = document_data(document_view(runbook, printed), footer, figures)
    content["fonts"] = fonts(json.dumps(content, ensure_ascii=False))
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (f"// Generated by infoscale-docgen: a runbook's print layout for the PDF engine.\n"
            f"#let doc = json(bytes({typst_literal(data)}))\n{_template()}").encode()
