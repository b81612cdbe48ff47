"""VCS managing applications and zones (REFERENCE 2.2 and 8).

An application gets a group ``<app>_grp`` (parallel when the application is): its data on a
private disk group as ``DiskGroup -> Volume -> Mount``, on a shared disk group through a parallel
CVM/CFS group the application group requires ``online local firm``; ``NIC -> IP`` for its virtual
address; ``Application`` on top. An application in a zone runs in a group with ``ContainerInfo``
and a ``Zone`` resource (zone root on shared storage, detached at offline: a ``Zpool`` on the root
volume on Solaris 11, whose zones are ZFS-only, or a VxFS ``Mount`` of the zone path on Solaris 10;
local zone root: ``DetachZonePath = 0``). Zones without an application get a
group of their own, parallel when their root is local (REFERENCE 8.2).
"""

from __future__ import annotations

from dataclasses import replace

from generator.derive.vcs.builder import Derivation, GroupBuilder, localized, vcs_name
from generator.derive.vcs.storage_groups import failover_volume, is_shared, shared_dg_group
from generator.estate.commands import vx_block
from generator.estate.datalinks import domain_device
from generator.estate.estate import Estate
from generator.estate.zone_roots import root_fs, zone_pool
from generator.input.schema import Application, Cluster, Zone, ZoneRoot, ZoneRootFs
from generator.maincf.tree import Assoc, Attr, Items, Scalar, Value, scalar


def _zone_systems(estate: Estate, zone: Zone, nodes: list[str]) -> list[str]:
    wanted = {d.system for d in (estate.domain(r) for r in zone.domains) if d is not None}
    return [n for n in nodes if n in wanted]


def add_zone(d: Derivation, estate: Estate, g: GroupBuilder, name: str, zone: Zone) -> str:
    """ContainerInfo on the group and the Zone resource; a shared zone root goes to a failover group
    ``<zone>_root_grp`` (no ContainerInfo: it is mounted in the global zone) that the zone's group
    requires ``online local hard`` so that both always move together. Returns the Zone resource."""
    g.attrs.append(Attr("ContainerInfo", Assoc((("Name", name), ("Type", "Zone"), ("Enabled", "1")))))
    shared = zone.root is ZoneRoot.SHARED
    attrs = [Attr("DetachZonePath", scalar(shared)), Attr("ForceAttach", scalar(shared))]
    zres = g.add("Zone", vcs_name(name, "zone"), attrs)
    if shared and zone.root_volume:
        dg, vol = zone.root_volume.split("/")
        root = d.group(vcs_name(name, "root_grp"), "zone-root", g.systems)
        dgres = root.add("DiskGroup", vcs_name(dg, "dg"), [Attr("DiskGroup", Scalar(dg))])
        volres = root.add("Volume", vcs_name(dg, vol, "vol"), [Attr("DiskGroup", Scalar(dg)),
                                                                Attr("Volume", Scalar(vol))])
        if root_fs(estate, zone) is ZoneRootFs.ZFS:  # Solaris 11 zone roots are ZFS only [S: solaris(5)]
            mnt = root.add("Zpool", vcs_name(name, "root_zpool"), [
                Attr("PoolName", Scalar(zone_pool(name))),
                Attr("DeviceDir", Items((f"/dev/vx/dsk/{dg}",)))])
        else:
            mnt = root.add("Mount", vcs_name(name, "root_mnt"), [
                Attr("MountPoint", Scalar(zone.zonepath)), Attr("BlockDevice", Scalar(vx_block(dg, vol))),
                Attr("FSType", Scalar("vxfs")), Attr("FsckOpt", Scalar("-y"))])
        root.link(volres, dgres)
        root.link(mnt, volres)
        g.require_group(root.name, "local", "hard")
    return zres


def in_zone_paths(g: GroupBuilder, zone: Zone) -> None:
    """Mount points under ``<zonepath>/root`` become paths inside the zone: with ContainerInfo set,
    the Mount agent mounts at ``<zonepath>/root/<MountPoint>`` itself (REFERENCE 8.3)."""
    prefix = zone.zonepath.rstrip("/") + "/root/"
    for name, res in list(g.resources.items()):
        if res.type != "Mount":
            continue
        attrs = tuple(Attr(a.name, Scalar("/" + a.value.text[len(prefix):]), a.system)
                      if a.name == "MountPoint" and isinstance(a.value, Scalar)
                      and a.value.text.startswith(prefix) else a for a in res.attrs)
        g.resources[name] = replace(res, attrs=attrs)


def _app_storage(d: Derivation, g: GroupBuilder, estate: Estate, cluster: str, app: Application,
                 nodes: list[str]) -> list[str]:
    """Storage resources in the group (or a required CFS group); returns resources to require.
    When the application's zone has its root in ``<zone>_root_grp``, private disk groups and
    volumes go there too (one group imports a disk group) and only the Mounts stay here."""
    roots = [d.groups[dep.child] for dep in g.group_deps if d.groups[dep.child].kind == "zone-root"]
    root = roots[0] if roots else None
    storage = root or g
    tops: list[str] = []
    vols: dict[str, list[str]] = {}
    for ref in app.mounts:
        dg, vol = ref.split("/")
        vols.setdefault(dg, []).append(vol)
    if app.diskgroup:
        vols.setdefault(app.diskgroup, [])
    for dg, names in sorted(vols.items()):
        if is_shared(estate, dg):
            g.require_group(shared_dg_group(d, estate, cluster, dg, sorted(names), nodes, mounts=True))
            continue
        if not names:
            tops.append(storage.add("DiskGroup", vcs_name(dg, "dg"), [Attr("DiskGroup", Scalar(dg))]))
        tops += [failover_volume(storage, estate, dg, vol, True, g) for vol in sorted(names)]
    return [t for t in tops if t in g.resources]


def _ip(g: GroupBuilder, estate: Estate, cluster: str, app_name: str, app: Application) -> str | None:
    """``NIC`` and ``IP`` on the application's device: in a guest its datalink name (:mod:`datalinks`),
    localized per system when the guests' links differ."""
    if app.ip is None:
        return None
    name = app.ip.device
    nodes = [n for n in estate.cluster_systems(cluster) if n.system in g.systems]
    per_system: dict[str, Value] = {n.system: Scalar(domain_device(n, name)) for n in nodes}
    device = localized("Device", per_system) if per_system else [Attr("Device", Scalar(name))]
    nic = g.add("NIC", vcs_name(app_name, "nic"), list(device))
    attrs = [*device, Attr("Address", Scalar(app.ip.address))]
    if app.ip.netmask:
        attrs.append(Attr("NetMask", Scalar(app.ip.netmask)))
    if app.ip.prefix_len is not None:
        attrs.append(Attr("PrefixLen", scalar(app.ip.prefix_len)))
    ip = g.add("IP", vcs_name(app_name, "ip"), attrs)
    g.link(ip, nic)
    return ip


def _application(g: GroupBuilder, app_name: str, app: Application) -> str:
    attrs = [Attr("StartProgram", Scalar(app.start)), Attr("StopProgram", Scalar(app.stop))]
    if app.monitor:
        attrs.append(Attr("MonitorProgram", Scalar(app.monitor)))
    if app.monitor_processes:
        attrs.append(Attr("MonitorProcesses", Items(tuple(app.monitor_processes))))
    return g.add("Application", vcs_name(app_name, "app"), attrs)


def derive_application(d: Derivation, estate: Estate, cluster: str, app_name: str, app: Application) -> None:
    nodes = [n.system for n in estate.cluster_systems(cluster)]
    zone = estate.topology.zones.get(app.zone) if app.zone else None
    systems = _zone_systems(estate, zone, nodes) if zone else nodes
    g = d.group(vcs_name(app_name, "grp"), "zone" if zone else "application", systems or nodes,
                parallel=app.parallel)
    appres = _application(g, app_name, app)
    zres = add_zone(d, estate, g, app.zone, zone) if zone and app.zone else None
    if zres:
        g.link(appres, zres)
    for top in _app_storage(d, g, estate, cluster, app, nodes):
        g.link(appres, top)
        if zres and g.resources[top].type == "Mount":
            g.link(top, zres)
    ip = _ip(g, estate, cluster, app_name, app)
    if ip:
        g.link(appres, ip)
        if zres:
            g.link(ip, zres)
    if zone:
        in_zone_paths(g, zone)


def derive_apps(d: Derivation, estate: Estate, name: str, cluster: Cluster) -> None:
    for app_name, app in sorted(cluster.applications.items()):
        derive_application(d, estate, name, app_name, app)
    in_apps = {a.zone for a in cluster.applications.values() if a.zone}
    nodes = [n.system for n in estate.cluster_systems(name)]
    for zname in sorted(set(cluster.zones) - in_apps):
        zone = estate.topology.zones.get(zname)
        if zone is None:
            continue
        local = zone.root is ZoneRoot.LOCAL
        systems = _zone_systems(estate, zone, nodes) or nodes
        g = d.group(vcs_name(zname, "grp"), "zone", systems, parallel=local)
        add_zone(d, estate, g, zname, zone)
