"""Site rows: the doc site built by ``sphinx-build`` (a whole process) from synthetic estates, per page,
against plain Sphinx (myst-parser + furo, no extension of ours) on as many pages of the same average size;
rebuild rows run the site step of ``make docs`` (the stamp check, then sphinx-build when needed)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

from procs import ROOT, Run, run
from sitebench import _plain_site
from synth import Shape, estate_yaml

TIMEOUT = 900.0
"""A site build still running after this is killed and its row fails as unfinished."""


def site_source(folder: Path, estates: dict[str, str]) -> Path:
    """The project's site sources (conf.py, docs/) with ``topologies/`` holding ``estates`` (name -> YAML)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy2(ROOT / "conf.py", folder / "conf.py")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("_generated"))
    (folder / "topologies").mkdir()
    for name, text in estates.items():
        (folder / "topologies" / f"{name}.yaml").write_text(text, "utf-8")
    return folder


def sphinx(src: Path, html: Path, fresh: bool = True, timeout: float | None = TIMEOUT) -> Run:
    if fresh:
        shutil.rmtree(html, ignore_errors=True)
    return run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(html)], src, check=False,
               timeout=timeout)


INCLUDE = re.compile(r"^```\{(?:include|literalinclude)\} (\S+)$", re.M)


def page_sizes(src: Path, html: Path) -> list[int]:
    """Bytes of Markdown Sphinx parsed for each page it built: the page's source (``_sources``: one per
    document read) and the files it includes (a runbook, a main.cf listing). Downloads (a runbook's print
    HTML, its PDF) are not pages: they are copied, not parsed."""
    sizes = []
    for copy in sorted((html / "_sources").rglob("*.txt")):
        page = src / copy.relative_to(html / "_sources").with_suffix("")
        text = page.read_text("utf-8") if page.is_file() else copy.read_text("utf-8")
        included = [page.parent / m.group(1) for m in INCLUDE.finditer(text)]
        sizes.append(len(text.encode()) + sum(f.stat().st_size for f in included if f.is_file()))
    return sizes


def site_step(src: Path, html: Path) -> Run:
    """The site step of ``make docs``: sphinx-build only when the stamp says an input or the output changed."""
    stamp = [sys.executable, "-m", "generator.build.site_stamp"]
    check, write = [*stamp, "check", str(src), str(html), "-q"], [*stamp, "write", str(src), str(html), "-q"]
    build = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(html)]
    script = f"{shlex.join(check)} || {{ {shlex.join(build)} && {shlex.join(write)}; }}"
    return run(["sh", "-c", script], src, timeout=TIMEOUT)


def _row(what: str, goal: str, passed: bool, seconds: float, floor: float | None, peak: float,
         **extra: Any) -> dict[str, Any]:
    if "cpu" in extra and "floor_cpu" in extra and extra["floor_cpu"]:
        extra["cpu_ratio"] = extra["cpu"] / extra["floor_cpu"]
    return {"what": what, "goal": goal, "pass": passed, "seconds": seconds, "floor_seconds": floor,
            "ratio": seconds / floor if floor else None, "peak_rss_mb": peak, "load": os.getloadavg()[0],
            **extra}


def site_rows(out: Path, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    rows, per_page = [], {}
    for guests in sizes:
        src = site_source(out / "site" / f"src-{guests}",
                          {"estate": estate_yaml(Shape.for_guests(guests), name=f"synthetic-{guests}")})
        done = sphinx(src, out / "site" / f"html-{guests}")
        finished = done.returncode == 0
        html = out / "site" / f"html-{guests}"
        sizes = page_sizes(src, html) if finished else []
        pages, size = len(sizes), sum(sizes) // max(1, len(sizes))
        if not finished:
            rows.append(_row(f"site, one {guests}-guest estate (unfinished: exit {done.returncode})",
                             "<= 1.5x plain per page", False, done.seconds, None, done.peak_rss_mb))
            continue
        plain = sphinx(_plain_site(out / "site" / f"plain-src-{guests}", pages, size),
                       out / "site" / f"plain-{guests}")
        per_page[guests] = done.seconds / pages
        ratio = done.seconds / plain.seconds
        rows.append(_row(f"site, one {guests}-guest estate ({pages} pages, {size // 1024} KB avg) / plain Sphinx",
                         "<= 1.5x", ratio <= 1.5, done.seconds, plain.seconds, done.peak_rss_mb, pages=pages,
                         average_source_bytes=size, cpu=done.cpu_seconds, floor_cpu=plain.cpu_seconds))
    if len(per_page) == 2:
        small, large = sorted(per_page)
        growth = per_page[large] / per_page[small]
        rows.append(_row(f"site seconds per page, {small} -> {large} guests", "flat (<= 1.25x)", growth <= 1.25,
                         per_page[large], per_page[small], 0.0))
    return rows


def _estates(count: int, guests: int, vcpus: int = 8) -> dict[str, str]:
    estates = {}
    for i in range(count):
        text = estate_yaml(Shape.for_guests(guests), name=f"est{i}")
        if i == 3:
            text = text.replace("        vcpus: 8\n", f"        vcpus: {vcpus}\n", 1)
        estates[f"est{i}"] = text
    return estates


def site_incremental_rows(out: Path, guests: int = 10) -> list[dict[str, Any]]:
    src = site_source(out / "site" / "src-ten", _estates(10, guests))
    html = out / "site" / "html-ten"
    shutil.rmtree(html, ignore_errors=True)
    site_step(src, html)
    noop = site_step(src, html)
    (src / "topologies" / "est3.yaml").write_text(_estates(10, guests, vcpus=12)["est3"], "utf-8")
    edit = site_step(src, html)
    return [_row(f"site rebuild, no change (ten {guests}-guest estates)", "< 3 s", noop.seconds < 3 and not
                 noop.returncode, noop.seconds, None, noop.peak_rss_mb, cpu=noop.cpu_seconds),
            _row(f"site rebuild after editing one guest of one of ten {guests}-guest estates", "< 10 s",
                 edit.seconds < 10 and not edit.returncode, edit.seconds, None, edit.peak_rss_mb,
                 cpu=edit.cpu_seconds)]
