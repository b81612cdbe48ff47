"""Artifacts: what renderers produce and the writer writes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Artifact:
    """One output file, relative to ``OUT/<topology>/``.

    ``convert`` asks the writer to run an external engine on ``data`` first: ``"svg"`` (data is
    Graphviz DOT, written as SVG by ``dot``) or ``"pdf"`` (data is a Typst document, compiled to
    PDF by Typst). Renderers never start processes themselves.
    """

    path: str
    kind: str
    format: str
    data: bytes
    convert: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def source_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class RenderOptions:
    """What a user may choose about a build's outputs (``--change/--window/--owner``, ``--no-pdf``)."""

    change: str = ""
    window: str = ""
    owner: str = ""
    pdf: bool = True
    """False for a draft build: no runbook PDFs (and no file names them)."""


DEFAULT_OPTIONS = RenderOptions()
"""A full build with no change details."""


@dataclass(frozen=True)
class RenderContext:
    """What every renderer may know besides the topology itself."""

    source_name: str
    """Topology file name as shown in "generated from" headers: relative to its topology root (the folder
    argument it was found under, or its own folder for a file given by itself), never to the working
    directory and never absolute, so a build from any folder writes the same bytes."""
    source_sha256: str
    """Content hash of the topology file; printed in runbook footers."""
    change: str = ""
    window: str = ""
    owner: str = ""
    pdf: bool = True
    """Whether PDFs are built: a draft build (``--no-pdf``) leaves them out, and outputs that list
    other files (``plan.json``) must not name them."""

    @property
    def short_hash(self) -> str:
        return self.source_sha256[:12]
