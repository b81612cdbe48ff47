"""The content-addressed cache of engine conversions (DOT -> SVG, Typst -> PDF), used by every build.

``generator build`` keeps it in ``OUT/.convert-cache/``, the Sphinx site in
``docs/_generated/.convert-cache/``. A file's name is the hash of what decides its bytes (the engine
versions, the kind of conversion and the engine input: :func:`generator.build.cache.conversion_hash`),
as ``sphinx.ext.graphviz`` names its images, so a cached file is never stale: an unchanged graph or
runbook is never converted again, whatever else changed in its topology, and a new engine version
converts everything again. A cache may copy a missing entry from other caches (the site from the
build's, so ``make docs`` runs each engine once). Each entry is written atomically; a build killed
half-way leaves at most some unused entries, which the next build's :meth:`ConversionCache.prune` removes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.build.cache import conversion_hash
from generator.build.writer import materialize, write_if_changed
from generator.core.artifacts import Artifact

CONVERT_CACHE = ".convert-cache"
"""Folder name of the cache inside an output folder."""


def conversion_key(artifact: Artifact) -> str:
    """The cache file name of a converted artifact."""
    return f"{conversion_hash(artifact)}.{artifact.convert}"


class ConversionCache:
    """Converted bytes under ``folder``, one file per distinct engine input."""

    def __init__(self, folder: Path, others: Sequence[Path] = ()) -> None:
        self.folder = folder
        self.others = tuple(others)
        """Other caches (another output's) to copy a missing conversion from instead of running the engine:
        the site takes the PDFs and SVGs ``generator build`` made in ``make docs`` (same names, same bytes)."""
        self.used: set[str] = set()

    def _adopt(self, key: str) -> bool:
        """Copy ``key`` from another cache; False when none has it (or it vanished meanwhile)."""
        for other in self.others:
            try:
                data = (other / key).read_bytes()
            except OSError:
                continue
            write_if_changed(self.folder / key, data)
            return True
        return False

    def materialize(self, artifacts: Iterable[Artifact]) -> list[tuple[Artifact, bytes]]:
        """Like :func:`generator.build.writer.materialize`, converting only what the cache lacks."""
        items = list(artifacts)
        missing: dict[str, Artifact] = {}
        for a in items:
            key = conversion_key(a) if a.convert else ""
            if key and key not in missing and not (self.folder / key).is_file() and not self._adopt(key):
                missing[key] = a
        for artifact, data in materialize(missing.values()):
            write_if_changed(self.folder / conversion_key(artifact), data)
        result = []
        for a in items:
            if a.convert:
                key = conversion_key(a)
                self.used.add(key)
                result.append((a, (self.folder / key).read_bytes()))
            else:
                result.append((a, a.data))
        return result

    def keep(self, keys: Iterable[str]) -> None:
        """Mark entries as used by this build (outputs reused without being converted)."""
        self.used.update(keys)

    def prune(self) -> None:
        """Forget conversions this build did not use."""
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used:
                    path.unlink(missing_ok=True)
