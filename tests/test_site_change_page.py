"""Issue 14: the site shows, per topology, the change runbook from the previous committed revision.

A temporary git repository holds a topology in two commits (the change pairs of tests/topologies/change):
the topology's pages then include "Change since <commit> (<date>, <subject>)" with the planned steps and its
print HTML; a refused change is a page with the located refusals; a plain folder or a shallow clone has no
such page and no error, and the overview says why in one line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.convert_cache import ConversionCache
from generator.build.history import NO_EARLIER, NOT_A_REPOSITORY, SHALLOW, previous_revision, repository_state
from generator.sphinx_ext import site

from .conftest import ROOT

PAIRS = ROOT / "tests" / "topologies" / "change"
TOPOLOGY = "topologies/estate.yaml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", "-c", "commit.gpgsign=false",
                           *args], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def _put(src: Path, pair: str, name: str, to: str = TOPOLOGY, topology: str = "erp-split") -> None:
    """The pair's file as ``to``, under topology id ``topology`` (written, so that git sees the new bytes)."""
    text = (PAIRS / pair / name).read_text("utf-8").replace("topology: erp-split", f"topology: {topology}")
    (src / to).write_text(text, "utf-8")


def _repo(base: Path, pair: str, subject: str = "Raise the guest") -> Path:
    """A repository whose topology is the pair's OLD in the first commit and NEW in the second."""
    src = base / "src"
    (src / "topologies").mkdir(parents=True)
    _git(src, "init", "-q")
    _put(src, pair, "old.yaml")
    _git(src, "add", TOPOLOGY)
    _git(src, "commit", "-qm", "First revision")
    _put(src, pair, "new.yaml")
    _git(src, "commit", "-qam", subject)
    return src


def _pages(src: Path, cache: Path) -> dict[str, str]:
    outputs, errors = site.site_outputs(src, "topologies", ConversionCache(cache), pdf=False)
    assert not errors
    return {f"{folder}/{a.path}": data.decode("utf-8", errors="replace") for folder, a, data in outputs}


def test_two_commits_give_a_change_page_with_the_planned_steps(tmp_path: Path) -> None:
    src = _repo(tmp_path, "vcpus-changed", subject="More vCPUs for erpdb")
    first = _git(src, "rev-parse", "HEAD~1")[:12]
    pages = _pages(src, tmp_path / "cache")
    runbook = pages["topologies/erp-split/files/runbooks/change-since.md"]
    assert f"# Change since {first} (" in runbook and ", First revision)" in runbook
    assert "ldm set-vcpu 96 erpdb" in runbook and f"{first}:topologies/estate.yaml" in runbook
    assert "ldm set-vcpu 96 erpdb" in pages["topologies/erp-split/files/runbooks/change-since.html"]
    page = pages["topologies/erp-split/runbooks-change-since.md"]
    assert "files/runbooks/change-since.html" in page and "files/runbooks/change-since.md" in page
    assert "{doc}`runbooks-change-since`: the change runbook to this revision." in \
        pages["topologies/erp-split/index.md"]


def test_an_uncommitted_edit_is_the_change_since_the_last_commit(tmp_path: Path) -> None:
    src = _repo(tmp_path, "vcpus-changed")
    _put(src, "memory-grow-dynamic", "new.yaml")
    head = _git(src, "rev-parse", "HEAD")
    found = previous_revision(src / TOPOLOGY)
    assert not isinstance(found, type(NO_EARLIER)) and found.commit == head[:12]
    assert found.subject == "Raise the guest" and found.data == (PAIRS / "vcpus-changed" / "new.yaml").read_bytes()


def test_a_refused_change_is_a_page_of_located_refusals(tmp_path: Path) -> None:
    src = _repo(tmp_path, "refused-model-cluster-id")
    pages = _pages(src, tmp_path / "cache")
    page = pages["topologies/erp-split/runbooks-change-since.md"]
    assert "`topologies/estate.yaml:13:8: error[CHG002]: model changed:" in page
    assert "topologies/estate.yaml:77:17: error[CHG004]" in page
    assert "topologies/erp-split/files/runbooks/change-since.md" not in pages
    assert "the change is refused (2 problem(s))" in pages["topologies/erp-split/index.md"]


def test_equivalent_revisions_give_a_no_change_runbook(tmp_path: Path) -> None:
    src = _repo(tmp_path, "no-change-reformatted")
    runbook = _pages(src, tmp_path / "cache")["topologies/erp-split/files/runbooks/change-since.md"]
    assert "No change: the two revisions describe the same running estate" in runbook


def test_a_plain_folder_has_no_change_page_and_no_error(tmp_path: Path) -> None:
    src = tmp_path / "plain"
    (src / "topologies").mkdir(parents=True)
    _put(src, "vcpus-changed", "new.yaml")
    pages = _pages(src, tmp_path / "cache")
    assert not [p for p in pages if "change-since" in p]
    assert f"No change page: {NOT_A_REPOSITORY.reason}" in pages["topologies/erp-split/index.md"].replace("\\", "")
    assert repository_state(src) == ""


def test_a_single_revision_and_a_shallow_clone_have_no_change_page(tmp_path: Path) -> None:
    src = _repo(tmp_path, "vcpus-changed")
    _put(src, "vcpus-changed", "old.yaml")
    _git(src, "commit", "-qam", "Back to the first revision")
    assert previous_revision(src / TOPOLOGY).commit == _git(src, "rev-parse", "HEAD~1")[:12]  # type: ignore[union-attr]
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{src}", str(clone))
    assert previous_revision(clone / TOPOLOGY) == SHALLOW
    assert not [p for p in _pages(clone, tmp_path / "cache") if "change-since" in p]
    single = tmp_path / "single"
    (single / "topologies").mkdir(parents=True)
    _git(single, "init", "-q")
    _put(single, "vcpus-changed", "old.yaml")
    _git(single, "add", TOPOLOGY)
    assert previous_revision(single / TOPOLOGY) == NO_EARLIER  # staged, never committed
    _git(single, "commit", "-qm", "Only revision")
    assert previous_revision(single / TOPOLOGY) == NO_EARLIER


@pytest.mark.slow
def test_sphinx_builds_the_change_pages_with_w(tmp_path: Path) -> None:
    src = _repo(tmp_path, "refused-model-cluster-id")
    second = "topologies/second.yaml"
    _put(src, "vcpus-changed", "old.yaml", second, "erp-two")
    _git(src, "add", second)
    _git(src, "commit", "-qm", "Second estate")
    _put(src, "vcpus-changed", "new.yaml", second, "erp-two")
    shutil.copy2(ROOT / "conf.py", src / "conf.py")
    shutil.copytree(ROOT / "docs", src / "docs", ignore=shutil.ignore_patterns("_generated"))
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-D", "docgen_pdf=0",
                           str(src), str(tmp_path / "html")], cwd=src, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    html = tmp_path / "html" / "docs" / "_generated" / "topologies"
    assert "error[CHG002]" in (html / "erp-split" / "runbooks-change-since.html").read_text("utf-8")
    planned = re.sub(r"<[^>]+>", "", (html / "erp-two" / "runbooks-change-since.html").read_text("utf-8"))
    assert "ldm set-vcpu 96 erpdb" in planned and "Change since" in planned


def test_a_change_is_planned_once_and_read_back_by_the_next_build(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import change_since

    src = _repo(tmp_path, "vcpus-changed")
    first = _pages(src, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*.change.json"))

    def not_again(*args: object) -> None:
        raise AssertionError("planned again although neither revision changed")

    monkeypatch.setattr(change_since, "check_bytes", not_again)
    assert _pages(src, tmp_path / "cache") == first
    _put(src, "memory-grow-dynamic", "new.yaml")  # a new working file: planned again
    with pytest.raises(AssertionError, match="planned again"):
        _pages(src, tmp_path / "cache")


def test_the_cli_reference_documents_change_with_every_option() -> None:
    from generator.sphinx_ext.cli_doc import cli_commands

    [change] = [c for c in cli_commands() if c.path == "python -m generator change"]
    names = " ".join(p.names for p in change.params)
    for option in ("--since", "--from-live", "--format", "--out", "--change", "--window", "--owner"):
        assert option in names
    assert "previous\ncommitted revision" in change.help and "\n " not in change.help  # no indented code block


def test_a_new_commit_regenerates_the_change_page_an_unchanged_run_does_not(tmp_path: Path) -> None:
    src = _repo(tmp_path, "vcpus-changed")
    _put(src, "memory-grow-dynamic", "new.yaml")  # uncommitted: the change since HEAD
    page = src / "docs" / "_generated" / "topologies" / "erp-split" / "files" / "runbooks" / "change-since.md"
    site.generate(src, "topologies", "docs/_generated", pdf=False)
    assert "# Change since" in page.read_text("utf-8") and ", Raise the guest)" in page.read_text("utf-8")
    assert site.generate(src, "topologies", "docs/_generated", pdf=False)[1] == 0
    _git(src, "commit", "-q", "--amend", "-m", "Raise the guest's vCPUs")  # same bytes, another commit
    site.generate(src, "topologies", "docs/_generated", pdf=False)
    head = _git(src, "rev-parse", "HEAD")[:12]
    assert f"# Change since {head} (" in page.read_text("utf-8") and "Raise the guest's vCPUs)" in \
        page.read_text("utf-8")
