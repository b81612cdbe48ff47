"""Faults of the environment a command runs in (not of its input): one line each, exit 1.

A read-only or full output folder, a missing engine or font, an output folder another build holds:
each is an :class:`EnvironmentFault` that says what happened, where, and how to fix it. The CLI
prints it as one line without a traceback; the Sphinx extension turns it into a Sphinx error.
"""

from __future__ import annotations

import os


class EnvironmentFault(Exception):
    """Something outside the topology stops the command: ``where: what (fix)``."""

    def __init__(self, where: str, what: str = "", fix: str = "") -> None:
        self.where, self.what, self.fix = where, what, fix
        text = f"{where}: {what}" if what else where
        super().__init__(f"{text} ({fix})" if fix else text)


FIXES = {
    "EROFS": "the file system is read-only: choose another --out",
    "EACCES": "make it writable for this user, or choose another --out",
    "EPERM": "make it writable for this user, or choose another --out",
    "ENOSPC": "free space on that file system, or choose another --out",
    "EDQUOT": "free space within your quota, or choose another --out",
}


def output_fault(error: OSError, out: str) -> EnvironmentFault:
    """An :class:`OSError` met while writing the output folder ``out``, as one line."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    folder = os.path.basename(os.path.normpath(out))
    where = str(error.filename).replace(f".{folder}.next", folder) if error.filename else out  # the tree being made
    what = f"cannot write the output ({error.strerror or error})"
    return EnvironmentFault(where, what, FIXES.get(name, "check the output folder, or choose another --out"))
