"""Multiple I/O domains: alternate I/O domains and the services a guest uses belong to one host."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import DomainInfo, Estate
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"
AIO_SOURCE = (
    f"{GUIDE}: Configuring VCS to manage a Logical Domain using services from multiple I/O domains; "
    "US patent 9,143,410"
)


DONE = {"stop": "stopped", "reset": "reset", "panic": "panicked"}


def _serving_domains(estate: Estate, guest: DomainInfo) -> dict[str, DomainInfo]:
    """Service domains (by ref) that export vdisks or switches to the guest."""
    result: dict[str, DomainInfo] = {}
    for v in estate.vdisks(guest):
        if v.service:
            result[v.service.domain.ref] = v.service.domain
    for vnet in guest.spec.vnets.values():
        sw = estate.resolve_service("vsw", vnet.switch, guest.host)
        if sw:
            result[sw.domain.ref] = sw.domain
    return result


@rule("AIO001", Severity.WARNING, source=AIO_SOURCE, basis="K", category="alternate-io")
def alternate_io_domains_are_nodes(estate: Estate) -> Iterator[Finding]:
    """Alternate I/O domains serving a VCS-managed guest are nodes of the cluster that manages it."""
    for guest in estate.guests:
        for cluster in estate.managed_by.get(guest.ref, []):
            nodes = {n.ref for n in estate.cluster_systems(cluster)}
            for ref, server in sorted(_serving_domains(estate, guest).items()):
                if server.is_control or ref in nodes:
                    continue
                yield Finding(
                    ("clusters", cluster, "nodes"),
                    f"{ref} provides services to {guest.ref}, which "
                    f"{cluster} manages, but is not a node of {cluster}",
                    "add it as a node so the AlternateIO resource can monitor its storage and network groups",
                )


@rule("AIO002", Severity.WARNING, source=AIO_SOURCE, basis="K", category="alternate-io")
def alternate_node_with_its_control_domain(estate: Estate) -> Iterator[Finding]:
    """An alternate I/O domain that is a VCS node is in the same cluster as its host's control domain."""
    for d in estate.domains:
        if d.is_control or d.is_guest or not d.is_service:
            continue
        control = estate.control_domain(d.host)
        control_clusters = estate.node_clusters.get(control.ref, []) if control else []
        for cluster in estate.node_clusters.get(d.ref, []):
            if cluster not in control_clusters:
                yield Finding(
                    ("clusters", cluster, "nodes"),
                    f"alternate I/O domain {d.ref} is a node of "
                    f"{cluster} but the control domain of {d.host} is not",
                    "the I/O domains of a server belong to one cluster",
                )


@rule(
    "AIO003",
    Severity.ERROR,
    source="Oracle VM Server for SPARC Administration Guide: virtual devices are "
    "served by a domain of the same server",
    basis="S",
    category="alternate-io",
)
def services_on_own_host(estate: Estate) -> Iterator[Finding]:
    """A domain's vdisks and vnets use services of domains on its own host."""
    for d in estate.domains:
        for v in estate.vdisks(d):
            if v.service and v.service.domain.host != d.host:
                yield Finding(
                    (*v.path, "service"),
                    f"vdisk {v.name!r} of {d.ref} uses a service of {v.service.domain.ref}, on another host",
                    "storage of a guest comes from I/O domains of its own server",
                )
        for name, vnet in sorted(d.spec.vnets.items()):
            sw = estate.resolve_service("vsw", vnet.switch, d.host)
            if sw and sw.domain.host != d.host:
                yield Finding(
                    (*d.path, "vnets", name, "switch"),
                    f"vnet {name!r} of {d.ref} uses switch of {sw.domain.ref}, on another host",
                    "network of a guest comes from I/O domains of its own server",
                )


@rule(
    "AIO004",
    Severity.WARNING,
    source="Oracle VM Server for SPARC Administration Guide, Configuring Domain Dependencies (a master's "
    "failure policy acts on its slaves); LDom agent DomainFailurePolicy notes, InfoScale 9.0 Bundled Agents "
    "Reference - Solaris",
    basis="K",
    category="alternate-io",
)
def alternate_io_guest_master_policy(estate: Estate) -> Iterator[Finding]:
    """A guest served by two or more I/O domains does not name one of them as a master that stops it.

    Both facts are [S] (a master's stop/reset/panic policy is applied to its slaves when it fails;
    the LDom agent sets the master and policy from ``DomainFailurePolicy``); the conclusion is K:
    such a master undoes alternate I/O, because the guest is stopped when that I/O domain fails
    although the other one still serves its disks and networks.
    """
    for guest in estate.guests:
        serving = {d.name: d for d in _serving_domains(estate, guest).values() if d.host == guest.host}
        master = serving.get(guest.spec.master or "")
        policy = master.spec.failure_policy if master else None
        if len(serving) < 2 or master is None or policy is None or policy.value == "ignore":
            continue
        yield Finding(
            ("hosts", guest.host, "domains", guest.name, "master"),
            f"{guest.ref} uses alternate I/O domains but names {master.name} as master with failure policy "
            f"{policy.value}: the guest is {DONE[policy.value]} when {master.name} fails although another "
            "I/O domain still serves it",
            f"set failure-policy: ignore on {master.name}, or drop master from {guest.name}",
        )
