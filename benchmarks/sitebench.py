"""Site benchmark: seconds per page of the project's Sphinx site vs a plain Sphinx site of the same size.

The project site is built from the repository as ``make docs`` builds it (``sphinx -b html -E``, a
fresh output folder, the artifacts already built). The plain site has the same number of pages, each
a Markdown page of the project's average page size, with the same parser and theme (myst-parser,
furo) and no extension of ours: the difference is what the project's own machinery costs per page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLAIN_CONF = '''project = "plain"
extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
html_theme = "furo"
exclude_patterns = ["_build"]
'''
PARAGRAPH = ("Each host runs a control domain that exports virtual disks and networks to its guest "
             "domains; the cluster fails guests over between hosts and moves them live when asked.\n\n")


def _sphinx(source: Path, target: Path) -> float:
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", str(source), str(target)],
                   cwd=source, check=True, capture_output=True)
    return time.perf_counter() - started


def _pages(html: Path) -> list[Path]:
    skip = {"genindex.html", "search.html", "py-modindex.html"}
    return [p for p in html.rglob("*.html") if p.name not in skip and "_static" not in p.parts]


def _source_bytes(html: Path) -> int:
    sources = html / "_sources"
    return sum(p.stat().st_size for p in sources.rglob("*") if p.is_file()) if sources.is_dir() else 0


def _plain_site(folder: Path, pages: int, size: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text(PLAIN_CONF, "utf-8")
    body = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:max(size, 1)]
    names = [f"page{i:04d}" for i in range(1, pages)]
    toctree = "```{toctree}\n" + "\n".join(names) + "\n```\n" if names else ""
    (folder / "index.md").write_text(f"# Plain site\n\n{body}\n\n{toctree}", "utf-8")
    for name in names:
        (folder / f"{name}.md").write_text(f"# {name}\n\n{body}\n", "utf-8")
    return folder


def measure_site(out: Path) -> list[dict[str, Any]]:
    """One row: the project site's seconds per page vs the plain site's, built in the same run."""
    site_html = out / "site" / "project"
    site_seconds = _sphinx(ROOT, site_html)
    pages = _pages(site_html)
    size = _source_bytes(site_html) // max(1, len(pages))
    plain = _plain_site(out / "site" / "plain-src", len(pages), size)
    plain_seconds = _sphinx(plain, out / "site" / "plain")
    per_page, plain_per_page = site_seconds / len(pages), plain_seconds / len(pages)
    return [{"what": "site build per page vs plain Sphinx", "guests": 0, "pages": len(pages),
             "average_source_bytes": size, "seconds": per_page, "floor_seconds": plain_per_page,
             "ratio": per_page / plain_per_page, "site_seconds": site_seconds, "plain_seconds": plain_seconds}]
