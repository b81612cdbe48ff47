"""Each invalid fixture yields exactly the diagnostics listed in its ``.expected`` file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.pipeline import check_paths
from generator.core.diagnostics import format_text

INVALID = Path(__file__).parent / "topologies" / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_fixture_yields_expected_diagnostics(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text("utf-8")
    _, diagnostics = check_paths([case.relative_to(Path.cwd())])
    assert format_text(diagnostics) == expected


def test_every_invalid_fixture_has_expected_file() -> None:
    assert CASES, "no invalid fixtures found"
    missing = [c.name for c in CASES if not c.with_suffix(".expected").exists()]
    assert not missing


VALID = Path(__file__).parent / "topologies" / "valid"
VALID_CASES = sorted(VALID.glob("*.yaml"))


@pytest.mark.parametrize("case", VALID_CASES, ids=[c.stem for c in VALID_CASES])
def test_valid_fixture_has_no_diagnostics(case: Path) -> None:
    _, diagnostics = check_paths([case.relative_to(Path.cwd())])
    assert format_text(diagnostics) == ""
