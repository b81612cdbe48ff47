"""Datalink names of virtual network devices as seen inside their domain.

``ldm add-vnet vnet1 primary-vsw0 g1`` names the device for ldm only. Inside a Solaris 11 guest the
device is a ``vnet`` driver instance (``vnetN``) and its datalink, the name ``/etc/llttab``,
``ipadm`` and the ``Device`` attribute of the VCS NIC, IP and PrivNIC agents use, gets a generic
name ``net0``, ``net1``, ... Oracle documents both halves: ldm gives a vnet added without ``id=`` the
lowest free device number when the domain is bound, so the number depends on the order the vnets were
added (OVM admin guide, "Virtual Device Identifier and Network Interface Name") [S], and Solaris 11
gives a ``vnetN`` a generic name such as ``net0`` (OVM admin guide, "Virtual Network Device") [S].

The default this module derives is [K], not from a cited source: the build-out runbook adds a guest's
vnets in name order (:mod:`generator.derive.procedures.buildout`), so the k-th vnet by name gets device number
k, driver instance ``vnet<k>`` and link ``net<k>``. A guest whose links differ (a Solaris 11 guest
upgraded from an earlier release keeps hardware names such as ``vnet0``; a renamed link; extra
network devices) states each vnet's ``link`` in the topology. Other domains own physical NICs that
take ``net0`` first, so there a vnet has a link name only when the topology gives one.

Where a topology names a device a domain uses (LLT links, an application's IP device, RAC private
NICs) it may give either a vnet name or a link name; :func:`domain_device` turns it into the link.
A vnet name wins when a name is both.
"""

from __future__ import annotations

from generator.estate.estate import DomainInfo


def vnet_links(domain: DomainInfo) -> dict[str, str]:
    """Vnet name -> datalink name inside ``domain``, in vnet name order (only stated links outside guests)."""
    links: dict[str, str] = {}
    for k, (name, vnet) in enumerate(sorted(domain.spec.vnets.items())):
        if vnet.link:
            links[name] = vnet.link
        elif domain.is_guest:
            links[name] = f"net{k}"
    return links


def vnet_instance(domain: DomainInfo, vnet: str) -> str:
    """Driver instance (``dladm show-phys`` DEVICE) of a vnet: ``vnet<k>`` for the k-th by name [K]."""
    return f"vnet{sorted(domain.spec.vnets).index(vnet)}"


def resolve_link(domain: DomainInfo, name: str) -> str | None:
    """The datalink ``name`` stands for in ``domain``: the link of the vnet so named, or ``name`` itself
    when it is the link of one of the domain's vnets; ``None`` when it is neither."""
    links = vnet_links(domain)
    if name in links:
        return links[name]
    return name if name in links.values() else None


def link_vnet(domain: DomainInfo, link: str) -> str | None:
    """The vnet whose datalink is ``link`` in ``domain``, if any."""
    return next((vnet for vnet, name in vnet_links(domain).items() if name == link), None)


def domain_device(domain: DomainInfo, name: str) -> str:
    """The device name to write in ``domain``'s configuration for a name the topology gives: a vnet's
    link name, else the name as written (a physical link of an I/O domain; in a guest, an unknown name
    rules CLU006, CLU011 and RAC003 report)."""
    return resolve_link(domain, name) or name


def domain_devices(domain: DomainInfo, names: list[str]) -> list[str]:
    """:func:`domain_device` for each name, in order."""
    return [domain_device(domain, name) for name in names]


def guests_lacking(domains: list[DomainInfo], name: str) -> list[str]:
    """``host/domain`` of each guest among ``domains`` in which ``name`` is neither a vnet nor a vnet's link."""
    return [d.ref for d in domains if d.is_guest and resolve_link(d, name) is None]
