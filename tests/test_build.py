"""The whole build: deterministic, incremental, parallel == serial, each conversion once, safe when killed."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import pdf_engine, writer
from generator.build.cache import CACHE
from generator.build.convert_cache import CONVERT_CACHE
from generator.build.orchestrate import build_tree
from generator.core.artifacts import RenderOptions
from generator.core.diagnostics import InputError

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


def _tree(out: Path) -> dict[str, bytes]:
    """The output files (the hidden conversion cache is not output: its files are named by their input)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and CONVERT_CACHE not in p.relative_to(out).parts}


def _graphs(out: Path) -> int:
    return len([w for w in json.loads((out / "manifest.json").read_text("utf-8"))["artifacts"]
                if w["path"].endswith(".svg") and "/migrations/" not in w["path"]])


DRAFT = RenderOptions(pdf=False)
"""Builds in tests that are not about PDFs leave out the PDF engine (``--no-pdf``, as a draft build does)."""

SUBSET = ("erp-split", "hr-zones", "payments-alternateio", "billing-guest-cvm")
"""Examples with VCS groups, zones, several I/O domains and a migration: every artifact kind, kept small."""


@pytest.fixture
def estate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies of some examples in a scratch folder (so tests can edit them), used as the working directory."""
    (tmp_path / "topologies").mkdir()
    for name in SUBSET:
        shutil.copy(EXAMPLES / f"{name}.yaml", tmp_path / "topologies")
    monkeypatch.chdir(tmp_path)
    return Path("topologies")


@pytest.fixture
def dot_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts ``dot`` processes started by the writer."""
    runs: list[int] = []
    real = writer.subprocess.run

    def counting(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        runs.append(1)
        return real(args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(writer.subprocess, "run", counting)
    return runs


def _edit_title(path: Path, suffix: str) -> None:
    text = path.read_text("utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {suffix} ", 1), "utf-8")


def test_build_twice_gives_identical_trees_and_the_second_changes_nothing(estate: Path,
                                                                         tmp_path: Path) -> None:
    first = build_tree([estate], tmp_path / "a", jobs=2)
    second = build_tree([estate], tmp_path / "b", jobs=1)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    again = build_tree([estate], tmp_path / "a", jobs=2)
    assert again.changed == 0 and again.rendered == []
    assert len(again.reused) == len(first.reused + first.rendered)
    assert first.written == second.written == again.written


def test_cache_file_is_never_in_the_manifest(estate: Path, tmp_path: Path) -> None:
    report = build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    assert (tmp_path / "out" / CACHE).is_file()
    assert all(CACHE not in w.path for w in report.written)
    assert {w.path for w in report.written} | {"manifest.json", CACHE} == set(_tree(tmp_path / "out"))


def test_one_changed_topology_is_the_only_one_rendered_and_matches_a_full_build(
        estate: Path, tmp_path: Path, dot_runs: list[int]) -> None:
    build_tree([estate], tmp_path / "inc", options=DRAFT, jobs=1)  # in this process, so that dot_runs sees every dot
    full_runs = len(dot_runs)
    _edit_title(estate / "erp-split.yaml", "Changed -")
    dot_runs.clear()
    report = build_tree([estate], tmp_path / "inc", options=DRAFT, jobs=1)
    assert report.rendered == ["topologies/erp-split.yaml"]
    assert len(report.reused) == len(list(estate.glob("*.yaml"))) - 1
    assert len(dot_runs) < full_runs  # only graphs whose DOT source changed are laid out again
    build_tree([estate], tmp_path / "full", options=DRAFT, jobs=2)
    assert _tree(tmp_path / "inc") == _tree(tmp_path / "full")


def test_one_dot_process_per_graph_and_none_for_a_graph_already_converted(
        estate: Path, tmp_path: Path, dot_runs: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build.orchestrate

    build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    assert 0 < len(dot_runs) <= _graphs(tmp_path / "out")
    dot_runs.clear()
    monkeypatch.setattr(generator.build.orchestrate, "generator_version", lambda: "a newer generator")
    report = build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    assert len(report.rendered) == len(SUBSET) and dot_runs == []


def test_the_conversion_cache_keeps_only_what_the_outputs_came_from(estate: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_tree([estate], out, options=DRAFT, jobs=1)
    cached = {p.name for p in (out / CONVERT_CACHE).iterdir()}
    assert len(cached) == _graphs(out)  # no two graphs of these examples have the same DOT source
    (estate / "hr-zones.yaml").unlink()
    build_tree([estate], out, options=DRAFT, jobs=1)
    assert len(list((out / CONVERT_CACHE).iterdir())) == _graphs(out) < len(cached)


def test_an_output_edited_by_hand_is_rebuilt(estate: Path, tmp_path: Path) -> None:
    report = build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    victim = tmp_path / "out" / report.written[0].path
    original = victim.read_bytes()
    victim.write_bytes(b"edited by hand\n")
    again = build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    assert victim.read_bytes() == original and len(again.rendered) == 1


def test_wrong_input_changes_nothing_in_out(estate: Path, tmp_path: Path) -> None:
    build_tree([estate], tmp_path / "out", options=DRAFT, jobs=1)
    before = _tree(tmp_path / "out")
    (estate / "broken.yaml").write_text("topology: broken\ntitle: [unclosed\n", "utf-8")
    with pytest.raises(InputError) as caught:
        build_tree([estate], tmp_path / "out", options=DRAFT, jobs=2)
    assert [d.rule for d in caught.value.diagnostics] == ["YAML001"]
    assert _tree(tmp_path / "out") == before


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def test_a_build_killed_mid_way_leaves_the_previous_output_or_the_complete_new_one(
        estate: Path, tmp_path: Path) -> None:
    """Kill the build late (most of a full build's time), earlier again each time it finished first.

    The output is then exactly the previous tree or, when the kill came after the one atomic swap,
    exactly the complete new tree: never a mix of the two. The first delay comes from one timed
    build; on a shared machine later builds can run several times faster than that one (the load
    of other processes drops), so the delay keeps shrinking until a kill lands.
    """
    previous, out, complete = tmp_path / "previous", tmp_path / "out", tmp_path / "complete"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def command(target: Path) -> list[str]:
        return [sys.executable, "-m", "generator", "build", str(estate), "--out", str(target),
                "--jobs", "2", "--no-pdf"]

    started = time.perf_counter()
    subprocess.run(command(previous), check=True, capture_output=True, env=env)
    duration = time.perf_counter() - started
    before = _tree(previous)
    for path in estate.glob("*.yaml"):
        _edit_title(path, "Next change -")
    shutil.copytree(previous, complete)
    subprocess.run(command(complete), check=True, capture_output=True, env=env)
    after = _tree(complete)
    assert after != before
    delay = duration * 0.85
    for _ in range(10):  # 0.85 x 0.6**9: down to 1 % of the timed build
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(previous, out)
        # A session of its own, killed as a group: the build and its worker processes die together,
        # as with a lost terminal or an OOM kill of the job, and no orphaned worker outlives the test.
        proc = subprocess.Popen(command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                start_new_session=True)
        time.sleep(delay)
        _kill_group(proc.pid)
        if proc.wait() == -signal.SIGKILL:
            break
        delay *= 0.6
    else:
        pytest.fail("the build always finished before it could be killed")
    assert _tree(out) in (before, after)


def test_a_draft_build_leaves_out_pdfs(estate: Path, tmp_path: Path) -> None:
    build_tree([estate], tmp_path / "draft", options=DRAFT, jobs=1)
    drafted = _tree(tmp_path / "draft")
    assert not [p for p in drafted if p.endswith(".pdf")]
    assert [p for p in drafted if p.endswith(".html")], "print HTML stays in a draft build"


@pytest.fixture
def pdf_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts PDFs compiled by the build in this process."""
    runs: list[int] = []
    real = pdf_engine.compile_pdfs

    def counting(sources: list[bytes], compile_one: pdf_engine.Compile) -> list[bytes]:
        runs.extend(1 for _ in sources)
        return real(sources, compile_one)

    monkeypatch.setattr(pdf_engine, "compile_pdfs", counting)
    return runs


def test_new_code_reuses_every_conversion_whose_input_is_unchanged(
        estate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dot_runs: list[int],
        pdf_runs: list[int]) -> None:
    import generator.build.orchestrate

    build_tree([estate], tmp_path / "out", jobs=1)
    assert pdf_runs and dot_runs
    before = _tree(tmp_path / "out")
    pdf_runs.clear()
    dot_runs.clear()
    monkeypatch.setattr(generator.build.orchestrate, "generator_version", lambda: "a newer generator")
    report = build_tree([estate], tmp_path / "out", jobs=1)
    assert len(report.rendered) == len(list(estate.glob("*.yaml")))  # every topology is rendered again,
    assert pdf_runs == [] and dot_runs == []  # but no PDF or SVG input changed: no engine runs
    assert _tree(tmp_path / "out") == {**before, CACHE: _tree(tmp_path / "out")[CACHE]}


def test_a_new_engine_version_converts_again(estate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             pdf_runs: list[int]) -> None:
    import generator.build.cache

    build_tree([estate], tmp_path / "out", jobs=1)
    converted = len(pdf_runs)
    pdf_runs.clear()
    monkeypatch.setattr(generator.build.cache, "engine_stamp", lambda: "dot 99; typst 99")
    build_tree([estate], tmp_path / "out", jobs=1)
    assert len(pdf_runs) == converted > 0


def test_one_changed_topology_with_pdfs_and_two_jobs_matches_a_serial_full_build(estate: Path,
                                                                                 tmp_path: Path) -> None:
    build_tree([estate], tmp_path / "inc", jobs=2)
    _edit_title(estate / "hr-zones.yaml", "Changed -")
    report = build_tree([estate], tmp_path / "inc", jobs=2)
    assert report.rendered == ["topologies/hr-zones.yaml"]
    build_tree([estate], tmp_path / "full", jobs=1)
    assert _tree(tmp_path / "inc") == _tree(tmp_path / "full")
    assert any(p.endswith(".pdf") for p in _tree(tmp_path / "full"))


def test_an_edit_typesets_again_only_the_runbooks_whose_print_changed(estate: Path, tmp_path: Path,
                                                                        pdf_runs: list[int]) -> None:
    """A PDF names its own revision, not the topology's hash: the rest of the topology's PDFs stay."""
    report = build_tree([estate], tmp_path / "out", jobs=1)
    pdfs = [w for w in report.written if w.topology == "erp-split" and w.path.endswith(".pdf")]
    pdf_runs.clear()
    text = (estate / "erp-split.yaml").read_text("utf-8")
    (estate / "erp-split.yaml").write_text(text + "# a comment changes the file's hash only\n", "utf-8")
    again = build_tree([estate], tmp_path / "out", jobs=1)
    assert again.rendered == ["topologies/erp-split.yaml"] and len(pdfs) > 1
    assert len(pdf_runs) == 1 < len(pdfs)  # the build-out names the SP configuration after the topology's hash
