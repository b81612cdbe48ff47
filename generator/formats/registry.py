"""Renderer registry: one line per output kind.

Each renderer module has the same shape: a module docstring, private helpers that build a sorted
context, and ``render(derivation, context) -> Iterable[Artifact]`` (the
:class:`~generator.derive.derivation.Derivation` is made once per topology by the build). Renderers never
read files or start processes (the writer runs ``dot`` and the PDF engine).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation

Renderer = Callable[[Derivation, RenderContext], Iterable[Artifact]]

RENDERERS: dict[str, str] = {
    "vcs": "generator.formats.vcs_files",
    "migrations": "generator.formats.migrations",
    "runbooks": "generator.formats.runbooks",
    "diagrams": "generator.formats.diagrams",
    "review": "generator.formats.failure_review",
}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(RENDERERS[name])
    func: Renderer = module.render
    return func


def render_all(derivation: Derivation, context: RenderContext, only: Iterable[str] | None = None
               ) -> list[Artifact]:
    """Run the registered renderers (all, or ``only``) and return artifacts sorted by path."""
    names = list(only) if only is not None else list(RENDERERS)
    artifacts: list[Artifact] = []
    for name in names:
        artifacts.extend(renderer(name)(derivation, context))
    paths = [a.path for a in artifacts]
    duplicates = sorted({p for p in paths if paths.count(p) > 1})
    if duplicates:
        raise RuntimeError(f"renderers produced the same path twice: {duplicates}")
    return sorted(artifacts, key=lambda a: a.path)
