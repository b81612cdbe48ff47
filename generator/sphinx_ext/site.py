"""Generate the site's pages from the topologies: the extension's one entry point.

Runs the CLI's flow (check every topology, then :func:`generator.build.pipeline.build_artifacts`, the
function ``generator build`` takes its files from, with the same content-addressed conversion cache),
then writes pages and artifacts under ``docs/_generated/`` with :func:`generator.build.writer.write_tree`, so a
file is rewritten only when its bytes change and files of a removed topology disappear.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.util import logging

from generator.build.cache import file_sha256
from generator.build.convert_cache import CONVERT_CACHE, ConversionCache
from generator.build.lock import output_lock
from generator.build.pipeline import Checked, build_artifacts, check_paths
from generator.build.writer import EngineError, previous_manifest, write_tree
from generator.core.artifacts import Artifact, RenderOptions
from generator.core.diagnostics import Diagnostic, Severity
from generator.core.faults import EnvironmentFault, output_fault
from generator.input.loader import discover
from generator.rules.engine import load_rules
from generator.sphinx_ext.present import FILES
from generator.sphinx_ext.reference_pages import reference_pages
from generator.sphinx_ext.topology_pages import topology_pages

LOG = logging.getLogger(__name__)
PAGE_KIND = "site-page"
TOPOLOGIES = "topologies"
"""Folder under the output holding one folder per topology."""

SITE_KEY = ".site-inputs"
"""File (never in the manifest) holding the hash of the inputs of the last run without errors."""

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


def _topology_outputs(checked: Checked, cache: ConversionCache, pdf: bool) -> tuple[list[Output], bool]:
    """The topology's artifacts and pages, and whether rendering it failed."""
    assert checked.loaded.topology is not None
    folder = f"{TOPOLOGIES}/{checked.loaded.topology.topology}"
    was_ok = checked.ok
    checked, converted = _rendered(checked, cache, pdf)
    outputs = [(folder, dataclasses.replace(a, path=f"{FILES}/{a.path}"), data) for a, data in converted]
    for path, data in topology_pages(checked, [a for a, _ in converted], load_rules()):
        outputs.append(_page(folder, path, data))
    return outputs, was_ok and not checked.ok


def site_outputs(confdir: Path, topologies: str, cache: ConversionCache, pdf: bool = True
                 ) -> tuple[list[Output], bool]:
    """Every generated file of the site, as ``(folder, artifact, bytes)``, and whether any topology had
    an error; reads topologies from confdir.

    ``pdf=False`` leaves out the artifacts that need the PDF engine (quick test builds).
    """
    with contextlib.chdir(confdir):
        results, diagnostics = check_paths([Path(topologies)])
    errors = _report(diagnostics)
    valid = sorted((r for r in results if r.loaded.topology is not None),
                   key=lambda r: r.loaded.topology.topology if r.loaded.topology else "")
    outputs: list[Output] = []
    for checked in valid:
        pages, failed = _topology_outputs(checked, cache, pdf)
        outputs.extend(pages)
        errors = errors or failed
    unread = [r for r in results if r.loaded.topology is None]
    for folder, path, data, kind in reference_pages(valid, unread):
        artifact = Artifact(path=path, kind=kind, format=Path(path).suffix[1:], data=data)
        outputs.append((folder, artifact, data))
    return outputs, errors


def _inputs_key(confdir: Path, topologies: str, pdf: bool) -> str:
    """What every generated file depends on: the topology files (names and bytes), the generator's code
    and engines, the rules registered in this process and the PDF option."""
    from generator.build.cache import generator_version

    digest = hashlib.sha256(f"{generator_version()}\0{pdf}\0".encode())
    digest.update(" ".join(f"{r.id}:{r.severity.value}" for r in load_rules().values()).encode())
    with contextlib.chdir(confdir):
        files, problems = discover([Path(topologies)])
    for path in files:
        if not (confdir / path).is_file():  # a folder or FIFO named like a topology: reported, never cached
            return ""
        digest.update(f"\0{path.as_posix()}\0".encode() + hashlib.sha256((confdir / path).read_bytes()).digest())
    return digest.hexdigest() if not problems else ""


def _unchanged(out: Path, key: str) -> int | None:
    """Number of generated files when the previous run had the same inputs, no error, and its files are
    on disk as written; else ``None``."""
    try:
        if not key or (out / SITE_KEY).read_text("utf-8") != key:
            return None
    except OSError:
        return None
    entries = previous_manifest(out)
    intact = all(file_sha256(out / e.get("path", "")) == e.get("sha256") for e in entries)
    return len(entries) if intact and entries else None


def generate(confdir: Path, topologies: str, output: str, pdf: bool = True) -> tuple[int, int, bool]:
    """Write every generated file under ``confdir/output``.

    Returns the number of files, how many changed, and whether the set of pages changed (pages
    were added or removed, so every page's navigation needs rewriting).
    """
    out = confdir / output
    with output_lock(out):
        key = _inputs_key(confdir, topologies, pdf)
        unchanged = _unchanged(out, key)
        if unchanged is not None:  # a no-op build loads no topology and converts nothing
            return unchanged, 0, False
        before = {e["path"] for e in previous_manifest(out) if e.get("kind") == PAGE_KIND}
        cache = ConversionCache(out / CONVERT_CACHE)
        outputs, errors = site_outputs(confdir, topologies, cache, pdf)
        written, changed = write_tree(out, outputs, cache=(SITE_KEY, b"" if errors else key.encode()))
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
                                             app.config.docgen_output, bool(app.config.docgen_pdf))
    except EnvironmentFault as fault:
        raise SphinxError(str(fault)) from None
    except OSError as error:
        raise SphinxError(str(output_fault(error, app.config.docgen_output))) from None
    if new_pages:
        app.connect("env-get-outdated", _all_docs)
    LOG.info("docgen: %d generated file(s), %d changed", files, changed)
