"""PDF runbooks: every command is in the text layer, the footer is on every page, output is stable.

A few PDFs are rendered once per module (WeasyPrint takes about half a second per runbook).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.runbook.model import Runbook
from generator.runbook.render import runbook_artifacts
from generator.writer import materialize

from .runbook_support import books, context

SAMPLES = (("erp-split", "build-out"), ("hr-zones", "zones"), ("payments-alternateio", "vcs-setup-payclus"))

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _book(name: str, book_id: str) -> Runbook:
    return next(b for b in books(name) if b.id == book_id)


def _pdf(name: str, book_id: str) -> bytes:
    [(_, data)] = materialize(runbook_artifacts(_book(name, book_id), context(name, change="CHG0042"),
                                                ["pdf"]))
    return data


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for name, book_id in SAMPLES:
        path = folder / f"{name}-{book_id}.pdf"
        path.write_bytes(_pdf(name, book_id))
        result[(name, book_id)] = path
    return result


def _text(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("name", "book_id"), SAMPLES)
def test_pdf_text_contains_every_command(pdfs: dict[tuple[str, str], Path], name: str, book_id: str) -> None:
    text = _squash(_text(pdfs[(name, book_id)], "-layout"))  # -layout: no de-hyphenation of "- -"
    book = _book(name, book_id)
    for section in book.sections:
        for step in section.steps:
            for line in (*step.commands, *step.verify, *step.backout):
                assert _squash(line) in text, f"{book_id} step {step.id}: {line!r} missing from the PDF"


@pytest.mark.parametrize(("name", "book_id"), SAMPLES)
def test_every_page_has_footer_with_topology_hash_and_page_count(pdfs: dict[tuple[str, str], Path],
                                                                  name: str, book_id: str) -> None:
    pages = _text(pdfs[(name, book_id)], "-layout").split("\f")
    pages = [p for p in pages if p.strip()]
    short = context(name).short_hash
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert f"{name} · {book_id} · topology sha256 {short}" in page
        assert f"Page {number} of {len(pages)}" in page
    assert "CHG0042" in pages[0] and "Sign-off" in pages[-1]


def test_pdf_bytes_are_identical_across_builds(pdfs: dict[tuple[str, str], Path]) -> None:
    assert _pdf("hr-zones", "zones") == pdfs[("hr-zones", "zones")].read_bytes()


def test_pdf_has_no_timestamps(pdfs: dict[tuple[str, str], Path]) -> None:
    for path in pdfs.values():
        data = path.read_bytes()
        assert b"/CreationDate" not in data and b"/ModDate" not in data
