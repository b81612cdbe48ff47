"""Build progress: a bar per task on a terminal, nothing in a pipe, and no empty bar (nor rich, slow to
import) for a build with nothing to do."""

from __future__ import annotations

import io

from rich.console import Console

from generator.build.progress import Progress


def _shown(enabled: bool, totals: list[int]) -> str:
    out = io.StringIO()
    progress = Progress(enabled, Console(file=out, force_terminal=True, width=100))
    with progress:
        for i, total in enumerate(totals):
            task = progress.task(f"task {i}", total)
            for _ in range(total):
                progress.advance(task)
    return out.getvalue()


def test_a_terminal_shows_each_task_with_steps_done() -> None:
    shown = _shown(True, [2])
    assert "task 0" in shown and "2/2" in shown


def test_a_build_with_nothing_to_do_shows_no_empty_bar() -> None:
    assert _shown(True, [0]) == ""


def test_a_pipe_shows_nothing() -> None:
    assert _shown(False, [3]) == ""
