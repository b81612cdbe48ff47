"""A content-addressed cache of the writer's conversions (DOT -> SVG, Typst -> PDF).

A site rebuild with no change then starts no ``dot`` and no PDF engine at all: the cached bytes are
exactly what the writer produced for the same input bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.build.cache import conversion_hash
from generator.build.writer import materialize, write_if_changed
from generator.core.artifacts import Artifact


class ConversionCache:
    """Converted bytes under ``folder``, keyed by the hash of (engine, input bytes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def _key(self, artifact: Artifact) -> str:
        digest = conversion_hash(artifact)
        return f"{digest}.{artifact.convert}"

    def materialize(self, artifacts: Iterable[Artifact]) -> list[tuple[Artifact, bytes]]:
        """Like :func:`generator.build.writer.materialize`, converting only what the cache lacks."""
        items = list(artifacts)
        missing = [a for a in items if a.convert and not (self.folder / self._key(a)).is_file()]
        for artifact, data in materialize(missing):
            write_if_changed(self.folder / self._key(artifact), data)
        result = []
        for a in items:
            if a.convert:
                self.used.add(self._key(a))
                result.append((a, (self.folder / self._key(a)).read_bytes()))
            else:
                result.append((a, a.data))
        return result

    def prune(self) -> None:
        """Forget conversions this build did not use."""
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink()
