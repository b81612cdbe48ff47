"""Storage pieces shared by the configuration models: the CVM group, shared disk-group groups,
failover disk group / volume / mount chains and device paths.

The ``cvm`` group layout (CVMCluster, CVMVxconfigd, CFSfsckd; ``cvm_clus requires cvm_vxconfigd``,
``vxfsckd requires cvm_clus``) follows the SFCFS installation guide's sample [S, REFERENCE 3.4/4.6].
"""

from __future__ import annotations

from generator.derive.vcs.builder import Derivation, GroupBuilder, vcs_name
from generator.estate.commands import vx_block
from generator.estate.estate import Estate
from generator.input.schema import FsType
from generator.maincf.tree import Assoc, Attr, Items, Scalar, scalar

CVM_GROUP = "cvm"


def cvm_group(d: Derivation, systems: list[str], cluster: str, cfs: bool) -> str:
    """The parallel ``cvm`` group that starts CVM (and the CFS fsck daemon) on every node."""
    g = d.group(CVM_GROUP, "cvm", systems, parallel=True)
    g.attrs = [Attr("AutoFailOver", scalar(0))]
    g.add("CVMVxconfigd", "cvm_vxconfigd", [Attr("Critical", scalar(0)),
                                            Attr("CVMVxconfigdArgs", Items(("syslog",)))])
    g.add("CVMCluster", "cvm_clus", [
        Attr("Critical", scalar(0)), Attr("CVMClustName", Scalar(cluster)),
        Attr("CVMNodeId", Assoc(tuple((s, str(i)) for i, s in enumerate(systems)))),
        Attr("CVMTransport", Scalar("gab")), Attr("CVMTimeout", scalar(200))])
    g.link("cvm_clus", "cvm_vxconfigd")
    if cfs:
        g.add("CFSfsckd", "vxfsckd")
        g.link("vxfsckd", "cvm_clus")
    return CVM_GROUP


def mount_point(estate: Estate, dg: str, vol: str) -> str | None:
    spec = estate.topology.storage.diskgroups.get(dg)
    volume = spec.volumes.get(vol) if spec else None
    return volume.filesystem.mount if volume and volume.filesystem else None


def shared_dg_group(d: Derivation, estate: Estate, cluster: str, dg: str, vols: list[str],
                    systems: list[str], mounts: bool) -> str:
    """A parallel group importing a shared DG with CVMVolDg (and CFS-mounting its file systems)."""
    cfs = mounts and any(mount_point(estate, dg, v) for v in vols)
    cvm_group(d, systems, cluster, cfs or any(g.kind == "cfs" for g in d.groups.values()))
    g = d.group(vcs_name(dg, "grp"), "cfs" if cfs else "cvm-storage", systems, parallel=True)
    g.require_group(CVM_GROUP)
    voldg = vcs_name(dg, "voldg")
    known = g.pop_items(voldg, "CVMVolume")
    g.add("CVMVolDg", voldg, [Attr("CVMDiskGroup", Scalar(dg)),
                              Attr("CVMVolume", Items(tuple(sorted(known | set(vols))))),
                              Attr("CVMActivation", Scalar("sw"))])
    for vol in vols if mounts else []:
        point = mount_point(estate, dg, vol)
        if point:
            mnt = g.add("CFSMount", vcs_name(dg, vol, "cfsmnt"), [
                Attr("MountPoint", Scalar(point)), Attr("BlockDevice", Scalar(vx_block(dg, vol)))])
            g.link(mnt, voldg)
    return g.name


def failover_volume(g: GroupBuilder, estate: Estate, dg: str, vol: str, mount: bool,
                    mount_group: GroupBuilder | None = None) -> str:
    """DiskGroup -> Volume (-> Mount) inside a failover group; returns the top resource's name.
    With ``mount_group`` the Mount goes there (a zone's group) and the group dependency orders it."""
    dgres = g.add("DiskGroup", vcs_name(dg, "dg"), [Attr("DiskGroup", Scalar(dg))])
    volres = g.add("Volume", vcs_name(dg, vol, "vol"),
                   [Attr("DiskGroup", Scalar(dg)), Attr("Volume", Scalar(vol))])
    g.link(volres, dgres)
    spec = estate.topology.storage.diskgroups.get(dg)
    volume = spec.volumes.get(vol) if spec else None
    if not mount or volume is None or volume.filesystem is None:
        return volres
    fs = volume.filesystem
    attrs = [Attr("MountPoint", Scalar(fs.mount)), Attr("BlockDevice", Scalar(vx_block(dg, vol))),
             Attr("FSType", Scalar(fs.type.value))]
    if fs.type in (FsType.VXFS, FsType.UFS):
        attrs.append(Attr("FsckOpt", Scalar("-y")))
    target = mount_group or g
    mnt = target.add("Mount", vcs_name(dg, vol, "mnt"), attrs)
    if target is g:
        g.link(mnt, volres)
    return mnt


def is_shared(estate: Estate, dg: str) -> bool:
    spec = estate.topology.storage.diskgroups.get(dg)
    return bool(spec and spec.shared)

