"""How the site shows an artifact, decided by its kind and file type, never by who produced it.

Every renderer's output appears on the site as soon as it lands: topology diagrams on the
topology's overview, everything else on one page per *subject*. The subject of ``vcs/ctlclus/main.cf``
is ``vcs/ctlclus``; of ``runbooks/migrate-erpdb.pdf`` it is ``runbooks/migrate-erpdb`` (the file
name up to its first dot), so a runbook's Markdown, print HTML and PDF share one page.

An artifact may name another subject in ``meta["related"]`` (an output path up to the first dot,
e.g. ``runbooks/migrate-erpdb-to-t8b``): its page then links to that subject's page, when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from generator.core.artifacts import Artifact
from generator.formats.outputs import RUNBOOKS

OVERVIEW_KINDS = frozenset({"topology-diagram"})
FILES = "files"
"""Folder, next to a topology's pages, holding its artifacts (excluded from Sphinx sources)."""

# File type -> (how it is shown, Pygments lexer).
SHOW: dict[str, tuple[str, str]] = {
    "svg": ("figure", ""),
    "png": ("figure", ""),
    "md": ("include", ""),
    "cf": ("code", "maincf"),
    "sh": ("code", "bash"),
    "cmd": ("code", "bash"),
    "txt": ("code", "text"),
}
SECTION_TITLES = {
    "vcs": "VCS cluster {}",
    "migrations": "Migration {}",
    RUNBOOKS: "Runbook: {}",
    "diagrams": "Diagram: {}",
    "review": "Failure review (what-if)",
}
"""Page title per output folder that the renderers make (``formats/registry.py``)."""
SECTION_ORDER = ("vcs", "migrations", RUNBOOKS)
INLINE_LIMIT = 64 * 1024
"""Largest file a page shows inline (Markdown included, code listed). A bigger one is linked instead
(``how = "large"``): a 1,000-guest estate's build-out runbook is about 2.5 MB of Markdown, and the cost
of a page, to Sphinx and to a browser, must not grow with the estate."""
KIND_ORDER = ("vcs-config", "vcs-commands")
"""Kinds shown before the others of the same presentation (the configuration before type definitions)."""


@dataclass(frozen=True)
class Shown:
    """One artifact as a page presents it."""

    path: str
    """Path relative to the page, e.g. ``files/vcs/ctlclus/main.cf``."""
    name: str
    kind: str
    how: str
    lexer: str
    caption: str
    size: str = ""
    """Size of a file too large to show inline, e.g. ``2,480 KB``."""
    heading: str = ""
    """Title of an included Markdown file (its first ``# `` line, among its first lines), else empty."""
    start_line: int = 0
    """Line of an included Markdown file after its title: the page's own title replaces it."""
    order: int = 0
    """Rank among items shown alike, from ``meta["order"]`` (a migration's main flow before its cancel path)."""


@dataclass(frozen=True)
class Group:
    """The artifacts of one subject: one page."""

    docname: str
    title: str
    items: tuple[Shown, ...]
    related: tuple[tuple[str, str], ...] = ()
    """(docname, title) of the pages this subject's artifacts point to."""

    @property
    def lead(self) -> Shown | None:
        """The included document whose title is the page's title (a runbook's Markdown), if any."""
        return next((i for i in self.items if i.how == "include" and i.heading), None)

    @property
    def heading(self) -> str:
        """The page's one title: the lead document's own, else the subject's."""
        return self.lead.heading if self.lead else self.title

    def file(self, suffix: str) -> Shown | None:
        """The item whose file name ends with ``suffix`` (e.g. ``.pdf``), if any."""
        return next((i for i in self.items if i.name.endswith(suffix)), None)


def shown(artifact: Artifact) -> Shown:
    suffix = PurePosixPath(artifact.path).suffix.lstrip(".").lower()
    how, lexer = SHOW.get(suffix, ("download", ""))
    size = ""
    if how in ("include", "code") and len(artifact.data) > INLINE_LIMIT:
        how, size = "large", f"{len(artifact.data) // 1024:,} KB"
    caption = artifact.meta.get("title", "") or f"{artifact.kind}: {PurePosixPath(artifact.path).name}"
    order = artifact.meta.get("order", "0")
    heading, start = _heading(artifact.data) if how == "include" else ("", 0)
    return Shown(f"{FILES}/{artifact.path}", PurePosixPath(artifact.path).name, artifact.kind, how, lexer,
                 caption, size, heading, start, int(order) if order.isdigit() else 0)


def _heading(data: bytes) -> tuple[str, int]:
    """(title, line after it) of a Markdown document whose title is among its first lines."""
    for number, line in enumerate(data[:4096].decode("utf-8", errors="replace").splitlines()[:5]):
        if line.startswith("# ") and line[2:].strip():
            return line[2:].strip(), number + 1
    return "", 0


def subject(path: str) -> tuple[str, str]:
    """(section, subject) of an artifact path."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 3:
        return parts[0], parts[1]
    if len(parts) == 2:
        return parts[0], parts[1].split(".")[0]
    return "", parts[0].split(".")[0]


def docname(section: str, name: str) -> str:
    """Page name of a subject, e.g. ``("runbooks", "build-out")`` -> ``runbooks-build-out``."""
    return re.sub(r"[^a-z0-9-]+", "-", f"{section}-{name}".lower()).strip("-")


def _title(section: str, name: str) -> str:
    pattern = SECTION_TITLES.get(section)
    return pattern.format(name) if pattern else f"{section.replace('-', ' ').capitalize()}: {name}"


def _order(item: Shown) -> tuple[int, int, int, str]:
    ranks = {"figure": 0, "include": 1, "large": 1, "code": 2, "download": 3}
    kind = KIND_ORDER.index(item.kind) if item.kind in KIND_ORDER else len(KIND_ORDER)
    return ranks[item.how], kind, item.order, item.path


def group_artifacts(artifacts: list[Artifact]) -> tuple[list[Shown], list[Group]]:
    """Overview items (topology diagrams) and one group per subject, in a stable order."""
    overview = [shown(a) for a in sorted(artifacts, key=lambda a: a.path) if a.kind in OVERVIEW_KINDS]
    by_subject: dict[tuple[str, str], list[Shown]] = {}
    for a in artifacts:
        if a.kind not in OVERVIEW_KINDS:
            by_subject.setdefault(subject(a.path), []).append(shown(a))

    def rank(key: tuple[str, str]) -> tuple[int, str, str]:
        section = key[0]
        return (SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER), *key)

    related: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for a in artifacts:
        if "related" in a.meta and a.kind not in OVERVIEW_KINDS and subject(a.meta["related"]) in by_subject:
            related.setdefault(subject(a.path), set()).add(subject(a.meta["related"]))

    groups = [Group(docname(*key), _title(*key), tuple(sorted(by_subject[key], key=_order)),
                    tuple((docname(*t), _title(*t)) for t in sorted(related.get(key, ()))))
              for key in sorted(by_subject, key=rank)]
    return overview, [page for group in groups for page in _one_listing_per_page(group)]


def _one_listing_per_page(group: Group) -> list[Group]:
    """A subject with several code files (a cluster's main.cf, main.cmd and types files) gets a page per
    file after its own page, which then offers each for download and links to its page; one long page of
    every listing is hard to find one's way in."""
    listings = [i for i in group.items if i.how == "code"]
    if len(listings) < 2:
        return [group]
    pages = [Group(docname(group.docname, i.name), f"{group.title}: {i.name}", (i,), ((group.docname, group.title),))
             for i in listings]
    items = tuple(replace(i, how="download") if i.how == "code" else i for i in group.items)
    own = replace(group, items=items, related=(*group.related, *((p.docname, p.title) for p in pages)))
    return [own, *pages]
