"""The VCS set-up runbook, one per cluster: membership (LLT, GAB, fencing), start, apply, verify.

The service groups are applied with the ha command script of the VCS output (:mod:`generator.derive.vcs.api`), so
the running cluster ends up with exactly the generated main.cf; ``hacf -verify`` and
``hastatus -sum`` close the change. The LLT/GAB/fencing files are what the product installer's
``-configure`` writes; they are printed so the operator can check or write them (REFERENCE.md 6.3).
"""

from __future__ import annotations

from generator.derive.procedures.cvm_phase import cvm_groups, cvm_section, shared_storage_section
from generator.derive.procedures.fencing import fencing_section
from generator.derive.procedures.ha_script import split_script
from generator.derive.procedures.ldom_cfgfile import cfgfile_steps
from generator.derive.procedures.linkcheck import LINK_NOTE, link_checks
from generator.derive.procedures.zones_runbook import held_groups, zone_names
from generator.derive.vcs.api import ClusterConfigs, ha_commands, service_groups
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate.datalinks import domain_devices
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import heredoc, redirect, sh
from generator.estate.vcs_commands import hagrp
from generator.input.schema import Cluster, Component

CONFIG_DIR = "/etc/VRTSvcs/conf/config"


def membership_step(nodes: list[DomainInfo], node: DomainInfo, cluster: Cluster) -> Step:
    node_id = nodes.index(node)
    links = domain_devices(node, cluster.llt_links)
    llttab = [f"set-node {node.system}", f"set-cluster {cluster.cluster_id}"]
    llttab += [f"link {link} /dev/net/{link} - ether - -" for link in links]
    commands = heredoc("/etc/llthosts", [f"{i} {n.system}" for i, n in enumerate(nodes)])
    commands += heredoc("/etc/llttab", llttab)
    commands += [redirect(sh("echo", f"/sbin/gabconfig -c -n{len(nodes)}"), "/etc/gabtab"),
                 sh("svcadm", "enable", "llt", "gab")]
    checks, shown = link_checks(node, links)
    return Step(id=f"llt-{node.system}",
                title=f"Configure and start LLT and GAB on {node.system} (node {node_id})",
                runs_on=node.system, commands=tuple(commands),
                expected=f"LLT sees {len(nodes)} node(s) on {len(links)} link(s); "
                         f"GAB port a membership lists every node once all are started.{shown}",
                verify=(*checks, "lltstat -nvv", "gabconfig -a"),
                backout=("svcadm disable gab llt",), minutes=5, notes=(LINK_NOTE,) if node.is_guest else ())


def _start_section(cid: str, nodes: list[DomainInfo]) -> Section:
    steps = [Step(id=f"hastart-{n.system}", title=f"Start VCS on {n.system}", runs_on=n.system,
                  commands=("hastart",), expected=f"`{n.system}` RUNNING in `hasys -state`.",
                  verify=("hasys -state",), backout=("hastop -local",), minutes=3) for n in nodes]
    steps.append(Step(id="cluster-running", title="Confirm every node is running", runs_on=nodes[0].system,
                      commands=("hastatus -sum",), gate=True, minutes=2,
                      expected=f"All {len(nodes)} systems RUNNING; no group FAULTED."))
    return Section(id="start", title="Start the cluster", steps=tuple(steps), depends_on=("fencing",),
                   backout=("`hastop -all` on any node.",))


def _save_step(cid: str, first: str) -> Step:
    backup = f"/var/tmp/main.cf.before-{cid}"
    return Step(id="save-config", title="Keep a copy of the running configuration", runs_on=first,
                commands=(sh("cp", "-p", f"{CONFIG_DIR}/main.cf", backup),),
                expected=f"`{backup}` exists.", verify=(sh("ls", "-l", backup),), minutes=2)


def _apply_steps(cid: str, first: str, script: list[str]) -> list[Step]:
    backup = f"/var/tmp/main.cf.before-{cid}"
    restore = ("hastop -all -force", sh("cp", "-p", backup, f"{CONFIG_DIR}/main.cf"), sh("hacf", "-verify", CONFIG_DIR),
               "hastart")
    apply = Step(id="apply-groups", title=f"Apply the service groups of `{cid}`", runs_on=first,
                 commands=tuple(script), expected="Every command returns without error; the configuration is "
                                                  "saved read-only at the end.",
                 verify=(sh("hacf", "-verify", CONFIG_DIR),), backout=restore, minutes=10 + len(script) // 20,
                 notes=(f"The same configuration as the generated `vcs/{cid}/main.cf`. Passwords appear "
                        f"only in "
                        "the form `vcsencrypt -agent` printed.",))
    return [apply]


def _secret_step(cluster: Cluster, first: str) -> Step | None:
    if cluster.migration_auth is None:
        return None
    user = cluster.migration_auth.user
    return Step(id="encrypt-password", title=f"Encrypt the password of `{user}` for the LDom agent",
                runs_on=first, commands=("vcsencrypt -agent",),
                expected="The printed string equals the `password-encrypted` value of the topology; if not, "
                         "update the topology and regenerate before applying.",
                minutes=3,
                notes=("Type the password at the prompt only: never on a command line or in a file.",))


def _zone_group_notes(vcs: ClusterConfigs, cid: str) -> tuple[str, ...]:
    """The groups of the cluster's zones cannot be online yet: the zones runbook installs the zones."""
    estate = vcs.estate
    zones = sorted(estate.topology.clusters[cid].zones)
    groups = [g for z in zones for g in held_groups(vcs, cid, zone_names(vcs, cid, z)[0])]
    if not groups:
        return ()
    return (f"The groups of the zones and what only they require ({', '.join(f'`{g}`' for g in groups)}) are the "
            "exception: they cannot come online before the zones runbook installs the zones. Expect them "
            "OFFLINE or FAULTED here; the zones runbook holds them, then clears and brings them online.",)


def _verify_section(vcs: ClusterConfigs, cid: str, first: str) -> Section:
    estate = vcs.estate
    groups = service_groups(vcs, cid)
    commands = [sh("hacf", "-verify", CONFIG_DIR), "hastatus -sum"] + [hagrp("state", g.name) for g in groups]
    if any(d.has(Component.CVM) for d in estate.cluster_systems(cid)):
        commands.append("vxdctl -c mode")
    step = Step(id="verify", title="Verify the configuration and the group states", runs_on=first,
                commands=tuple(commands), gate=True, minutes=5,
                expected="hacf prints nothing; every group ONLINE on its first AutoStart system (parallel "
                         "groups on all their systems); no resource FAULTED.", notes=_zone_group_notes(vcs, cid))
    return Section(id="verify", title="Verify", steps=(step,), depends_on=("apply",))


def _alternate_io_notes(estate: Estate, cid: str) -> tuple[str, ...]:
    if not any(d.is_io and not d.is_control for d in estate.cluster_systems(cid)):
        return ()
    return ("Multiple I/O domains: the storage and network groups are parallel over the I/O domains of one "
            "host; the AlternateIO group stays online while one I/O domain of the host still serves the "
            "guest, and the LDom group requires it online local hard (REFERENCE.md 2.4).",
            "Check each per-host storage and network group is ONLINE on both I/O domains before trusting a "
            "fail-over test.")


def vcs_runbook(vcs: ClusterConfigs, cid: str) -> Runbook:
    estate = vcs.estate
    cluster = estate.topology.clusters[cid]
    nodes = estate.cluster_systems(cid)
    first = nodes[0].system
    membership = Section(id="membership", title="Cluster membership: LLT and GAB",
                         steps=tuple(membership_step(nodes, n, cluster) for n in nodes),
                         intro="Node IDs follow the order of the cluster's nodes in the topology.",
                         backout=("`svcadm disable gab llt` on every node configured so far.",))
    script, cvm = ha_commands(vcs, cid), cvm_groups(vcs, cid)
    first_part, rest = split_script(script, cvm) if script and cvm else ([], script)
    save = _save_step(cid, first)
    early = [cvm_section(first_part, cvm, nodes, save), shared_storage_section(estate, cid)] if first_part else []
    lead = [] if first_part else [save]
    apply_steps = [s for s in [_secret_step(cluster, first), *cfgfile_steps(estate, cid), *lead,
                                *_apply_steps(cid, first, rest)] if s]
    guests = "; the guests it manages exist (build-out runbook, guest domains phase)" if cluster.manages else ""
    apply = Section(id="apply", title="Apply the service groups", steps=tuple(apply_steps),
                    depends_on=tuple(s.id for s in early if s) or ("start",),
                    intro=f"Run on one node; VCS replicates the configuration to every member{guests}.",
                    backout=(f"Restore the saved main.cf: `hastop -all -force`, copy "
                             f"`/var/tmp/main.cf.before-{cid}` back, `hacf -verify`, `hastart` on every "
                             "node.",))
    sections = (membership, fencing_section(estate, cid, nodes), _start_section(cid, nodes),
                *[s for s in early if s], apply, _verify_section(vcs, cid, first))
    systems = ", ".join(n.system for n in nodes)
    return Runbook(id=f"vcs-setup-{cid}", title=f"VCS set-up: cluster {cid}",
                   topology=estate.topology.topology,
                   kind="vcs-setup", sections=sections,
                   summary=f"Configures cluster `{cid}` (systems {systems}): LLT, GAB, fencing, start, the "
                           "generated service groups, and the checks that close the change.",
                   prerequisites=("InfoScale installed and licensed on every node (build-out runbook).",
                                  f"`uname -n` on each node matches its system name: {systems}.",
                                  *_alternate_io_notes(estate, cid)),
                   references=("Cluster Server Administrator's Guide: ha commands, hacf -verify",
                               "Veritas InfoScale Virtualization Guide - Solaris: VCS configuration models"),
                   header={"Cluster": cid, "Systems": systems})


def vcs_runbooks(vcs: ClusterConfigs) -> list[Runbook]:
    estate = vcs.estate
    return [vcs_runbook(vcs, cid) for cid in sorted(estate.topology.clusters)
            if estate.cluster_systems(cid)]
