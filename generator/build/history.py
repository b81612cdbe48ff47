"""The previous committed revision of a topology file, from git, for the site's change runbook page.

"Previous" is the newest commit that touched the file and holds different bytes than the working file:
when the file has uncommitted edits, its last commit; when it has none, the commit before that (a revert
that brought back the working bytes is skipped). Only ``git`` is read here, never written (the build layer
is where I/O happens), each call with a timeout. No git, no repository, an untracked file, a file with a
single revision or a shallow clone (whose oldest commit would pose as the file's first revision, so the
page would depend on the clone's depth) all mean "no history": a one-line reason, never an error.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT = 10.0
"""Seconds one read-only git command may take before the file counts as having no history."""
SCAN = 20
"""Commits of the file's history looked at for bytes that differ from the working file."""
HASH_LENGTH = 12
"""Characters of a commit hash a page shows (fixed, so that a clone names it as the original does)."""
_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


@dataclass(frozen=True)
class Revision:
    """A committed revision of a file: commit (short hash), committer date, subject and the file's bytes."""

    commit: str
    date: str
    subject: str
    name: str
    """The file's path in the repository."""
    data: bytes

    @property
    def label(self) -> str:
        """How the revision names its file in diagnostics and runbook headers: ``COMMIT:PATH``."""
        return f"{self.commit}:{self.name}"


@dataclass(frozen=True)
class NoHistory:
    """Why a file has no previous revision to compare with (one line, for the topology's overview)."""

    reason: str


NOT_A_REPOSITORY = NoHistory("the topologies are not in a git repository (or git is not installed)")
SHALLOW = NoHistory("this is a shallow clone, whose history is cut short (`git fetch --unshallow` to see it)")
NO_EARLIER = NoHistory("no earlier committed revision of this file differs from it")


def _git(folder: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=GIT_TIMEOUT, check=False,
                              env={**os.environ, **_ENV}, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def repository_state(folder: Path) -> str:
    """What, with a file's bytes, decides its previous revision: HEAD and whether the clone is shallow
    (empty outside a repository). Part of the site's inputs key: a new commit changes the pages."""
    found = _git(folder, "rev-parse", "--is-shallow-repository", "HEAD")
    return found.decode("utf-8", errors="replace").strip() if found else ""


def _prefix(folder: Path) -> str | NoHistory:
    """The folder's path inside its repository, or why there is no history to read."""
    found = _git(folder, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if found is None:
        return NOT_A_REPOSITORY
    lines = found.decode("utf-8", errors="replace").splitlines()
    if not lines or lines[0] != "false":
        return SHALLOW
    return lines[1] if len(lines) > 1 else ""


def previous_revision(path: Path) -> Revision | NoHistory:
    """The revision a change to ``path`` starts from, or why there is none."""
    folder = path.resolve().parent
    prefix = _prefix(folder)
    if isinstance(prefix, NoHistory):
        return prefix
    name = prefix + path.name
    log = _git(folder, "log", f"-n{SCAN}", "--format=%H%x1f%cs%x1f%s", "--", path.name)
    if log is None:  # a repository without commits
        return NO_EARLIER
    current = path.read_bytes()
    for line in log.decode("utf-8", errors="replace").splitlines():
        commit, date, subject = (line.split("\x1f", 2) + ["", ""])[:3]
        data = _git(folder, "cat-file", "blob", f"{commit}:{name}")
        if data is None:  # not under this name then (renamed): older history is another file's
            break
        if data != current:
            return Revision(commit[:HASH_LENGTH], date, subject, name, data)
    return NO_EARLIER
