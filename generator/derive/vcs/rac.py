"""SF Oracle RAC (REFERENCE 4.6 example 4): the cvm group, a parallel ``crs_grp`` with the OCR and
voting volume on CFS and ``CSSD``, and a parallel database group with its CFS mounts and the ``Oracle``
resource, one ``Sid @node`` per node.

The private interconnect: from Oracle 11.2.0.2 Oracle's HAIP (Redundant Interconnect Usage) protects it
and SF Oracle RAC no longer supports ``PrivNIC``/``MultiPrivNIC`` for it (a PrivNIC fail-over takes
``ora.cluster_interconnect.haip`` offline and ocssd cannot rejoin) [S: Veritas technote 100003972,
"Configuring interconnect redundancy with Oracle RAC 11.2.0.2 or later"]; a ``PrivNIC`` is generated
only when the topology names an older release (:meth:`RacSpec.uses_privnic`).
"""

from __future__ import annotations

from generator.derive.vcs.builder import Derivation, GroupBuilder, localized, vcs_name
from generator.derive.vcs.storage_groups import cvm_group, mount_point
from generator.estate.commands import vx_block
from generator.estate.datalinks import domain_devices
from generator.estate.estate import Estate
from generator.input.schema import Cluster, RacSpec
from generator.maincf.tree import Assoc, Attr, Items, Scalar, Value, scalar

CRS_GROUP = "crs_grp"


def _cfs_volume(g: GroupBuilder, estate: Estate, dg: str, vol: str, prefix: str) -> str | None:
    """CVMVolDg for the DG (volumes merged) and a CFSMount for the volume; returns the mount."""
    voldg = vcs_name(prefix, dg, "voldg")
    vols = g.pop_items(voldg, "CVMVolume") | {vol}
    g.add("CVMVolDg", voldg, [Attr("CVMDiskGroup", Scalar(dg)), Attr("CVMVolume", Items(tuple(sorted(vols)))),
                              Attr("CVMActivation", Scalar("sw"))])
    point = mount_point(estate, dg, vol)
    if point is None:
        return None
    mnt = g.add("CFSMount", vcs_name(prefix if prefix != vol else "", vol, "mnt"), [
        Attr("MountPoint", Scalar(point)), Attr("BlockDevice", Scalar(vx_block(dg, vol)))])
    g.link(mnt, voldg)
    return mnt


def _private_addresses(estate: Estate, rac: RacSpec, systems: list[str]) -> list[Attr]:
    by_sys: dict[str, str] = {}
    for key, address in rac.private_ips.items():
        dom = estate.domain(key)
        by_sys[dom.system if dom else key] = address
    return [Attr("Address", Scalar(by_sys[s]), s) for s in systems if s in by_sys]


def _private_devices(estate: Estate, name: str, rac: RacSpec) -> list[Attr]:
    """PrivNIC ``Device`` ``{ link = 0, ... }``: in guests their datalink names (:mod:`datalinks`),
    localized per system when the guests' links differ."""
    per_system: dict[str, Value] = {
        n.system: Assoc(tuple((nic, str(i)) for i, nic in enumerate(domain_devices(n, rac.private_nics))))
        for n in estate.cluster_systems(name)}
    return localized("Device", per_system)


def derive_rac(d: Derivation, estate: Estate, name: str, cluster: Cluster) -> None:
    rac = cluster.rac
    if rac is None:
        return
    systems = [n.system for n in estate.cluster_systems(name)]
    cvm_group(d, systems, name, cfs=True)
    crs = d.group(CRS_GROUP, "rac", systems, parallel=True)
    crs.require_group("cvm")
    ocr_dg, ocr_vol = rac.ocr_vote.split("/")
    ocr_mnt = _cfs_volume(crs, estate, ocr_dg, ocr_vol, "ocrvote")
    cssd = crs.add("CSSD", "cssd", [Attr("Critical", scalar(0))])
    if rac.uses_privnic():
        priv = crs.add("PrivNIC", "ora_priv", [
            Attr("Critical", scalar(0)), *_private_devices(estate, name, rac),
            *_private_addresses(estate, rac, systems), Attr("NetMask", Scalar(rac.netmask))])
        crs.link(cssd, priv)
    if ocr_mnt:
        crs.link(cssd, ocr_mnt)
    prefix = rac.database.lower()
    db = d.group(vcs_name(prefix, "grp"), "rac", systems, parallel=True)
    db.require_group(CRS_GROUP)
    sids = [Attr("Sid", Scalar(f"{rac.database}{i + 1}"), s) for i, s in enumerate(systems)]
    ora = db.add("Oracle", vcs_name(prefix, "ora"), [
        *sids, Attr("Owner", Scalar(rac.owner)), Attr("Home", Scalar(rac.oracle_home)),
        Attr("StartUpOpt", Scalar("SRVCTLSTART")), Attr("ShutDownOpt", Scalar("SRVCTLSTOP"))])
    for ref in rac.data:
        dg, vol = ref.split("/")
        mnt = _cfs_volume(db, estate, dg, vol, prefix)
        if mnt:
            db.link(ora, mnt)
