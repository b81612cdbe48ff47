"""The I/O domain phase of the build-out: give alternate I/O (root) domains their physical I/O.

PCIe buses and endpoints start out owned by the control domain. Moving one to an alternate I/O
domain takes a delayed reconfiguration of ``primary`` (``ldm start-reconf``, ``ldm remove-io``, a
reboot of the control domain), then ``ldm add-io`` to the new domain (ldm(8) [S]; sequence [K]).
Multiple I/O domains are what lets a guest survive the loss of one of them (REFERENCE.md 2.4).
"""

from __future__ import annotations

from generator.derive.procedures.command_hosts import ldm_node
from generator.document.runbook_model import Section, Step
from generator.estate import commands as cmd
from generator.estate.commands import (
    bind_domain,
    destroy_domain,
    ldm,
    ldm_list,
    start_domain,
)
from generator.estate.estate import DomainInfo, Estate


def alternate_io_domains(estate: Estate) -> list[DomainInfo]:
    """Non-control domains that own physical I/O or serve virtual devices, i.e. not plain guests."""
    return [d for d in estate.domains if not d.is_control and not d.is_guest and (d.is_io or d.is_service)]


def _release_step(estate: Estate, host: str, domains: list[DomainInfo]) -> Step | None:
    devices = [io.device for d in domains for io in d.spec.physical_io]
    if not devices:
        return None
    control = estate.control_domain(host)
    name = control.name if control else "primary"
    return Step(id=f"release-io-{host}",
                title=f"Release the I/O of the alternate domains from {name} on {host}",
                runs_on=ldm_node(estate, host),
                commands=(ldm("start-reconf", name), *[ldm("remove-io", dev, name) for dev in devices],
                          "shutdown -i6 -g0 -y"),
                expected=f"After the reboot, `ldm list-io` shows {', '.join(devices)} without an owner.",
                verify=("ldm list-io",), backout=(ldm("start-reconf", name),
                                                  *[ldm("add-io", dev, name) for dev in devices],
                                                  "shutdown -i6 -g0 -y"),
                minutes=20, gate=True,
                notes=("Reboots the control domain: every guest on this host must be stopped or not yet "
                       "built. Keep the boot disk and network of the control domain on the buses it keeps.",))


def _create_step(estate: Estate, d: DomainInfo) -> Step:
    spec = d.spec
    commands = [ldm("add-domain", d.name), ldm("set-vcpu", spec.vcpus, d.name),
                ldm("set-memory", cmd.ldm_size(spec.memory), d.name)]
    commands += [ldm("add-io", io.device, d.name) for io in spec.physical_io]
    commands += [bind_domain(d.name), start_domain(d.name)]
    return Step(id=f"iodomain-{d.host}-{d.name}", title=f"Create the I/O domain `{d.name}` on {d.host}",
                runs_on=ldm_node(estate, d.host), commands=tuple(commands),
                expected=f"`{d.name}` active and owning "
                         f"{', '.join(io.device for io in spec.physical_io) or 'no bus'}; "
                         "install Solaris in it from its console before the next phase.",
                verify=(ldm_list(d.name), "ldm list-io"),
                backout=destroy_domain(d.name),
                minutes=15)


def io_domains_section(estate: Estate) -> Section | None:
    domains = alternate_io_domains(estate)
    if not domains:
        return None
    steps: list[Step] = []
    for host in sorted({d.host for d in domains}):
        on_host = [d for d in domains if d.host == host]
        release = _release_step(estate, host, on_host)
        steps += [release] if release else []
        steps += [_create_step(estate, d) for d in on_host]
    return Section(id="io-domains", title="Alternate I/O domains", steps=tuple(steps),
                   depends_on=("services",),
                   intro="Each alternate I/O domain takes over its own PCIe bus, so the guests keep their "
                         "disks and networks while the control domain reboots.",
                   backout=("Remove the domains (step back-outs), then give the buses back to the control "
                            "domain with a delayed reconfiguration.",))
