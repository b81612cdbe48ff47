"""Each difference between the revisions -> a typed change item, or a refusal that names the field and why.

The table is read top to bottom; a pattern matches a difference whose path starts with it (``*`` matches any
key). ``whole`` patterns plan only an object added or removed as a whole: a difference deeper inside one is
a change in place, which the planner refuses (it is a replacement, or a change it cannot make live).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.derive.change.change_items import Difference, Item
from generator.derive.change.cluster_changes import dg_nodes_item, node_item
from generator.derive.change.context import Refused, Revisions
from generator.derive.change.domain_changes import component_item, resources_item, vnet_item
from generator.derive.change.guests import guest_item, zone_item
from generator.derive.change.storage_changes import dg_disks_item, lun_item, vdisk_item
from generator.derive.change.version_changes import version_item
from generator.derive.change.volume_changes import filesystem_item, volume_item, volume_size_item

Handler = Callable[[Revisions, Difference], Item]


def record_item(rev: Revisions, diff: Difference) -> Item:
    """A difference that changes no running system (title, description, planned migrations)."""
    field = ".".join(diff.path)
    return Item(kind="record", id=f"record-{field}", title=f"`{field}` updated (documentation only)",
                effects=(diff.effect,))


def _refuse(rule: str, why: str, hint: str = "") -> Handler:
    def handler(rev: Revisions, diff: Difference) -> Item:
        raise Refused(rule, f"{'.'.join(diff.path)} changed: {why}", hint)
    return handler


VCS = "vcs"
"""Marker handler name: the difference is applied through the VCS configuration delta of its cluster."""


@dataclass(frozen=True)
class Entry:
    pattern: tuple[str, ...]
    handler: Handler | str
    whole: bool = False


_D = ("hosts", "*", "domains", "*")
_V = ("storage", "diskgroups", "*", "volumes", "*")
TABLE: tuple[Entry, ...] = (
    Entry(("title",), record_item), Entry(("description",), record_item), Entry(("migrations",), record_item),
    Entry(("model",), _refuse("CHG002", "a stack model change rebuilds the estate; it is not a change the "
                              "planner can make to a running estate", "plan it as a new build-out")),
    Entry(("topology",), _refuse("CHG003", "the topology id names every output; two revisions of one "
                                 "estate keep it", "compare revisions of the same topology")),
    Entry(("clusters", "*", "cluster-id"), _refuse("CHG004", "a cluster ID change needs LLT and GAB "
                                                   "restarted on every node with the whole cluster down",
                                                   "plan it as its own outage")),
    Entry(("clusters", "*", "nodes"), node_item),
    Entry(("clusters", "*", "llt-links"), _refuse("CHG005", "LLT links change with the cluster stopped; "
                                                  "not planned")),
    Entry(("clusters", "*", "fencing"), _refuse("CHG005", "a fencing change is not planned")),
    Entry(("clusters", "*"), VCS, whole=True),
    Entry(("versions", "*"), version_item),
    Entry((*_D, "vcpus"), resources_item), Entry((*_D, "memory"), resources_item),
    Entry((*_D, "infoscale"), component_item),
    Entry((*_D, "vdisks", "*"), vdisk_item, whole=True),
    Entry((*_D, "vnets", "*"), vnet_item, whole=True),
    Entry(_D, guest_item, whole=True),
    Entry(("zones", "*"), zone_item, whole=True),
    Entry(("storage", "luns", "*"), lun_item, whole=True),
    Entry(("storage", "diskgroups", "*", "disks"), dg_disks_item),
    Entry(("storage", "diskgroups", "*", "managed-by"), dg_nodes_item),
    Entry((*_V, "size"), volume_size_item),
    Entry((*_V, "filesystem"), filesystem_item),
    Entry(_V, volume_item, whole=True),
)


def _matches(pattern: tuple[str, ...], path: tuple[str, ...]) -> bool:
    return len(path) >= len(pattern) and all(p in ("*", k) for p, k in zip(pattern, path, strict=False))


def entry_for(diff: Difference) -> Entry | None:
    return next((e for e in TABLE if _matches(e.pattern, diff.path)), None)


def classify(rev: Revisions, diff: Difference) -> Item | str:
    """The item for ``diff``, or :data:`VCS`; raises :class:`Refused` when it cannot be planned."""
    entry = entry_for(diff)
    if entry is None:
        raise Refused("CHG001", f"{'.'.join(diff.path)} changed: the change planner has no procedure for this "
                      "field", "make this change by hand or as a new build-out")
    if entry.whole and len(diff.path) > len(entry.pattern) and entry.handler != VCS:
        raise Refused("CHG007", f"{'.'.join(diff.path)} changed in place: that replaces a running object",
                      "remove it in one revision and add the replacement in the next")
    if entry.whole and len(diff.path) == len(entry.pattern) and entry.handler == VCS:
        raise Refused("CHG008", f"cluster {diff.path[1]} {'added' if diff.added else 'removed'}: a new "
                      "cluster is a build-out (VCS set-up runbook), not a change")
    if isinstance(entry.handler, str):
        return entry.handler
    return entry.handler(rev, diff)
