"""What the runbooks take from the VCS output: the ha command script and the service groups.

Both come from :mod:`generator.derive.vcs.api` (the VCS issue's stable entry points), so a runbook applies
exactly the configuration the generated main.cf describes. Until that module is present the
runbooks say so in a clearly marked step instead of inventing a configuration.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple

from generator.estate.estate import Estate

API = "generator.derive.vcs.api"


class GroupFacts(NamedTuple):
    """A service group as the fail-over test needs it."""

    name: str
    systems: tuple[str, ...]
    parallel: bool
    kind: str


def _api() -> ModuleType | None:
    try:
        return importlib.import_module(API)
    except ModuleNotFoundError as exc:
        if exc.name != API:
            raise
        return None


def ha_script(estate: Estate, cluster: str) -> list[str] | None:
    """The ``haconf``/``hagrp``/``hares`` lines that build ``cluster``'s groups (None without VCS output)."""
    api = _api()
    if api is None:
        return None
    return [str(line) for line in api.ha_commands(estate, cluster)]


def service_groups(estate: Estate, cluster: str) -> list[GroupFacts] | None:
    """The service groups of ``cluster``, or None without the VCS output."""
    api = _api()
    if api is None:
        return None
    return [GroupFacts(g.name, tuple(g.systems), bool(g.parallel), str(g.kind))
            for g in api.service_groups(estate, cluster)]


def prerequisite_groups(estate: Estate, cluster: str, group: str, system: str) -> list[str]:
    """Groups that must be online on ``system`` before ``group`` can come online or migrate there."""
    api = _api()
    finder = getattr(api, "prerequisite_groups", None) if api is not None else None
    return [str(g) for g in finder(estate, cluster, group, system)] if finder else []


def failover_children(estate: Estate, cluster: str, group: str) -> list[str]:
    """Failover groups ``group`` requires online local: they move with it, offline-switch-online."""
    api = _api()
    finder = getattr(api, "failover_children", None) if api is not None else None
    return [str(g) for g in finder(estate, cluster, group)] if finder else []


def online_local_parents(estate: Estate, cluster: str, group: str) -> list[str]:
    """Groups that require ``group`` online local (from the VCS output; empty without it)."""
    api = _api()
    finder = getattr(api, "online_local_parents", None) if api is not None else None
    return [str(g) for g in finder(estate, cluster, group)] if finder else []


def ldom_guests(estate: Estate, cluster: str) -> dict[str, str]:
    """Service group -> guest domain name, for the groups holding an LDom resource (from the ha script)."""
    script = ha_script(estate, cluster) or []
    group_of: dict[str, str] = {}
    result: dict[str, str] = {}
    for line in script:
        words = line.split()
        if words[:2] == ["hares", "-add"] and len(words) == 5 and words[3] == "LDom":
            group_of[words[2]] = words[4]
        elif words[:2] == ["hares", "-modify"] and words[3:4] == ["LDomName"] and words[2] in group_of:
            result[group_of[words[2]]] = words[4]
    return result
