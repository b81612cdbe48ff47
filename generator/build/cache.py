"""Build cache: what the previous build made from which inputs, so that unchanged work is skipped.

``OUT/.cache.json`` (never listed in the manifest) records, per topology file (named relative to its
topology root, like the outputs, so the cache too is the same whichever folder a build runs from): the file's content
hash, the generator's version (a hash of every file of the package: renderers, templates, data;
plus the versions of ``dot`` and Typst), a hash of the render options, the topology id with its
position and diagnostics, and for every artifact the hash of its final bytes and of its engine input
(with the engine's version), which is also its name in the conversion cache.

A topology is reused only when all of those match and every output file on disk still has the
recorded hash; anything unreadable or inconsistent simply means "rebuild".
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.build.writer import engine_stamp
from generator.core.artifacts import Artifact, RenderOptions
from generator.core.diagnostics import Diagnostic, Severity

CACHE = ".cache.json"
CACHE_VERSION = 4
PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CachedArtifact:
    """One output file of a topology, relative to ``OUT/<topology>/``."""

    path: str
    kind: str
    format: str
    sha256: str
    source_hash: str
    """:func:`conversion_hash` of the artifact that made the file."""
    convert: str | None


@dataclass(frozen=True)
class CachedTopology:
    """Everything needed to reuse a topology's outputs without loading it."""

    sha256: str
    code: str
    options: str
    topology: str
    id_mark: tuple[int, int]
    diagnostics: tuple[Diagnostic, ...]
    artifacts: tuple[CachedArtifact, ...]

    def named(self, old: str, new: str) -> CachedTopology:
        """This entry with its diagnostics' file ``old`` named ``new``: the cache, written into the output
        folder, names a topology relative to its topology root; diagnostics name it for the reader."""
        renamed = tuple(dataclasses.replace(d, file=new) if d.file == old else d for d in self.diagnostics)
        return dataclasses.replace(self, diagnostics=renamed)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["diagnostics"] = [d.to_json() for d in self.diagnostics]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CachedTopology:
        diagnostics = tuple(Diagnostic(d["file"], d["line"], d["col"], Severity(d["severity"]), d["rule"],
                                       d["message"], d.get("hint", "")) for d in data["diagnostics"])
        artifacts = tuple(CachedArtifact(**a) for a in data["artifacts"])
        return cls(data["sha256"], data["code"], data["options"], data["topology"], tuple(data["id_mark"]),
                   diagnostics, artifacts)


@cache
def code_version() -> str:
    """Hash of the generator package's files (code, templates, data): any change re-renders everything."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def generator_version() -> str:
    """The code version and the external engines' versions: a change in either renders again."""
    return f"{code_version()}; {engine_stamp()}"


def options_hash(options: RenderOptions) -> str:
    return hashlib.sha256(json.dumps(asdict(options), sort_keys=True).encode()).hexdigest()


def conversion_hash(artifact: Artifact) -> str:
    """What decides a converted artifact's bytes: its engine input and the engines' versions."""
    if artifact.convert is None:
        return artifact.source_hash
    return hashlib.sha256(f"{engine_stamp()}\0{artifact.convert}\0".encode() + artifact.data).hexdigest()


def load_cache(out: Path) -> dict[str, CachedTopology]:
    """The previous build's entries by topology file name; empty when missing or unreadable."""
    try:
        data = json.loads((out / CACHE).read_text("utf-8"))
        if data.get("version") != CACHE_VERSION:
            return {}
        return {name: CachedTopology.from_json(entry) for name, entry in data["topologies"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def cache_bytes(entries: dict[str, CachedTopology]) -> bytes:
    data = {"version": CACHE_VERSION, "topologies": {k: entries[k].to_json() for k in sorted(entries)}}
    return (json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n").encode()  # compact: C encoder


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def outputs_intact(out: Path, entry: CachedTopology) -> bool:
    """True when every recorded output file is on disk with the recorded bytes."""
    return all(file_sha256(out / entry.topology / a.path) == a.sha256 for a in entry.artifacts)
