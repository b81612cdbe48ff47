"""The I/O fencing phase of the VCS set-up runbook: ``/etc/vxfenmode`` per fencing mode, then vxfen.

Modes [K, REFERENCE.md 6.3 and 7 rule 8]: ``cps`` (coordination point servers, the usual choice for
guest-domain clusters), ``scsi3`` (coordinator disk group of three LUNs, DMP policy), ``majority``
and ``disabled``.
"""

from __future__ import annotations

from generator.document.runbook_model import Section, Step
from generator.estate.commands import vxdg, vxdisksetup
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import heredoc, redirect, sh
from generator.input.schema import Fencing, FencingMode

COORDINATOR_DG = "vxfencoorddg"


def vxfenmode_lines(fencing: Fencing) -> list[str]:
    if fencing.mode is FencingMode.CPS:
        lines = ["vxfen_mode=customized", "vxfen_mechanism=cps"]
        for i, server in enumerate(fencing.cp_servers, start=1):
            host, _, port = server.rpartition(":")
            lines.append(f"cps{i}=[{host or port}]:{port if host else 443}")
        return lines
    if fencing.mode is FencingMode.SCSI3:
        return ["vxfen_mode=scsi3", "scsi3_disk_policy=dmp"]
    return [f"vxfen_mode={fencing.mode.value}"]


def coordinator_dg_backout() -> tuple[str, ...]:
    """Remove the coordinator disk group the step left deported: import it (``-tfC``, as Veritas's
    coordinator-disk procedures do), clear its coordinator flag, destroy it [S: SF Oracle RAC 6.0
    Administrator's Guide, "Replacing I/O fencing coordinator disks when the cluster is online"; that
    ``vxdg destroy`` needs an imported disk group is K]."""
    return (sh("vxdg", "-tfC", "import", COORDINATOR_DG), sh("vxdg", "-g", COORDINATOR_DG, "set", "coordinator=off"),
            vxdg("destroy", COORDINATOR_DG))


def _coordinator_step(fencing: Fencing, first: str) -> Step:
    disks = fencing.coordinator_disks
    init = sh("vxdg", "-o", "coordinator=on", "init", COORDINATOR_DG, *disks)
    return Step(id="coordinator-dg", title="Create the coordinator disk group", runs_on=first,
                commands=(*[vxdisksetup(d) for d in disks], init,
                          vxdg("deport", COORDINATOR_DG)),
                expected=f"`{COORDINATOR_DG}` created with {len(disks)} disk(s) and deported.",
                verify=("vxdisk -o alldgs list",),
                backout=coordinator_dg_backout(),
                minutes=5, notes=("Use an odd number of coordinator disks (three) that support SCSI-3 PR.",))


CPS_REGISTRATION = (
    "vxfen in cps mode starts only if each CP server already knows this cluster, its nodes and users; "
    "Veritas's procedures check that with `cpsadm -s CP_SERVER -a list_nodes` and `-a list_users` and send "
    "you to the Cluster Server Installation Guide to prepare a CP server otherwise (VCS Administrator's Guide "
    "7.3, server-based fencing [S]). The installer's fencing configuration normally does that registration "
    "[K]."
)


def _cps_check_step(fencing: Fencing, cid: str, first: str) -> Step:
    hosts = [server.rpartition(":")[0] or server for server in fencing.cp_servers]
    return Step(id="cps-check", title="Check that the CP servers know this cluster", runs_on=first,
                commands=tuple(sh("cpsadm", "-s", h, "-a", action) for h in hosts
                               for action in ("list_nodes", "list_users")),
                expected=f"Every CP server lists the nodes of `{cid}` and its users.", minutes=3,
                notes=(CPS_REGISTRATION,))


def node_step(fencing: Fencing, node: DomainInfo) -> Step:
    commands = heredoc("/etc/vxfenmode", vxfenmode_lines(fencing))
    if fencing.mode is FencingMode.SCSI3:
        commands.append(redirect(sh("echo", COORDINATOR_DG), "/etc/vxfendg"))
    commands.append("svcadm enable vxfen")
    disabled = fencing.mode is FencingMode.DISABLED
    return Step(id=f"vxfen-{node.system}",
                title=f"Configure I/O fencing on {node.system} ({fencing.mode.value})",
                runs_on=node.system, commands=tuple(commands),
                expected="Fencing disabled." if disabled else f"`vxfenadm -d` shows mode "
                                                              f"{fencing.mode.value} and "
                                                              "every started node in the membership.",
                verify=("vxfenadm -d",), backout=("svcadm disable vxfen",), minutes=3)


def fencing_section(estate: Estate, cid: str, nodes: list[DomainInfo]) -> Section:
    fencing = estate.topology.clusters[cid].fencing
    steps = [node_step(fencing, n) for n in nodes]
    if fencing.mode is FencingMode.SCSI3:
        steps.insert(0, _coordinator_step(fencing, nodes[0].system))
    if fencing.mode is FencingMode.CPS and fencing.cp_servers:
        steps.insert(0, _cps_check_step(fencing, cid, nodes[0].system))
    notes = []
    if fencing.mode is FencingMode.SCSI3 and any(n.is_guest for n in nodes):
        notes.append("SCSI-3 fencing in guest domains needs whole physical disks exported to the guests and "
                     "a supported Oracle VM Server for SPARC release; CP-server fencing is the usual choice "
                     "(REFERENCE.md 7, rule 8, unverified).")
    if fencing.mode is FencingMode.DISABLED:
        notes.append("No I/O fencing: a split brain can corrupt shared data. Acceptable only without shared "
                     "storage.")
    intro = " ".join(notes) if notes else "Same file on every node."
    return Section(id="fencing", title="I/O fencing", steps=tuple(steps), depends_on=("membership",),
                   intro=intro, backout=("`svcadm disable vxfen` on every node configured so far.",))
