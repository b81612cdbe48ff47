"""Faults of the environment a command runs in (not of its input): one line each, exit 1.

A read-only or full output folder, a missing engine or font, an output folder another build holds:
each is an :class:`EnvironmentFault` that says what happened, where, and how to fix it. The CLI
prints it as one line without a traceback; the Sphinx extension turns it into a Sphinx error.
"""

from __future__ import annotations


class EnvironmentFault(Exception):
    """Something outside the topology stops the command: ``where: what (fix)``."""

    def __init__(self, where: str, what: str, fix: str) -> None:
        self.where, self.what, self.fix = where, what, fix
        super().__init__(f"{where}: {what} ({fix})" if fix else f"{where}: {what}")
