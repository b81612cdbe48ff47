"""Build progress on standard error: a rich progress display on a terminal, silence otherwise."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress


class Progress:
    """Named tasks with a total and an advance; a no-op when ``enabled`` is false (pipes, CI logs, tests)."""

    def __init__(self, enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self._rich = RichProgress(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=console or Console(stderr=True),
                                  disable=not enabled)

    @classmethod
    def for_stderr(cls) -> Progress:
        """Enabled only when standard error is a terminal."""
        return cls(enabled=sys.stderr.isatty())

    def __enter__(self) -> Progress:
        self._rich.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._rich.__exit__(kind, error, trace)

    def task(self, description: str, total: int) -> TaskID:
        return self._rich.add_task(description, total=total)

    def advance(self, task: TaskID) -> None:
        self._rich.advance(task)
