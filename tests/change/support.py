"""Helpers for the change planner tests: load a fixture pair, plan it, render its Markdown."""

from __future__ import annotations

from pathlib import Path

from generator.build.pipeline import check_file, render_context
from generator.derive.change.change_plan import Plan, plan_change
from generator.derive.change.change_runbook import RevisionInfo, change_runbook
from generator.derive.change.context import Revisions
from generator.formats.markdown import markdown_text
from generator.rules.migration_checks import run_checks

from ..conftest import FIXTURES

PAIRS = FIXTURES / "change"
PAIR_NAMES = sorted(p.name for p in PAIRS.iterdir() if (p / "new.yaml").exists())


def revisions(name: str) -> Revisions:
    before, after = (check_file(Path("tests/topologies/change") / name / f) for f in ("old.yaml", "new.yaml"))
    assert before.ok and after.ok, before.diagnostics + after.diagnostics
    assert before.estate is not None and after.estate is not None
    assert before.decisions is not None and after.decisions is not None
    return Revisions(before.decisions.vcs, after.decisions.vcs, before.loaded.document, after.loaded.document,
                     run_checks)


def planned(name: str) -> Plan:
    return plan_change(revisions(name))


def markdown(name: str) -> str:
    folder = Path("tests/topologies/change") / name
    before, after = check_file(folder / "old.yaml"), check_file(folder / "new.yaml")
    plan = planned(name)
    assert after.estate is not None
    book = change_runbook(plan, RevisionInfo(before.source_name, before.source_sha256),
                          RevisionInfo(after.source_name, after.source_sha256), after.estate)
    return markdown_text(book, render_context(after))
