"""Drift: every difference between what a topology declares and what the hosts' Logical Domains Managers report.

Both sides are :mod:`generator.input.live` records: the declared side from
:func:`generator.derive.expected_live.expected_hosts`, the running side from ``ldm list-constraints -x``.
Each difference carries the path of the topology value it concerns, so it is reported at that line. Only
hosts for which output was given are compared; a host the topology does not declare is drift. Virtual
disk server volumes are matched by (volume, service), never by volume name alone: two service domains
may export volumes of the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from generator.core.sizes import format_size
from generator.input.live import LiveDomain, LiveHost
from generator.input.source import PathKey as Path
from generator.maincf.tree import Config
from generator.maincf.tree_diff import diff_configs


@dataclass(frozen=True)
class Drift:
    """One difference, located at a topology path."""

    rule: str
    path: Path
    message: str


RULES = {
    "DRIFT001": "a declared domain is not on its host",
    "DRIFT002": "a host runs a domain (or is a host) the topology does not declare",
    "DRIFT003": "a domain's value differs (vCPUs, memory, master, failure policy, cpu-arch)",
    "DRIFT004": "a declared device or service (vdisk, vnet, volume, vds, vsw, vcc, physical I/O) is missing",
    "DRIFT005": "a device or service runs that the topology does not declare",
    "DRIFT006": "a device or service differs in one of its values",
}


def _show(field: str, value: Any) -> str:
    if field == "memory" and isinstance(value, int):
        return format_size(value)
    if value in ("", None, ()):
        return "(none)"
    return ",".join(map(str, value)) if isinstance(value, tuple) else str(value)


class _Compare:
    def __init__(self, host: str) -> None:
        self.host = host
        self.items: list[Drift] = []

    def domain_path(self, name: str) -> Path:
        return ("hosts", self.host, "domains", name)

    def values(self, path: Path, what: str, want: Any, have: Any, skip: tuple[str, ...] = ()) -> None:
        for f in fields(want):
            if f.name in ("name", "host", "line", *skip):
                continue
            a, b = getattr(want, f.name), getattr(have, f.name)
            if a != b:
                self.items.append(Drift("DRIFT006", path, f"{what}: {f.name} is {_show(f.name, b)} on host "
                                                          f"{self.host}, the topology says {_show(f.name, a)}"))

    def keyed(self, kind: str, want: list[Any], have: list[Any], key: Callable[[Any], Any],
              where: Callable[[Any], Path], label: Callable[[Any], str]) -> None:
        wanted, had = {key(w): w for w in want}, {key(h): h for h in have}
        for k in sorted(wanted.keys() - had.keys(), key=str):
            self.items.append(Drift("DRIFT004", where(wanted[k]),
                                    f"{kind} {label(wanted[k])} is declared but not on host {self.host}"))
        for k in sorted(had.keys() - wanted.keys(), key=str):
            self.items.append(Drift("DRIFT005", where(had[k]),
                                    f"{kind} {label(had[k])} runs on host {self.host} but is not declared"))
        for k in sorted(wanted.keys() & had.keys(), key=str):
            if is_dataclass(wanted[k]):
                self.values(where(wanted[k]), f"{kind} {label(wanted[k])}", wanted[k], had[k])

    def domain(self, want: LiveDomain, have: LiveDomain, volume_users: dict[tuple[str, str], Path]) -> None:
        path = self.domain_path(want.name)
        for name in ("vcpus", "memory", "master", "failure_policy", "cpu_arch"):
            a, b = getattr(want, name), getattr(have, name)
            if name == "cpu_arch" and not b:
                b = "native"
            if a != b:
                key = name.replace("_", "-")
                self.items.append(Drift("DRIFT003", (*path, key), f"domain {want.name}: {key} is "
                                        f"{_show(name, b)} on host {self.host}, the topology says {_show(name, a)}"))
        self.devices(want, have, path, volume_users)

    def devices(self, want: LiveDomain, have: LiveDomain, path: Path,
                volume_users: dict[tuple[str, str], Path]) -> None:
        same = lambda x: x  # noqa: E731
        self.keyed("physical I/O", want.physio, have.physio, same, lambda _: (*path, "physical-io"), str)
        self.keyed("vds", want.vds, have.vds, same, lambda n: (*path, "services", "vds", n), str)
        self.keyed("vsw", want.switches, have.switches, lambda s: s.name,
                   lambda s: (*path, "services", "vsw", s.name), lambda s: s.name)
        self.keyed("vcc", want.consoles, have.consoles, lambda c: c.name,
                   lambda c: (*path, "services", "vcc", c.name), lambda c: c.name)
        self.keyed("volume", want.volumes, have.volumes, lambda v: (v.service, v.name),
                   lambda v: volume_users.get((v.service, v.name), (*path, "services", "vds", v.service)),
                   lambda v: f"{v.name}@{v.service}")
        self.keyed("vdisk", want.disks, have.disks, lambda k: k.name,
                   lambda k: (*path, "vdisks", k.name), lambda k: f"{want.name}/{k.name}")
        self.keyed("vnet", want.networks, have.networks, lambda n: n.name,
                   lambda n: (*path, "vnets", n.name), lambda n: f"{want.name}/{n.name}")


def _volume_users(host: LiveHost) -> dict[tuple[str, str], Path]:
    return {(k.service, k.volume): ("hosts", host.name, "domains", d.name, "vdisks", k.name)
            for d in host.domains for k in d.disks}


def _host(want: LiveHost, have: LiveHost) -> Iterator[Drift]:
    compare = _Compare(want.name)
    users = _volume_users(want)
    for domain in want.domains:
        running = have.domain(domain.name)
        if running is None:
            compare.items.append(Drift("DRIFT001", compare.domain_path(domain.name),
                                       f"domain {domain.name} is declared but host {want.name} does not have it"))
        else:
            compare.domain(domain, running, users)
    for domain in have.domains:
        if want.domain(domain.name) is None:
            compare.items.append(Drift("DRIFT002", ("hosts", want.name, "domains"),
                                       f"host {want.name} has domain {domain.name}, which the topology does not "
                                       "declare"))
    yield from compare.items


def drift(declared: list[LiveHost], running: list[LiveHost]) -> list[Drift]:
    """Every difference between the declared hosts and the running ones given."""
    by_name = {h.name: h for h in declared}
    out: list[Drift] = []
    for host in sorted(running, key=lambda h: h.name):
        want = by_name.get(host.name)
        if want is None:
            out.append(Drift("DRIFT002", ("hosts",), f"host {host.name} is not in the topology"))
        else:
            out.extend(_host(want, host))
    return out


RULES["DRIFT007"] = "a running cluster's main.cf differs from the configuration the topology derives"


def vcs_drift(derived: dict[str, Config], running: list[Config]) -> list[Drift]:
    """Differences between each derived cluster configuration and the running main.cf of the same cluster.

    Compared: service groups, their attributes, resources, resource attributes and dependencies, the
    systems, and the cluster's ``UseFence`` (the one cluster attribute the topology decides; user accounts
    and other cluster attributes are the cluster's own).
    """
    out: list[Drift] = []
    for live in running:
        name = live.cluster.name if live.cluster else ""
        want = derived.get(name)
        if want is None:
            out.append(Drift("DRIFT002", ("clusters",), f"cluster {name or '(unnamed)'} runs but the topology "
                                                        "does not declare it"))
            continue
        for change in diff_configs(want, live):
            if change.kind == "cluster" and change.name != "UseFence":
                continue
            out.append(Drift("DRIFT007", ("clusters", name),
                             f"cluster {name}: {change.describe()} in the running main.cf"))
    return out
