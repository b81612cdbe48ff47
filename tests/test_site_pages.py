"""Site pages without Sphinx: artifacts presented by kind and path, the main.cf lexer, the page templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.token import Error

from generator.build.pipeline import derivation
from generator.core.artifacts import Artifact, RenderContext, RenderOptions
from generator.estate.estate import Estate
from generator.formats.migrations import render
from generator.input.loader import load_file
from generator.sphinx_ext.command_index import command_key
from generator.sphinx_ext.maincf_lexer import MainCfLexer
from generator.sphinx_ext.present import INLINE_LIMIT, group_artifacts
from generator.sphinx_ext.templates import cell

from .conftest import ROOT


def _artifact(path: str, kind: str, convert: str | None = None, **meta: str) -> Artifact:
    return Artifact(path=path, kind=kind, format=Path(path).suffix[1:], data=b"x", convert=convert, meta=meta)


def test_artifacts_of_any_renderer_get_a_page_per_subject() -> None:
    artifacts = [
        _artifact("diagrams/topology.svg", "topology-diagram", "svg"),
        _artifact("vcs/c1/types.cf", "vcs-types"), _artifact("vcs/c1/main.cmd", "vcs-commands"),
        _artifact("vcs/c1/main.cf", "vcs-config"), _artifact("vcs/c1/groups.svg", "vcs-diagram"),
        _artifact("runbooks/build-out.md", "runbook"), _artifact("runbooks/build-out.html", "runbook"),
        _artifact("runbooks/build-out.pdf", "runbook", "pdf"),
        _artifact("migrations/db-to-b/plan.json", "migration-plan", related="runbooks/build-out"),
        _artifact("migrations/db-to-b/sequence-live.svg", "sequence-diagram"),
        _artifact("capacity/report.csv", "capacity-report"),
    ]
    overview, groups = group_artifacts(artifacts)
    assert [s.path for s in overview] == ["files/diagrams/topology.svg"]
    listings = [("vcs-c1-main-cf", "VCS cluster c1: main.cf"), ("vcs-c1-main-cmd", "VCS cluster c1: main.cmd"),
                ("vcs-c1-types-cf", "VCS cluster c1: types.cf")]
    assert [(g.docname, g.title) for g in groups] == [
        ("vcs-c1", "VCS cluster c1"), *listings, ("migrations-db-to-b", "Migration db-to-b"),
        ("runbooks-build-out", "Runbook: build-out"), ("capacity-report", "Capacity: report")]
    vcs, main_cf, main_cmd, types_cf, migration, runbook, other = groups
    # issue 16 item 12: main.cf, main.cmd and types.cf one page each, linked from the cluster's page
    assert [(i.name, i.how) for i in vcs.items] == [
        ("groups.svg", "figure"), ("main.cf", "download"), ("main.cmd", "download"), ("types.cf", "download")]
    assert vcs.related == tuple(listings)
    assert [[(i.name, i.how, i.lexer) for i in g.items] for g in (main_cf, main_cmd, types_cf)] == [
        [("main.cf", "code", "maincf")], [("main.cmd", "code", "bash")], [("types.cf", "code", "maincf")]]
    assert main_cf.related == (("vcs-c1", "VCS cluster c1"),)
    assert [i.how for i in migration.items] == ["figure", "download"]
    assert migration.related == (("runbooks-build-out", "Runbook: build-out"),)
    assert (runbook.related, other.related) == ((), ())
    assert [(i.name, i.how) for i in runbook.items] == [
        ("build-out.md", "include"), ("build-out.html", "download"), ("build-out.pdf", "download")]
    assert [i.how for i in other.items] == ["download"]


def test_a_related_subject_without_a_page_gets_no_link() -> None:
    _, groups = group_artifacts([_artifact("migrations/db-to-b/plan.json", "migration-plan",
                                           related="runbooks/migrate-db-to-b")])
    assert [g.related for g in groups] == [()]


@pytest.mark.parametrize("path", sorted((ROOT / "tests").rglob("*.cf")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_maincf_lexer_highlights_every_configuration_without_errors(path: Path) -> None:
    text = path.read_text("utf-8", errors="replace")
    tokens = list(MainCfLexer().get_tokens(text))
    assert [value for kind, value in tokens if kind is Error] == []
    assert "".join(value for _, value in tokens).strip() == text.strip()  # every character is matched


def test_table_cells_stay_on_one_line_and_escape_pipes() -> None:
    assert cell("a | b\n  c") == "a \\| b c"


def test_wrong_topologies_are_reported_with_their_location_and_do_not_stop_the_others(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from generator.sphinx_ext.site import generate

    topologies = tmp_path / "topologies"
    topologies.mkdir()
    (topologies / "erp-split.yaml").write_bytes((ROOT / "topologies" / "erp-split.yaml").read_bytes())
    (topologies / "unknown-service.yaml").write_bytes(
        (ROOT / "tests" / "topologies" / "invalid" / "vdisk-unknown-service.yaml").read_bytes())
    (topologies / "broken.yaml").write_text("topology: broken\ntitle: x\nmodel: split\nhosts: [\n", "utf-8")
    generate(tmp_path, "topologies", "out", pdf=False)
    messages = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(m.startswith("error[YAML001]") for m in messages), messages
    assert any(m.startswith("error[REF002]") for m in messages), messages
    pages = tmp_path / "out" / "topologies"
    assert (pages / "erp-split" / "files" / "diagrams" / "topology.svg").is_file()
    wrong = [p for p in pages.iterdir() if p.is_dir() and p.name != "erp-split"]
    assert len(wrong) == 1  # the shape-valid one: its overview and diagnostics, no artifacts
    assert sorted(p.name for p in wrong[0].iterdir()) == ["diagnostics.md", "index.md"]
    assert "REF002" in (wrong[0] / "diagnostics.md").read_text("utf-8")


def test_planned_migrations_link_to_their_plan_and_runbook_pages() -> None:
    from generator.build.pipeline import check_file, render_checked
    from generator.sphinx_ext.topology_pages import topology_pages

    checked = check_file(Path("topologies/erp-split.yaml"))
    pages = dict(topology_pages(checked, render_checked(checked, RenderOptions(pdf=False)), {}))
    row = next(line for line in pages["index.md"].decode().splitlines() if line.startswith("| `erpdb`"))
    assert row.endswith("| [plan and diagrams](migrations-erpdb-to-t8b.md), "
                        "[runbook](runbooks-migrate-erpdb-to-t8b.md) |")
    assert {"migrations-erpdb-to-t8b.md", "runbooks-migrate-erpdb-to-t8b.md"} <= set(pages)


def test_a_file_too_large_for_a_page_is_linked_not_shown() -> None:
    """A page's cost must not grow with the estate: a huge runbook or main.cf becomes a link."""
    big = b"x" * (INLINE_LIMIT + 1)
    _, groups = group_artifacts([
        Artifact("runbooks/build-out.md", "runbook", "md", big), Artifact("runbooks/small.md", "runbook", "md", b"x"),
        Artifact("vcs/c1/main.cf", "vcs-config", "cf", big)])
    assert [[(i.name, i.how, i.size) for i in g.items] for g in groups] == [
        [("main.cf", "large", f"{len(big) // 1024:,} KB")], [("build-out.md", "large", f"{len(big) // 1024:,} KB")],
        [("small.md", "include", "")]]


def test_a_regeneration_with_unchanged_inputs_loads_no_topology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    """A no-op site build costs a hash of the inputs, not a check and render of every topology; a topology
    with an error is checked (and reported) on every build."""
    from generator.sphinx_ext import site

    topologies = tmp_path / "topologies"
    topologies.mkdir()
    (topologies / "hr-zones.yaml").write_bytes((ROOT / "topologies" / "hr-zones.yaml").read_bytes())
    files, changed, _ = site.generate(tmp_path, "topologies", "out", pdf=False)
    assert changed >= files > 0
    real = site.check_file
    monkeypatch.setattr(site, "check_file", lambda *a: pytest.fail("a topology was loaded"))
    assert site.generate(tmp_path, "topologies", "out", pdf=False) == (files, 0, False)
    (topologies / "broken.yaml").write_text("topology: broken\ntitle: [\n", "utf-8")
    monkeypatch.setattr(site, "check_file", real)
    for _ in range(2):
        caplog.clear()
        site.generate(tmp_path, "topologies", "out", pdf=False)
        assert [r for r in caplog.records if "YAML001" in r.getMessage()]


def test_a_migration_page_shows_its_main_flow_before_the_cancel_path_with_plain_captions() -> None:
    loaded = load_file(ROOT / "topologies" / "erp-split.yaml", "topologies/erp-split.yaml")
    assert loaded.topology is not None
    artifacts = list(render(derivation(Estate(loaded.topology)), RenderContext("topologies/erp-split.yaml", "0" * 64)))
    _, groups = group_artifacts(artifacts)
    figures = [i for i in groups[0].items if i.how == "figure"]
    assert [i.name for i in figures] == ["sequence-live.svg", "sequence-cancel.svg"]  # cancel sorts first by name
    assert figures[0].caption == ("Live migration of erpdb from t8a to t8b (via VCS): "
                                  "who does what in each phase")


def test_a_runbook_page_takes_its_one_title_from_the_runbook_and_offers_print_files() -> None:
    md = Artifact(path="runbooks/build-out.md", kind="runbook", format="md",
                  data=b"<!-- generated -->\n# Build-out of erp-split\n\nIntro\n")
    _, [group] = group_artifacts([md, _artifact("runbooks/build-out.pdf", "runbook", "pdf")])
    assert group.lead is not None and (group.heading, group.lead.start_line) == ("Build-out of erp-split", 2)
    assert group.file(".pdf") is not None and group.file(".html") is None
    _, [plain] = group_artifacts([_artifact("vcs/c1/main.cf", "vcs-config")])
    assert (plain.lead, plain.heading) == (None, "VCS cluster c1")


def test_the_format_reference_shows_size_defaults_as_a_topology_writes_them() -> None:
    from generator.sphinx_ext.schema_doc import schema_sections

    _, sections = schema_sections()
    defaults = {(s.name, f.key): f.default for s in sections for f in s.fields}
    assert (defaults[("Domain", "memory")], defaults[("Host", "memory")]) == ("8G", "512G")
    assert defaults[("Domain", "vcpus")] == "8"  # a plain number stays a number


def test_a_command_is_indexed_by_its_name_and_the_action_it_takes() -> None:
    assert [command_key(line) for line in (
        "hagrp -switch erpdb_grp -to t8b", "ldm migrate-domain -n erpdb t8b", "hastatus -sum", "vxdisk list",
        "ldm add-vdsdev /dev/vx/dsk/erpdg/erpboot erpdb-boot@primary-vds0", "echo 'x'", "# comment", "",
        "zoneadm -z hr1 boot", "cat /etc/llttab", "hacf --verify .")] == [
        "hagrp -switch", "ldm migrate-domain", "hastatus -sum", "vxdisk list", "ldm add-vdsdev", "echo", "", "",
        "zoneadm -z", "cat", "hacf"]
