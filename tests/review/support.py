"""Helpers of the review corpus: estates written from the guide's own scenarios (tests/review/estates)."""

from __future__ import annotations

from generator.derive.vcs.api import ClusterConfigs, derived
from generator.document.runbook_model import Runbook, Step
from generator.maincf.tree import Group, Scalar

from ..runbook_support import books, estate

FOLDER = "tests/review/estates"


def review_books(name: str) -> dict[str, Runbook]:
    return {b.id: b for b in books(name, FOLDER)}


def steps(book: Runbook) -> list[Step]:
    return [s for section in book.sections for s in section.steps]


def ldom_groups(name: str) -> list[tuple[str, Group, str, str | None]]:
    """(cluster, group, LDomName, CfgFile) of every LDom resource of the estate."""
    est = estate(name, FOLDER)
    found = []
    for cid in sorted(est.topology.clusters):
        for group in derived(ClusterConfigs(est), cid).config.groups:
            for r in group.resources:
                if r.type != "LDom":
                    continue
                names = [a.value.text for a in r.values("LDomName") if isinstance(a.value, Scalar)]
                cfg = [a.value.text for a in r.values("CfgFile") if isinstance(a.value, Scalar)]
                found.append((cid, group, names[0], cfg[0] if cfg else None))
    return found
