"""Item 4 of issue 13: never a procedure whose precondition the tool knows is false.

A VCS-driven live migration of a guest whose LDom group requires its AlternateIO failover group
cannot work (MIG020): the check refuses the plan with an error and the build writes no runbook.
"""

from __future__ import annotations

import subprocess
import sys

from generator.build.pipeline import check_file
from generator.core.diagnostics import Severity

from ..conftest import ROOT

REFUSED = "tests/review/refused/alternateio-live-by-vcs.yaml"


def test_a_vcs_live_migration_over_alternateio_is_refused_with_the_cold_alternative() -> None:
    checked = check_file((ROOT / REFUSED).relative_to(ROOT))
    found = [d for d in checked.diagnostics if d.rule == "MIG020"]
    assert [d.severity for d in found] == [Severity.ERROR]
    assert "kind: cold" in (found[0].hint or "")


def test_the_build_writes_no_runbook_for_the_refused_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run([sys.executable, "-m", "generator", "build", REFUSED, "--no-pdf", "--out",
                           str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert not list((tmp_path / "out").rglob("migrate-*"))
