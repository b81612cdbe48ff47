"""Shared test helpers: paths to the repository's example and fixture topologies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from .site_browser import browsing, server  # noqa: F401  (session fixtures: the site served, a browser)
from .site_build import built_site  # noqa: F401  (session fixture: the doc site, built once per run)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "topologies"
FIXTURES = ROOT / "tests" / "topologies"
GOLDEN = ROOT / "tests" / "golden"
"""Golden outputs, one folder per output kind (vcs, migration, runbooks, diagrams); see tests/golden/README.md."""

settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")
"""No per-example deadline: up to eight suites share two cores, so a first example that imports a library
can take 300 ms and fail as "flaky" (speed is measured in benchmarks/, never by timed tests)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens")) or os.environ.get("UPDATE_GOLDENS") == "1"


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics show paths relative to the working directory: run every test from the repo root."""
    monkeypatch.chdir(ROOT)
