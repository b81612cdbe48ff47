"""The built site in a real browser: Debian Chromium driven by Playwright, served on 127.0.0.1.

Every page is visited: it must load, every image and inline SVG must have a size, every internal
link must resolve, and no request may leave the machine. Search must find a domain name of an
example topology. Screenshots of the home page and a topology page go to ``_build/screenshots``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from playwright.sync_api import Page

from .site_browser import OVERFLOW as _OVERFLOW
from .site_browser import SCREENSHOTS, Browsing
from .site_build import BuiltSite

pytestmark = pytest.mark.browser

_SIZES = """() => [...document.querySelectorAll('img, svg, object')]
  .filter(e => !e.closest('.sidebar-drawer, .theme-toggle-container, .toc-drawer, .icon'))
  .map(e => { const r = e.getBoundingClientRect();
    return {tag: e.tagName, src: e.getAttribute('src') || '', w: r.width, h: r.height,
            natural: e.tagName === 'IMG' ? e.naturalWidth : -1}; })"""
_LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"


def _crawl(page: Page, server: str, html: Path) -> tuple[list[str], list[str]]:
    """Visit every internal page; return the pages seen and the problems found."""
    todo, seen, problems = [server + "docs/index.html"], {server + "index.html"}, []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        if response is None or response.status != 200:
            problems.append(f"{url}: HTTP {response.status if response else 'no response'}")
            continue
        for item in page.evaluate(_SIZES):
            if item["natural"] == 0 or (item["tag"] == "IMG" and (item["w"] == 0 or item["h"] == 0)):
                problems.append(f"{page.url}: {item['tag']} {item['src']} has no size")
        for link in page.evaluate(_LINKS):
            target, _ = urldefrag(link)
            if not target.startswith(server):
                continue
            path = html / urlparse(target).path.lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                problems.append(f"{url}: broken link {link}")
            elif target.endswith(".html") and "/_sources/" not in target:
                todo.append(target)
    return sorted(seen), problems


def test_every_page_loads_with_images_and_links_and_nothing_from_the_network(
        browsing: Browsing, server: str, built_site: BuiltSite) -> None:
    page = browsing.page
    page.goto(server + "index.html")
    page.wait_for_url(server + "docs/index.html")  # the entry point redirects
    seen, problems = _crawl(page, server, built_site.html)
    assert len(seen) >= 12, seen
    assert any("/topologies/erp-split/index.html" in url for url in seen)
    assert problems == []
    assert browsing.outside == []


def test_search_finds_a_domain_of_an_example_topology(browsing: Browsing, server: str) -> None:
    page = browsing.page
    page.goto(server + "search.html?q=erpdb")
    page.wait_for_selector("ul.search li", timeout=15000)
    results = page.eval_on_selector_all("ul.search li a", "els => els.map(e => e.href)")
    assert any("erp-split" in href for href in results), results


def test_screenshots_of_the_home_and_a_topology_page(browsing: Browsing, server: str) -> None:
    page = browsing.browser.new_page(viewport={"width": 1280, "height": 900})  # fresh storage
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # never emptied: DOCGEN_SCREENSHOTS may name a shared folder
    for name, path in (("home", "docs/index.html"),
                       ("topology-erp-split", "docs/_generated/topologies/erp-split/index.html")):
        page.goto(server + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


ERP = "docs/_generated/topologies/erp-split/"
_FIGURES = """() => [...document.querySelectorAll('.docgen-figure-scroll')].map(c => {
  const img = c.querySelector('img');
  return {shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
          scrolls: c.scrollWidth > c.clientWidth && getComputedStyle(c).overflowX === 'auto'}; })"""
_RUNBOOK = """() => ({h1: [...document.querySelectorAll('article h1')].map(h => h.textContent),
  print: document.querySelector('.docgen-print-actions a').getBoundingClientRect().top,
  step: document.querySelector('article section section section h3').getBoundingClientRect().top,
  boxes: document.querySelectorAll('input[type=checkbox]:not([disabled])').length,
  copy: document.querySelectorAll('button.copybtn').length,
  caution: getComputedStyle(document.querySelector('article .admonition.caution')).backgroundColor})"""


@pytest.mark.parametrize("width", [1366, 390])
def test_migration_diagrams_are_at_full_size_main_flow_first_and_listed_on_the_page(
        browsing: Browsing, server: str, width: int) -> None:
    page = browsing.browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + ERP + "migrations-erpdb-to-t8b.html")
    assert "erp-split" in page.title()
    figures = page.evaluate(_FIGURES)
    assert len(figures) == 2 and all(f["shown"] >= f["natural"] > 0 for f in figures), figures
    assert all(f["scrolls"] for f in figures if f["natural"] > page.viewport_size["width"]), figures
    toc = page.eval_on_selector_all(".toc-tree a", "els => els.map(e => e.textContent)")
    assert [t.split(" of ")[0] for t in toc[1:3]] == ["Live migration", "Cancelled migration"], toc
    assert page.evaluate(_OVERFLOW) <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"migration-erpdb-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_runbook_page_is_built_for_operators(browsing: Browsing, server: str, width: int) -> None:
    page = browsing.browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + ERP + "runbooks-migrate-erpdb-to-t8b.html")
    assert "erp-split" in page.title()
    found = page.evaluate(_RUNBOOK)
    assert found["h1"] == ["Live migration of erpdb to t8b (erp-split)¶"], found
    assert found["print"] < found["step"], found  # the print link comes before the first step
    assert found["boxes"] >= 20 and found["copy"] >= 20, found
    assert found["caution"] not in ("rgba(0, 0, 0, 0)", "transparent"), found
    assert page.evaluate(_OVERFLOW) <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"runbook-migrate-erpdb-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_reference_and_topology_pages_fit_the_screen_and_name_their_topology(
        browsing: Browsing, server: str, width: int) -> None:
    page = browsing.browser.new_page(viewport={"width": width, "height": 900})
    for name, path in (("overview-erp-split", ERP + "index.html"), ("diagnostics-erp-split", ERP + "diagnostics.html"),
                       ("rules", "docs/_generated/reference/rules.html"),
                       ("format", "docs/_generated/reference/format.html")):
        page.goto(server + path)
        assert page.evaluate(_OVERFLOW) <= 0, name
        if "erp-split" in name:
            assert "erp-split" in page.title(), name
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"))
    page.goto(server + "docs/_generated/reference/rules.html")
    badges = page.eval_on_selector_all("table .docgen-badge",
                                       "els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert len(badges) >= 40 and "rgba(0, 0, 0, 0)" not in badges
    page.close()
