"""One catalogue: every ID the tool can print is listed by ``generator rules``, once, and made by a fixture.

* Listed -> made: every catalogue ID appears in some fixture's expected diagnostics on disk (topology
  fixtures under ``tests/topologies/``, broken main.cf files under ``tests/vcs/broken/``) or, for inputs a
  test writes itself (a 4 MiB file, an unreadable one, ldm XML, drift cases), in a test's assertion.
* Made -> listed: every ID spelled in the package's code and every ID in an expected file is in the catalogue.
* IDs are unique across the input layer, the topology rules and the main.cf checks; the cluster rules'
  old ``VCS`` IDs are accepted by ``check --ignore``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.orchestrate import build_tree
from generator.build.pipeline import check_paths
from generator.cli.main import cli
from generator.core.diagnostics import InputError, format_text
from generator.rules.catalogue import RENAMED, catalogue

from .conftest import FIXTURES, ROOT

EXPECTED = [*sorted(FIXTURES.rglob("*.expected")), *sorted(FIXTURES.rglob("expected.txt")),
            *sorted((ROOT / "tests" / "vcs" / "broken").glob("*.expected"))]
ID = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
TESTS = sorted(p for p in (ROOT / "tests").rglob("*.py") if p.name != Path(__file__).name)
"""Where an ID whose input a test writes (a file over 4 MiB, an unreadable file, ldm XML, a drift case) is
asserted, as ``"ID"`` or ``[ID]``."""
UNPROVEN: set[str] = set()
"""Listed IDs that no test makes yet: each is a gap to close, not a pass."""
DUPLICATE_ID = FIXTURES / "duplicate-id"


def _ids_in_expected_files() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in EXPECTED:
        for rule_id in re.findall(r"(?:error|warning)\[([A-Z]+[0-9]+)\]", path.read_text("utf-8")):
            found.setdefault(rule_id, []).append(path)
    return found


def _ids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ID.match(node.value):
                found.add(node.value)
    return found


@pytest.mark.parametrize("rule_id", sorted(catalogue()))
def test_listed_id_is_made_by_a_fixture(rule_id: str) -> None:
    if rule_id in UNPROVEN:
        pytest.xfail(f"no test makes {rule_id} yet")
    if _ids_in_expected_files().get(rule_id):
        return
    made = [p for p in TESTS if f'"{rule_id}"' in (text := p.read_text("utf-8")) or f"[{rule_id}]" in text]
    assert made, f"no fixture's expected diagnostics and no test mention {rule_id}"


def test_every_id_in_code_or_fixtures_is_listed() -> None:
    listed = set(catalogue())
    assert _ids_in_code() - listed - set(RENAMED) == set()
    assert set(_ids_in_expected_files()) - listed == set()


def test_ids_are_unique_across_input_rules_and_maincf_checks() -> None:
    codes = catalogue()  # raises on a second declaration of an ID
    assert {"YAML001", "SCH001", "IO001", "TOPO001", "CLU001", "VCS001"} <= set(codes)
    assert codes["VCS001"].category == "main.cf" and codes["CLU001"].category == "clusters"
    assert set(RENAMED.values()) <= set(codes)


def test_rules_command_lists_the_catalogue() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert listed == list(catalogue())


def test_duplicate_topology_id_is_reported_once_by_check_and_build(tmp_path: Path) -> None:
    expected = (DUPLICATE_ID / "check.expected").read_text("utf-8")
    _, diagnostics = check_paths([DUPLICATE_ID.relative_to(ROOT)])
    assert format_text(diagnostics) == expected
    with pytest.raises(InputError) as raised:
        build_tree([DUPLICATE_ID.relative_to(ROOT)], tmp_path / "out", jobs=1)
    assert format_text(raised.value.diagnostics) == expected


@pytest.mark.parametrize("given", ["VCS004", "CLU004", "clu004"])
def test_check_ignore_accepts_old_and_new_ids(given: str) -> None:
    target = "tests/topologies/invalid/cluster-manages-control-domain.yaml"
    runner = CliRunner()
    assert "[CLU004]" in runner.invoke(cli, ["check", target]).output
    result = runner.invoke(cli, ["check", "--ignore", given, target])
    assert result.exit_code == 0 and "[CLU004]" not in result.output


def test_check_ignore_refuses_an_unknown_id() -> None:
    result = CliRunner().invoke(cli, ["check", "--ignore", "NOPE999", "topologies"])
    assert result.exit_code == 2 and "NOPE999" in result.output
