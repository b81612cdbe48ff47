"""The change runbook from a topology's previous committed revision to its working file (the site's page).

The same flow as ``generator change --since``: the old revision is checked like any topology, the change is
planned once, and its runbook is rendered to Markdown, print HTML and PDF by the renderers every runbook
goes through (the PDF through the content-addressed conversion cache). The runbook's title names the
commit (hash, date, subject), never the build time. When the old revision has errors or the change is one
the planner refuses, there is no runbook: the located diagnostics are the result.

The result is kept in the conversion cache under a hash of both revisions' bytes, the commit, the
generator's version and the PDF option, so a site build plans each change once: later builds read it back
(an unchanged topology costs one read), and a new commit or a new generator plans again.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build.convert_cache import ConversionCache
from generator.build.history import NoHistory, Revision, previous_revision
from generator.build.pipeline import Checked, check_bytes, render_context
from generator.build.writer import write_if_changed
from generator.core.artifacts import Artifact, RenderOptions
from generator.core.diagnostics import Diagnostic, Severity

CHANGE_SINCE = "change-since"
"""Runbook id (file stem under ``runbooks/``) of the change runbook from the previous revision."""


@dataclass(frozen=True)
class ChangeSince:
    """The change from the previous revision: its runbook's files, or why there is none."""

    history: Revision | NoHistory
    artifacts: tuple[tuple[Artifact, bytes], ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    """The planner's refusals, or the old revision's errors (``old_has_errors``): no runbook then."""
    old_has_errors: bool = False
    cache_keys: tuple[str, ...] = ()
    """Entries of the conversion cache holding this result (kept when the cache is pruned)."""

    @property
    def title(self) -> str:
        rev = self.history
        return f"Change since {rev.commit} ({rev.date}, {rev.subject})" if isinstance(rev, Revision) else ""


def _runbook_files(revision: Revision, old: Checked, new: Checked, pdf: bool,
                   cache: ConversionCache) -> ChangeSince:
    from generator.derive.change.change_plan import plan_change
    from generator.derive.change.change_runbook import RevisionInfo, change_runbook
    from generator.derive.change.context import Revisions
    from generator.formats.runbooks import FORMATS, runbook_artifacts
    from generator.rules.migration_checks import run_checks

    assert old.decisions is not None and new.decisions is not None and new.estate is not None
    plan = plan_change(Revisions(old.decisions.vcs, new.decisions.vcs, old.loaded.document, new.loaded.document,
                                 run_checks))
    if plan.refusals:
        return ChangeSince(revision, problems=tuple(plan.refusals))
    book = change_runbook(plan, RevisionInfo(revision.label, old.source_sha256),
                          RevisionInfo(new.loaded.path, new.source_sha256), new.estate)
    book = dataclasses.replace(book, id=CHANGE_SINCE, title=ChangeSince(revision).title)
    formats = [f for f in FORMATS if pdf or f != "pdf"]
    artifacts = runbook_artifacts(book, render_context(new, RenderOptions(pdf=pdf)), formats)
    return ChangeSince(revision, tuple(cache.materialize(artifacts)))


def _planned(revision: Revision, checked: Checked, cache: ConversionCache, pdf: bool) -> ChangeSince:
    old = check_bytes(revision.data, revision.label)
    errors = tuple(d for d in old.diagnostics if d.severity is Severity.ERROR)
    if old.estate is None or errors:
        return ChangeSince(revision, problems=errors, old_has_errors=True)
    return _runbook_files(revision, old, checked, pdf, cache)


def _cache_key(revision: Revision, checked: Checked, pdf: bool) -> str:
    from generator.build.cache import generator_version

    parts = (generator_version(), revision.label, revision.date, revision.subject,
             hashlib.sha256(revision.data).hexdigest(), checked.loaded.path, checked.source_sha256, str(pdf))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest() + ".change.json"


def _to_json(change: ChangeSince) -> bytes:
    files = [{"path": a.path, "kind": a.kind, "format": a.format, "convert": a.convert, "meta": a.meta,
              "data": base64.b64encode(a.data).decode(), "final": base64.b64encode(data).decode()}
             for a, data in change.artifacts]
    return json.dumps({"problems": [d.to_json() for d in change.problems], "old_has_errors": change.old_has_errors,
                       "files": files}, sort_keys=True).encode()


def _from_json(revision: Revision, data: dict[str, Any]) -> ChangeSince:
    problems = tuple(Diagnostic(d["file"], d["line"], d["col"], Severity(d["severity"]), d["rule"], d["message"],
                                d["hint"]) for d in data["problems"])
    files = tuple((Artifact(f["path"], f["kind"], f["format"], base64.b64decode(f["data"]), f["convert"], f["meta"]),
                   base64.b64decode(f["final"])) for f in data["files"])
    return ChangeSince(revision, files, problems, bool(data["old_has_errors"]))


def change_since(checked: Checked, path: Path, cache: ConversionCache, pdf: bool = True) -> ChangeSince:
    """The change from ``path``'s previous committed revision to ``checked`` (its working file, valid)."""
    revision = previous_revision(path)
    if isinstance(revision, NoHistory):
        return ChangeSince(revision)
    key = _cache_key(revision, checked, pdf)
    cache.keep([key])
    try:
        return dataclasses.replace(_from_json(revision, json.loads((cache.folder / key).read_bytes())),
                                   cache_keys=(key,))
    except (OSError, ValueError, KeyError, TypeError):  # absent or unreadable: plan again
        pass
    change = _planned(revision, checked, cache, pdf)
    write_if_changed(cache.folder / key, _to_json(change))
    return dataclasses.replace(change, cache_keys=(key,))
