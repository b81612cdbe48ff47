"""``python -m generator runbook``: list, print, write; exit codes 0 / 1 (bad topology) / 2 (usage)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.main import cli
from generator.core.diagnostics import InputError

from .conftest import FIXTURES


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["runbook", *args])
    return result.exit_code, result.stdout, result.stderr


def test_lists_the_runbooks_without_a_name() -> None:
    code, out, _ = _run("topologies/erp-split.yaml")
    assert code == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert ids == sorted(ids) and "build-out" in ids and "vcs-setup-ctlclus" in ids


def test_prints_markdown_with_the_cover_options() -> None:
    code, out, _ = _run("topologies/erp-split.yaml", "build-out", "--change", "CHG0042", "--owner",
                        "Ops team")
    assert code == 0
    assert "| Change ID | CHG0042 |" in out and "| Owner | Ops team |" in out
    assert "ldm add-vdsdev /dev/vx/dsk/erpdg/erpboot erpdb-boot@primary-vds0" in out


def test_writes_html_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "rb.html"
    code, _, _ = _run("topologies/erp-split.yaml", "build-out", "--format", "html", "--out", str(target))
    assert code == 0 and target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_pdf_needs_an_output_file() -> None:
    code, _, err = _run("topologies/erp-split.yaml", "build-out", "--format", "pdf")
    assert code == 2 and "--out" in err


def test_unknown_runbook_is_a_usage_error() -> None:
    code, _, err = _run("topologies/erp-split.yaml", "no-such-runbook")
    assert code == 2 and "build-out" in err


def test_broken_topology_exits_1_with_located_diagnostics() -> None:
    broken = FIXTURES / "invalid" / "vdisk-unknown-service.yaml"
    result = CliRunner().invoke(cli, ["runbook", str(broken.relative_to(FIXTURES.parent.parent))])
    # main() prints InputError's diagnostics and exits 1; under CliRunner the exception itself is visible.
    assert isinstance(result.exception, InputError)
    assert any(d.rule and d.line > 0 for d in result.exception.diagnostics)
