"""Replace an output folder in one step: the old tree or the new tree, never a mix of the two.

The next tree is prepared beside the folder (``.NAME.next``): unchanged files are hard links to the
current ones (same inode, same modification time, no copying), changed files are written in full,
stale ones left out. Then the two folders are exchanged with Linux ``renameat2(RENAME_EXCHANGE)``,
a single atomic step; where that call is missing, two renames are used and an interrupted pair is
put right by the next build. A build killed at any moment leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def _siblings(out: Path) -> tuple[Path, Path]:
    return out.parent / f".{out.name}.next", out.parent / f".{out.name}.previous"


def recover(out: Path) -> None:
    """Finish what an interrupted fallback swap left: put the previous tree back, drop a half-made one."""
    nxt, previous = _siblings(out)
    if previous.is_dir() and not out.exists():
        previous.rename(out)
    for leftover in (nxt, previous):
        shutil.rmtree(leftover, ignore_errors=True)


def replace_tree(out: Path, writes: dict[str, bytes], removals: Iterable[str]) -> None:
    """Make ``out`` hold ``writes`` (relative path -> bytes) and lose ``removals``, all at once.

    A folder that cannot be renamed (a mount point, such as a container volume) has its files replaced
    one by one instead, each atomically (:func:`replace_in_place`). When anything fails (a full disk,
    a read-only folder), the half-made next tree is removed and ``out`` is left as it was.
    """
    recover(out)
    if os.path.ismount(out):
        replace_in_place(out, writes, removals)
        return
    nxt, previous = _siblings(out)
    try:
        _prepare(out, nxt, writes, removals)
    except BaseException:
        shutil.rmtree(nxt, ignore_errors=True)
        raise
    if _exchange(nxt, out):
        shutil.rmtree(nxt, ignore_errors=True)
        return
    out.rename(previous)
    nxt.rename(out)
    with contextlib.suppress(OSError):
        shutil.rmtree(previous)


def _prepare(out: Path, nxt: Path, writes: dict[str, bytes], removals: Iterable[str]) -> None:
    shutil.copytree(out, nxt, symlinks=True, copy_function=_link_or_copy)
    for rel in removals:
        (nxt / rel).unlink(missing_ok=True)
    for rel, data in writes.items():
        target = nxt / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never write through a hard link into the current tree
        target.write_bytes(data)


def replace_in_place(out: Path, writes: dict[str, bytes], removals: Iterable[str]) -> None:
    """Replace the files of a folder that cannot itself be replaced: every file atomically (a temporary
    file beside it, then a rename), the manifest last, stale files removed after. A failure removes the
    temporary file it was writing; files already replaced stay (the manifest still names the old set)."""
    ordered = sorted(writes, key=lambda rel: (rel == "manifest.json", rel))
    for rel in ordered:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.parent / f".{target.name}.tmp"
        try:
            tmp.write_bytes(writes[rel])
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    for rel in removals:
        (out / rel).unlink(missing_ok=True)
