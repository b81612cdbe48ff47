"""Whether the doc site's HTML is what ``sphinx-build`` would leave from the same inputs: ``make docs``
then skips ``sphinx-build`` altogether (a no-op costs hashing, not starting Sphinx).

After a successful build, ``write`` stores in the output folder (:data:`STAMP`) the hash of every input
of that run and of every output file; ``check`` exits 0 only when both are unchanged. Why skipping is
then safe: ``sphinx-build`` reads ``conf.py``, the sources under ``docs/`` (``include_patterns``; the
generated pages included) and, through the extension, the topology files and the generator package
(code, templates, data), runs the installed packages (Sphinx, the theme, the parser, ...) with the given
options, and starts from its previous output and environment (``.doctrees`` inside the output). With all of
these byte-identical to the state a build left, a new run finds nothing outdated and writes the same
bytes (``tests/test_site_stamp.py`` runs it again to show that), so the tree is already what it would make.
Anything unreadable, missing or different means "build".

    python -m generator.build.site_stamp check CONFDIR HTML [SPHINX OPTIONS...]
    python -m generator.build.site_stamp write CONFDIR HTML [SPHINX OPTIONS...]
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from generator.build.writer import write_if_changed

STAMP = ".docgen-site-stamp"
SOURCES = ("conf.py", "docs", "topologies")
"""What ``sphinx-build`` reads under the configuration folder (besides the generator package)."""
SKIP = frozenset({".convert-cache", "__pycache__"})
"""Folders whose files are derived and content-addressed (the conversion cache): not inputs."""


def _counts(root: Path, path: Path) -> bool:
    """Not a skipped folder's file, nor a lock (``generator.build.lock``: it names its last holder)."""
    return path.is_file() and not SKIP.intersection(path.relative_to(root).parts) and \
        not (path.name.startswith(".") and path.name.endswith(".lock"))


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if _counts(root, p))


def _tree_hash(base: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def inputs_hash(confdir: Path, options: Sequence[str]) -> str:
    """Hash of what the build reads and runs with."""
    from generator.build.cache import generator_version

    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    tree = _tree_hash(confdir, [f for name in SOURCES for f in _files(confdir / name)])
    return hashlib.sha256("\0".join([sys.version, generator_version(), *packages, tree, "--", *options]).encode()
                          ).hexdigest()


def outputs_hash(html: Path) -> str:
    return _tree_hash(html, [f for f in _files(html) if f.name != STAMP])


def stamp(confdir: Path, html: Path, options: Sequence[str]) -> str:
    return f"{inputs_hash(confdir, options)}\n{outputs_hash(html)}\n"


def up_to_date(confdir: Path, html: Path, options: Sequence[str]) -> bool:
    """True when the stamp holds this run's inputs and the output as it is (outputs hashed only when the
    inputs match: after an edit, the check costs the inputs' hash alone)."""
    try:
        recorded = (html / STAMP).read_text("utf-8").split("\n")
        return recorded[0] == inputs_hash(confdir, options) and recorded[1:] == [outputs_hash(html), ""]
    except (OSError, UnicodeDecodeError):
        return False


def main(argv: Sequence[str]) -> int:
    if len(argv) < 3 or argv[0] not in ("check", "write"):
        print(__doc__.rsplit("\n\n", 1)[-1], file=sys.stderr)
        return 2
    confdir, html, options = Path(argv[1]), Path(argv[2]), argv[3:]
    if argv[0] == "check":
        return 0 if up_to_date(confdir, html, options) else 1
    write_if_changed(html / STAMP, stamp(confdir, html, options).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
