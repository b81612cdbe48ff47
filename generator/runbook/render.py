"""Renderer placeholder: produces nothing until this output kind is implemented."""

from __future__ import annotations

from collections.abc import Iterable

from generator.artifacts import Artifact, RenderContext
from generator.model import Estate


def render(estate: Estate, context: RenderContext) -> Iterable[Artifact]:
    return []
