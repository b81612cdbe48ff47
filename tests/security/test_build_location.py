"""Issue 12, item 9: artifacts are the same bytes whichever folder the build runs from.

Before: headers named the topology relative to the working directory (``// Generated from
rel/proj/topologies/erp-split.yaml``), so a build run from ``/``, from the repository or from a subfolder
wrote three different trees. Now outputs name a topology relative to its *topology root*: the folder
argument it was found under, or its own folder when the file is given by itself.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build.orchestrate import build_tree
from generator.core.artifacts import RenderOptions
from generator.input.loader import source_name

from ..conftest import EXAMPLES

DRAFT = RenderOptions(pdf=False)


def _tree(out: Path) -> dict[str, bytes]:
    """Every file under ``out``, the build cache and the conversion cache included."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _project(tmp_path: Path, names: list[str]) -> Path:
    project = tmp_path / "rel" / "proj"
    (project / "topologies").mkdir(parents=True)
    (project / "docs" / "sub").mkdir(parents=True)
    for name in names:
        shutil.copy(EXAMPLES / f"{name}.yaml", project / "topologies")
    return project


def _build_from(cwd: Path, topologies: Path, out: Path, options: RenderOptions,
                monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.chdir(cwd)
    build_tree([Path(os.path.relpath(topologies, cwd))], out, options=options, jobs=1)
    return _tree(out)


@pytest.mark.slow
def test_the_examples_build_to_identical_trees_from_any_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
    topologies = project / "topologies"
    trees = [_build_from(cwd, topologies, tmp_path / f"out{i}", DRAFT, monkeypatch)
             for i, cwd in enumerate([Path("/"), project, project / "docs" / "sub"])]
    assert trees[0] == trees[1] == trees[2]
    main_cf = trees[0]["erp-split/vcs/ctlclus/main.cf"].decode()
    assert "Generated from erp-split.yaml (cluster ctlclus)" in main_cf
    assert not any(b"rel/proj" in data or str(tmp_path).encode() in data for data in trees[0].values())


@pytest.mark.slow
def test_runbook_pdfs_are_identical_from_any_working_directory(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, ["erp-split"])
    topologies = project / "topologies"
    a = _build_from(Path("/"), topologies, tmp_path / "a", RenderOptions(), monkeypatch)
    b = _build_from(project / "docs", topologies, tmp_path / "b", RenderOptions(), monkeypatch)
    assert a == b and any(name.endswith(".pdf") for name in a)


def test_the_topology_root_is_the_folder_argument_or_the_file_s_own_folder() -> None:
    nested = Path("rel/proj/topologies/site-a/erp.yaml")
    assert source_name(nested, [Path("rel/proj/topologies")]) == "site-a/erp.yaml"
    assert source_name(nested, [Path("rel/proj/topologies/site-a")]) == "erp.yaml"
    assert source_name(nested, [Path("rel/proj/topologies"), Path("rel/proj/topologies/site-a")]) == "erp.yaml"
    assert source_name(nested, [nested]) == "erp.yaml"
    assert source_name(Path("/abs/x/erp.yaml"), [Path("/abs")]) == "x/erp.yaml"
    assert source_name(Path("sub/erp.yaml"), [Path(".")]) == "sub/erp.yaml"


def test_a_file_given_by_itself_is_named_by_its_file_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build.pipeline import check_file, render_context

    monkeypatch.chdir(EXAMPLES.parent.parent)
    checked = check_file(EXAMPLES.relative_to(EXAMPLES.parent.parent) / "erp-split.yaml")
    assert render_context(checked).source_name == "erp-split.yaml"
    # diagnostics name it relative to the working folder, for an editor
    assert checked.loaded.path == f"{EXAMPLES.parent.name}/{EXAMPLES.name}/erp-split.yaml"


def test_a_reused_topology_s_warnings_name_the_file_from_the_new_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache (written in the output folder) names a topology relative to its root; reused warnings are
    named again for the build that reuses them."""
    project = _project(tmp_path, [])
    warned = Path(__file__).resolve().parents[1] / "topologies" / "invalid" / "password-looks-plaintext.yaml"
    shutil.copy(warned, project / "topologies")
    out = tmp_path / "out"
    monkeypatch.chdir(project)
    first = build_tree([Path("topologies")], out, options=DRAFT, jobs=1)
    monkeypatch.chdir(project / "docs" / "sub")
    second = build_tree([Path("../../topologies")], out, options=DRAFT, jobs=1)
    assert second.rendered == [] and second.changed == 0
    assert [(d.file, d.rule) for d in first.diagnostics] == [("topologies/password-looks-plaintext.yaml", "CLU012")]
    assert [(d.file, d.rule) for d in second.diagnostics] == [("../../topologies/password-looks-plaintext.yaml",
                                                                "CLU012")]
