"""The previous committed revision of a topology file, from git, for the site's change runbook page.

"Previous" is what the change being prepared starts from: when the working file differs from its last
commit, that commit; when it does not, the commit before the last one that touched the file. Outside a
repository, for an untracked file or one with a single revision, there is none. Only ``git`` reads here
(the build layer is where I/O happens); a failing or missing ``git`` means "no history", never an error.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Revision:
    """A committed revision of a file: the short commit hash and the file's bytes then."""

    commit: str
    data: bytes


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def previous_revision(path: Path) -> Revision | None:
    """The revision a change to ``path`` starts from, or None when git has none."""
    folder = path.resolve().parent
    prefix = _git(folder, "rev-parse", "--show-prefix")
    if prefix is None:
        return None
    name = prefix.decode().strip() + path.name
    commits = (_git(folder, "log", "-n", "2", "--format=%h", "--", path.name) or b"").decode().split()
    if not commits:
        return None
    head = _git(folder, "show", f"{commits[0]}:{name}")
    current = path.read_bytes()
    if head is not None and head != current:
        return Revision(commits[0], head)
    if len(commits) < 2:
        return None
    older = _git(folder, "show", f"{commits[1]}:{name}")
    return Revision(commits[1], older) if older is not None else None
