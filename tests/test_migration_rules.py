"""Migration prerequisite rules: each has a failing fixture, and the passing fixtures pass every check."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.pipeline import check_file
from generator.derive.migration.case import adhoc_case, planned_cases
from generator.derive.vcs.api import ClusterConfigs
from generator.rules.engine import load_rules
from generator.rules.migration_checks import CHECKS, run_checks

from .conftest import EXAMPLES, FIXTURES

INVALID = FIXTURES / "invalid"
VALID = sorted((FIXTURES / "valid").glob("migration-*.yaml"))


def _estate(path: Path):  # type: ignore[no-untyped-def]
    checked = check_file(path.relative_to(Path.cwd()))
    assert checked.estate is not None
    return checked.estate


def test_every_migration_rule_has_a_failing_fixture() -> None:
    rules = [r for r in load_rules() if r.startswith("MIG")]
    expected = "".join(p.read_text("utf-8") for p in sorted(INVALID.glob("migration-*.expected")))
    missing = [r for r in rules if f"[{r}]" not in expected]
    assert len(rules) >= 19
    assert not missing


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_passing_cases_pass_every_check(path: Path) -> None:
    cases = planned_cases(ClusterConfigs(_estate(path)))
    assert cases
    for case in cases:
        assert run_checks(case) == ()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_migrations_have_no_errors(path: Path) -> None:
    for case in planned_cases(ClusterConfigs(_estate(path))):
        assert [r for r in run_checks(case) if r.severity.value == "error"] == []


def test_checks_are_shared_between_rules_and_plan() -> None:
    run_checks(planned_cases(ClusterConfigs(_estate(EXAMPLES / "erp-split.yaml")))[0])
    assert set(CHECKS) == {r for r in load_rules() if r.startswith("MIG")} - {"MIG019"}


def test_adhoc_case_runs_the_same_checks() -> None:
    estate = _estate(INVALID / "migration-target-missing-vsw.yaml")
    case = adhoc_case(ClusterConfigs(estate), "g1", "t2", kind="cold")
    assert case is not None and case.index is None
    results = run_checks(case)
    assert [r.rule_id for r in results] == ["MIG003"]
    assert results[0].finding.loc == ("hosts", "t1", "domains", "g1")


def test_adhoc_case_inherits_the_planned_kind() -> None:
    estate = _estate(FIXTURES / "valid" / "migration-manual-cold.yaml")
    case = adhoc_case(ClusterConfigs(estate), "t1/g1", "t2")
    assert case is not None
    assert case.kind.value == "cold" and case.migration.change == "CHG7"
    assert adhoc_case(ClusterConfigs(estate), "nosuch", "t2") is None
