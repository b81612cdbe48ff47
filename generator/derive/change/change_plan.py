"""The change plan: every difference classified, the VCS delta per cluster, items in dependency order.

A plan either has items and no refusals, or refusals (located diagnostics) and then no runbook is written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.core.diagnostics import Diagnostic, sort_diagnostics
from generator.derive.change.change_items import Difference, Effect, Item, model_data
from generator.derive.change.classify import VCS, classify
from generator.derive.change.context import Refused, Revisions
from generator.derive.change.guests import move_item
from generator.derive.change.order import order_items
from generator.derive.change.revision_diff import differences
from generator.derive.change.vcs_changes import vcs_items


@dataclass(frozen=True)
class Plan:
    """The ordered change items, or the refusals that stop the plan."""

    items: tuple[Item, ...]
    refusals: tuple[Diagnostic, ...] = ()

    @property
    def effects(self) -> list[Effect]:
        return [e for item in self.items for e in item.effects]

    @property
    def operational(self) -> list[Item]:
        """Items with steps (a plan without any is "no change" for the running estate)."""
        return [i for i in self.items if i.steps]


def _is_domain(diff: Difference) -> bool:
    return len(diff.path) == 4 and diff.path[0] == "hosts" and diff.path[2] == "domains"


def _moves(diffs: list[Difference]) -> list[tuple[Difference, Difference]]:
    """Pairs (removed on one host, added on another) of a domain with the same name: a move."""
    gone = {d.path[3]: d for d in diffs if _is_domain(d) and d.removed}
    return [(gone[d.path[3]], d) for d in diffs if _is_domain(d) and d.added and d.path[3] in gone]


def plan_change(rev: Revisions) -> Plan:
    """Classify every difference between the revisions and order the resulting items."""
    items: list[Item] = []
    refusals: list[Diagnostic] = []
    by_cluster: dict[str, list[Difference]] = defaultdict(list)
    diffs = differences(model_data(rev.old.topology), model_data(rev.new.topology))
    for gone, came in _moves(diffs):
        diffs = [d for d in diffs if d is not gone and d is not came]
        try:
            items.append(move_item(rev, gone, came))
        except Refused as refusal:
            refusals.append(rev.locate(came, refusal))
    for diff in diffs:
        try:
            found = classify(rev, diff)
        except Refused as refusal:
            refusals.append(rev.locate(diff, refusal))
            continue
        if found == VCS:
            by_cluster[diff.path[1]].append(diff)
        else:
            assert isinstance(found, Item)
            items.append(found)
    if refusals:
        return Plan((), tuple(sort_diagnostics(refusals)))
    items += vcs_items(rev, by_cluster)
    return Plan(tuple(order_items(items)))
