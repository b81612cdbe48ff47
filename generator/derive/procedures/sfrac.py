"""The SF Oracle RAC runbook, one per cluster with ``rac``: storage checks, Oracle prerequisites, ODM.

Oracle's own installers are outside this runbook; it prepares and checks what InfoScale provides
(CVM/CFS for OCR, voting and data files, the private interconnect, Veritas ODM) and records the
cautions the guide's limitations imply: RAC runs only where the guest owns its storage stack
(guest-based or layered), I/O fencing in guests, RAC in zones (REFERENCE.md 7, rules 5, 8, 16).
"""

from __future__ import annotations

from generator.derive.procedures.linkcheck import LINK_NOTE, link_checks
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate import commands as cmd
from generator.estate.datalinks import domain_devices
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import glob, sh
from generator.input.schema import RacSpec

CAUTIONS = (
    "SF Oracle RAC needs VxVM, CVM and CFS in the guests: guest-based or layered stack only, never split "
    "(REFERENCE.md 7, rule 5).",
    "Fencing in guest clusters: CP-server fencing is the usual supported choice (REFERENCE.md 7, rule 8, "
    "unverified).",
)


def _storage_step(rac: RacSpec, first: str) -> Step:
    mounts = []
    for volume in (rac.ocr_vote, *rac.data):
        dg, vol = volume.split("/")
        mounts.append(cmd.vx_block(dg, vol))
    return Step(id="cfs-check", title="Check CVM and the cluster file systems", runs_on=first,
                commands=("vxdctl -c mode", "cfscluster status", "cfsmntadm display"), minutes=5, gate=True,
                expected="CVM running on every node; OCR/voting and data file systems mounted cluster-wide "
                         f"from {', '.join(f'`{m}`' for m in mounts)}.")


def _owner_step(rac: RacSpec, node: str, mounts: list[str]) -> Step:
    owner = f"{rac.owner}:{rac.group}"
    return Step(id=f"owner-{node}", title=f"Give the file systems to `{owner}` on {node}", runs_on=node,
                commands=(sh("chown", owner, *mounts), sh("ls", "-ld", *mounts)), minutes=2,
                expected=f"Owned by user `{rac.owner}`, group `{rac.group}`.")


def _network_step(rac: RacSpec, node: DomainInfo, address: str) -> Step:
    links = domain_devices(node, rac.private_nics)
    checks, shown = link_checks(node, links)
    return Step(id=f"privnet-{node.system}", title=f"Check the private interconnect on {node.system}",
                runs_on=node.system,
                commands=("ipadm show-addr", *(checks or [sh("dladm", "show-link", link) for link in links])),
                minutes=3, notes=(LINK_NOTE,) if node.is_guest else (),
                expected=f"Private address {address or '(not set in the topology)'} up on "
                         f"{', '.join(links)} ({_interconnect(rac)}).{shown}")


def _interconnect(rac: RacSpec) -> str:
    """Who protects the private interconnect [S: Veritas technote 100003972]."""
    if rac.uses_privnic():
        return f"managed by the VCS PrivNIC resource: Oracle {rac.oracle_version} predates HAIP"
    release = f"Oracle {rac.oracle_version}" if rac.oracle_version else "a current Oracle release (assumed)"
    return (f"{release}: Oracle HAIP (Redundant Interconnect Usage, 11.2.0.2 and later) protects the "
            "interconnect; SF Oracle RAC does not support PrivNIC/MultiPrivNIC for it, none is configured")


def _odm_step(rac: RacSpec, node: str) -> Step:
    home = rac.oracle_home
    return Step(id=f"odm-{node}", title=f"Link Veritas ODM into the Oracle home on {node}", runs_on=node,
                commands=(sh("ls", "-l", "/opt/VRTSodm/lib/sparcv9/libodm.so", glob(f"{home}/lib", "libodm*.so")),
                          sh("su", "-", rac.owner, "-c", sh("srvctl", "status", "database", "-d", rac.database))),
                expected="The Oracle home's libodm library is the Veritas ODM library; the database is "
                         "running on every node.", minutes=5,
                notes=("Link the library exactly as the SF Oracle RAC guide says for your Oracle release "
                       "(library name differs per release; not generated here).",))


def _system(estate: Estate, ref: str) -> str:
    domain = estate.domain(ref)
    return domain.system if domain else ref


def sfrac_runbook(estate: Estate, cid: str) -> Runbook | None:
    rac = estate.topology.clusters[cid].rac
    nodes = [d.system for d in estate.cluster_systems(cid)]
    if rac is None or not nodes:
        return None
    fs = {f"{dg}/{v}": spec.filesystem.mount for dg, d in estate.topology.storage.diskgroups.items()
          for v, spec in d.volumes.items() if spec.filesystem}
    mounts = [fs[v] for v in (rac.ocr_vote, *rac.data) if v in fs]
    ips = {_system(estate, k): v for k, v in rac.private_ips.items()}
    prep = Section(id="storage", title="Cluster storage for Oracle",
                   steps=(_storage_step(rac, nodes[0]), *[_owner_step(rac, n, mounts) for n in nodes]))
    net = Section(id="network", title="Private interconnect",
                  steps=tuple(_network_step(rac, n, ips.get(n.system, "")) for n in estate.cluster_systems(cid)),
                  depends_on=("storage",))
    oracle = Section(id="oracle", title="After the Oracle installation",
                     intro="Install Oracle Grid Infrastructure and the database with Oracle's installers "
                           f"first (OCR and voting files on the `{rac.ocr_vote}` file system).",
                     steps=tuple(_odm_step(rac, n) for n in nodes), depends_on=("network",))
    return Runbook(id=f"sfrac-{cid}", title=f"SF Oracle RAC: cluster {cid}",
                   topology=estate.topology.topology,
                   kind="sfrac", sections=(prep, net, oracle),
                   summary=f"Prepares and checks the InfoScale side of Oracle RAC database `{rac.database}` "
                           f"on "
                           f"{', '.join(nodes)}.",
                   prerequisites=("VCS set-up runbook done: CVM, CFS and the RAC service groups online.",
                                  *CAUTIONS),
                   references=("Veritas InfoScale Virtualization Guide - Solaris: SF Oracle RAC in guest "
                               "domains and zones",),
                   header={"Cluster": cid, "Database": rac.database})


def sfrac_runbooks(estate: Estate) -> list[Runbook]:
    return [rb for cid in sorted(estate.topology.clusters) if (rb := sfrac_runbook(estate, cid))]
