"""A topology from what running hosts say about themselves (``ldm list-constraints -x``).

Pure: :func:`import_topology` takes the hosts read by :mod:`generator.input.ldm_xml` and returns the topology
document (plain data, the shape ``check`` reads) plus a :class:`Guess` for every value the XML does not
state. What is recovered and how:

- domains, vCPUs, memory, ``master``, ``failure-policy``, ``cpu-arch``, physical I/O, services, vdisks and
  vnets: as stated;
- roles: ``primary`` is the control domain (Oracle VM Server for SPARC names it so [K]); a domain with
  virtual services is a service domain; one that owns a PCIe bus (``pci_N`` / ``pci@...``) is an I/O and
  root domain; the rest are guests;
- a vdisk's back end from the ``block_dev`` of the volume it uses, found by (volume, service), never by
  volume name alone: ``/dev/vx/dsk/DG/VOL`` a VxVM volume, ``/dev/vx/dmp/NAMEs2`` the whole LUN ``NAME``
  opened through DMP, ``/dev/dsk/cXtWWNdYs2`` the whole LUN with that WWN (MPxIO name [K]),
  ``/dev/zvol/dsk/POOL/VOL`` a ZFS volume, anything else a file;
- InfoScale components the XML cannot show: DMP where a service domain opens LUNs through DMP, VxVM where it
  exports VxVM volumes; the guests' components follow the stack model (guessed);
- the stack model: ``split`` when guests get VxVM volumes, ``layered`` when LUNs reach guests through DMP in
  the service domains, ``guest-based`` when raw LUNs do; the reason is stated.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.core.sizes import format_size
from generator.input.live import LiveDisk, LiveDomain, LiveHost, LiveVolume

if TYPE_CHECKING:  # the import command's help must not load the YAML reader
    from generator.input.source import PathKey as Path

_BUS = re.compile(r"^(pci_[0-9]+|pci@[0-9a-f]+|niu_[0-9]+)$")
_MPXIO = re.compile(r"^/dev/dsk/(c[0-9]+t([0-9A-Fa-f]{16,64})d[0-9]+)s[0-9]+$")
_DMP = re.compile(r"^/dev/vx/dmp/([^/\s]+?)(s[0-9]+)?$")
_VXVOL = re.compile(r"^/dev/vx/dsk/([^/\s]+)/([^/\s]+)$")
_ZVOL = re.compile(r"^/dev/zvol/dsk/(.+)$")
_GUEST_STACK = {"split": ["vxfs"], "layered": ["dmp", "vxvm", "vxfs"], "guest-based": ["dmp", "vxvm", "vxfs"]}


@dataclass(frozen=True)
class Guess:
    """A value the importer had to assume: where it is in the topology and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Backend:
    """A vdisk's back end as the topology format writes it: one key and its value."""

    key: str
    value: str
    lun_wwn: str = ""
    os_path: str = ""


def classify(block_dev: str) -> Backend:
    """The topology back end behind a ``block_dev`` path."""
    if m := _VXVOL.match(block_dev):
        return Backend("volume", f"{m[1]}/{m[2]}")
    if m := _DMP.match(block_dev):
        return Backend("lun", m[1])
    if m := _MPXIO.match(block_dev):
        return Backend("lun", "lun_" + m[2][-16:].lower(), m[2].upper(), m[1])
    if m := _ZVOL.match(block_dev):
        return Backend("zvol", m[1])
    return Backend("file", block_dev)


def _switch(net_dev: str, vids: tuple[int, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"net-dev": net_dev} if net_dev else {}
    if vids:
        out["vid"] = list(vids)
    return out


class _Importer:
    def __init__(self, hosts: list[LiveHost]) -> None:
        self.hosts = sorted(hosts, key=lambda h: h.name)
        self.guesses: list[Guess] = []
        self.volumes: dict[tuple[str, str, str], tuple[LiveDomain, LiveVolume]] = {
            (h.name, v.service, v.name): (d, v) for h in self.hosts for d in h.domains for v in d.volumes}
        self.luns: dict[str, dict[str, Any]] = {}
        self.repeated = Counter(d.name for h in self.hosts for d in h.domains)
        self.dgs: dict[str, dict[str, Any]] = {}

    def guess(self, path: Path, reason: str) -> None:
        self.guesses.append(Guess(path, reason))

    def model(self) -> tuple[str, str]:
        votes: Counter[str] = Counter()
        for _server, volume in self.volumes.values():
            kind = classify(volume.block_dev)
            if kind.key == "volume":
                votes["split"] += 1
            elif kind.key == "lun":
                votes["layered" if volume.block_dev.startswith("/dev/vx/dmp/") else "guest-based"] += 1
        if not votes:
            return "guest-based", "no vdisk back end tells the stack model; guest-based assumed"
        model, count = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        reasons = {"split": "guests get VxVM volumes from their service domains",
                   "layered": "LUNs reach the guests through DMP in the service domains",
                   "guest-based": "guests get whole LUNs without DMP in the service domains"}
        mixed = "" if len(votes) == 1 else f" ({count} of {sum(votes.values())} back ends; the rest disagree)"
        return model, reasons[model] + mixed

    def roles(self, d: LiveDomain) -> list[str]:
        roles = ["control"] if d.name == "primary" else []
        if d.vds or d.switches or d.consoles or d.name == "primary":
            roles.append("service")
        if d.physio or d.name == "primary":
            roles.append("io")
        if any(_BUS.match(p) for p in d.physio):
            roles.append("root")
        return roles or ["guest"]

    def components(self, d: LiveDomain, roles: list[str], model: str, path: Path) -> list[str]:
        kinds = {classify(v.block_dev).key + (":dmp" if v.block_dev.startswith("/dev/vx/dmp/") else "")
                 for v in d.volumes}
        found = (["dmp"] if kinds & {"lun:dmp", "volume"} else []) + (["vxvm"] if "volume" in kinds else [])
        if roles == ["guest"]:
            self.guess((*path, "infoscale"), f"not visible to ldm: the {model} model's guest stack assumed")
            return list(_GUEST_STACK[model])
        if not found and d.volumes:
            self.guess((*path, "infoscale"), "not visible to ldm: no InfoScale component assumed")
        return found

    def vdisk(self, host: LiveHost, d: LiveDomain, disk: LiveDisk, path: Path) -> dict[str, Any]:
        spec: dict[str, Any] = {}
        found = self.volumes.get((host.name, disk.service, disk.volume))
        if found is None:
            self.guess(path, f"volume {disk.volume}@{disk.service} is not exported on host {host.name}; "
                             "back end unknown, a file path is a placeholder")
            spec["file"] = f"/unknown/{disk.volume}"
        else:
            server, volume = found
            backend = classify(volume.block_dev)
            spec[backend.key] = backend.value
            self.storage(host, server, backend, volume, path)
            if "slice" in volume.options:
                spec["slice"] = True
            if volume.mpgroup:
                spec["mpgroup"] = volume.mpgroup
        spec["service"] = disk.service
        if disk.volume != f"{d.name}-{disk.name}":
            spec["export-as"] = disk.volume
        if disk.id is not None:
            spec["id"] = disk.id
        if disk.timeout is not None:
            spec["timeout"] = disk.timeout
        return spec

    def storage(self, host: LiveHost, server: LiveDomain, backend: Backend, volume: LiveVolume,
                path: Path) -> None:
        ref = f"{host.name}/{server.name}"
        if backend.key == "lun":
            lun = self.luns.setdefault(backend.value, {"seen-by": []})
            if backend.lun_wwn:
                lun["wwn"] = backend.lun_wwn
                lun["os-path"] = backend.os_path
                self.guess(("storage", "luns", backend.value), "named from its WWN: the DMP name is not in the "
                                                                "constraints (`vxdisk -e list` gives it)")
            if ref not in lun["seen-by"]:
                lun["seen-by"].append(ref)
        elif backend.key == "volume":
            dg, vol = backend.value.split("/")
            group = self.dgs.setdefault(dg, {"managed-by": [], "disks": [], "volumes": {}})
            if ref not in group["managed-by"]:
                group["managed-by"].append(ref)
            group["volumes"].setdefault(vol, {})

    def domain(self, host: LiveHost, d: LiveDomain, model: str) -> dict[str, Any]:
        path: Path = ("hosts", host.name, "domains", d.name)
        roles = self.roles(d)
        out: dict[str, Any] = {"roles": roles}
        if "control" not in roles and self.repeated.get(d.name, 0) > 1:
            out["hostname"] = f"{host.name}-{d.name}"
            self.guess((*path, "hostname"), "the domain name repeats across hosts; node names must not")
        for key, value in (("vcpus", d.vcpus), ("memory", d.memory)):
            if value is None:
                self.guess((*path, key), f"the constraints state no {key}; the format's default applies")
            else:
                out[key] = format_size(value) if key == "memory" else value
        if d.cpu_arch and d.cpu_arch != "native":
            out["cpu-arch"] = d.cpu_arch
        if d.master:
            out["master"] = d.master.split(",")[0]
        if d.failure_policy and d.failure_policy != "ignore":
            out["failure-policy"] = d.failure_policy
        out["infoscale"] = self.components(d, roles, model, path)
        if d.physio:
            out["physical-io"] = [{"kind": "pcie-bus" if _BUS.match(p) else "direct-io", "device": p}
                                  for p in d.physio]
        services = self.services(d)
        if services:
            out["services"] = services
        if d.disks:
            out["vdisks"] = {k.name: self.vdisk(host, d, k, (*path, "vdisks", k.name))
                             for k in sorted(d.disks, key=lambda k: k.name)}
        if d.networks:
            out["vnets"] = {n.name: self.vnet(n.switch, n.mac, n.vids)
                            for n in sorted(d.networks, key=lambda n: n.name)}
        return out

    @staticmethod
    def vnet(switch: str, mac: str, vids: tuple[int, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {"switch": switch}
        if mac:
            out["mac"] = mac
        if vids:
            out["vid"] = list(vids)
        return out

    @staticmethod
    def services(d: LiveDomain) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if d.vds:
            out["vds"] = {name: {} for name in sorted(d.vds)}
        if d.switches:
            out["vsw"] = {s.name: _switch(s.net_dev, s.vids) for s in sorted(d.switches, key=lambda s: s.name)}
        if d.consoles:
            out["vcc"] = {c.name: {"port-range": f"{c.min_port}-{c.max_port}"}
                          for c in sorted(d.consoles, key=lambda c: c.name)}
        return out

    def host(self, host: LiveHost, model: str) -> dict[str, Any]:
        domains = {d.name: self.domain(host, d, model) for d in sorted(host.domains, key=lambda d: d.name)}
        threads = sum(d.vcpus or 0 for d in host.domains)
        memory = sum(d.memory or 0 for d in host.domains)
        self.guess(("hosts", host.name, "threads"), "not in the constraints (`ldm list-devices -a` shows it): "
                                                    "the domains' total is a lower bound")
        self.guess(("hosts", host.name, "memory"), "not in the constraints: the domains' total is a lower bound")
        return {"threads": max(threads, 1), "memory": format_size(max(memory, 1024**3)), "domains": domains}

    def unused(self) -> None:
        """Volumes no vdisk uses (an mpgroup's alternate path, a leftover) and options the format does not keep."""
        used = {(h.name, k.service, k.volume) for h in self.hosts for d in h.domains for k in d.disks}
        for (host, service, name), (server, volume) in sorted(self.volumes.items()):
            where: Path = ("hosts", host, "domains", server.name, "services", "vds", service)
            if (host, service, name) not in used:
                alternate = f" (an alternate path of mpgroup {volume.mpgroup})" if volume.mpgroup else ""
                self.guess(where, f"volume {name}@{service} ({volume.block_dev}) is exported but no vdisk uses "
                                  f"it{alternate}; not imported")
            dropped = sorted(set(volume.options) - {"slice"})
            if dropped:
                self.guess(where, f"volume {name}@{service}: option(s) {','.join(dropped)} not kept by the format")

    def storage_section(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, lun in sorted(self.luns.items()):
            lun["size"] = "1G"
            self.guess(("storage", "luns", name, "size"), "LUN size is not in the constraints (`vxdisk -e list`)")
        if self.luns:
            out["luns"] = dict(sorted(self.luns.items()))
        if self.dgs:
            for name, dg in self.dgs.items():
                self.guess(("storage", "diskgroups", name, "disks"),
                           "disks and volume sizes are not in the constraints (`vxprint -htr`)")
                for vol in dg["volumes"].values():
                    vol["size"] = "1G"
            out["diskgroups"] = dict(sorted(self.dgs.items()))
        return out


def state_notes(doc: dict[str, Any], states: dict[str, dict[str, dict[str, str]]]) -> list[Guess]:
    """What ``ldm list -p`` adds: a domain that is not active is noted (its constraints are what it would
    bind with); a domain whose flags say control or service domain confirms or questions the roles."""
    notes: list[Guess] = []
    for host, domains in sorted(states.items()):
        declared = doc.get("hosts", {}).get(host, {}).get("domains", {})
        for name, fields in sorted(domains.items()):
            path: Path = ("hosts", host, "domains", name)
            if name not in declared:
                notes.append(Guess(("hosts", host, "domains"), f"`ldm list -p` shows domain {name}, which "
                                                                 "`ldm list-constraints -x` did not describe"))
                continue
            state = fields.get("state", "")
            if state and state != "active":
                notes.append(Guess(path, f"`ldm list -p` says it is {state}, not active"))
            roles, flags = declared[name].get("roles", []), fields.get("flags", "")
            if "c" in flags and "control" not in roles:
                notes.append(Guess((*path, "roles"), "`ldm list -p` flags it as the control domain"))
            if "v" in flags and "service" not in roles:
                notes.append(Guess((*path, "roles"), "`ldm list -p` flags it as a virtual I/O service domain"))
    return notes


def import_topology(hosts: list[LiveHost], name: str) -> tuple[dict[str, Any], list[Guess]]:
    """The topology document for ``hosts`` and the values it had to guess."""
    importer = _Importer(hosts)
    model, reason = importer.model()
    doc: dict[str, Any] = {
        "topology": name,
        "title": "Imported from " + ", ".join(h.name for h in importer.hosts),
        "description": "Imported with `generator import` from `ldm list-constraints -x` of each host.",
        "model": model,
        "hosts": {h.name: importer.host(h, model) for h in importer.hosts},
    }
    importer.guess(("model",), f"inferred: {reason}")
    importer.unused()
    storage = importer.storage_section()
    if storage:
        doc["storage"] = storage
    return doc, importer.guesses
