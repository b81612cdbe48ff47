"""Issue 12, items 5 and 9: one bad topology never takes the site down, and is never silent.

Before: a topology that the engines could not render (a title ``dot`` rejected) aborted the whole
Sphinx build with "Extension error" and no location; a file with YAML or schema errors simply had no
page, and a plain ``sphinx -b html`` (without -W) succeeded without showing why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.convert_cache import ConversionCache
from generator.build.writer import EngineError
from generator.sphinx_ext import site

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "topologies" / "erp-split.yaml"
BROKEN = "title: [unclosed\n"


def _src(base: Path) -> Path:
    src = base / "src"
    (src / "topologies").mkdir(parents=True)
    shutil.copy2(GOOD, src / "topologies" / GOOD.name)
    (src / "topologies" / "broken.yaml").write_text(BROKEN, "utf-8")
    return src


def test_an_engine_failure_is_a_located_error_on_that_topologys_pages(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> list[object]:
        raise EngineError("dot failed on graph 'erp-split-topology': syntax error in line 4")

    monkeypatch.setattr(site, "build_artifacts", failing)
    outputs, errors = site.site_outputs(_src(tmp_path), "topologies", ConversionCache(tmp_path / "cache"), pdf=False)
    pages = {f"{folder}/{a.path}": data.decode() for folder, a, data in outputs}
    overview = pages["topologies/erp-split/index.md"]
    assert "This topology has errors, so no artifacts were generated" in overview
    assert "BUILD001" in pages["topologies/erp-split/diagnostics.md"]
    assert "cannot render: dot failed on graph" in pages["topologies/erp-split/diagnostics.md"]
    assert errors  # the next build renders it again (no "inputs unchanged" shortcut)


def test_a_file_with_errors_is_listed_on_a_problems_page(tmp_path: Path) -> None:
    outputs, _ = site.site_outputs(_src(tmp_path), "topologies", ConversionCache(tmp_path / "cache"), pdf=False)
    pages = {f"{folder}/{a.path}": data.decode() for folder, a, data in outputs}
    problems = pages["topologies/problems.md"]
    assert "## topologies/broken\\.yaml" in problems or "## topologies/broken.yaml" in problems
    assert "`topologies/broken.yaml:2:1: error[YAML001]" in problems
    assert "\nproblems\n" in pages["topologies/index.md"]


def _sphinx(src: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", "docgen_pdf=0", *flags,
                           str(src), str(out)], cwd=src, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_a_plain_sphinx_build_shows_the_problems_and_w_fails(tmp_path: Path) -> None:
    src = _src(tmp_path)
    shutil.copy2(ROOT / "conf.py", src / "conf.py")
    shutil.copytree(ROOT / "docs", src / "docs", ignore=shutil.ignore_patterns("_generated"))
    plain = _sphinx(src, tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    assert "topologies/broken.yaml:2:1" in plain.stderr and "Extension error" not in plain.stderr
    page = (tmp_path / "plain" / "docs" / "_generated" / "topologies" / "problems.html").read_text("utf-8")
    assert "error[YAML001]" in page
    strict = _sphinx(src, tmp_path / "strict", "-W")
    assert strict.returncode != 0 and "topologies/broken.yaml:2:1" in strict.stderr
