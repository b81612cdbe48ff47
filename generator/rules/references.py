"""Reference rules: every name used in the topology points at something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import Estate
from generator.input.schema import Component
from generator.input.source import PathKey as Loc
from generator.rules.engine import Finding, rule
from generator.rules.exporters import exported_vdisks


def _domain_refs(estate: Estate) -> Iterator[tuple[Loc, str]]:
    t = estate.topology
    for lun, lun_spec in t.storage.luns.items():
        yield from ((("storage", "luns", lun, "seen-by", i), r) for i, r in enumerate(lun_spec.seen_by))
    for dg, dg_spec in t.storage.diskgroups.items():
        yield from ((("storage", "diskgroups", dg, "managed-by", i), r) for i, r in enumerate(dg_spec.managed_by))
    for name, cache in t.storage.smartio.items():
        yield ("storage", "smartio", name, "domain"), cache.domain
    for name, c in t.clusters.items():
        yield from ((("clusters", name, "nodes", i), r) for i, r in enumerate(c.nodes))
        yield from ((("clusters", name, "manages", i), r) for i, r in enumerate(c.manages))
        for g, group in c.groups.items():
            yield from ((("clusters", name, "groups", g, "systems", i), r) for i, r in enumerate(group.systems))
    for name, z in t.zones.items():
        yield from ((("zones", name, "domains", i), r) for i, r in enumerate(z.domains))
    for i, m in enumerate(t.migrations):
        yield ("migrations", i, "domain"), m.domain


@rule("REF001", Severity.ERROR, source="Topology format", basis="K", category="references")
def domain_references(estate: Estate) -> Iterator[Finding]:
    """Every domain reference names an existing domain, unambiguously."""
    names = sorted({d.ref for d in estate.domains})
    for loc, ref in _domain_refs(estate):
        if estate.domain(ref) is not None:
            continue
        if estate.ambiguous(ref):
            hosts = ", ".join(d.ref for d in estate.domains if d.name == ref)
            yield Finding(loc, f"domain {ref!r} is ambiguous", f"write host/domain: one of {hosts}")
        else:
            import difflib
            close = difflib.get_close_matches(ref, names + [d.name for d in estate.domains], n=1)
            yield Finding(loc, f"no domain named {ref!r}", f"did you mean {close[0]!r}?" if close else "")


@rule("REF002", Severity.ERROR, source="ldm add-vdisk / add-vnet: the service must exist", basis="S",
      category="references")
def virtual_service_references(estate: Estate) -> Iterator[Finding]:
    """Every vdisk names an existing virtual disk service and every vnet an existing virtual switch."""
    for d in estate.domains:
        for name, vdisk in sorted(d.spec.vdisks.items()):
            if estate.resolve_service("vds", vdisk.service, d.host) is None:
                known = ", ".join(s.name for s in estate.services("vds", d.host)) or "none on this host"
                yield Finding((*d.path, "vdisks", name, "service"),
                              f"vdisk {name!r} of {d.ref}: no virtual disk service {vdisk.service!r}",
                              f"services on {d.host}: {known}")
        for name, vnet in sorted(d.spec.vnets.items()):
            if estate.resolve_service("vsw", vnet.switch, d.host) is None:
                known = ", ".join(s.name for s in estate.services("vsw", d.host)) or "none on this host"
                yield Finding((*d.path, "vnets", name, "switch"),
                              f"vnet {name!r} of {d.ref}: no virtual switch {vnet.switch!r}",
                              f"switches on {d.host}: {known}")


@rule("REF003", Severity.ERROR, source="ldm add-vdsdev: one back end per exported volume", basis="S",
      category="references")
def vdisk_backend(estate: Estate) -> Iterator[Finding]:
    """Every vdisk has exactly one back end (volume, lun, file or zvol) and it exists."""
    t = estate.topology
    for v in estate.all_vdisks:
        given = [k for k in ("volume", "lun", "file", "zvol") if getattr(v.spec, k) is not None]
        if len(given) != 1:
            what = "no back end" if not given else "several back ends (" + ", ".join(given) + ")"
            yield Finding(v.path, f"vdisk {v.name!r} of {v.domain.ref} has {what}",
                          "give exactly one of volume, lun, file, zvol", key=True)
            continue
        if v.spec.lun and v.spec.lun not in t.storage.luns:
            yield Finding((*v.path, "lun"), f"no LUN named {v.spec.lun!r} in storage.luns")
        if v.spec.volume:
            dg, vol = v.spec.volume.split("/")
            if dg not in t.storage.diskgroups:
                yield Finding((*v.path, "volume"), f"no disk group named {dg!r} in storage.diskgroups")
            elif vol not in t.storage.diskgroups[dg].volumes:
                yield Finding((*v.path, "volume"), f"disk group {dg!r} has no volume {vol!r}")


def _volume_refs(estate: Estate) -> Iterator[tuple[Loc, str]]:
    t = estate.topology
    for name, c in t.clusters.items():
        for app, spec in c.applications.items():
            base = ("clusters", name, "applications", app)
            yield from (((*base, "mounts", i), v) for i, v in enumerate(spec.mounts))
        if c.rac:
            yield ("clusters", name, "rac", "ocr-vote"), c.rac.ocr_vote
            yield from ((("clusters", name, "rac", "data", i), v) for i, v in enumerate(c.rac.data))
    for name, z in t.zones.items():
        if z.root_volume:
            yield ("zones", name, "root-volume"), z.root_volume
        yield from ((("zones", name, "exported-volumes", i), v) for i, v in enumerate(z.exported_volumes))


@rule("REF004", Severity.ERROR, source="Topology format", basis="K", category="references")
def volume_references(estate: Estate) -> Iterator[Finding]:
    """Volumes named by applications, RAC and zones (``dg/vol``) exist in storage.diskgroups."""
    dgs = estate.topology.storage.diskgroups
    for loc, ref in _volume_refs(estate):
        dg, _, vol = ref.partition("/")
        if dg not in dgs:
            yield Finding(loc, f"no disk group named {dg!r} (from {ref!r})")
        elif vol not in dgs[dg].volumes:
            yield Finding(loc, f"disk group {dg!r} has no volume {vol!r}")


@rule("REF005", Severity.ERROR, source="Topology format", basis="K", category="references")
def lun_references(estate: Estate) -> Iterator[Finding]:
    """LUNs named by disk groups, caches and coordinator disks exist in storage.luns."""
    t = estate.topology
    refs: list[tuple[Loc, str]] = []
    for dg, spec in t.storage.diskgroups.items():
        refs += [(("storage", "diskgroups", dg, "disks", i), lun) for i, lun in enumerate(spec.disks)]
    for name, cache in t.storage.smartio.items():
        refs += [(("storage", "smartio", name, "devices", i), lun) for i, lun in enumerate(cache.devices)]
    for name, c in t.clusters.items():
        refs += [(("clusters", name, "fencing", "coordinator-disks", i), lun)
                 for i, lun in enumerate(c.fencing.coordinator_disks)]
    for loc, lun in refs:
        if lun not in t.storage.luns:
            yield Finding(loc, f"no LUN named {lun!r} in storage.luns")


@rule("REF006", Severity.ERROR, source="Topology format", basis="K", category="references")
def other_references(estate: Estate) -> Iterator[Finding]:
    """Migration targets, cluster zones, application zones and disk groups name existing objects."""
    t = estate.topology
    for i, m in enumerate(t.migrations):
        if m.to not in t.hosts:
            yield Finding(("migrations", i, "to"), f"no host named {m.to!r}",
                          "hosts: " + ", ".join(sorted(t.hosts)))
    for name, c in t.clusters.items():
        for i, z in enumerate(c.zones):
            if z not in t.zones:
                yield Finding(("clusters", name, "zones", i), f"no zone named {z!r} in zones")
        for app, spec in c.applications.items():
            base = ("clusters", name, "applications", app)
            if spec.zone and spec.zone not in t.zones:
                yield Finding((*base, "zone"), f"no zone named {spec.zone!r} in zones")
            if spec.diskgroup and spec.diskgroup not in t.storage.diskgroups:
                yield Finding((*base, "diskgroup"), f"no disk group named {spec.diskgroup!r}")


@rule("REF007", Severity.ERROR, source="ldm add-vdsdev needs the back end's device path", basis="K",
      category="references")
def lun_device_known(estate: Estate) -> Iterator[Finding]:
    """A whole-LUN back end exported by a service domain without DMP needs the LUN's ``wwn`` or ``os-path``."""
    luns = estate.topology.storage.luns
    for v, server in exported_vdisks(estate, "lun"):
        lun = luns.get(v.spec.lun or "")
        if lun is None or server.has(Component.DMP):
            continue
        if not (lun.wwn or lun.os_path):
            yield Finding(("storage", "luns", v.spec.lun or ""),
                          f"LUN {v.spec.lun!r} is exported by {server.ref}, which has no DMP, "
                          "but its Solaris device name is unknown",
                          "give 'wwn:' (MPxIO name c0t<WWN>d0) or 'os-path:'", key=True)
