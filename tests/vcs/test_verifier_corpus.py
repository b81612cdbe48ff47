"""The verifier rejects each broken main.cf with exactly its expected diagnostics, covers every
check, and accepts hand-written configurations in the style of the Veritas samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.vcs import verify_path
from generator.core.diagnostics import format_text
from generator.maincf.checks import CHECKS
from generator.maincf.parser import parse
from generator.maincf.printer import format_config

HERE = Path(__file__).parent
BROKEN = sorted((HERE / "broken").glob("*.cf"))
REALISTIC = sorted((HERE / "realistic").glob("*.cf"))


@pytest.mark.parametrize("case", BROKEN, ids=[c.stem for c in BROKEN])
def test_broken_main_cf_yields_expected_diagnostics(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text("utf-8")
    assert expected, "a broken case must expect at least one diagnostic"
    assert format_text(verify_path(case.relative_to(Path.cwd()))) == expected


def test_every_check_has_a_broken_case() -> None:
    seen = {line.split("[")[1].split("]")[0] for c in BROKEN
            for line in c.with_suffix(".expected").read_text("utf-8").splitlines()}
    assert sorted(set(CHECKS) - seen) == []


@pytest.mark.parametrize("case", REALISTIC, ids=[c.stem for c in REALISTIC])
def test_realistic_configuration_yields_exactly_its_expected_diagnostics(case: Path) -> None:
    """Most realistic files are valid and expect nothing (no .expected file): any diagnostic is a false
    alarm. A few keep a real mistake and list exactly what it yields."""
    expected = case.with_suffix(".expected")
    want = expected.read_text("utf-8") if expected.exists() else ""
    assert format_text(verify_path(case.relative_to(Path.cwd()))) == want


def test_realistic_corpus_is_large_and_mostly_clean() -> None:
    clean = [c for c in REALISTIC if not c.with_suffix(".expected").exists()]
    assert len(REALISTIC) >= 15 and len(clean) >= len(REALISTIC) - 2


@pytest.mark.parametrize("case", REALISTIC, ids=[c.stem for c in REALISTIC])
def test_realistic_configuration_round_trips_through_the_printer(case: Path) -> None:
    tree, _ = parse(case.read_text("utf-8"), case.name)
    text = format_config(tree)
    again, problems = parse(text, case.name)
    assert problems == [] and again == tree and format_config(again) == text


def test_realistic_corpus_covers_the_guide_models() -> None:
    names = {c.stem for c in REALISTIC}
    assert {"ldom-failover", "alternateio", "zone", "cvm-cfs", "sfrac"} <= names
    text = "".join(c.read_text("utf-8") for c in REALISTIC)
    for needed in ("// resource dependency tree", "include \"OracleASMTypes.cf\"", "include \"Db2udbTypes.cf\"",
                   "include \"SybaseTypes.cf\"", " @", "static ", "temp ", "UserNames", "Operators",
                   "ProcessOnOnly", "AlternateIO", "MultiPrivNIC", "CFSMount"):
        assert needed in text, needed
