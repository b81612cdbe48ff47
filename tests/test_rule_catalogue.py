"""Every rule in the catalogue is proven both ways by fixture topologies on disk.

* **Broken**: some ``tests/topologies/invalid/*.expected`` file contains ``[RULE-ID]``, i.e. a fixture
  makes the rule fire at an exact FILE:LINE:COL.
* **Passing**: at least one of those breaking fixtures starts with ``# mutates: PATH``, naming a clean
  topology (a valid fixture or an example: no diagnostics at all) that differs from the fixture in at
  most :data:`MAX_CHANGED` leaf values. The clean file therefore contains the very construct the rule
  rejects, corrected; a "passes" comment on an unrelated file could not prove that.

See ``tests/topologies/README.md`` for how to add a fixture.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.build.pipeline import check_paths
from generator.cli.main import cli
from generator.core.diagnostics import format_text
from generator.input.loader import load_file
from generator.rules.engine import load_rules

from .conftest import FIXTURES, ROOT

INVALID = FIXTURES / "invalid"
MAX_CHANGED = 15
IGNORED_KEYS = {"topology", "title", "description"}
MUTATES = re.compile(r"^# mutates: (\S+)\s*$", re.M)
Leaves = dict[tuple[Any, ...], Any]


def _leaves(data: Any, prefix: tuple[Any, ...] = ()) -> Leaves:
    if isinstance(data, dict) and data:
        return {k: v for key, value in data.items() for k, v in _leaves(value, (*prefix, key)).items()}
    if isinstance(data, list) and data:
        return {k: v for i, value in enumerate(data) for k, v in _leaves(value, (*prefix, i)).items()}
    return {prefix: data}


def changed_leaves(a: Any, b: Any) -> int:
    """Number of leaf paths whose value differs (added, removed or changed), ignoring the file's identity."""
    left = {k: v for k, v in _leaves(a).items() if k[:1] and k[0] not in IGNORED_KEYS}
    right = {k: v for k, v in _leaves(b).items() if k[:1] and k[0] not in IGNORED_KEYS}
    missing = object()
    return sum(left.get(k, missing) != right.get(k, missing) for k in left.keys() | right.keys())


def _data(path: Path) -> Any:
    loaded = load_file(path, str(path.relative_to(ROOT)))
    assert not loaded.diagnostics, f"{path} does not load cleanly"
    return loaded.document.data


@cache
def _clean(path: Path) -> bool:
    _, diagnostics = check_paths([path.relative_to(ROOT)])
    return not diagnostics


def _base(fixture: Path) -> Path | None:
    match = MUTATES.search(fixture.read_bytes().decode("utf-8", "replace"))
    return ROOT / match.group(1) if match else None


@cache
def _proves_passing(fixture: Path) -> bool:
    """True when the fixture names a clean base that is a small mutation away from it."""
    base = _base(fixture)
    return (
        base is not None
        and base.is_file()
        and _clean(base)
        and 0 < changed_leaves(_data(base), _data(fixture)) <= MAX_CHANGED
    )


@cache
def _breaking_fixtures() -> dict[str, list[Path]]:
    result: dict[str, list[Path]] = {}
    for expected in sorted(INVALID.glob("*.expected")):
        for rule_id in set(re.findall(r"\[([A-Z]+[0-9]+)\]", expected.read_text("utf-8"))):
            result.setdefault(rule_id, []).append(expected.with_suffix(".yaml"))
    return result


CATALOGUE = sorted(load_rules())
MUTATED = sorted(p for p in INVALID.glob("*.yaml") if _base(p) is not None)


@pytest.mark.parametrize("rule_id", CATALOGUE)
def test_rule_is_broken_by_a_fixture(rule_id: str) -> None:
    assert _breaking_fixtures().get(rule_id), f"no tests/topologies/invalid/*.expected mentions [{rule_id}]"


@pytest.mark.parametrize("rule_id", CATALOGUE)
def test_rule_passes_on_the_corrected_fixture(rule_id: str) -> None:
    fixtures = _breaking_fixtures().get(rule_id, [])
    assert any(_proves_passing(f) for f in fixtures), (
        f"no fixture breaking {rule_id} names a clean '# mutates:' base within {MAX_CHANGED} changed values"
    )


@pytest.mark.parametrize("fixture", MUTATED, ids=[p.stem for p in MUTATED])
def test_mutation_header_is_honest(fixture: Path) -> None:
    base = _base(fixture)
    assert base is not None and base.is_file(), f"{fixture.name}: base {base} does not exist"
    _, diagnostics = check_paths([base.relative_to(ROOT)])
    assert format_text(diagnostics) == "", f"base {base.name} is not clean"
    assert 0 < changed_leaves(_data(base), _data(fixture)) <= MAX_CHANGED


def test_changed_leaves_counts_each_difference() -> None:
    base = {"topology": "a", "hosts": {"h": {"threads": 8, "domains": {"d": {"roles": ["guest"]}}}}}
    other = {"topology": "b", "hosts": {"h": {"threads": 9, "domains": {"d": {"roles": ["guest", "io"]}}}}}
    assert changed_leaves(base, base) == 0
    assert changed_leaves(base, other) == 2


WARNING_ONLY = INVALID / "split-exporter-without-dmp.yaml"
CLEAN = FIXTURES / "valid" / "split-base.yaml"


def test_strict_makes_warnings_fatal() -> None:
    expected = WARNING_ONLY.with_suffix(".expected").read_text("utf-8")
    assert "warning[" in expected and "error[" not in expected
    target = str(WARNING_ONLY.relative_to(ROOT))
    runner = CliRunner()
    relaxed = runner.invoke(cli, ["check", target])
    strict = runner.invoke(cli, ["check", "--strict", target])
    assert relaxed.exit_code == 0, relaxed.output
    assert strict.exit_code == 1, strict.output
    assert runner.invoke(cli, ["check", "--strict", str(CLEAN.relative_to(ROOT))]).exit_code == 0


def test_every_rule_documents_its_basis() -> None:
    for rule_ in load_rules().values():
        assert rule_.summary and rule_.summary != rule_.id, rule_.id
        assert rule_.source, rule_.id
        assert rule_.basis in ("S", "K", "unverified"), rule_.id
