"""What the Logical Domains Manager of each host should report for a topology, as :mod:`generator.input.live` records.

One derivation serves two outputs: the ``ldm list-constraints -x`` export (:mod:`generator.formats.ldm_xml_export`)
and drift (:mod:`generator.derive.drift_compare`), which compares it with what a host really reports. A vdisk's back
end is the device ``ldm add-vdsdev`` is given in the build-out runbook (:meth:`Estate.backend_device`), and a
vdisk's timeout the one ``ldm add-vdisk`` is given (:func:`vdisk_timeout`), so the export, the runbook and
drift cannot disagree on them.
"""

from __future__ import annotations

from generator.estate.estate import DomainInfo, Estate, VdiskInfo
from generator.estate.vdisk_paths import vdisk_timeout
from generator.input import live


def _exported(estate: Estate, domain: DomainInfo) -> list[VdiskInfo]:
    """Vdisks whose back end this domain's virtual disk services export, in vds then volume-name order."""
    mine = [v for v in estate.all_vdisks if v.service is not None and v.service.domain.ref == domain.ref]
    return sorted(mine, key=lambda v: (v.service.name if v.service else "", v.export_name))


def _volume(estate: Estate, vdisk: VdiskInfo) -> live.LiveVolume:
    service = vdisk.service.name if vdisk.service else vdisk.spec.service
    return live.LiveVolume(vdisk.export_name, service, estate.backend_device(vdisk),
                           ("slice",) if vdisk.spec.slice else (), vdisk.spec.mpgroup or "")


def _disk(estate: Estate, vdisk: VdiskInfo) -> live.LiveDisk:
    service = vdisk.service.name if vdisk.service else vdisk.spec.service.rsplit("/", 1)[-1]
    return live.LiveDisk(vdisk.name, service, vdisk.export_name, vdisk_timeout(estate, vdisk), vdisk.spec.id)


def _ports(port_range: str) -> tuple[int, int]:
    low, _, high = port_range.partition("-")
    return int(low), int(high or low)


def expected_domain(estate: Estate, domain: DomainInfo) -> live.LiveDomain:
    """The record ``ldm list-constraints -x`` should give for ``domain``."""
    spec, services = domain.spec, domain.spec.services
    record = live.LiveDomain(domain.host, domain.name, 0, spec.vcpus, spec.memory, spec.master or "",
                             spec.failure_policy.value if spec.failure_policy else "", spec.cpu_arch.value)
    record.physio = [io.device for io in spec.physical_io]
    record.vds = sorted(services.vds)
    record.volumes = [_volume(estate, v) for v in _exported(estate, domain)]
    record.switches = [live.LiveSwitch(n, s.net_dev or "", tuple(s.vid)) for n, s in sorted(services.vsw.items())]
    record.consoles = [live.LiveConsole(n, *_ports(c.port_range if c else "5000-5100"))
                       for n, c in sorted(services.vcc.items())]
    record.disks = [_disk(estate, v) for v in estate.vdisks(domain)]
    record.networks = [live.LiveNetwork(n, v.switch.rsplit("/", 1)[-1], v.mac or "", tuple(v.vid))
                       for n, v in sorted(domain.spec.vnets.items())]
    return record


def expected_hosts(estate: Estate) -> list[live.LiveHost]:
    """Every host of the topology with the domains it should report, the control domain first."""
    hosts = []
    for name in sorted(estate.topology.hosts):
        host = live.LiveHost(name, "")
        ordered = sorted(estate.host_domains(name), key=lambda d: (not d.is_control, d.name))
        host.domains = [expected_domain(estate, d) for d in ordered]
        hosts.append(host)
    return hosts
