"""Build progress on standard error: a rich progress display on a terminal, silence otherwise.

rich is imported only when there is progress to show: not for a pipe or a CI log, and not for a build
with nothing to do (no empty ``0/0`` bar), so such builds start faster.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID


def _rich_progress(console: Console | None) -> RichProgress:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    return RichProgress(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console or Console(stderr=True))


class Progress:
    """Named tasks with a total and an advance; a no-op when ``enabled`` is false (pipes, CI logs, tests)."""

    def __init__(self, enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self._console = console
        self._rich: RichProgress | None = None
        self._entered = False

    @classmethod
    def for_stderr(cls) -> Progress:
        """Enabled only when standard error is a terminal."""
        return cls(enabled=sys.stderr.isatty())

    def __enter__(self) -> Progress:
        self._entered = True
        if self._rich is not None:
            self._rich.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._entered = False
        if self._rich is not None:
            self._rich.__exit__(kind, error, trace)

    def task(self, description: str, total: int) -> TaskID:
        """A task of ``total`` steps; the display starts with the first task that has any."""
        if self._rich is None and self.enabled and total > 0:
            self._rich = _rich_progress(self._console)
            if self._entered:
                self._rich.__enter__()
        if self._rich is None:
            return cast("TaskID", 0)
        return self._rich.add_task(description, total=total)

    def advance(self, task: TaskID) -> None:
        if self._rich is not None:
            self._rich.advance(task)
