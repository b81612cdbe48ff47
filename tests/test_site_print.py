"""Issue 16 item 8: a runbook page printed from the browser (Chromium's print to PDF, as an operator's
"Print" does) keeps every step on one page and numbers the pages "page N of M".

The steps are read from the page in print media (heading, last line); the PDF's text layer
(``pdftotext``) must show each step's heading and last line on the same page.
"""

from __future__ import annotations

import bisect
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .site_browser import SCREENSHOTS, Browsing

pytestmark = pytest.mark.browser

RUNBOOKS = ("docs/_generated/topologies/erp-split/runbooks-failover-test-ctlclus.html",
            "docs/_generated/topologies/erp-split/runbooks-migrate-erpdb-to-t8b.html")
_STEPS = """() => [...document.querySelectorAll('article section section section')]
  .filter(s => s.querySelector(':scope > h3'))
  .map(s => { const lines = s.innerText.split('\\n').map(l => l.trim()).filter(l => l);
              return [lines[0].replace('¶', '').trim(), lines[lines.length - 1]]; })"""


def _words(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> str:
    """Letters and digits only: the PDF's text layer loses some hyphens and all line breaks."""
    return re.sub(r"[\W_]+", "", text)


def _split_steps(pages: list[str], steps: list[list[str]]) -> list[str]:
    """Headings of the steps whose heading and last line are on different pages (or not found)."""
    flat, starts = "", []
    for text in pages:
        starts.append(len(flat))
        flat += _letters(text)
    cursor, split = 0, []
    for heading, last in steps:
        at = flat.find(_letters(heading), cursor)
        end = flat.find(_letters(last), at) if at >= 0 else -1
        if at < 0 or end < 0 or bisect.bisect_right(starts, at) != bisect.bisect_right(starts, end):
            split.append(heading)
        cursor = max(cursor, end)
    return split


@pytest.mark.parametrize("path", RUNBOOKS)
def test_a_printed_runbook_page_keeps_steps_whole_and_numbers_its_pages(
        browsing: Browsing, server: str, path: str, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    page = browsing.browser.new_page()
    page.goto(server + path)
    page.emulate_media(media="print")
    steps = page.evaluate(_STEPS)
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(steps) >= 6 and len(pages) >= 2
    assert _split_steps(pages, steps) == []
    assert [f"page {n} of {len(pages)}" in _words(p) for n, p in enumerate(pages, 1)] == [True] * len(pages)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy2(pdf, SCREENSHOTS / f"print-{Path(path).stem}.pdf")


def test_the_split_check_sees_a_split_step() -> None:
    pages = ["1.1 Check a Done hagrp -state a", "Expected: ONLINE page 2", "1.2 Switch b hagrp -switch b"]
    assert _split_steps(pages, [["1.1 Check a", "Expected: ONLINE"], ["1.2 Switch b", "hagrp -switch b"]]) == [
        "1.1 Check a"]
