"""`change --from-live`: the runbook that converges what the hosts run to the topology."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.main import cli

from ..conftest import EXAMPLES

EXAMPLE = EXAMPLES / "payments-alternateio.yaml"


def _export(folder: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["export", "ldm-xml", str(EXAMPLE), "--out", str(folder)])
    assert result.exit_code == 0, result.output
    return [a for name in ("t8e", "t8f") for a in ("--from-live", f"{name}={folder / f'{name}.xml'}")]


def test_an_estate_running_as_declared_needs_no_change(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["change", *_export(tmp_path), str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "No change: the two revisions describe the same running estate" in result.stdout


def test_a_drifted_guest_is_converged_to_the_topology(tmp_path: Path) -> None:
    args = _export(tmp_path)
    xml = tmp_path / "t8e.xml"
    xml.write_text(xml.read_text().replace("<rasd:AllocationUnits>256G</rasd:AllocationUnits>",
                                           "<rasd:AllocationUnits>192G</rasd:AllocationUnits>"))
    result = CliRunner().invoke(cli, ["change", *args, str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Memory of `t8e/pay1`: 192G -> 256G" in result.stdout
    assert "| Old revision | live:t8e+t8f" in result.stdout


def test_from_live_takes_new_only(tmp_path: Path) -> None:
    args = _export(tmp_path)
    result = CliRunner().invoke(cli, ["change", *args, str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 2 and "--from-live takes NEW only" in result.output
