"""PDF runbooks: every command is in the text layer, the footer and page count are on every page,
the contents give the right pages, text prints literally, output is stable.

Every runbook of every example is compiled once per module (Typst takes tens of milliseconds each).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator.build.pipeline import derivation
from generator.build.writer import EngineError, materialize, typst_to_pdf
from generator.core.artifacts import RenderContext
from generator.derive.decisions import Decisions
from generator.document.runbook_model import Figure, Runbook, Section, Step
from generator.document.view import runbook_revision
from generator.formats.runbooks import runbook_artifacts, runbook_figures

from .runbook_support import EXAMPLE_NAMES, books, context, estate

ALL = [(name, book.id) for name in EXAMPLE_NAMES for book in books(name)]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _book(name: str, book_id: str) -> Runbook:
    return next(b for b in books(name) if b.id == book_id)


def _compile(book: Runbook, ctx: RenderContext, figures: Sequence[Figure] = ()) -> bytes:
    [(_, data)] = materialize(runbook_artifacts(book, ctx, ["pdf"], figures))
    return data


def _pdf(name: str, book_id: str) -> bytes:
    book, ctx = _book(name, book_id), context(name, change="CHG0042")
    return _compile(book, ctx, runbook_figures(derivation(estate(name)), book, ctx))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for name, book_id in ALL:
        path = folder / f"{name}-{book_id}.pdf"
        path.write_bytes(_pdf(name, book_id))
        result[(name, book_id)] = path
    return result


def _text(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def _pages(path: Path) -> list[str]:
    return [p for p in _text(path, "-layout").split("\f") if p.strip()]


def _squash(text: str) -> str:
    """Text without whitespace and without the marks of a wrapped command line (↩ … ↪)."""
    return re.sub(r"[\s\u21a9\u21aa]+", "", text)


def test_every_example_has_runbooks() -> None:
    assert len(ALL) >= 30
    assert {name for name, _ in ALL} == set(EXAMPLE_NAMES)


@pytest.mark.parametrize(("name", "book_id"), ALL)
def test_pdf_text_contains_every_command(pdfs: dict[tuple[str, str], Path], name: str, book_id: str) -> None:
    text = _squash(_text(pdfs[(name, book_id)], "-layout"))  # -layout: no de-hyphenation of "- -"
    book = _book(name, book_id)
    for section in book.sections:
        for step in section.steps:
            for line in (*step.commands, *step.verify, *step.backout):
                assert _squash(line) in text, f"{book_id} step {step.id}: {line!r} missing from the PDF"


@pytest.mark.parametrize(("name", "book_id"), ALL)
def test_every_page_has_footer_with_runbook_revision_and_page_count(pdfs: dict[tuple[str, str], Path],
                                                                     name: str, book_id: str) -> None:
    pages = _pages(pdfs[(name, book_id)])
    revision = runbook_revision(_book(name, book_id), context(name, change="CHG0042"))
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert f"{name} · {book_id} · revision {revision}" in page
        assert f"Page {number} of {len(pages)}" in page
    appendices = sum("Appendix: " in page for page in pages)  # after the sign-off (a fail-over test's matrix)
    assert "CHG0042" in pages[0] and "Sign-off" in pages[-1 - appendices]


@pytest.mark.parametrize(("name", "book_id"), ALL[::3])
def test_contents_give_the_page_of_every_phase(pdfs: dict[tuple[str, str], Path], name: str, book_id: str) -> None:
    pages = _pages(pdfs[(name, book_id)])
    book = _book(name, book_id)
    listed = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)\s*$", pages[1], re.MULTILINE)]
    headings = [f"{number}. {s.title}" for number, s in enumerate(book.ordered_sections(), start=book.first_number)]
    headings = (["Before the window"] if book.prerequisites else []) + headings + ["Sign-off"]
    assert len(listed) == len(headings), pages[1]
    for heading, page in zip(headings, listed, strict=True):
        # Phases follow each other without a page break: the heading is on the page the contents give.
        assert _squash(heading.replace("`", ""))[:60] in _squash(pages[page - 1]), f"{heading!r} not on page {page}"


def test_text_that_looks_like_markup_prints_literally(tmp_path: Path) -> None:
    odd = 'Set $PATH, #let x = *bold* _it_ @ref <tag> \\ "quoted" [x]'
    step = Step(id="s", title=f"Title with {odd}", runs_on="t8a", commands=(f"echo {odd}",),
                expected=f"Output `{odd}` and {odd}", notes=(odd,))
    book = Runbook(id="odd", title=f"Odd {odd}", topology="odd", kind="test", summary=odd,
                   sections=(Section(id="a", title=f"Phase {odd}", steps=(step,), backout=(odd,)),),
                   prerequisites=(odd,), references=(odd,))
    path = tmp_path / "odd.pdf"
    path.write_bytes(_compile(book, RenderContext(source_name="odd.yaml", source_sha256="0" * 64)))
    text = _squash(_text(path, "-layout"))
    assert text.count(_squash(odd)) >= 8


def test_a_step_longer_than_a_page_breaks_instead_of_overflowing(tmp_path: Path) -> None:
    commands = tuple(f"ldm add-vdsdev /dev/vx/dsk/dg/vol{i:03d} vol{i:03d}@primary-vds0" for i in range(150))
    step = Step(id="long", title="Many volumes", runs_on="t8a", commands=commands)
    book = Runbook(id="long", title="Long", topology="long", kind="test", summary="",
                   sections=(Section(id="a", title="One phase", steps=(step,)),))
    path = tmp_path / "long.pdf"
    path.write_bytes(_compile(book, RenderContext(source_name="long.yaml", source_sha256="0" * 64)))
    pages = _pages(path)
    assert len(pages) >= 6
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert all(_squash(c) in _squash("".join(pages)) for c in commands)


def test_an_engine_warning_stops_the_build() -> None:
    with pytest.raises(EngineError, match="unknown font family"):
        typst_to_pdf(b'#set text(font: "No Such Font Family")\nHello\n')


def test_pdf_bytes_are_identical_across_builds(pdfs: dict[tuple[str, str], Path]) -> None:
    assert _pdf("hr-zones", "zones") == pdfs[("hr-zones", "zones")].read_bytes()


def test_pdf_has_no_timestamps(pdfs: dict[tuple[str, str], Path]) -> None:
    for path in pdfs.values():
        data = path.read_bytes()
        assert b"/CreationDate" not in data and b"/ModDate" not in data


def _fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


def test_japanese_text_prints_in_the_japanese_font_and_english_runbooks_do_not_embed_it(
        pdfs: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    step = Step(id="s", title="ゲストドメインを移行する", runs_on="t8a", commands=("ldm list",),
                expected="`erpdb` が t8b で稼働している")
    book = Runbook(id="ja", title="ライブマイグレーション", topology="ja", kind="migration", summary="手順書",
                   sections=(Section(id="a", title="準備", steps=(step,)),))
    path = tmp_path / "ja.pdf"
    path.write_bytes(_compile(book, RenderContext(source_name="ja.yaml", source_sha256="0" * 64,
                                                  owner="山田 太郎", change="変更-0042")))
    text = _squash(_text(path))
    for phrase in ("ライブマイグレーション", "ゲストドメインを移行する", "稼働している", "山田太郎", "変更-0042"):
        assert phrase in text
    assert "IPAexGothic" in _fonts(path)
    assert "IPAexGothic" not in _fonts(pdfs[("erp-split", "build-out")])


def _command_lines(book: Runbook) -> list[str]:
    return [" ".join(physical.split()) for section in book.sections for step in section.steps
            for command in (*step.commands, *step.verify, *step.backout) for physical in command.split("\n")
            if physical.strip()]


@pytest.mark.parametrize(("name", "book_id"), ALL)
def test_no_command_line_is_broken_without_the_mark(pdfs: dict[tuple[str, str], Path], name: str,
                                                    book_id: str) -> None:
    """Every command line is one printed line, or pieces joined by the continuation marks: the engine
    never wraps a command by itself, and a cut is only ever at a space (no token split)."""
    joined = re.sub(r" ?\u21a9\n+\s*\u21aa ?", " ", _text(pdfs[(name, book_id)], "-layout"))
    printed = {" ".join(line.split()) for line in joined.splitlines()}
    missing = [line for line in _command_lines(_book(name, book_id)) if line not in printed]
    assert missing == [], f"{book_id}: printed broken or not at all: {missing[:3]}"


def test_migration_pdfs_print_the_sequence_diagram(pdfs: dict[tuple[str, str], Path]) -> None:
    migrations = [key for key in pdfs if key[1].startswith("migrate-")]
    assert migrations
    for key in migrations:
        text = _text(pdfs[key])
        assert "Sequence of the" in text and "source ldmd" in text and "target hypervisor" in text, key


def test_one_change_id_row_on_the_cover(pdfs: dict[tuple[str, str], Path]) -> None:
    for key, path in pdfs.items():
        first = _pages(path)[0]
        assert first.count("Change ID") == 1 and "CHG0042" in first, key
        assert not re.search(r"^\s*Change\s{2,}", first, re.M), key


def test_failover_test_pdfs_append_the_failure_matrix_of_their_cluster(pdfs: dict[tuple[str, str], Path]) -> None:
    """The same what-if model as the site's failure review: every service of the cluster is a column."""
    from generator.derive.whatif.review import review

    tests = [key for key in pdfs if key[1].startswith("failover-test-")]
    assert tests
    for name, book_id in tests:
        cluster = book_id.removeprefix("failover-test-")
        text = _text(pdfs[(name, book_id)])
        assert f"Appendix: single failures and the services of cluster {cluster}" in text, book_id
        services = [s.name for s in review(Decisions(estate(name)).whatif).services if s.cluster == cluster]
        assert services and all(s in text for s in services), (book_id, services)
