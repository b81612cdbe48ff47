"""Where the runbook formats put their files in a topology's output folder, spelled once."""

from __future__ import annotations

RUNBOOKS = "runbooks"
"""Folder of every runbook (migration runbooks included) in Markdown, print HTML and PDF."""


def runbook_file(runbook_id: str, fmt: str) -> str:
    """``runbooks/<id>.<fmt>``, relative to the topology's output folder."""
    return f"{RUNBOOKS}/{runbook_id}.{fmt}"
