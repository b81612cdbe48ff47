"""The LDom agent's ``CfgFile`` on every system of a guest's SystemList, before VCS manages the guest.

Build-out creates a guest on its home host only. The LDom resource names the guest's
``ldm list-constraints -x`` XML as ``CfgFile``; where the guest is not defined, the agent creates it
from that file before it binds and starts it (REFERENCE 3.1 [K]: Bundled Agents Reference, LDom
agent; not yet seen in a cited source). Without the file on a node, a fail-over or ``hagrp -switch``
to that node has no domain to start. The XML format and ``ldm list-constraints -x`` are [S]
(Oracle VM Server for SPARC admin guide, "Saving Domain Configurations").
"""

from __future__ import annotations

from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import sh

REFRESH_NOTE = ("Repeat this step after every change to the guest's constraints (vCPUs, memory, vdisks, vnets, "
                "master): the agent creates the guest from this file on a node where it is not defined, so a "
                "stale copy brings the old configuration back on the next fail-over [K].")


def managed_guests(estate: Estate, cid: str) -> list[DomainInfo]:
    cluster = estate.topology.clusters[cid]
    return [g for g in (estate.domain(ref) for ref in cluster.manages) if g is not None]


def _systems(estate: Estate, cid: str, guest: DomainInfo) -> tuple[DomainInfo | None, list[DomainInfo]]:
    """(the control domain of the guest's home host, the other control-domain systems)."""
    controls = [n for n in estate.cluster_systems(cid) if n.is_control]
    home = next((c for c in controls if c.host == guest.host), None)
    return home, [c for c in controls if c is not home]


def cfgfile_step(estate: Estate, cid: str, guest: DomainInfo) -> Step | None:
    home, others = _systems(estate, cid, guest)
    if home is None:
        return None
    path = cmd.ldom_cfgfile(guest.name)
    commands = [sh("mkdir", "-p", cmd.LDOM_CFG_DIR), cmd.list_constraints_xml(guest.name, path)]
    for o in others:
        commands += [sh("ssh", f"root@{o.system}", "mkdir", "-p", cmd.LDOM_CFG_DIR),
                     sh("scp", "-p", path, f"root@{o.system}:{path}")]
    verify = [sh("digest", "-a", "sha1", path), *(sh("ssh", f"root@{o.system}", "digest", "-a", "sha1", path)
                                                  for o in others)]
    where = ", ".join([home.system, *(o.system for o in others)])
    return Step(id=f"cfgfile-{guest.name}",
                title=f"Save the constraints of `{guest.name}` as the LDom agent's CfgFile on every node",
                runs_on=home.system, commands=tuple(commands),
                expected=f"`{path}` exists with the same SHA-1 digest on {where}.",
                verify=tuple(verify),
                backout=(sh("rm", "-f", path), *(sh("ssh", f"root@{o.system}", "rm", "-f", path) for o in others)),
                minutes=3 + len(others),
                notes=(f"The LDom resource's CfgFile is `{path}`: on {', '.join(o.system for o in others) or 'a node'}"
                       f" where `{guest.name}` is not defined, the agent creates it from this file before it "
                       "starts it; without the file the first fail-over there has no domain to start.",
                       REFRESH_NOTE,
                       "ssh/scp as root between the control domains is what the InfoScale installer uses; "
                       "copy the file another way if it is not allowed."))


def cfgfile_steps(estate: Estate, cid: str) -> list[Step]:
    return [s for s in (cfgfile_step(estate, cid, g) for g in managed_guests(estate, cid)) if s is not None]
