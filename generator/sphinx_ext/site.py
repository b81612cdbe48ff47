"""Generate the site's pages from the topologies: the extension's one entry point.

Runs the CLI's flow (check every topology, then :func:`generator.build.pipeline.build_artifacts`, the
function ``generator build`` takes its files from, with the same content-addressed conversion cache),
then writes pages and artifacts under ``docs/_generated/`` with :func:`generator.build.writer.write_tree`, so a
file is rewritten only when its bytes change and files of a removed topology disappear. A topology whose
file and the generator are unchanged since the previous run is not loaded again: its files stay as they
are (:mod:`generator.sphinx_ext.site_cache`), so editing one topology among ten checks and renders one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.util import logging

from generator.build.cache import file_sha256
from generator.build.change_since import ChangeSince, change_since
from generator.build.convert_cache import CONVERT_CACHE, ConversionCache, conversion_key
from generator.build.history import repository_state
from generator.build.lock import output_lock
from generator.build.pipeline import Checked, build_artifacts, check_file, display_name
from generator.build.writer import EngineError, Written, previous_manifest, write_tree
from generator.core.artifacts import Artifact, RenderOptions
from generator.core.diagnostics import Diagnostic, Severity, sort_diagnostics
from generator.core.faults import EnvironmentFault, output_fault
from generator.input.loader import discover, duplicate_ids, source_name
from generator.rules.engine import load_rules
from generator.sphinx_ext import site_cache
from generator.sphinx_ext.present import FILES
from generator.sphinx_ext.reference_pages import reference_pages, topology_row
from generator.sphinx_ext.site_cache import SITE_CACHE, SiteEntry, topology_key
from generator.sphinx_ext.topology_pages import topology_pages

LOG = logging.getLogger(__name__)
PAGE_KIND = "site-page"
TOPOLOGIES = "topologies"
"""Folder under the output holding one folder per topology."""

Output = tuple[str, Artifact, bytes]


def _report(diagnostics: list[Diagnostic]) -> bool:
    """Errors become Sphinx warnings (the build uses -W); rule warnings are shown on the pages.
    True when there was an error."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    for d in errors:
        LOG.warning("%s[%s]: %s", d.severity.value, d.rule, d.message, location=f"{d.file}:{d.line}:{d.col}")
    return bool(errors)


def _page(folder: str, path: str, data: bytes) -> Output:
    return folder, Artifact(path=path, kind=PAGE_KIND, format="md", data=data), data


def _rendered(checked: Checked, cache: ConversionCache, pdf: bool) -> tuple[Checked, list[tuple[Artifact, bytes]]]:
    """The topology's converted artifacts; an engine failure (``dot``, Typst) becomes a located error on
    this topology's pages (and a Sphinx warning), not the end of the whole site build."""
    if not checked.ok:
        return checked, []
    try:
        return checked, build_artifacts(checked, RenderOptions(pdf=pdf), cache)
    except EngineError as fault:
        problem = Diagnostic(checked.loaded.path, 1, 1, Severity.ERROR, "BUILD001", f"cannot render: {fault}")
        _report([problem])
        return dataclasses.replace(checked, diagnostics=[*checked.diagnostics, problem]), []


def _change(checked: Checked, path: Path, cache: ConversionCache, pdf: bool) -> ChangeSince | None:
    """The change runbook from the topology's previous committed revision (a valid topology only)."""
    if not checked.ok:
        return None
    try:
        return change_since(checked, path, cache, pdf)
    except EngineError as fault:
        _report([Diagnostic(checked.loaded.path, 1, 1, Severity.ERROR, "BUILD001", f"cannot render: {fault}")])
        return None


def _topology_outputs(checked: Checked, source: Path, cache: ConversionCache, pdf: bool
                      ) -> tuple[list[Output], SiteEntry | None]:
    """The topology's artifacts and pages (``source`` is its file, for its git history), and what the site
    cache keeps of them (``None`` when the topology has an error: it is checked, reported and rendered
    again on every run)."""
    assert checked.loaded.topology is not None
    topology = checked.loaded.topology.topology
    folder = f"{TOPOLOGIES}/{topology}"
    checked, converted = _rendered(checked, cache, pdf)
    change = _change(checked, source, cache, pdf)
    converted += change.artifacts if change else ()
    outputs = [(folder, dataclasses.replace(a, path=f"{FILES}/{a.path}"), data) for a, data in converted]
    for path, data in topology_pages(checked, [a for a, _ in converted], load_rules(), change):
        outputs.append(_page(folder, path, data))
    if not checked.ok:
        return outputs, None
    files = tuple(Written(f"{f}/{a.path}", a.kind, f, a.format, hashlib.sha256(d).hexdigest()) for f, a, d in outputs)
    mark = checked.loaded.document.mark(("topology",))
    kept = (*(conversion_key(a) for a, _ in converted if a.convert), *(change.cache_keys if change else ()))
    return outputs, SiteEntry("", topology, mark, topology_row(checked), files, kept)


@dataclass
class _Site:
    outputs: list[Output]
    kept: list[Written]
    entries: dict[str, SiteEntry]
    """Topologies without errors by file name, for the next run (their key not filled in yet)."""
    errors: bool


def _site(root: Path, found: tuple[list[Path], list[Diagnostic]], reused: dict[str, SiteEntry],
          cache: ConversionCache, pdf: bool) -> _Site:
    """Every generated file from the topology files ``found`` under ``root`` (and the problems finding
    them): ``reused`` topologies (by file name) keep their files, the others are checked and rendered;
    runs in the configuration folder."""
    files, problems = found
    checked = {f: check_file(f, source_name(f, [root])) for f in files if display_name(f) not in reused}
    results = list(checked.values())
    where = {r.loaded.path: f for f, r in checked.items()}
    diagnostics = [*problems, *(d for r in results for d in r.diagnostics)]
    valid = [r for r in results if r.loaded.topology is not None]
    ids = [(r.loaded.path, r.loaded.topology.topology, r.loaded.document.mark(("topology",)))
           for r in valid if r.loaded.topology is not None]
    duplicates = duplicate_ids([*ids, *((name, e.topology, e.mark) for name, e in reused.items())])
    if duplicates and reused:  # two files would share one folder: generate everything as before
        return _site(root, found, {}, cache, pdf)
    errors = _report(sort_diagnostics([*diagnostics, *duplicates]))
    site = _Site([], [w for e in reused.values() for w in e.files], dict(reused), errors)
    cache.keep(key for e in reused.values() for key in e.conversions)
    for one in sorted(valid, key=lambda r: r.loaded.topology.topology if r.loaded.topology else ""):
        outputs, entry = _topology_outputs(one, where[one.loaded.path], cache, pdf)
        site.outputs.extend(outputs)
        if entry is not None:
            site.entries[one.loaded.path] = entry
        site.errors = site.errors or (entry is None and one.ok)
    rows = sorted([*(e.row for e in reused.values()), *(topology_row(r) for r in valid)], key=lambda r: r["id"])
    unread = [r for r in results if r.loaded.topology is None]
    for folder, path, data, kind in reference_pages(rows, unread):
        site.outputs.append((folder, Artifact(path=path, kind=kind, format=Path(path).suffix[1:], data=data), data))
    return site


def site_outputs(confdir: Path, topologies: str, cache: ConversionCache, pdf: bool = True
                 ) -> tuple[list[Output], bool]:
    """Every generated file of the site, as ``(folder, artifact, bytes)``, and whether any topology had
    an error; reads topologies from confdir.

    ``pdf=False`` leaves out the artifacts that need the PDF engine (quick test builds).
    """
    with contextlib.chdir(confdir):
        site = _site(Path(topologies), discover([Path(topologies)]), {}, cache, pdf)
    return site.outputs, site.errors


def _common_key(pdf: bool, topologies: Path) -> str:
    """What every page depends on besides its topology: the generator's code and engines, the rules
    registered in this process, the PDF option and the git commit the topologies are at (with a file's
    bytes it decides the file's previous revision: a new commit regenerates every topology's pages, whose
    conversions and change plans come from the caches)."""
    from generator.build.cache import generator_version

    rules = " ".join(f"{r.id}:{r.severity.value}" for r in load_rules().values())
    state = repository_state(topologies)
    return hashlib.sha256(f"{generator_version()}\0{pdf}\0{rules}\0{state}".encode()).hexdigest()


def _sources(confdir: Path, files: list[Path], common: str) -> dict[str, str]:
    """Each topology file's :func:`topology_key` by file name; a folder or FIFO named like a topology
    has none (it is reported, never reused)."""
    keys = {}
    for path in files:
        if (confdir / path).is_file():
            with contextlib.chdir(confdir):
                name = display_name(path)
            keys[name] = topology_key(common, name, (confdir / path).read_bytes())
    return keys


def _inputs_key(common: str, keys: dict[str, str], complete: bool) -> str:
    """Hash of every input of the site; "" when some file cannot be hashed or was not discovered."""
    if not complete:
        return ""
    return hashlib.sha256("".join(f"{name}\0{keys[name]}\0" for name in sorted(keys)).encode()
                          + common.encode()).hexdigest()


def _unchanged(out: Path, key: str, previous: str) -> int | None:
    """Number of generated files when the previous run had the same inputs, no error, and its files are
    on disk as written; else ``None``."""
    if not key or key != previous:
        return None
    entries = previous_manifest(out)
    intact = all(file_sha256(out / e.get("path", "")) == e.get("sha256") for e in entries)
    return len(entries) if intact and entries else None


def generate(confdir: Path, topologies: str, output: str, pdf: bool = True, conversions_from: Sequence[str] = ()
             ) -> tuple[int, int, bool]:
    """Write every generated file under ``confdir/output``; a topology whose inputs are unchanged since
    the previous run (:mod:`generator.sphinx_ext.site_cache`) keeps its files and is not loaded.

    Returns the number of files, how many changed, and whether the set of pages changed (pages
    were added or removed, so every page's navigation needs rewriting).
    """
    out = confdir / output
    with output_lock(out):
        common = _common_key(pdf, confdir / topologies)
        with contextlib.chdir(confdir):
            files, problems = discover([Path(topologies)])
        keys = _sources(confdir, files, common)
        key = _inputs_key(common, keys, len(keys) == len(files) and not problems)
        previous_key, previous = site_cache.load(out)
        unchanged = _unchanged(out, key, previous_key)
        if unchanged is not None:  # a no-op build loads no topology and converts nothing
            return unchanged, 0, False
        before = {e["path"] for e in previous_manifest(out) if e.get("kind") == PAGE_KIND}
        reused = {n: e for n, e in previous.items() if n in keys and e.key == keys[n] and e.intact(out)}
        cache = ConversionCache(out / CONVERT_CACHE, [confdir / folder for folder in conversions_from])
        with contextlib.chdir(confdir):
            site = _site(Path(topologies), (files, problems), reused, cache, pdf)
        entries = {n: dataclasses.replace(e, key=keys[n]) for n, e in site.entries.items() if n in keys}
        state = site_cache.dump("" if site.errors else key, entries)
        written, changed = write_tree(out, site.outputs, site.kept, cache=(SITE_CACHE, state))
        cache.prune()
    after = {w.path for w in written if w.kind == PAGE_KIND}
    return len(written), changed, before != after


def _all_docs(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    return sorted(env.found_docs)


def generate_site(app: Sphinx) -> None:
    """``builder-inited`` handler: (re)write the generated pages that changed."""
    try:
        files, changed, new_pages = generate(Path(app.confdir), app.config.docgen_topologies,
                                             app.config.docgen_output, bool(app.config.docgen_pdf),
                                             list(app.config.docgen_conversions_from))
    except EnvironmentFault as fault:
        raise SphinxError(str(fault)) from None
    except OSError as error:
        raise SphinxError(str(output_fault(error, app.config.docgen_output))) from None
    if new_pages:
        app.connect("env-get-outdated", _all_docs)
    LOG.info("docgen: %d generated file(s), %d changed", files, changed)
