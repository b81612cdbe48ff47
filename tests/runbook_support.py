"""Shared helpers of the runbook tests: load an example and render its runbooks."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.build.pipeline import Checked, check_file, derivation
from generator.core.artifacts import RenderContext
from generator.derive.procedures.runbook_set import runbooks
from generator.document.runbook_model import Runbook
from generator.estate.estate import Estate

from .conftest import EXAMPLES, ROOT

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@cache
def checked(name: str, folder: str = "topologies") -> Checked:
    path = (ROOT / folder / f"{name}.yaml").relative_to(ROOT)
    result = check_file(path)
    assert result.ok, result.diagnostics
    return result


def estate(name: str, folder: str = "topologies") -> Estate:
    est = checked(name, folder).estate
    assert est is not None
    return est


def context(name: str, folder: str = "topologies", **options: str) -> RenderContext:
    c = checked(name, folder)
    return RenderContext(source_name=c.source_name, source_sha256=c.source_sha256, **options)


def books(name: str, folder: str = "topologies") -> list[Runbook]:
    return runbooks(derivation(estate(name, folder)), context(name, folder))


def all_commands(book: Runbook) -> list[str]:
    return [line for s in book.sections for step in s.steps for line in (*step.commands, *step.verify)]


def path_of(name: str) -> Path:
    return EXAMPLES / f"{name}.yaml"
