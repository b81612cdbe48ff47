"""Solaris zone rules: where zones are configured, VxVM from the global zone, zone roots."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import DomainInfo, Estate
from generator.estate.zone_roots import root_fs
from generator.input.schema import Component, ZoneRoot, ZoneRootFs
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"


def _zone_clusters(estate: Estate) -> dict[str, list[str]]:
    """Clusters that manage each zone: listed in ``zones`` or running an application in it."""
    result: dict[str, list[str]] = {}
    for name, c in sorted(estate.topology.clusters.items()):
        for zone in [*c.zones, *(a.zone for a in c.applications.values() if a.zone)]:
            if name not in result.setdefault(zone, []):
                result[zone].append(name)
    return result


def _zone_domains(estate: Estate, zone: str) -> list[tuple[int, DomainInfo]]:
    refs = estate.topology.zones[zone].domains
    return [(i, d) for i, ref in enumerate(refs) if (d := estate.domain(ref)) is not None]


def _zone_volumes(estate: Estate, zone: str) -> list[tuple[tuple[str | int, ...], str]]:
    z = estate.topology.zones[zone]
    vols: list[tuple[tuple[str | int, ...], str]] = (
        [(("zones", zone, "root-volume"), z.root_volume)] if z.root_volume else []
    )
    return vols + [(("zones", zone, "exported-volumes", i), v) for i, v in enumerate(z.exported_volumes)]


@rule(
    "ZON001",
    Severity.WARNING,
    source=f"{GUIDE}: Configuring VCS in zones (prerequisites)",
    basis="K",
    category="zones",
)
def zone_on_every_node(estate: Estate) -> Iterator[Finding]:
    """A VCS-managed zone is configured on every node of its cluster, and only on its nodes."""
    for zone, clusters in sorted(_zone_clusters(estate).items()):
        if zone not in estate.topology.zones:
            continue
        where = {d.ref for _, d in _zone_domains(estate, zone)}
        for cluster in clusters:
            nodes = {d.ref for d in estate.cluster_systems(cluster)}
            if nodes - where:
                yield Finding(
                    ("zones", zone, "domains"),
                    f"zone {zone} is managed by {cluster} but is not configured on {', '.join(sorted(nodes - where))}",
                    "configure the zone identically on every node of the service group's SystemList",
                    key=True,
                )
            if where - nodes:
                yield Finding(
                    ("zones", zone, "domains"),
                    f"zone {zone} is configured on "
                    f"{', '.join(sorted(where - nodes))}, which is not a node of {cluster}",
                    key=True,
                )


@rule(
    "ZON002",
    Severity.WARNING,
    source=f"{GUIDE}: Software limitations for non-global zone support",
    basis="unverified",
    category="zones",
)
def vxvm_from_global_zone(estate: Estate) -> Iterator[Finding]:
    """A zone that uses VxVM volumes is hosted by domains whose global zone runs VxVM."""
    for zone in sorted(estate.topology.zones):
        if not _zone_volumes(estate, zone):
            continue
        for i, d in _zone_domains(estate, zone):
            if not d.has(Component.VXVM):
                yield Finding(
                    ("zones", zone, "domains", i),
                    f"zone {zone} uses VxVM volumes but {d.ref} does not run vxvm",
                    "VxVM is administered from the global zone only",
                )


@rule(
    "ZON003",
    Severity.WARNING,
    source=f"{GUIDE}: Exporting VxVM volumes to a non-global zone",
    basis="K",
    category="zones",
)
def zone_volumes_in_global_zone(estate: Estate) -> Iterator[Finding]:
    """Volumes given to a zone are in a disk group managed by every domain hosting the zone."""
    dgs = estate.topology.storage.diskgroups
    for zone in sorted(estate.topology.zones):
        hosts = _zone_domains(estate, zone)
        for loc, ref in _zone_volumes(estate, zone):
            dg = ref.partition("/")[0]
            if dg not in dgs:
                continue
            managers = {d.ref for d in (estate.domain(r) for r in dgs[dg].managed_by) if d}
            absent = [d.ref for _, d in hosts if d.ref not in managers]
            if absent:
                yield Finding(
                    loc,
                    f"{ref} is given to zone {zone} but disk group {dg!r} is not managed by {', '.join(absent)}",
                    "the global zone must be able to import the disk group",
                )


@rule(
    "ZON004",
    Severity.ERROR,
    source=f"{GUIDE}: Deciding on the zone root location; topology consistency of root and root-volume",
    basis="K",
    category="zones",
)
def zone_root_volume(estate: Estate) -> Iterator[Finding]:
    """A zone root on shared storage names its root volume; a local zone root does not."""
    for zone, z in sorted(estate.topology.zones.items()):
        if z.root is ZoneRoot.SHARED and not z.root_volume:
            yield Finding(
                ("zones", zone, "root"),
                f"zone {zone} has its root on shared storage but no root-volume",
                "name the VxVM volume (dg/vol) that holds the zone path",
            )
        elif z.root is ZoneRoot.LOCAL and z.root_volume:
            yield Finding(
                ("zones", zone, "root-volume"),
                f"zone {zone} has a local root but names a root-volume",
                "set root: shared, or remove root-volume",
            )


@rule(
    "ZON005",
    Severity.WARNING,
    source=f"{GUIDE}: Deciding on the zone root location; Zone agent DetachZonePath and ForceAttach",
    basis="K",
    category="zones",
)
def shared_root_detach_attach(estate: Estate) -> Iterator[Finding]:
    """A zone root on shared storage moves by detach/attach: one node at a time, mounted at the zone path."""
    dgs = estate.topology.storage.diskgroups
    for zone, z in sorted(estate.topology.zones.items()):
        if z.root is not ZoneRoot.SHARED or not z.root_volume:
            continue
        dg, _, vol = z.root_volume.partition("/")
        fs = dgs[dg].volumes[vol].filesystem if dg in dgs and vol in dgs[dg].volumes else None
        if fs is not None and fs.mount != z.zonepath and root_fs(estate, z) is ZoneRootFs.VXFS:
            yield Finding(
                ("zones", zone, "root-volume"),
                f"root volume of zone {zone} mounts at {fs.mount}, not at the zone path {z.zonepath}",
                "mount the zone root file system at the zone path",
            )
        for name, c in sorted(estate.topology.clusters.items()):
            for app, spec in sorted(c.applications.items()):
                if spec.zone == zone and spec.parallel:
                    yield Finding(
                        ("clusters", name, "applications", app, "parallel"),
                        f"application {app} is parallel but zone {zone} has its root on shared storage",
                        "the Zone agent "
                        "detaches a shared-root zone at offline and force-attaches it at online, one "
                        "node at a time: use a failover group",
                    )


@rule(
    "ZON006",
    Severity.WARNING,
    source=f"{GUIDE}: Known issues with supporting SF Oracle RAC in a zone environment",
    basis="unverified",
    category="zones",
)
def rac_zones_exclusive_ip(estate: Estate) -> Iterator[Finding]:
    """Zones of an SF Oracle RAC cluster use exclusive-IP networking."""
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is None:
            continue
        for i, zone in enumerate(c.zones):
            z = estate.topology.zones.get(zone)
            if z is not None and z.ip_type != "exclusive":
                yield Finding(
                    ("clusters", name, "zones", i),
                    f"RAC cluster {name} uses zone {zone} with {z.ip_type} IP",
                    "SF Oracle RAC in zones expects exclusive-IP zones; check the "
                    "guide's support matrix for your Oracle and Solaris releases",
                )
