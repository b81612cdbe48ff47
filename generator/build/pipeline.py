"""The one load -> check -> render -> write flow, shared by the CLI and the Sphinx extension.

The rules, the model and the renderers are imported by the functions that use them: a build whose
topologies are all unchanged needs none of them, and the CLI starts faster without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.artifacts import Artifact, RenderContext
from generator.core.diagnostics import Diagnostic, cap_repeats, has_errors, sort_diagnostics
from generator.input.loader import Loaded, discover, load_file

if TYPE_CHECKING:
    from generator.build.convert_cache import ConversionCache
    from generator.build.writer import Written
    from generator.estate.estate import Estate


@dataclass
class Checked:
    """A topology file after loading and rule checking."""

    loaded: Loaded
    estate: Estate | None
    source_sha256: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.estate is not None and not has_errors(self.diagnostics)


def display_name(path: Path) -> str:
    """Relative path when possible, so that no absolute path reaches an output or a message."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # elsewhere, or a symbolic link loop
        return str(path)


def check_file(path: Path) -> Checked:
    from generator.estate.estate import Estate
    from generator.rules import check_topology

    name = display_name(path)
    loaded = load_file(path, name)
    digest = loaded.document.sha256
    if loaded.topology is None:
        return Checked(loaded, None, digest, sort_diagnostics(loaded.diagnostics))
    estate = Estate(loaded.topology)
    found = check_topology(estate, loaded.document)
    return Checked(loaded, estate, digest, cap_repeats(found))


def check_paths(paths: Sequence[Path]) -> tuple[list[Checked], list[Diagnostic]]:
    """Check every topology under ``paths``; returns results and all diagnostics, sorted."""
    files, problems = discover(list(paths))
    results = [check_file(f) for f in files]
    diagnostics = list(problems)
    for r in results:
        diagnostics.extend(r.diagnostics)
    ids: dict[str, str] = {}
    for r in results:
        t = r.loaded.topology
        if t is None:
            continue
        if t.topology in ids:
            diagnostics.append(r.loaded.document.error(
                ("topology",), "TOPO001",
                f"topology id {t.topology!r} is also used by {ids[t.topology]}",
                "each topology needs its own id: it names the output folder"))
        else:
            ids[t.topology] = r.loaded.path
    return results, sort_diagnostics(diagnostics)


def render_context(checked: Checked, options: dict[str, str] | None = None) -> RenderContext:
    """The context renderers see. Outputs never carry an absolute path: a topology outside the working
    folder is named by its file name."""
    opts = options or {}
    source = checked.loaded.path
    source_name = Path(source).name if Path(source).is_absolute() else source
    return RenderContext(source_name=source_name, source_sha256=checked.source_sha256,
                         change=opts.get("change", ""), window=opts.get("window", ""),
                         owner=opts.get("owner", ""), pdf=opts.get("pdf", "1") != "0")


def render_checked(checked: Checked, options: dict[str, str] | None = None,
                   only: Iterable[str] | None = None) -> list[Artifact]:
    from generator.formats.registry import render_all

    assert checked.estate is not None
    opts = options or {}
    context = render_context(checked, opts)
    artifacts = render_all(checked.estate, context, only)
    if not context.pdf:  # draft builds: leave out what needs the PDF engine
        artifacts = [a for a in artifacts if a.convert != "pdf"]
    return artifacts


def build_artifacts(checked: Checked, options: dict[str, str] | None,
                    cache: ConversionCache) -> list[tuple[Artifact, bytes]]:
    """A valid topology's files with their final bytes: the one function ``generator build`` and the
    Sphinx site take them from, so a site download and ``build --out`` are the same bytes."""
    return cache.materialize(render_checked(checked, options))


def build(paths: Sequence[Path], out: Path, strict: bool = False, options: dict[str, str] | None = None,
          jobs: int | None = None) -> tuple[list[Written], int, list[Diagnostic]]:
    """Check, render and write every topology; raises :class:`InputError` when the input is wrong.

    Incremental, parallel and atomic: see :mod:`generator.build.orchestrate`. One build at a time
    per output folder (:mod:`generator.build.lock`).
    """
    from generator.build.lock import output_lock
    from generator.build.orchestrate import build_tree  # the orchestrator imports this module
    from generator.core.faults import output_fault

    with output_lock(out):
        try:
            report = build_tree(paths, out, strict, options, jobs)
        except OSError as error:
            raise output_fault(error, str(out)) from None
    return report.written, report.changed, report.diagnostics


def check_bytes(data: bytes, display: str) -> Checked:
    """Like :func:`check_file` for content read elsewhere (``git show REV:PATH``)."""
    import hashlib

    from generator.estate.estate import Estate
    from generator.input.loader import validate_document
    from generator.input.source import Document, decode, parse_text
    from generator.rules import check_topology

    text, problems = decode(data, display)
    doc = Document(path=display, data=None, diagnostics=problems) if text is None else parse_text(text, display)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    loaded = validate_document(doc)
    if loaded.topology is None:
        return Checked(loaded, None, doc.sha256, sort_diagnostics(loaded.diagnostics))
    estate = Estate(loaded.topology)
    return Checked(loaded, estate, doc.sha256, sort_diagnostics(check_topology(estate, loaded.document)))
