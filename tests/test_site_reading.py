"""Issue 16 (site): what an operator and an architect see in Chromium at 1366 and 390 px.

Searching a command opens a step that runs it; tables never break inside a name and a table wider
than the column scrolls with a visible cue; reference and topology pages use the page width; the
topology diagram is shown at its natural size. Screenshots of the pages the review looked at go to the
screenshot folder (``tests/site_browser.py``).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .site_browser import OVERFLOW, Browsing, screenshot

pytestmark = pytest.mark.browser

ERP = "docs/_generated/topologies/erp-split/"
PAGES = {"home": "docs/index.html", "overview-erp-split": ERP + "index.html",
         "runbook-failover-erp-split": ERP + "runbooks-failover-test-ctlclus.html",
         "migration-erpdb": ERP + "migrations-erpdb-to-t8b.html",
         "models": "docs/_generated/reference/models.html", "rules": "docs/_generated/reference/rules.html",
         "stack-models": "docs/concepts/stack-models.html", "topologies": "docs/_generated/topologies/index.html"}
_RESULTS = """() => [...document.querySelectorAll('ul.search li')].map(li => ({
  href: li.querySelector('a').href, title: li.querySelector('a').textContent,
  snippet: (li.querySelector('p.context') || {textContent: ''}).textContent}))"""
_TARGET_COMMANDS = """() => [...document.querySelector(':target').querySelectorAll(':scope > div.highlight-sh pre')]
  .flatMap(pre => pre.textContent.split('\\n'))"""
_NAMES = """() => [...document.querySelectorAll('article table code.literal')]
  .filter(c => c.getClientRects().length > 1 || c.getBoundingClientRect().height > 1.6 * parseFloat(
     getComputedStyle(c).lineHeight === 'normal' ? 16 : getComputedStyle(c).lineHeight))
  .map(c => c.textContent)"""
_WRAPPERS = """() => [...document.querySelectorAll('article .table-wrapper')]
  .filter(w => w.scrollWidth > w.clientWidth + 1)
  .map(w => ({overflowX: getComputedStyle(w).overflowX, cue: getComputedStyle(w).backgroundImage}))"""
_DIAGRAM = """() => [...document.querySelectorAll('article .docgen-figure-scroll img')].map(i =>
  ({shown: i.getBoundingClientRect().width, natural: i.naturalWidth}))"""
_WIDTH = "() => document.querySelector('article').getBoundingClientRect().width"


def _search(browsing: Browsing, server: str, query: str) -> list[dict[str, str]]:
    page = browsing.page
    page.goto(server + "search.html?q=" + quote(query))
    page.wait_for_selector("ul.search li", timeout=15000)
    page.wait_for_function("() => !document.querySelector('#search-progress')?.textContent", timeout=15000)
    page.wait_for_timeout(500)  # summaries are fetched per result
    results: list[dict[str, str]] = page.evaluate(_RESULTS)
    return results


def test_searching_a_command_opens_a_step_that_runs_it(browsing: Browsing, server: str) -> None:
    results = _search(browsing, server, "hagrp -switch")
    steps = [r for r in results if "/runbooks-" in r["href"] and "#" in r["href"]]
    assert steps, results
    first = steps[0]
    assert "hagrp -switch" in first["snippet"], first  # the snippet is the step's own text
    assert first["title"].rstrip(")").rsplit("(", 1)[-1] in first["href"], first  # the title names the topology
    assert not any(r["snippet"].lstrip(".").startswith("Generated from") for r in results), results
    browsing.page.goto(first["href"])
    commands = browsing.page.evaluate(_TARGET_COMMANDS)
    assert any(line.startswith("hagrp -switch ") for line in commands), (first, commands)


@pytest.mark.parametrize("width", [1366, 390])
def test_tables_keep_names_whole_scroll_with_a_cue_and_the_diagram_is_full_size(
        browsing: Browsing, server: str, width: int) -> None:
    page = browsing.browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + ERP + "index.html")
    assert "erp-split" in page.title()
    assert page.evaluate(_NAMES) == []
    wrappers = page.evaluate(_WRAPPERS)
    assert width > 1000 or wrappers, "at 390 px some table is wider than the column"
    assert all(w["overflowX"] == "auto" and "gradient" in w["cue"] for w in wrappers), wrappers
    diagrams = page.evaluate(_DIAGRAM)
    assert diagrams and all(d["shown"] >= d["natural"] - 1 > 0 for d in diagrams), diagrams  # rounding
    assert page.evaluate(OVERFLOW) <= 0
    page.close()


def test_reference_and_topology_pages_use_the_page_width(browsing: Browsing, server: str) -> None:
    page = browsing.browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(server + "docs/concepts/stack-models.html")
    prose = page.evaluate(_WIDTH)
    pictures = page.evaluate(_DIAGRAM)  # one stack picture per model, at 1:1
    assert len(pictures) == 3 and all(p["shown"] >= p["natural"] - 1 > 0 for p in pictures), pictures
    for path in (ERP + "index.html", "docs/_generated/reference/models.html", "docs/_generated/reference/rules.html"):
        page.goto(server + path)
        assert page.evaluate(_WIDTH) > prose + 100, path
        assert page.evaluate(OVERFLOW) <= 0, path
    page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_screenshots_of_the_pages_the_review_read(browsing: Browsing, server: str, width: int) -> None:
    page = browsing.browser.new_page(viewport={"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(server + path)
        assert page.evaluate(OVERFLOW) <= 0, name
        if "erp-split" in path:
            assert "erp-split" in page.title(), name
        assert screenshot(page, f"{name}-{width}", full_page=True).stat().st_size > 10_000
    page.close()


def test_the_rule_catalogue_table_can_be_filtered(browsing: Browsing, server: str) -> None:
    page = browsing.page
    page.goto(server + "docs/_generated/reference/rules.html")
    rows = "() => [...document.querySelectorAll('.docgen-filterable tbody tr')].filter(r => !r.hidden)"
    total = len(page.evaluate(rows + ".map(r => r.textContent)"))
    page.fill("input.docgen-filter", "error migration")
    shown = page.evaluate(rows + ".map(r => r.textContent.toLowerCase())")
    assert 0 < len(shown) < total and all("error" in r and "migration" in r for r in shown), shown
    assert page.text_content(".docgen-filter-count") == f"{len(shown)} of {total} rows"
    page.fill("input.docgen-filter", "")
    assert len(page.evaluate(rows + ".map(r => r.textContent)")) == total
