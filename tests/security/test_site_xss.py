"""Issue 12, item 1: text from a topology never becomes live HTML on the doc site.

A title, a description, a platform and a change number full of ``<script>``, ``<img onerror>``, MyST
roles and directives and Markdown links (``tests/security/topologies/site-hostile-title-description.yaml``)
go through the site. Fast tests check the escaping functions and the generated MyST; the browser test
builds a small site with Sphinx (-W), opens every page in Chromium and asserts no script from the
topology ran.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.build.convert_cache import ConversionCache
from generator.formats.markup import description_html, md_code, md_text, one_line
from generator.sphinx_ext.site import site_outputs

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "security" / "topologies" / "site-hostile-title-description.yaml"
MARKERS = ("XSS_TITLE", "XSS_IMG", "XSS_LINK", "XSS_DESC", "XSS_DESCIMG", "XSS_RAW", "XSS_COLON", "XSS_ROLE",
           "XSS_JSLINK", "XSS_PLATFORM", "XSS_CHANGE")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_MD = MarkdownIt("commonmark").enable("table")


@given(st.text(max_size=80))
def test_md_text_renders_as_the_same_text(value: str) -> None:
    """Whatever the text, CommonMark shows it literally after other text: no element but the paragraph."""
    rendered = _MD.render(f"a {md_text(value)}")
    expected = f"a {one_line(value)}".strip()
    assert rendered == f"<p>{html.escape(expected, quote=True)}</p>\n".replace("&#x27;", "'")


@given(st.text(max_size=40))
def test_md_code_is_one_code_span(value: str) -> None:
    text = one_line(value)
    rendered = _MD.render(f"x {md_code(value)}")
    if text.strip(" "):
        assert rendered.count("<code>") == 1, rendered
        assert "<" not in rendered.replace("<code>", "").replace("</code>", "").replace("<p>", "").replace("</p>", "")


@given(st.text(max_size=200))
def test_description_html_has_no_script_event_handler_or_javascript_url(value: str) -> None:
    cleaned = description_html(value + "\n<script>x</script> <img src=x onerror=y> [a](javascript:z)")
    assert not re.search(r"<(script|img|iframe|style|object)", cleaned, re.I)
    assert not re.search(r"<[a-z][^>]*\son\w+\s*=", cleaned, re.I)
    assert "href=\"javascript" not in cleaned.lower()


def _pages(tmp_path: Path) -> dict[str, str]:
    src = tmp_path / "src"
    (src / "topologies").mkdir(parents=True)
    shutil.copy2(HOSTILE, src / "topologies" / HOSTILE.name)
    outputs, _ = site_outputs(src, "topologies", ConversionCache(tmp_path / "cache"), pdf=False)
    return {f"{folder}/{a.path}": data.decode("utf-8") for folder, a, data in outputs if a.path.endswith(".md")}


def _outside_raw_blocks(text: str) -> str:
    return re.sub(r"^(`{3,})\{raw\} html\n.*?^\1$", "", text, flags=re.M | re.S)


def test_generated_pages_carry_no_raw_html_or_myst_from_the_topology(tmp_path: Path) -> None:
    """Every generated page (the included runbook Markdown too), rendered as CommonMark outside its one
    sanitised raw block: the hostile text is escaped text, never an element, a role or a link."""
    pages = _pages(tmp_path)
    assert len(pages) > 5
    for path, text in pages.items():
        rendered = _MD.render(_outside_raw_blocks(text))
        assert not re.search(r"<(script|img)|<[a-z][^>]*\son\w+\s*=|href=\"javascript", rendered, re.I), path
        assert "{doc}<code>x</code>" not in rendered, path
    overview = _MD.render(_outside_raw_blocks(pages["topologies/site-hostile/index.md"]))
    assert "Evil &lt;script&gt;window.XSS_TITLE=1&lt;/script&gt; `tick` {doc}`x`" in overview
    assert "SPARC &lt;script&gt;window.XSS_PLATFORM=1&lt;/script&gt; | T8-2" in overview


def test_description_is_sanitised_html_in_one_raw_block(tmp_path: Path) -> None:
    page = _pages(tmp_path)["topologies/site-hostile/index.md"]
    blocks = re.findall(r"^(`{3,})\{raw\} html\n(.*?)^\1$", page, flags=re.M | re.S)
    assert len(blocks) == 1
    body = blocks[0][1]
    assert "<strong>bold</strong>" in body
    assert "<script" not in body and "<img" not in body and "javascript:" not in body.replace("(javascript:", "")


# --- The site in Chromium --------------------------------------------------------------------------


def _build_site(base: Path) -> Path:
    src = base / "src"
    src.mkdir()
    shutil.copy2(ROOT / "conf.py", src / "conf.py")
    shutil.copytree(ROOT / "docs", src / "docs", ignore=shutil.ignore_patterns("_generated"))
    (src / "topologies").mkdir()
    shutil.copy2(HOSTILE, src / "topologies" / HOSTILE.name)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
                             "-D", "docgen_pdf=0", str(src), str(base / "html")],
                            cwd=src, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"sphinx-build failed:\n{result.stdout}\n{result.stderr}"
    return base / "html"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make system-deps)")
    html_dir = _build_site(tmp_path_factory.mktemp("hostile-site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", html_dir
    httpd.shutdown()
    httpd.server_close()


_RAN = "() => Object.keys(window).filter(k => k.startsWith('XSS_'))"


@pytest.mark.browser
def test_no_script_from_the_topology_runs_on_any_page(hostile_site: tuple[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    server, html_dir = hostile_site
    pages = sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html"))
    pages = [p for p in pages if not p.startswith(("_", ".doctrees")) and p != "index.html"]  # index: a redirect
    ran: dict[str, list[str]] = {}
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in [*pages, "search.html?q=Evil", "search.html?q=XSS_TITLE"]:
            page.goto(server + path)
            page.wait_for_load_state("load")
            if path.startswith("search.html"):
                page.wait_for_timeout(300)
            found = page.evaluate(_RAN)
            if found:
                ran[path] = found
        title_shown = page.goto(server + "docs/_generated/topologies/site-hostile/index.html") and page.title()
        browser.close()
    assert not ran and not dialogs, (ran, dialogs)
    assert "<script>window.XSS_TITLE=1</script>" in str(title_shown)
    assert len(pages) > 10
