"""Build orchestration: many topologies, both cores, only the work whose inputs changed.

1. Plan: a topology whose file, code version and options match the cache, and whose outputs are on
   disk unchanged, is reused without being loaded.
2. Check, render and convert the others, in a process pool when there are several (topologies are
   independent), through the content-addressed conversion cache (:mod:`generator.build.convert_cache`,
   the same one the Sphinx site uses): ``dot`` runs once per graph and Typst once per runbook whose
   engine input is not in the cache yet.
3. Stop with every diagnostic if any input is wrong: no output in OUT has been touched yet (the hidden
   conversion cache may hold new entries, which are never wrong: they are named by their input).
4. Write: changed files are staged in full and then renamed into place (:func:`write_tree`), then the
   manifest, then the cache; conversions no output came from are pruned. A build killed before step 4
   leaves the previous output untouched.

Progress goes to standard error with rich, only when it is a terminal."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.cache import (
    CACHE,
    CachedArtifact,
    CachedTopology,
    cache_bytes,
    conversion_hash,
    file_sha256,
    generator_version,
    load_cache,
    options_hash,
    outputs_intact,
)
from generator.build.convert_cache import CONVERT_CACHE, ConversionCache, conversion_key
from generator.build.pdf_engine import new_build
from generator.build.pipeline import build_artifacts, check_file, display_name
from generator.build.progress import Progress
from generator.build.writer import Written, write_tree
from generator.core.artifacts import DEFAULT_OPTIONS, Artifact, RenderOptions
from generator.core.diagnostics import Diagnostic, InputError, has_errors, sort_diagnostics
from generator.input.loader import discover, duplicate_ids, source_name


@dataclass
class Rendered:
    """A topology checked (and rendered when it passed), as returned by a worker."""

    display: str
    source: str
    """The file's name relative to its topology root: the cache key, cwd-independent like the outputs."""
    sha256: str
    topology: str | None
    id_mark: tuple[int, int]
    diagnostics: list[Diagnostic]
    artifacts: list[Artifact] | None
    outputs: dict[str, bytes] = field(default_factory=dict)
    """Final bytes per artifact path."""


@dataclass
class BuildReport:
    """What a build did."""

    written: list[Written]
    changed: int
    diagnostics: list[Diagnostic]
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def check_and_render(path: Path, source: str, options: RenderOptions, strict: bool, out: Path) -> Rendered:
    """Worker: load, check, render and convert one topology file (engines only for new engine inputs)."""
    checked = check_file(path, source)
    topology = checked.loaded.topology
    mark = checked.loaded.document.mark(("topology",)) if topology else (1, 1)
    acceptable = checked.ok and not has_errors(checked.diagnostics, strict)
    result = Rendered(checked.loaded.path, source, checked.source_sha256, topology.topology if topology else None,
                      mark, checked.diagnostics, None)
    if acceptable:
        converted = build_artifacts(checked, options, ConversionCache(out / CONVERT_CACHE))
        result.artifacts = [a for a, _ in converted]
        result.outputs = {a.path: data for a, data in converted}
    return result


def _plan(files: list[tuple[Path, str]], out: Path, cache: dict[str, CachedTopology], code: str, options: str
          ) -> tuple[list[tuple[Path, str]], dict[str, CachedTopology]]:
    """What to render, and the cache entries to reuse keyed by the file's display name (their
    diagnostics renamed to it: the cache names files relative to their topology root)."""
    todo, reused = [], {}
    for path, source in files:
        entry = cache.get(source)
        if (entry is not None and (entry.code, entry.options) == (code, options)
                and file_sha256(path) == entry.sha256 and outputs_intact(out, entry)):
            name = display_name(path)
            reused[name] = entry.named(source, name)
        else:
            todo.append((path, source))
    return todo, reused


def _duplicate_ids(rendered: list[Rendered], reused: dict[str, CachedTopology]) -> list[Diagnostic]:
    items = [(r.display, r.topology, r.id_mark) for r in rendered if r.topology]
    items += [(name, e.topology, e.id_mark) for name, e in reused.items() if e.topology]
    return duplicate_ids(items)


def _run_checks(todo: list[tuple[Path, str]], options: RenderOptions, strict: bool, pool: Executor | None,
                progress: Progress, out: Path) -> list[Rendered]:
    task = progress.task("check, render, convert", len(todo))
    results = []
    if pool is None:
        for path, source in todo:
            results.append(check_and_render(path, source, options, strict, out))
            progress.advance(task)
        return results
    futures = [pool.submit(check_and_render, path, source, options, strict, out) for path, source in todo]
    for future in futures:
        results.append(future.result())
        progress.advance(task)
    return results


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cache_entry(r: Rendered, code: str, options: str) -> CachedTopology:
    assert r.artifacts is not None and r.topology is not None
    arts = tuple(CachedArtifact(a.path, a.kind, a.format, _sha(r.outputs[a.path]), conversion_hash(a),
                                a.convert) for a in r.artifacts)
    return CachedTopology(r.sha256, code, options, r.topology, r.id_mark, tuple(r.diagnostics), arts
                          ).named(r.display, r.source)


def _prune_conversions(out: Path, rendered: list[Rendered], reused: dict[str, CachedTopology]) -> None:
    """Drop cached conversions that no output of this build came from."""
    cache = ConversionCache(out / CONVERT_CACHE)
    cache.keep(conversion_key(a) for r in rendered for a in r.artifacts or [] if a.convert)
    cache.keep(f"{a.source_hash}.{a.convert}" for e in reused.values() for a in e.artifacts if a.convert)
    cache.prune()


@contextmanager
def _pool(jobs: int, work: int) -> Iterator[Executor | None]:
    if jobs <= 1 or work <= 1:
        yield None
        return
    import multiprocessing  # here: a build of one topology never needs it
    from concurrent.futures import ProcessPoolExecutor

    # forkserver, not fork: the PDF engine runs threads, and a process forked from one that has
    # compiled a PDF (a test run, the site) would inherit a thread pool whose threads are gone.
    context = multiprocessing.get_context("forkserver")
    from generator.build.workers import watch_parent

    with ProcessPoolExecutor(max_workers=min(jobs, work), mp_context=context,
                             initializer=watch_parent, initargs=(os.getpid(),)) as pool:
        yield pool


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def build_tree(paths: Sequence[Path], out: Path, strict: bool = False,
               options: RenderOptions = DEFAULT_OPTIONS, jobs: int | None = None,
               progress: Progress | None = None) -> BuildReport:
    """Check, render and write every topology under ``paths`` into ``out``, reusing what has not changed.

    Raises :class:`InputError` (before anything in ``out`` changes) when the input is wrong.
    """
    progress = progress or Progress.for_stderr()
    new_build()
    files, problems = discover(list(paths))
    cache, code, opts_key = load_cache(out), generator_version(), options_hash(options)
    named = [(f, source_name(f, list(paths))) for f in files]
    todo, reused = _plan(named, out, cache, code, opts_key)
    with progress, _pool(jobs or default_jobs(), len(todo)) as pool:
        rendered = _run_checks(todo, options, strict, pool, progress, out)
        diagnostics = list(problems) + _duplicate_ids(rendered, reused)
        diagnostics += [d for r in rendered for d in r.diagnostics]
        diagnostics += [d for e in reused.values() for d in e.diagnostics]
        diagnostics = sort_diagnostics(diagnostics)
        if has_errors(diagnostics, strict) or not files:
            raise InputError(diagnostics)
    sources = {display_name(f): source for f, source in named}
    entries = {sources[name]: e.named(name, sources[name]) for name, e in reused.items()}
    entries.update({r.source: _cache_entry(r, code, opts_key) for r in rendered})
    kept = [Written(f"{e.topology}/{a.path}", a.kind, e.topology, a.format, a.sha256)
            for e in reused.values() for a in e.artifacts]
    outputs = [(r.topology or "", a, r.outputs[a.path]) for r in rendered for a in r.artifacts or []]
    written, changed = write_tree(out, outputs, kept, (CACHE, cache_bytes(entries)))
    _prune_conversions(out, rendered, reused)
    return BuildReport(written, changed, diagnostics, sorted(r.display for r in rendered), sorted(reused))


def build(paths: Sequence[Path], out: Path, strict: bool = False, options: RenderOptions = DEFAULT_OPTIONS,
          jobs: int | None = None) -> tuple[list[Written], int, list[Diagnostic]]:
    """Check, render and write every topology; raises :class:`InputError` when the input is wrong.

    One build at a time per output folder (:mod:`generator.build.lock`); an operating-system error while
    writing is an environment fault naming the file under ``out``.
    """
    from generator.build.lock import output_lock
    from generator.core.faults import output_fault

    with output_lock(out):
        try:
            report = build_tree(paths, out, strict, options, jobs)
        except OSError as error:
            raise output_fault(error, str(out)) from None
    return report.written, report.changed, report.diagnostics
