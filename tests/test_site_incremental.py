"""Incremental site generation: an edit loads and renders only the edited topology, and the files are
exactly those a run from scratch writes (issue 17: a site rebuild after editing one topology of ten)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.sphinx_ext import site

ROOT = Path(__file__).resolve().parent.parent
FILES = ("erp-split.yaml", "hr-zones.yaml")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _source(folder: Path) -> Path:
    (folder / "topologies").mkdir(parents=True)
    for name in FILES:
        shutil.copy2(ROOT / "topologies" / name, folder / "topologies" / name)
    return folder


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loaded: list[str] = []
    real = site.check_file

    def check_file(path: Path, source: str | None = None) -> site.Checked:
        loaded.append(path.name)
        return real(path, source)

    monkeypatch.setattr(site, "check_file", check_file)
    return loaded


def test_editing_one_topology_loads_only_it_and_writes_what_a_run_from_scratch_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _source(tmp_path / "edited")
    site.generate(src, "topologies", "out", pdf=False)
    edited = src / "topologies" / "hr-zones.yaml"
    edited.write_text(edited.read_text("utf-8").replace("vcpus: 16", "vcpus: 24", 1), "utf-8")
    loaded = _loads(monkeypatch)
    files, changed, new_pages = site.generate(src, "topologies", "out", pdf=False)
    assert loaded == ["hr-zones.yaml"]
    assert 0 < changed < files and not new_pages
    fresh = tmp_path / "fresh"
    shutil.copytree(src / "topologies", fresh / "topologies")
    site.generate(fresh, "topologies", "out", pdf=False)
    assert _tree(src / "out") == _tree(fresh / "out")  # the topology index lists the reused one as before


def test_a_topology_whose_files_were_changed_on_disk_is_generated_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _source(tmp_path)
    site.generate(src, "topologies", "out", pdf=False)
    page = src / "out" / "topologies" / "erp-split" / "index.md"
    original = page.read_bytes()
    page.write_text("tampered\n", "utf-8")
    loaded = _loads(monkeypatch)
    site.generate(src, "topologies", "out", pdf=False)
    assert loaded == ["erp-split.yaml"]  # the other one is intact: reused
    assert page.read_bytes() == original


def test_a_second_file_with_a_reused_topologys_id_is_reported(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    src = _source(tmp_path)
    site.generate(src, "topologies", "out", pdf=False)
    copy = src / "topologies" / "zz-copy.yaml"
    copy.write_text((src / "topologies" / "erp-split.yaml").read_text("utf-8"), "utf-8")
    site.generate(src, "topologies", "out", pdf=False)
    assert [r for r in caplog.records if "TOPO001" in r.getMessage()]


def test_the_site_takes_conversions_from_a_build_instead_of_running_the_engines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``make docs`` builds the artifacts first: the site copies their diagrams and PDFs (same names, same
    bytes) from the build's conversion cache instead of running ``dot`` and Typst again."""
    from generator.build import convert_cache

    first = _source(tmp_path / "first")
    site.generate(first, "topologies", "out", pdf=False)
    converted: list[object] = []
    real = convert_cache.materialize

    def materialize(artifacts: list[object]) -> object:
        converted.extend(artifacts)
        return real(artifacts)  # type: ignore[arg-type]

    monkeypatch.setattr(convert_cache, "materialize", materialize)
    second = _source(tmp_path / "second")
    site.generate(second, "topologies", "out", pdf=False, conversions_from=[str(first / "out" / ".convert-cache")])
    assert converted == []
    assert _tree(second / "out") == _tree(first / "out")
