"""Session fixture: the doc site built once, from a copy of the repository's site sources.

The copy holds ``conf.py``, ``docs/`` (without generated pages), ``topologies/`` and, as a second
estate, the large diagram fixture, so tests can change one topology and see what else changes.
Sphinx runs in a subprocess with ``-W`` (warnings are errors), exactly like ``make docs``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTRA_TOPOLOGY = ROOT / "tests" / "topologies" / "diagrams" / "large-estate-split-per-host.yaml"


@dataclass(frozen=True)
class BuiltSite:
    src: Path
    """Copy of the site sources (conf.py, docs/, topologies/)."""
    html: Path
    """Sphinx HTML output."""

    @property
    def generated(self) -> Path:
        return self.src / "docs" / "_generated"


def sphinx_build(src: Path, html: Path) -> subprocess.CompletedProcess[str]:
    """The site as ``make docs`` builds it, runbook PDFs included (Typst compiles each in well under
    a tenth of a second)."""
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                           str(src), str(html)],
                          cwd=src, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # this tree's code, not an installed one


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    base = tmp_path_factory.mktemp("site")
    src = base / "src"
    src.mkdir()
    shutil.copy2(ROOT / "conf.py", src / "conf.py")
    shutil.copytree(ROOT / "docs", src / "docs", ignore=shutil.ignore_patterns("_generated"))
    shutil.copytree(ROOT / "topologies", src / "topologies")
    shutil.copy2(EXTRA_TOPOLOGY, src / "topologies" / EXTRA_TOPOLOGY.name)
    site = BuiltSite(src, base / "html")
    result = sphinx_build(src, site.html)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout}\n{result.stderr}"
    return site
