"""Where runbook commands run and what each host must serve, derived from the estate.

``ldm`` only runs in a host's control domain; VxVM commands for a disk group run in a domain that
manages it; a guest's virtual disk back ends must be exported on every host the guest may run on
(its own host, the hosts of the cluster that fails it over, migration targets) with the same
``volume@vds`` names, or a fail-over or migration finds no disk (REFERENCE.md 5.3, rule 1 of 7).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.estate.estate import DomainInfo, Estate, ServiceRef, VdiskInfo
from generator.input.schema import DiskGroup


def ldm_node(estate: Estate, host: str) -> str:
    """Node name of the host's control domain, where ``ldm`` commands run."""
    control = estate.control_domain(host)
    return control.system if control else host


def serving_hosts(estate: Estate, guest: DomainInfo) -> list[str]:
    """Hosts that must export the guest's back ends: its own first, then fail-over and migration targets."""
    hosts = {guest.host}
    cluster = estate.managing_cluster(guest)
    if cluster:
        hosts.update(d.host for d in estate.cluster_systems(cluster))
    for migration in estate.topology.migrations:
        if estate.domain(migration.domain) == guest and migration.to in estate.topology.hosts:
            hosts.add(migration.to)
    return [guest.host, *sorted(hosts - {guest.host})]


@dataclass(frozen=True)
class Export:
    """One ``ldm add-vdsdev`` on one host."""

    vdisk: VdiskInfo
    host: str
    service: ServiceRef
    backend: str


def _service_on(estate: Estate, service: ServiceRef, host: str) -> ServiceRef | None:
    """The virtual disk service of the same name and domain name on ``host``."""
    if service.domain.host == host:
        return service
    return next((s for s in estate.services("vds", host)
                 if s.name == service.name and s.domain.name == service.domain.name), None)


def exports(estate: Estate) -> list[Export]:
    """Every back-end export, per guest vdisk and serving host, in a stable order."""
    result = []
    for guest in estate.domains:
        vdisks = [v for v in estate.vdisks(guest) if v.service is not None]
        if not vdisks:
            continue
        for host in serving_hosts(estate, guest):
            for vdisk in vdisks:
                assert vdisk.service is not None
                service = _service_on(estate, vdisk.service, host)
                if service is not None:
                    backend = (estate.whole_disk(service.domain, vdisk.spec.lun) if vdisk.spec.lun
                               else estate.backend_device(vdisk))
                    result.append(Export(vdisk, host, service, backend))
    return result


def dg_domains(estate: Estate, dg: DiskGroup) -> list[DomainInfo]:
    """Domains that import the disk group, in the topology's order."""
    return [d for d in (estate.domain(ref) for ref in dg.managed_by) if d is not None]


def dg_in_guests(estate: Estate, dg: DiskGroup) -> bool:
    """True when the disk group is managed inside guest domains (guest-based / layered models)."""
    return any(d.is_guest for d in dg_domains(estate, dg))


def volume_consumers(estate: Estate, dg: str, volume: str) -> list[VdiskInfo]:
    """Guest vdisks whose back end is the VxVM volume ``dg/volume`` (split model)."""
    return [v for v in estate.all_vdisks if v.spec.volume == f"{dg}/{volume}"]
