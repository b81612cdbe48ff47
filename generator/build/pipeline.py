"""The one load -> check -> render -> write flow, shared by the CLI and the Sphinx extension.

The rules, the model and the renderers are imported by the functions that use them: a build whose
topologies are all unchanged needs none of them, and the CLI starts faster without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.artifacts import DEFAULT_OPTIONS, Artifact, RenderContext, RenderOptions
from generator.core.diagnostics import Diagnostic, cap_repeats, has_errors, sort_diagnostics
from generator.input.loader import Loaded, discover, duplicate_ids, load_file, source_name

if TYPE_CHECKING:
    from generator.build.convert_cache import ConversionCache
    from generator.derive.decisions import Decisions
    from generator.derive.derivation import Derivation
    from generator.estate.estate import Estate


@dataclass
class Checked:
    """A topology file after loading and rule checking, with the decisions derived to check it (each
    cluster's VCS configuration, the what-if model): rendering reuses them, so a build derives each once."""

    loaded: Loaded
    decisions: Decisions | None
    source_sha256: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_name: str = ""
    """The file's name in outputs, relative to its topology root (:func:`~generator.input.loader.source_name`);
    diagnostics name it by :func:`display_name`, relative to the working directory, for an editor."""

    @property
    def estate(self) -> Estate | None:
        return self.decisions.estate if self.decisions is not None else None

    @property
    def ok(self) -> bool:
        return self.estate is not None and not has_errors(self.diagnostics)


def display_name(path: Path) -> str:
    """Relative path when possible, so that no absolute path reaches an output or a message."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # elsewhere, or a symbolic link loop
        return str(path)


def check_file(path: Path, source: str | None = None) -> Checked:
    """Load and check one file; ``source`` is its name in outputs (default: the file name, a file given
    by itself being its own topology root)."""
    from generator.derive.decisions import Decisions
    from generator.estate.estate import Estate
    from generator.rules import check_topology

    loaded = load_file(path, display_name(path))
    digest, source = loaded.document.sha256, source or path.name
    if loaded.topology is None:
        return Checked(loaded, None, digest, sort_diagnostics(loaded.diagnostics), source)
    decisions = Decisions(Estate(loaded.topology))
    found = check_topology(decisions, loaded.document)
    return Checked(loaded, decisions, digest, cap_repeats(found), source)


def check_paths(paths: Sequence[Path]) -> tuple[list[Checked], list[Diagnostic]]:
    """Check every topology under ``paths``; returns results and all diagnostics, sorted."""
    files, problems = discover(list(paths))
    results = [check_file(f, source_name(f, paths)) for f in files]
    diagnostics = list(problems)
    for r in results:
        diagnostics.extend(r.diagnostics)
    diagnostics.extend(duplicate_ids(
        (r.loaded.path, r.loaded.topology.topology, r.loaded.document.mark(("topology",)))
        for r in results if r.loaded.topology is not None))
    return results, sort_diagnostics(diagnostics)


def render_context(checked: Checked, options: RenderOptions = DEFAULT_OPTIONS) -> RenderContext:
    """The context renderers see. Outputs name the topology relative to its topology root, never by an
    absolute path nor relative to the working directory."""
    return RenderContext(source_name=checked.source_name or Path(checked.loaded.path).name,
                         source_sha256=checked.source_sha256, change=options.change,
                         window=options.window, owner=options.owner, pdf=options.pdf)


def derivation(decisions: Decisions | Estate) -> Derivation:
    """What the renderers are given: the decisions the rules read (:attr:`Checked.decisions`; given an estate,
    they are derived here) and the planned migrations' plans, each with the results of the migration rules
    (the build runs rules; nothing below it does)."""
    from generator.derive.decisions import Decisions
    from generator.derive.derivation import Derivation
    from generator.derive.migration.case import planned_cases
    from generator.derive.migration.plan import plan_migration
    from generator.rules.migration_checks import run_checks

    made = decisions if isinstance(decisions, Decisions) else Decisions(decisions)
    return Derivation(made, tuple(plan_migration(case, run_checks(case)) for case in planned_cases(made.vcs)))


def render_checked(checked: Checked, options: RenderOptions = DEFAULT_OPTIONS,
                   only: Iterable[str] | None = None) -> list[Artifact]:
    from generator.formats.registry import render_all

    assert checked.decisions is not None
    context = render_context(checked, options)
    artifacts = render_all(derivation(checked.decisions), context, only)
    if not context.pdf:  # draft builds: leave out what needs the PDF engine
        artifacts = [a for a in artifacts if a.convert != "pdf"]
    return artifacts


def build_artifacts(checked: Checked, options: RenderOptions, cache: ConversionCache) -> list[tuple[Artifact, bytes]]:
    """A valid topology's files with their final bytes: the one function ``generator build`` and the
    Sphinx site take them from, so a site download and ``build --out`` are the same bytes."""
    return cache.materialize(render_checked(checked, options))


def check_bytes(data: bytes, display: str, source: str | None = None) -> Checked:
    """Like :func:`check_file` for content read elsewhere (``git show REV:PATH``); ``source`` is its name
    in outputs (default ``display``)."""
    import hashlib

    from generator.derive.decisions import Decisions
    from generator.estate.estate import Estate
    from generator.input.loader import validate_document
    from generator.input.source import Document, decode, parse_text
    from generator.rules import check_topology

    text, problems = decode(data, display)
    doc = Document(path=display, data=None, diagnostics=problems) if text is None else parse_text(text, display)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    loaded = validate_document(doc)
    source = source or display
    if loaded.topology is None:
        return Checked(loaded, None, doc.sha256, sort_diagnostics(loaded.diagnostics), source)
    decisions = Decisions(Estate(loaded.topology))
    return Checked(loaded, decisions, doc.sha256, sort_diagnostics(check_topology(decisions, loaded.document)),
                   source)
