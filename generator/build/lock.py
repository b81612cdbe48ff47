"""One build at a time per output folder: an exclusive lock beside the folder that names its holder.

Two builds writing one folder at once would mix their trees (a manifest listing files the other
build removed). Every writer of an output folder (``build --out``, the Sphinx extension's
``docs/_generated``) first takes ``.NAME.lock`` in the folder's parent with :mod:`filelock` (an
``flock``, released by the kernel when the holder dies, so a killed build never leaves it taken).
The lock file holds the holder's pid and command line, which a second build names when it gives up.
The lock lives beside the folder, not in it, because the folder itself is exchanged for a new tree.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core.faults import EnvironmentFault


class OutputLocked(EnvironmentFault):
    """Another process holds the output folder's lock."""


def lock_path(out: Path) -> Path:
    folder = Path(os.path.abspath(out))
    return folder.parent / f".{folder.name or 'root'}.lock"


def _command() -> str:
    """This process's command line, ``python -m PACKAGE`` for a module run as a script."""
    argv = list(sys.argv) or ["python"]
    program = f"python -m {Path(argv[0]).parent.name}" if argv[0].endswith("__main__.py") else argv[0]
    return " ".join([program, *(shlex.quote(a) for a in argv[1:])])


def _holder(path: Path, patience: float = 2.0) -> str:
    """Who holds the lock, from its file; a holder that has just taken it may not have written it yet."""
    deadline = time.monotonic() + patience
    while True:
        try:
            text = " ".join(path.read_text("utf-8", "replace").split())[:300]
        except OSError:
            text = ""
        if text or time.monotonic() > deadline:
            return text or "unknown process"
        time.sleep(0.05)


@contextmanager
def output_lock(out: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold ``out``'s lock for the ``with`` block; :class:`OutputLocked` naming the holder if taken."""
    from filelock import FileLock, Timeout

    path = lock_path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(path), timeout=wait)
        lock.acquire()
    except Timeout:
        raise OutputLocked(str(out), f"another build is writing this folder ({_holder(path)})",
                           "wait for it to finish, or build into another --out") from None
    except OSError as exc:
        raise EnvironmentFault(str(path.parent), f"cannot create the lock file {path.name}: {exc.strerror}",
                               "make the folder that holds --out writable, or choose another --out") from None
    try:
        with open(path, "w", encoding="utf-8") as handle:  # same inode: waiters keep sharing the lock
            handle.write(f"pid {os.getpid()}: {_command()}\n")
        yield
    finally:
        lock.release()
