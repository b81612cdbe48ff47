"""The running estate as a topology: the declared topology with what the hosts report laid over it.

For a change runbook that converges what runs to what is declared (``change --from-live``), the OLD side is
"the topology, as it really is": every fact the Logical Domains Manager reports (domains present or not,
vCPUs, memory, master, failure policy, cpu-arch, physical I/O, services, vdisks and their back ends, vnets)
comes from the hosts; everything they cannot say (InfoScale components, node names, roles, LUN sizes,
clusters) is taken as declared, so it makes no change. Hosts without output are taken as declared.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.derive.importer import import_topology
from generator.derive.vxvm_import import rename_lun
from generator.input.live import LiveHost

REPORTED = ("vcpus", "memory", "cpu-arch", "master", "failure-policy", "physical-io", "services", "vdisks", "vnets")
"""Domain keys the Logical Domains Manager states; the others are kept as declared."""


UNREPORTED_DEVICE_KEYS = {"vdisks": ("boot", "vxvm"), "vnets": ("link",)}
"""Keys of a vdisk or vnet that only the topology holds (the domain's view of it), kept as declared."""


def _devices(kind: str, declared: dict[str, Any], running: dict[str, Any],
             defaults: dict[str, int | None]) -> dict[str, Any]:
    keep = UNREPORTED_DEVICE_KEYS[kind]
    out = {}
    for name, spec in running.items():
        merged = {k: v for k, v in declared.get(name, {}).items() if k in keep} | spec
        if "timeout" in merged and "timeout" not in declared.get(name, {}) and merged["timeout"] == defaults.get(name):
            del merged["timeout"]  # the timeout the build-out gives it anyway
        out[name] = merged
    return out


def _domain(declared: dict[str, Any] | None, running: dict[str, Any], defaults: dict[str, int | None]
            ) -> dict[str, Any]:
    if declared is None:
        return running
    out = {k: v for k, v in declared.items() if k not in REPORTED}
    out.update({k: v for k, v in running.items() if k in REPORTED})
    for kind in UNREPORTED_DEVICE_KEYS:
        if kind in running:
            out[kind] = _devices(kind, declared.get(kind, {}), running[kind], defaults)
    return out


def _storage(declared: dict[str, Any], running: dict[str, Any]) -> dict[str, Any]:
    """Declared LUNs and disk groups, plus those only the running side names (as it names them)."""
    out = copy.deepcopy(declared)
    for kind in ("luns", "diskgroups"):
        for name, spec in running.get(kind, {}).items():
            out.setdefault(kind, {}).setdefault(name, spec)
    return out


def _declared_lun_names(live: dict[str, Any], declared: dict[str, Any]) -> None:
    """A LUN the import named from its WWN takes the declared name of the LUN with that WWN."""
    by_wwn = {str(spec.get("wwn", "")).replace(":", "").upper(): name
              for name, spec in declared.get("storage", {}).get("luns", {}).items() if spec.get("wwn")}
    for name, spec in list(live.get("storage", {}).get("luns", {}).items()):
        known = by_wwn.get(str(spec.get("wwn", "")).upper())
        if known and known != name:
            rename_lun(live, name, known)


def running_topology(declared: dict[str, Any], hosts: list[LiveHost],
                     timeouts: dict[tuple[str, str, str], int | None] | None = None) -> dict[str, Any]:
    """``declared`` (a topology document) as the given hosts run it. ``timeouts`` gives each declared vdisk's
    effective timeout ((host, domain, vdisk) -> seconds, see :func:`generator.estate.vdisk_paths.vdisk_timeout`):
    a running vdisk with that timeout keeps the declared (unstated) one."""
    timeouts = timeouts or {}
    live, _ = import_topology(hosts, str(declared.get("topology", "running")))
    _declared_lun_names(live, declared)
    out = copy.deepcopy(declared)
    for host, spec in live["hosts"].items():
        if host not in out.get("hosts", {}):
            out.setdefault("hosts", {})[host] = spec
            continue
        domains = out["hosts"][host].get("domains", {})
        out["hosts"][host]["domains"] = {
            name: _domain(domains.get(name), dom, {v: s for (h, d, v), s in timeouts.items() if (h, d) == (host, name)})
            for name, dom in spec["domains"].items()}
    storage = _storage(out.get("storage", {}), live.get("storage", {}))
    if storage:
        out["storage"] = storage
    return out
