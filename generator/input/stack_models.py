"""The three InfoScale stack models as data: where each component runs, and how the models compare.

Read from ``data/stack-models.yaml``, the one home of these facts: the site's comparison matrix and the
stack picture of each model (:mod:`generator.drawing.stack_picture`) are both drawn from it, and the
matrix rows about where a component runs take their marks from the same stacks the picture shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.input.schema import Component, Role

DATA = Path(__file__).resolve().parent / "data" / "stack-models.yaml"
PLACES = ("control", "io", "guest", "zone")
"""Where a component can run, left to right in the picture: the control domain, another I/O or
service domain, a guest domain, a Solaris zone in a guest."""
STACK_MARKS = ("yes", "optional", "via")
"""A component in a place: runs there, may run there, or is used there and runs around it (a zone uses
the guest's VxFS; the guest's VCS manages the zone)."""
MATRIX_MARKS = ("yes", "optional", "partial", "no")


def place_of(roles: list[Role]) -> str:
    """The place (``PLACES``) of a domain with these roles: a guest, the control domain, else an I/O or
    service domain (a root domain, an alternate I/O domain)."""
    if Role.CONTROL in roles:
        return "control"
    return "guest" if Role.GUEST in roles else "io"


@dataclass(frozen=True)
class Model:
    key: str
    title: str
    summary: str
    stack: dict[Component, dict[str, str]]
    """Component -> place -> mark (``STACK_MARKS``); a place not listed: the component does not run there."""

    def mark(self, component: Component, place: str) -> str:
        """The matrix mark of ``component`` in ``place``: ``yes``, ``optional`` or ``no``."""
        found = self.stack.get(component, {}).get(place, "no")
        return found if found in ("yes", "optional") else "no"


@dataclass(frozen=True)
class Cell:
    mark: str
    """One of ``MATRIX_MARKS``."""
    note: str = ""


@dataclass(frozen=True)
class Row:
    aspect: str
    cells: dict[str, Cell]
    """Model key -> cell."""
    basis: str


@dataclass(frozen=True)
class StackModels:
    places: dict[str, str]
    """Place -> its label."""
    models: dict[str, Model]
    rows: tuple[Row, ...]


def _word(value: Any) -> str:
    """A mark as written: YAML reads a bare ``yes`` / ``no`` as a boolean."""
    return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def _stack(raw: dict[str, dict[str, Any]]) -> dict[Component, dict[str, str]]:
    stack = {Component(name): {p: _word(m) for p, m in places.items()} for name, places in raw.items()}
    for places in stack.values():
        for place, mark in places.items():
            if place not in PLACES or mark not in STACK_MARKS:
                raise ValueError(f"stack-models.yaml: {place}: {mark} (places {PLACES}, marks {STACK_MARKS})")
    return stack


def _cell(value: Any, derived: str | None) -> Cell:
    """A matrix cell from ``yes`` / ``[mark, note]`` / a note alone (when the mark comes from a stack)."""
    if isinstance(value, list):
        if len(value) != 2:
            raise ValueError(f"stack-models.yaml: {value}: [mark, note] (quote a note that holds a comma)")
        mark, note = _word(value[0]), str(value[1])
    elif derived is not None:
        mark, note = derived, "" if value is None else str(value)
    else:
        mark, note = _word(value), ""
    if derived is not None and mark != derived:
        raise ValueError(f"stack-models.yaml: a row says {mark} where the stack says {derived}")
    if mark not in MATRIX_MARKS:
        raise ValueError(f"stack-models.yaml: matrix mark {mark!r} (one of {MATRIX_MARKS})")
    return Cell(mark, note)


def _row(raw: dict[str, Any], models: dict[str, Model]) -> Row:
    runs = raw.get("runs")
    cells = {}
    for key, model in models.items():
        derived = model.mark(Component(runs[0]), runs[1]) if runs else None
        cells[key] = _cell(raw.get(key), derived)
    return Row(str(raw["aspect"]), cells, str(raw["basis"]))


def load_stack_models(path: Path = DATA) -> StackModels:
    data = yaml.safe_load(path.read_text("utf-8"))
    models = {key: Model(key, m["title"], m["summary"], _stack(m["stack"])) for key, m in data["models"].items()}
    rows = tuple(_row(raw, models) for raw in data["rows"])
    return StackModels({p: data["places"][p] for p in PLACES}, models, rows)
