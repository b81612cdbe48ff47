"""Build orchestration: many topologies, both cores, only the work whose inputs changed.

1. Plan: a topology whose file, code version and options match the cache, and whose outputs are on
   disk unchanged, is reused without being loaded.
2. Check, render and convert the others, in a process pool when there are several (topologies are
   independent): each worker runs one ``dot`` process for all of its topology's graphs (skipped when
   that DOT batch is unchanged) and Typst for each PDF whose Typst source changed.
3. Stop with every diagnostic if any input is wrong: nothing in OUT has been touched yet.
4. Write: changed files are staged in full and then renamed into place (:func:`write_tree`), then the
   manifest, then the cache. A build killed before step 4 leaves the previous output untouched.

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
    dot_batch_hash,
    file_sha256,
    generator_version,
    load_cache,
    options_hash,
    outputs_intact,
)
from generator.build.pipeline import check_file, display_name, render_checked
from generator.build.progress import Progress
from generator.build.writer import Written, dot_batch_to_svg, typst_to_pdf, write_tree
from generator.core.artifacts import Artifact
from generator.core.diagnostics import Diagnostic, InputError, Severity, has_errors, sort_diagnostics
from generator.input.loader import discover


@dataclass
class Rendered:
    """A topology checked (and rendered when it passed), as returned by a worker."""

    display: str
    sha256: str
    topology: str | None
    id_mark: tuple[int, int]
    diagnostics: list[Diagnostic]
    artifacts: list[Artifact] | None
    outputs: dict[str, bytes | None] = field(default_factory=dict)
    """Final bytes per artifact path; ``None`` where the engine input is unchanged (reuse the file)."""


@dataclass
class BuildReport:
    """What a build did."""

    written: list[Written]
    changed: int
    diagnostics: list[Diagnostic]
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


def check_and_render(path: Path, options: dict[str, str], strict: bool,
                     old: CachedTopology | None = None) -> Rendered:
    """Worker: load, check, render and convert one topology file (engines only where inputs changed)."""
    checked = check_file(path)
    topology = checked.loaded.topology
    mark = checked.loaded.document.mark(("topology",)) if topology else (1, 1)
    acceptable = checked.ok and not has_errors(checked.diagnostics, strict)
    artifacts = render_checked(checked, options) if acceptable else None
    result = Rendered(checked.loaded.path, checked.source_sha256, topology.topology if topology else None,
                      mark, checked.diagnostics, artifacts)
    if artifacts is not None and topology is not None:
        same_folder = old is not None and old.topology == topology.topology
        result.outputs = _engine_outputs(artifacts, old if same_folder else None)
    return result


def _engine_outputs(artifacts: list[Artifact], old: CachedTopology | None) -> dict[str, bytes | None]:
    """Run ``dot`` (one process for all of the topology's graphs) and Typst where inputs changed."""
    before = {a.path: a for a in old.artifacts} if old else {}
    outputs: dict[str, bytes | None] = {a.path: a.data for a in artifacts if a.convert is None}
    dots = [a for a in artifacts if a.convert == "svg"]
    unchanged = old is not None and old.dot_batch == dot_batch_hash([a.data for a in dots])
    if dots and unchanged and all(a.path in before for a in dots):
        outputs.update({a.path: None for a in dots})
    elif dots:
        outputs.update(zip((a.path for a in dots), dot_batch_to_svg([a.data for a in dots]), strict=True))
    for a in (a for a in artifacts if a.convert == "pdf"):
        was = before.get(a.path)
        same = was is not None and (was.source_hash, was.convert) == (conversion_hash(a), a.convert)
        outputs[a.path] = None if same else typst_to_pdf(a.data)
    return outputs


def _plan(files: list[Path], out: Path, cache: dict[str, CachedTopology], code: str, options: str
          ) -> tuple[list[Path], dict[str, CachedTopology]]:
    todo, reused = [], {}
    for path in files:
        name = display_name(path)
        entry = cache.get(name)
        if (entry is not None and (entry.code, entry.options) == (code, options)
                and file_sha256(path) == entry.sha256 and outputs_intact(out, entry)):
            reused[name] = entry
        else:
            todo.append(path)
    return todo, reused


def _duplicate_ids(rendered: list[Rendered], reused: dict[str, CachedTopology]) -> list[Diagnostic]:
    seen: dict[str, str] = {}
    found = []
    items = [(r.display, r.topology, r.id_mark) for r in rendered if r.topology]
    items += [(name, e.topology, e.id_mark) for name, e in reused.items()]
    for display, topology, (line, col) in sorted(items):
        assert topology is not None
        if topology in seen:
            found.append(Diagnostic(display, line, col, Severity.ERROR, "TOPO001",
                                    f"topology id {topology!r} is also used by {seen[topology]}",
                                    "each topology needs its own id: it names the output folder"))
        else:
            seen[topology] = display
    return found


def _run_checks(todo: list[Path], options: dict[str, str], strict: bool, pool: Executor | None,
                progress: Progress, cache: dict[str, CachedTopology]) -> list[Rendered]:
    task = progress.task("check, render, convert", len(todo))
    results = []
    olds = [cache.get(display_name(path)) for path in todo]
    if pool is None:
        for path, old in zip(todo, olds, strict=True):
            results.append(check_and_render(path, options, strict, old))
            progress.advance(task)
        return results
    futures = [pool.submit(check_and_render, path, options, strict, old)
               for path, old in zip(todo, olds, strict=True)]
    for future in futures:
        results.append(future.result())
        progress.advance(task)
    return results


def _reuse_file(out: Path, topology: str, artifact: Artifact,
                old: dict[str, CachedArtifact]) -> bytes | None:
    """Bytes already on disk for an artifact whose engine input is unchanged, else ``None``."""
    cached = old.get(artifact.path)
    if cached is None or (cached.source_hash, cached.convert) != (conversion_hash(artifact), artifact.convert):
        return None
    try:
        data = (out / topology / artifact.path).read_bytes()
    except OSError:
        return None
    return data if _sha(data) == cached.sha256 else None


def _final_bytes(rendered: list[Rendered], out: Path, cache: dict[str, CachedTopology]
                 ) -> dict[tuple[str, str], bytes]:
    """Final bytes per (display, artifact path): files reused from disk where the workers said so.

    A file that should be reused but is missing or was edited is converted again here (the whole DOT
    batch of its topology, so the bytes are the same as a full build's).
    """
    final: dict[tuple[str, str], bytes] = {}
    for r in rendered:
        assert r.artifacts is not None and r.topology is not None
        entry = cache.get(r.display)
        before = {a.path: a for a in entry.artifacts} if entry else {}
        missing = []
        for a in r.artifacts:
            data = r.outputs[a.path]
            data = data if data is not None else _reuse_file(out, r.topology, a, before)
            if data is None:
                missing.append(a)
            else:
                final[(r.display, a.path)] = data
        if missing:
            redo = _engine_outputs(r.artifacts, None)
            final.update({(r.display, a.path): redo[a.path] or b"" for a in missing})
    return final


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cache_entry(r: Rendered, code: str, options: str,
                 final: dict[tuple[str, str], bytes]) -> CachedTopology:
    assert r.artifacts is not None and r.topology is not None
    arts = tuple(CachedArtifact(a.path, a.kind, a.format, _sha(final[(r.display, a.path)]), conversion_hash(a),
                                a.convert) for a in r.artifacts)
    dots = [a.data for a in r.artifacts if a.convert == "svg"]
    return CachedTopology(r.sha256, code, options, r.topology, r.id_mark, dot_batch_hash(dots),
                          tuple(r.diagnostics), arts)


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
    with ProcessPoolExecutor(max_workers=min(jobs, work), mp_context=context) as pool:
        yield pool


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def build_tree(paths: Sequence[Path], out: Path, strict: bool = False,
               options: dict[str, str] | None = None, jobs: int | None = None,
               progress: Progress | None = None) -> BuildReport:
    """Check, render and write every topology under ``paths`` into ``out``, reusing what has not changed.

    Raises :class:`InputError` (before anything in ``out`` changes) when the input is wrong.
    """
    opts = dict(options or {})
    progress = progress or Progress.for_stderr()
    files, problems = discover(list(paths))
    cache, code, opts_key = load_cache(out), generator_version(), options_hash(opts)
    todo, reused = _plan(files, out, cache, code, opts_key)
    with progress, _pool(jobs or default_jobs(), len(todo)) as pool:
        rendered = _run_checks(todo, opts, strict, pool, progress, cache)
        diagnostics = list(problems) + _duplicate_ids(rendered, reused)
        diagnostics += [d for r in rendered for d in r.diagnostics]
        diagnostics += [d for e in reused.values() for d in e.diagnostics]
        diagnostics = sort_diagnostics(diagnostics)
        if has_errors(diagnostics, strict) or not files:
            raise InputError(diagnostics)
    final = _final_bytes(rendered, out, cache)
    entries = {name: e for name, e in reused.items()}
    entries.update({r.display: _cache_entry(r, code, opts_key, final) for r in rendered})
    kept = [Written(f"{e.topology}/{a.path}", a.kind, e.topology, a.format, a.sha256)
            for e in reused.values() for a in e.artifacts]
    outputs = [(r.topology or "", a, final[(r.display, a.path)])
               for r in rendered for a in r.artifacts or []]
    written, changed = write_tree(out, outputs, kept, (CACHE, cache_bytes(entries)))
    return BuildReport(written, changed, diagnostics, sorted(r.display for r in rendered), sorted(reused))
