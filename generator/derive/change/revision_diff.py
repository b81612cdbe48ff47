"""The differences between two revisions of a topology, compared as models.

Mappings are compared key by key, so key order, comments, flow or block style and values equal to their
defaults make no difference; lists and scalars are compared as whole values (a list's order is meaningful:
a SystemList, the disks of a disk group).
"""

from __future__ import annotations

from typing import Any

from generator.derive.change.change_items import DELETE, Difference, Path


def differences(old: Any, new: Any, path: Path = ()) -> list[Difference]:
    """Every differing value under ``path``, in sorted key order."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[Difference] = []
        for key in sorted(set(old) | set(new)):
            if key not in new:
                found.append(Difference((*path, key), old[key], DELETE))
            elif key not in old:
                found.append(Difference((*path, key), DELETE, new[key]))
            else:
                found += differences(old[key], new[key], (*path, key))
        return found
    return [] if old == new else [Difference(path, old, new)]
