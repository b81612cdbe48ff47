"""Order of change items, derived from the objects they touch (networkx, through :mod:`generator.core.graph`).

An item that creates or changes an object goes before every item that uses it (storage before the vdisk
before the guest's VCS resource); an item that removes an object goes after every item that uses it (the
order is reversed for removals). Among items free to go, the kind's rank decides (additions, then changes,
then the VCS delta, then removals), then the id.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.graph import dependency_order
from generator.derive.change.change_items import Item

RANK = (
    "record", "lun-add", "dg-disks", "volume-add", "volume-grow", "filesystem-add", "guest-add", "component-add",
    "zone-add", "vdisk-add", "vnet-add", "vcpus", "memory", "guest-move", "node-add", "dg-join", "vcs", "version",
    "vnet-remove", "vdisk-remove", "guest-remove", "volume-remove", "lun-remove",
)


def _rank(item: Item) -> tuple[int, str]:
    return (RANK.index(item.kind) if item.kind in RANK else len(RANK), item.id)


def order_items(items: Sequence[Item]) -> list[Item]:
    """``items`` in dependency order."""
    ranked = sorted(items, key=_rank)
    owners: dict[str, list[Item]] = {}
    for item in ranked:
        for obj in item.objects:
            owners.setdefault(obj, []).append(item)
    edges = []
    for user in ranked:
        for obj in user.uses:
            for owner in owners.get(obj, []):
                edges.append((user.id, owner.id) if owner.removal else (owner.id, user.id))
    by_id = {i.id: i for i in ranked}
    return [by_id[n] for n in dependency_order([i.id for i in ranked], edges)]
