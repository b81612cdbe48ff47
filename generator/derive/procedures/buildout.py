"""The build-out runbook: virtual services, InfoScale installation, storage, guests, SP configuration.

Phases are declared with what they depend on; the runbook model orders them (:mod:`generator.core.toposort`). Storage
phases come from :mod:`generator.derive.procedures.storage_phases`.
"""

from __future__ import annotations

from dataclasses import replace

from generator.core.artifacts import RenderContext
from generator.derive.procedures.command_hosts import dg_domains, ldm_node
from generator.derive.procedures.installation import install_section
from generator.derive.procedures.iodomains import alternate_io_domains, io_domains_section
from generator.derive.procedures.storage_phases import diskgroup_section, export_section, filesystem_section
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate import commands as cmd
from generator.estate.commands import (
    add_spconfig,
    bind_domain,
    destroy_domain,
    ldm,
    ldm_list,
    start_domain,
)
from generator.estate.datalinks import vnet_links
from generator.estate.estate import DomainInfo, Estate
from generator.estate.vdisk_paths import DEFAULT_MULTIPATH_TIMEOUT, guest_multipaths, vdisk_timeout

REFERENCES = (
    "Veritas InfoScale Virtualization Guide - Solaris: stack models, provisioning storage for a guest domain",
    "Oracle VM Server for SPARC ldm(8): add-vds, add-vsw, add-vcc, add-vdsdev, add-vdisk, add-domain",
)


def _services_step(estate: Estate, d: DomainInfo) -> Step | None:
    s = d.spec.services
    commands = [cmd.add_vds(name, d.name) for name in sorted(s.vds)]
    commands += [cmd.add_vsw(name, d.name, spec.net_dev, spec.vid) for name, spec in sorted(s.vsw.items())]
    commands += [cmd.add_vcc(name, d.name, (spec.port_range if spec else "5000-5100"))
                 for name, spec in sorted(s.vcc.items())]
    if not commands:
        return None
    backout = [ldm("remove-vcc", n) for n in sorted(s.vcc, reverse=True)]
    backout += [ldm("remove-vsw", n) for n in sorted(s.vsw, reverse=True)]
    backout += [ldm("remove-vds", n) for n in sorted(s.vds, reverse=True)]
    names = ", ".join(f"`{n}`" for n in [*sorted(s.vds), *sorted(s.vsw), *sorted(s.vcc)])
    verify = [ldm("list-services", d.name)]
    notes: tuple[str, ...] = ()
    if s.vcc and d.is_control:  # vntsd serves the consoles of a vcc in the domain it runs in (vntsd(8))
        commands.append("svcadm enable vntsd")
        verify.append("svcs vntsd")
        backout.insert(0, "svcadm disable vntsd")
    elif s.vcc:
        notes = (f"Enable the console service in `{d.name}` itself: `svcadm enable vntsd` (vntsd(8)).",)
    return Step(id=f"services-{d.host}-{d.name}", title=f"Create the virtual services of {d.ref}",
                runs_on=ldm_node(estate, d.host), commands=tuple(commands),
                expected=f"{names} listed for domain `{d.name}`" + ("; vntsd online." if s.vcc and d.is_control
                                                                   else "."),
                verify=tuple(verify), backout=tuple(backout), minutes=5, notes=notes)


def services_section(estate: Estate, io_domains: bool = False) -> Section | None:
    """Services of the domains that exist from the start, or (``io_domains``) of the alternate I/O domains.

    The control domain's console service comes first: the alternate I/O domains are bound, started and
    installed from their consoles, which need a vcc and vntsd (ldm(8), vntsd(8) [S]). Services of an
    alternate I/O domain can only be added once that domain exists.
    """
    created = {(d.host, d.name) for d in alternate_io_domains(estate)}
    steps = [s for d in estate.domains if ((d.host, d.name) in created) == io_domains
             and (s := _services_step(estate, d))]
    if not steps:
        return None
    if io_domains:
        return Section(id="services-io", title="Virtual services of the alternate I/O domains",
                       steps=tuple(steps), depends_on=("io-domains",),
                       intro="Run in the control domain of each host, for every alternate I/O domain of "
                             "that host, once it runs.",
                       backout=("Run each step's back-out; nothing uses the services yet.",))
    return Section(id="services", title="Virtual disk, switch and console services", steps=tuple(steps),
                   intro="Run in the control domain of each host, for every service domain of that host.",
                   backout=("Run each step's back-out; nothing uses the services yet.",))


def _links_note(d: DomainInfo) -> str:
    pairs = ", ".join(f"`{vnet}` = `{link}`" for vnet, link in vnet_links(d).items())
    return (f"The vnets are added in name order; inside `{d.name}` their datalinks should be {pairs} (the k-th "
            "vnet by name is `net<k>` unless the topology states its `link`: general knowledge [K], not from a "
            "cited source). Check with `dladm show-phys` in the guest once it is installed: LLT, ipadm and the "
            "VCS NIC/IP/PrivNIC agents use these link names.")


def _timeout_notes(estate: Estate, d: DomainInfo) -> list[str]:
    timed = [v for v in estate.vdisks(d) if guest_multipaths(estate, v)]
    if not timed:
        return []
    names = ", ".join(f"`{v.name}`" for v in timed)
    return [f"{names} reach one LUN through two service domains and DMP in `{d.name}` multipaths them: each has "
            "`timeout=` so that I/O on the path of a service domain that is down fails over to the other path "
            "instead of waiting for it (Oracle VM Server for SPARC admin guide, Virtual Disk Timeout [S]; the "
            f"value {DEFAULT_MULTIPATH_TIMEOUT} s unless the topology states one is this tool's choice, "
            "unverified). `ldm list -o disk` shows it in the TOUT column; `set vdc:vdc_timeout` in the "
            "guest's /etc/system would override it for every vdisk."]


def _timeout_expected(estate: Estate, d: DomainInfo) -> str:
    timed = [(v.name, t) for v in estate.vdisks(d) if (t := vdisk_timeout(estate, v)) is not None]
    if not timed:
        return ""
    return " In `ldm list -o disk`, TOUT shows " + ", ".join(f"{t} for `{n}`" for n, t in timed) + "."


def guest_step(estate: Estate, d: DomainInfo) -> Step:
    spec = d.spec
    commands = [cmd.add_domain(d.name, spec.cpu_arch.value), ldm("set-vcpu", spec.vcpus, d.name),
                ldm("set-memory", cmd.ldm_size(spec.memory), d.name)]
    if spec.failure_policy:
        commands.append(ldm("set-domain", f"failure-policy={spec.failure_policy.value}", d.name))
    if spec.master:
        commands.append(ldm("set-domain", f"master={spec.master}", d.name))
    for name, vnet in sorted(spec.vnets.items()):
        sw = estate.resolve_service("vsw", vnet.switch, d.host)
        commands.append(cmd.add_vnet(name, sw.name if sw else vnet.switch, d.name, vnet.mac, vnet.vid))
    boot = None
    for v in estate.vdisks(d):
        if v.service is None:
            continue
        commands.append(cmd.add_vdisk(v.name, v.export_name, v.service.name, d.name, v.spec.id,
                                      vdisk_timeout(estate, v)))
        boot = v.name if v.spec.boot else boot
    if boot:
        commands.append(ldm("set-var", f"boot-device={boot}", d.name))
    commands += [bind_domain(d.name), start_domain(d.name)]
    notes = [_links_note(d)] if spec.vnets else []
    notes += _timeout_notes(estate, d)
    master = estate.domain(f"{d.host}/{spec.master}") if spec.master else None
    if master is not None and not master.spec.failure_policy:
        notes.append(f"`{spec.master}` has no failure-policy in the topology, so it keeps the default `ignore` "
                     f"and `master={spec.master}` changes nothing when it fails (Oracle VM Server for SPARC "
                     "admin guide, domain dependencies [S]); give the master a failure-policy if the guest "
                     "must stop, reset or panic with it.")
    migrating = any(m.domain in (d.name, d.ref) for m in estate.topology.migrations)
    if spec.cpu_arch.value == "native" and migrating:
        notes.append("cpu-arch=native: migration only to a host with the same CPU type and frequency.")
    return Step(id=f"guest-{d.host}-{d.name}", title=f"Create, bind and start guest `{d.name}` on {d.host}",
                runs_on=ldm_node(estate, d.host), commands=tuple(commands),
                expected=f"`{d.name}` is active with {spec.vcpus} vCPUs and "
                         f"{cmd.ldm_size(spec.memory)} memory.{_timeout_expected(estate, d)}",
                verify=(ldm_list(d.name), ldm_list(d.name, "-o", "disk,network")),
                backout=destroy_domain(d.name),
                minutes=10, notes=tuple(notes))


def _policy_steps(estate: Estate) -> list[Step]:
    """Per host, the failure policy of the master domains that exist before the guests are built.

    failure-policy is a property of the master: it says what happens to the domains naming it in
    ``master=`` (ldm(8), domain dependencies [S]). A guest that is itself a master gets it in its own step.
    """
    masters = [d for d in estate.domains if d.spec.failure_policy and not d.is_guest]
    steps = []
    for host in sorted({d.host for d in masters}):
        on_host = [d for d in masters if d.host == host]
        steps.append(Step(
            id=f"failure-policy-{host}", title=f"Set the failure policy of the master domains on {host}",
            runs_on=ldm_node(estate, host),
            commands=tuple(ldm("set-domain", f"failure-policy={d.spec.failure_policy.value}", d.name)
                           for d in on_host if d.spec.failure_policy),
            expected="; ".join(f"`{d.name}` shows failure-policy={d.spec.failure_policy.value} under CONTROL"
                               for d in on_host if d.spec.failure_policy) + ".",
            verify=tuple(ldm_list(d.name, "-o", "domain") for d in on_host),
            backout=tuple(ldm("set-domain", "failure-policy=ignore", d.name) for d in on_host),
            minutes=2))
    return steps


def guests_section(estate: Estate) -> Section | None:
    steps = [guest_step(estate, d) for d in estate.guests]
    if not steps:
        return None
    return Section(id="guests", title="Guest domains", steps=(*_policy_steps(estate), *steps),
                   depends_on=("exports", "services", "services-io"),
                   intro="Each guest is defined only on its home host; a migration moves it, and for a guest "
                         "VCS manages the LDom agent creates it on another node from its CfgFile, which the "
                         "VCS set-up runbook saves and copies to every node before the groups are applied. "
                         "Install Solaris in each guest from its console (`ldm list -o console "
                         "GUEST` gives the port) before the next phase.",
                   backout=("Stop, unbind and remove each guest created in this phase (step back-outs).",))


def spconfig_section(estate: Estate, context: RenderContext) -> Section:
    name = estate.topology.topology
    if context.short_hash:
        name = f"{name}-{context.short_hash[:8]}"
    return host_spconfig_section(estate, sorted(estate.topology.hosts), name,
                                 "The configuration name carries the topology's content hash, so "
                                 "`ldm list-spconfig` shows which revision each host runs.")


def host_spconfig_section(estate: Estate, hosts: list[str], name: str, intro: str) -> Section:
    """Save the domain configuration of ``hosts`` to their service processors as ``name``."""
    steps = tuple(Step(id=f"spconfig-{host}", title=f"Save the domain configuration of {host} to the SP",
                       runs_on=ldm_node(estate, host), commands=(add_spconfig(name),),
                       expected=f"`{name}` is the current configuration.", verify=("ldm list-spconfig",),
                       backout=(ldm("remove-spconfig", name),), minutes=2, gate=True,
                       notes=("Without this the next power cycle of the host restores the previous "
                              "configuration.",))
                  for host in hosts)
    return Section(id="spconfig", title="Persist the configuration", steps=steps,
                   depends_on=("guests", "filesystems"), intro=intro)


def link_sections(sections: list[Section | None]) -> tuple[Section, ...]:
    """Keep the sections this estate needs and drop dependencies on phases it does not have."""
    present = [s for s in sections if s is not None]
    ids = {s.id for s in present}
    return tuple(replace(s, depends_on=tuple(d for d in s.depends_on if d in ids)) for s in present)


def buildout_sections(estate: Estate) -> list[Section | None]:
    """The build-out's phases before the SP configuration is saved (absent phases are None)."""
    return [services_section(estate), io_domains_section(estate), services_section(estate, io_domains=True),
            install_section(estate, guests=False), diskgroup_section(estate, in_guests=False),
            export_section(estate), guests_section(estate),
            install_section(estate, guests=True), diskgroup_section(estate, in_guests=True),
            filesystem_section(estate)]


def buildout_prerequisites(estate: Estate, host: str | None = None) -> list[str]:
    """The checklist before the window; with ``host``, the shared disk groups named are that host's."""
    t = estate.topology
    prerequisites = [f"Oracle VM Server for SPARC {t.versions.ovm or ''} running on every host; "
                     "`ldm list` works in each control domain.".replace("  ", " "),
                     f"InfoScale {t.versions.infoscale or ''} media unpacked at `/var/tmp/infoscale` "
                     "in every domain of the installation phases.".replace("  ", " "),
                     "LUNs zoned and visible: `vxdisk -o alldgs list` in each I/O domain shows every LUN "
                     "of the storage section, none of them in a disk group yet."]
    shared = sorted(n for n, dg in t.storage.diskgroups.items() if (dg.shared or dg.fss) and (
        host is None or any(d.host == host for d in dg_domains(estate, dg))))
    if shared:
        prerequisites.append(f"Shared disk groups ({', '.join(shared)}) are built in the VCS set-up (or FSS) "
                             "runbook once CVM runs: where guests boot from them, run that runbook up to its "
                             "shared disk group phase before the virtual disk back ends phase.")
    return prerequisites


def buildout_runbook(estate: Estate, context: RenderContext) -> Runbook:
    t = estate.topology
    sections = link_sections([*buildout_sections(estate), spconfig_section(estate, context)])
    return Runbook(id="build-out", title=f"Build-out: {t.title}", topology=t.topology, kind="build-out",
                   summary=f"Builds the {t.model.value} InfoScale stack of `{t.topology}` from empty hosts: "
                           "virtual services, InfoScale installation, storage, guest domains and file "
                           "systems.",
                   sections=sections, prerequisites=tuple(buildout_prerequisites(estate)), references=REFERENCES,
                   header={"Stack model": t.model.value})
