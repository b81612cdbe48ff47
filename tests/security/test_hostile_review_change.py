"""Issue 12, item 3: the hostile-text corpus through the what-if review and the change runbook.

The corpus of :mod:`tests.security.hostile_corpus` (every text field and name of the schema, generated
from the model) is applied here to two more outputs, each compared with the same site holding a
harmless marker:

* the what-if review: ``review/failures.md`` (same lines, no new HTML element), ``review/failures.json``
  (parses; the same data once the text is put back to the marker) and the failure matrix SVG of every
  cluster (parses as XML, the same elements, no script);
* the ``change`` runbook from the example (OLD) to the example with the hostile text (NEW): either the
  planner refuses with located reasons, or every ``sh`` line parses into the same argv with the text as
  one word and here-document lines differ only by the text.
"""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from generator.build.pipeline import derivation
from generator.core.artifacts import RenderContext
from generator.core.diagnostics import Severity
from generator.derive.change.change_plan import plan_change
from generator.derive.change.change_runbook import RevisionInfo, change_runbook
from generator.derive.change.context import Revisions
from generator.derive.decisions import Decisions
from generator.derive.vcs.api import cluster_names
from generator.derive.whatif.review import review
from generator.estate.estate import Estate
from generator.formats.failure_matrix_svg import failure_matrix_svg
from generator.formats.markdown import markdown_text
from generator.formats.registry import render_all
from generator.input.loader import Loaded, load_text
from generator.rules import check_topology
from generator.rules.migration_checks import run_checks

from .hostile_corpus import MARKER, Site, compare, examples, sites

TEXTS = ("$(id)", "'\"", "\nreboot", "<script>alert(1)</script>|x")
CONTEXT = RenderContext("hostile.yaml", "0" * 64)


@dataclass(frozen=True)
class Checked:
    loaded: Loaded
    decisions: Decisions | None

    @property
    def estate(self) -> Estate | None:
        return self.decisions.estate if self.decisions is not None else None


def _check(data: dict[str, Any]) -> Checked:
    loaded = load_text(json.dumps(data, ensure_ascii=False), "hostile.yaml")
    if loaded.topology is None:
        return Checked(loaded, None)
    decisions = Decisions(Estate(loaded.topology))
    errors = [d for d in check_topology(decisions, loaded.document) if d.severity is Severity.ERROR]
    return Checked(loaded, None if errors else decisions)


def review_outputs(decisions: Decisions) -> dict[str, str]:
    out = {a.path: a.data.decode() for a in render_all(derivation(decisions), CONTEXT, only=["review"])}
    r = review(decisions.whatif)
    for cluster in cluster_names(decisions.estate):
        found = failure_matrix_svg(r, cluster)
        if found is not None:
            out[f"matrix-{cluster}.svg"] = found[0]
    return out


def _back(data: Any, text: str) -> Any:
    if isinstance(data, dict):
        return {_back(k, text): _back(v, text) for k, v in data.items()}
    if isinstance(data, list):
        return [_back(v, text) for v in data]
    return data.replace(text, MARKER) if isinstance(data, str) else data


def review_problems(got: dict[str, str], base: dict[str, str], text: str) -> list[str]:
    if sorted(got) != sorted(base):
        return [f"other files: {sorted(set(got) ^ set(base))}"]
    problems = []
    for path, data in got.items():
        if path.endswith(".md"):
            same = data.count("\n") == base[path].count("\n") and data.count("<") == base[path].count("<")
            problems += [] if same else [f"{path}: the text changed the Markdown's lines or HTML"]
        elif path.endswith(".json"):
            problems += [] if _back(json.loads(data), text) == json.loads(base[path]) else [f"{path}: other data"]
        else:
            tree, expected = ET.fromstring(data), ET.fromstring(base[path])
            tags, base_tags = [e.tag for e in tree.iter()], [e.tag for e in expected.iter()]
            problems += [] if tags == base_tags else [f"{path}: other SVG elements"]
    return problems


def change_markdown(old: Checked, new: Checked) -> tuple[str | None, list[int]]:
    """The change runbook's Markdown, or ``None`` and the lines of the planner's refusals."""
    assert old.decisions is not None and new.decisions is not None and new.estate is not None
    plan = plan_change(Revisions(old.decisions.vcs, new.decisions.vcs, old.loaded.document, new.loaded.document,
                                 run_checks))
    if plan.refusals:
        return None, [d.line for d in plan.refusals]
    book = change_runbook(plan, RevisionInfo("old.yaml", "0" * 64), RevisionInfo("new.yaml", "1" * 64), new.estate)
    return markdown_text(book, CONTEXT), []


@dataclass(frozen=True)
class Result:
    output: str
    site: str
    text: str
    result: str
    """``rejected`` (check or the change planner: located), ``handled`` (data) or ``FAILED``."""
    problems: tuple[str, ...] = ()


def _review(site: Site, data: dict[str, Any], text: str) -> Result:
    got, base = _check(site.apply(data, text)), _check(site.apply(data, MARKER))
    if got.decisions is None:
        return Result("review", site.label, text, "rejected")
    if base.decisions is None:
        return Result("review", site.label, text, "FAILED", ("accepted, but not with the marker",))
    problems = review_problems(review_outputs(got.decisions), review_outputs(base.decisions), text)
    return Result("review", site.label, text, "FAILED" if problems else "handled", tuple(problems))


def _change(site: Site, data: dict[str, Any], text: str) -> Result:
    old, new, marker = _check(data), _check(site.apply(data, text)), _check(site.apply(data, MARKER))
    if new.estate is None or old.estate is None or marker.estate is None:
        return Result("change", site.label, text, "rejected" if new.estate is None else "FAILED")
    got, lines = change_markdown(old, new)
    if got is None:
        return Result("change", site.label, text, "rejected" if all(n > 0 for n in lines) else "FAILED",
                      ("a refusal without a line",) if not all(n > 0 for n in lines) else ())
    base, _ = change_markdown(old, marker)
    if base is None:
        return Result("change", site.label, text, "FAILED", ("planned, but not with the marker",))
    problems = compare({"change.md": got.encode()}, {"change.md": base.encode()}, text)
    return Result("change", site.label, text, "FAILED" if problems else "handled", tuple(problems))


def _guarded(run: Any, site: Site, data: dict[str, Any], text: str, output: str) -> Result:
    try:
        result: Result = run(site, data, text)
        return result
    except Exception as exc:  # a crash is a finding, reported with the others
        return Result(output, site.label, text, "FAILED", (f"crashed: {type(exc).__name__}: {exc}",))


@functools.cache
def results() -> tuple[Result, ...]:
    data = dict(examples())
    return tuple(_guarded(run, s, data[s.example], text, name) for s in sites() for text in TEXTS
                 for name, run in (("review", _review), ("change", _change)))


def summary(found: tuple[Result, ...], output: str) -> str:
    mine = [r for r in found if r.output == output]
    counts = {k: sum(r.result == k for r in mine) for k in ("rejected", "handled", "FAILED")}
    return json.dumps({"output": output, "sites": len({r.site for r in mine}), "tried": len(mine), **counts})


def test_hostile_text_in_the_what_if_review_stays_data() -> None:
    failed = [(r.site, r.text, r.problems[:2]) for r in results() if r.output == "review" and r.result == "FAILED"]
    assert not failed, summary(results(), "review") + "\n" + "\n".join(map(str, failed))
    print(summary(results(), "review"))


def test_hostile_text_in_the_new_revision_of_a_change_stays_data() -> None:
    failed = [(r.site, r.text, r.problems[:2]) for r in results() if r.output == "change" and r.result == "FAILED"]
    assert not failed, summary(results(), "change") + "\n" + "\n".join(map(str, failed))
    handled = {r.site for r in results() if r.output == "change" and r.result == "handled"}
    assert len(handled) >= 5, "accepted text reaches the change runbook's steps, not only refusals"
    print(summary(results(), "change"))
