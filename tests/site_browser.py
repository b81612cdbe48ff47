"""Fixtures of the browser tests: the built site served on 127.0.0.1 and Debian Chromium driven by
Playwright (skipped when Chromium is absent outside CI), shared by every browser test module.

Screenshots go to ``_build/screenshots``, or to the folder named by ``DOCGEN_SCREENSHOTS``.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .site_build import ROOT, BuiltSite

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("DOCGEN_SCREENSHOTS") or ROOT / "_build" / "screenshots")
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
"""Pixels the page is wider than the window (a horizontal scroll bar when positive)."""


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: scripts/system-deps.sh should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (Debian: apt-get install chromium, or make system-deps)")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site.html))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@dataclass
class Browsing:
    browser: Browser
    page: Page
    outside: list[str]
    """Requests that went anywhere but the local test server."""


@pytest.fixture(scope="module")  # Playwright's sync API allows one instance at a time: one per module
def browsing(server: str) -> Iterator[Browsing]:
    _require_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        yield Browsing(browser, page, outside)
        browser.close()


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a screenshot of ``page`` as ``name``.png in the screenshot folder; its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
