"""What the previous site generation made from which inputs, so that an edit regenerates one topology.

``docs/_generated/.site-cache.json`` (never in the manifest) holds the hash of all the inputs of the
last run without errors (a no-op run with the same hash loads no topology at all) and, per topology
file, the hash of what its pages depend on (:func:`topology_key`: the file's bytes and name, the
generator's code and engines, the rules registered in the process and the options), with everything
the other pages need from it: its id and the position of that id (the duplicate-id check), its row in
the cross-topology pages, the files it wrote (with their hashes) and the conversions they came from.
A topology is reused only when its key matches and every one of its files is on disk as written;
anything unreadable or inconsistent means "generate it again", like ``generator build``'s ``.cache.json``.
A page that depends on more than these (a change page made from the file's previous committed revision)
must add that input to its topology's key, or the page is kept when that input changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build.cache import file_sha256
from generator.build.writer import Written

SITE_CACHE = ".site-cache.json"
VERSION = 1


@dataclass(frozen=True)
class SiteEntry:
    """One topology file's part of the site, enough to reuse it without loading the file."""

    key: str
    topology: str
    mark: tuple[int, int]
    """Line and column of the ``topology`` id in the file."""
    row: dict[str, Any]
    """The topology's row in the cross-topology pages (:func:`reference_pages.topology_row`)."""
    files: tuple[Written, ...]
    conversions: tuple[str, ...]
    """Conversion-cache entries the files came from (kept when the cache is pruned)."""

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "topology": self.topology, "mark": list(self.mark), "row": self.row,
                "files": [w.__dict__ for w in self.files], "conversions": list(self.conversions)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SiteEntry:
        line, col = data["mark"]
        return cls(str(data["key"]), str(data["topology"]), (int(line), int(col)), dict(data["row"]),
                   tuple(Written(**w) for w in data["files"]), tuple(map(str, data["conversions"])))

    def intact(self, out: Path) -> bool:
        """True when every file of the entry is on disk with the recorded bytes."""
        return all(file_sha256(out / w.path) == w.sha256 for w in self.files)


def topology_key(common: str, display: str, data: bytes) -> str:
    """What one topology's pages depend on: ``common`` (code, engines, rules, options), its name, its bytes."""
    return hashlib.sha256(f"{common}\0{display}\0".encode() + hashlib.sha256(data).digest()).hexdigest()


def load(out: Path) -> tuple[str, dict[str, SiteEntry]]:
    """The previous run's inputs hash ("" after an error) and entries by file name; empty when unreadable."""
    try:
        data = json.loads((out / SITE_CACHE).read_text("utf-8"))
        if data.get("version") != VERSION:
            return "", {}
        entries = {str(name): SiteEntry.from_json(e) for name, e in data["topologies"].items()}
        return str(data["inputs"]), entries
    except (OSError, ValueError, KeyError, TypeError):
        return "", {}


def dump(inputs: str, entries: dict[str, SiteEntry]) -> bytes:
    data = {"version": VERSION, "inputs": inputs, "topologies": {k: entries[k].to_json() for k in sorted(entries)}}
    return (json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n").encode()
