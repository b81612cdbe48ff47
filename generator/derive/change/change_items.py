"""Change items and their effects on the topology model.

A topology is compared as plain data: ``Topology.model_dump(mode="json", by_alias=True)``, keys spelled as in
YAML. An :class:`Effect` sets or deletes one value at a path of that data; :func:`apply_effects` applies a plan's
effects to the old data, and the planner's promise is that the result equals the new data.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.document.runbook_model import Step
from generator.input.schema import Topology

Path = tuple[str, ...]


class _Delete:
    """Marker value of an effect that removes the key at its path."""

    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()


def model_data(topology: Topology) -> dict[str, Any]:
    """The topology as plain data (sizes in bytes, defaults filled in, YAML key spelling)."""
    return topology.model_dump(mode="json", by_alias=True)


@dataclass(frozen=True)
class Effect:
    """Set ``path`` to ``value`` (:data:`DELETE` removes it) in the model data."""

    path: Path
    value: Any


@dataclass(frozen=True)
class Difference:
    """One value that differs between the revisions; ``old``/``new`` is :data:`DELETE` when absent."""

    path: Path
    old: Any
    new: Any

    @property
    def added(self) -> bool:
        return self.old is DELETE

    @property
    def removed(self) -> bool:
        return self.new is DELETE

    @property
    def effect(self) -> Effect:
        return Effect(self.path, self.new)


@dataclass(frozen=True)
class Item:
    """One typed change: what it is, the model values it changes and the objects it touches.

    ``objects`` are the model objects the change creates, changes or removes (``lun:NAME``, ``vol:DG/VOL``,
    ``vdisk:HOST/DOMAIN/NAME``...); ``uses`` are objects it needs to exist (or, for a removal, objects whose
    removal must wait for it). :mod:`.order` derives the step order from them.
    """

    kind: str
    """Stable kind name, e.g. ``memory``, ``vdisk-add``, ``volume-grow``."""
    id: str
    """Unique within a plan; used for step and section ids."""
    title: str
    effects: tuple[Effect, ...]
    objects: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    removal: bool = False
    steps: tuple[Step, ...] = ()
    backout: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict, compare=False)
    """Facts the step builders need (old and new values)."""


def _set(data: dict[str, Any], path: Path, value: Any) -> None:
    target = data
    for key in path[:-1]:
        target = target.setdefault(key, {})
    if value is DELETE:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = copy.deepcopy(value)


def apply_effects(data: dict[str, Any], effects: Iterable[Effect]) -> dict[str, Any]:
    """A copy of ``data`` with ``effects`` applied in order."""
    result = copy.deepcopy(data)
    for effect in effects:
        _set(result, effect.path, effect.value)
    return result
