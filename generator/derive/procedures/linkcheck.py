"""Runbook checks that a guest's datalinks are the vnets the topology means (:mod:`generator.estate.datalinks`).

Steps that configure a guest-side network device (LLT links, the RAC private interconnect) print
``dladm show-phys LINK`` for each link and say which vnet instance its DEVICE column should show.
"""

from __future__ import annotations

from generator.estate.datalinks import link_vnet, vnet_instance
from generator.estate.estate import DomainInfo
from generator.estate.shell import sh

LINK_NOTE = ("Inside a guest the devices are its datalink names, not the ldm vnet names. Unless the topology "
             "states a vnet's `link`, the k-th vnet of a guest by name is `net<k>`: the build-out adds vnets in "
             "name order and Solaris 11 names them net0.. in device order (general knowledge [K], not from a "
             "cited source). If `dladm show-phys` disagrees, set the vnet's `link` in the topology and "
             "regenerate.")


def link_checks(node: DomainInfo, links: list[str]) -> tuple[tuple[str, ...], str]:
    """For a guest node: a ``dladm show-phys`` per link, and the sentence saying the DEVICE each shows."""
    if not node.is_guest:
        return (), ""
    shown = [f" `{link}` shows DEVICE `{vnet_instance(node, vnet)}` (ldm vnet `{vnet}`)."
             for link in links if (vnet := link_vnet(node, link)) is not None]
    return tuple(sh("dladm", "show-phys", link) for link in links), "".join(shown)
