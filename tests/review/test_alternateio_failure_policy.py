"""Alternate I/O guests must survive the loss of one I/O domain: no master whose failure stops them.

The LDom agent sets the guest's master and that master's failure policy from ``DomainFailurePolicy``,
and with ``ignore`` leaves the master off the guest's masters list [S: LDom agent notes, InfoScale 9.0
Bundled Agents Reference - Solaris]; a master's stop policy stops its slaves when it fails [S: Oracle VM
Server for SPARC Administration Guide, Configuring Domain Dependencies]. So an AlternateIO guest with no
stated master gets ``{ primary = ignore }``, and a stated stopping master is AIO004.
"""

from __future__ import annotations

from generator.derive.vcs.api import ClusterConfigs, derived
from generator.maincf.tree import Assoc

from ..runbook_support import estate
from .support import FOLDER


def _policies(name: str, folder: str) -> dict[str, tuple[tuple[str, str | None], ...]]:
    est = estate(name, folder)
    found = {}
    for cid in sorted(est.topology.clusters):
        for group in derived(ClusterConfigs(est), cid).config.groups:
            for r in group.resources:
                if r.type == "LDom":
                    values = [a.value.pairs for a in r.values("DomainFailurePolicy") if isinstance(a.value, Assoc)]
                    found[r.name] = values[0] if values else ()
    return found


def test_alternate_io_guest_without_a_master_gets_primary_ignore() -> None:
    policies = _policies("alternateio-two-io-domains", FOLDER)
    assert policies and all(p == (("primary", "ignore"),) for p in policies.values()), policies


def test_single_io_guest_without_a_master_gets_no_policy() -> None:
    policies = _policies("ldom-failover-luns", FOLDER)
    assert policies and all(p == () for p in policies.values()), policies


def test_the_alternate_io_example_survives_a_primary_outage() -> None:
    policies = _policies("payments-alternateio", "topologies")
    assert policies and all(p == (("primary", "ignore"),) for p in policies.values()), policies
