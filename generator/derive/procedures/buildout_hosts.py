"""The build-out of a large estate: one runbook per host.

Up to :data:`MAX_HOSTS_PER_BUILDOUT` hosts the estate has one build-out runbook (``build-out``): a pair or
two of hosts are usually built in one change window. Past it, each host has its own (``build-out-<host>``)
with the same phases, holding the steps that run on that host's domains (every build-out step runs on one
domain: the control domain for ``ldm``, the domain that imports a disk group for VxVM). Hosts are built in
their own windows, by different people, and an edit to one guest changes (and prints again) only its host's
runbook. The estate-wide configuration (LLT, GAB, fencing, VCS service groups) is in the VCS set-up runbook
of each cluster, as for a small estate.

Each host saves its domain configuration to its service processor under a name carrying the revision of its
own build-out (a hash of the runbook's phases before that step), so ``ldm list-spconfig`` on a host shows
which revision of its runbook it runs, and an edit elsewhere in the estate does not rename it. A disk group
created from another host's domain, which a domain of this host also imports, is named in the
prerequisites: that host's build-out must have created it first.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from generator.core.artifacts import RenderContext
from generator.derive.procedures.buildout import (
    REFERENCES,
    buildout_prerequisites,
    buildout_runbook,
    buildout_sections,
    host_spconfig_section,
    link_sections,
)
from generator.derive.procedures.command_hosts import dg_domains
from generator.document.runbook_model import Runbook, Section
from generator.estate.estate import Estate

MAX_HOSTS_PER_BUILDOUT = 4
"""Largest estate (in hosts) whose build-out is one runbook; a larger one has a build-out per host."""


def buildout_runbooks(estate: Estate, context: RenderContext) -> list[Runbook]:
    """The build-out runbook, or past :data:`MAX_HOSTS_PER_BUILDOUT` hosts one per host."""
    hosts = sorted(estate.topology.hosts)
    sections = [s for s in buildout_sections(estate) if s is not None]
    where = _step_hosts(estate, sections)
    if len(hosts) <= MAX_HOSTS_PER_BUILDOUT or where is None:
        return [buildout_runbook(estate, context)]
    return [_host_runbook(estate, host, sections, where) for host in hosts]


def _step_hosts(estate: Estate, sections: list[Section]) -> dict[str, str] | None:
    """The host each step runs on, by step id; None when a step's node is not one domain of one host
    (the estate then keeps one build-out: no step may be left out of every runbook)."""
    hosts_of: dict[str, set[str]] = {}
    for d in estate.domains:
        hosts_of.setdefault(d.system, set()).add(d.host)
    where = {}
    for step in (st for s in sections for st in s.steps):
        found = hosts_of.get(step.runs_on.removeprefix("guest:"), set())
        if len(found) != 1:
            return None
        where[step.id] = next(iter(found))
    return where


def _host_runbook(estate: Estate, host: str, sections: list[Section], where: dict[str, str]) -> Runbook:
    t = estate.topology
    own = [replace(s, steps=tuple(st for st in s.steps if where[st.id] == host)) for s in sections]
    own = [s for s in own if s.steps]
    revision = hashlib.sha256(repr((host, own)).encode("utf-8")).hexdigest()[:8]
    spconfig = host_spconfig_section(
        estate, [host], f"{t.topology}-{host}-{revision}",
        "The configuration name carries the revision of this host's build-out (a hash of the phases above), "
        "so `ldm list-spconfig` shows which revision the host runs; an edit to another host does not change it.")
    return Runbook(id=f"build-out-{host}", title=f"Build-out of {host}: {t.title}", topology=t.topology,
                   kind="build-out",
                   summary=f"Builds host `{host}` of the {t.model.value} InfoScale stack of `{t.topology}` from "
                           "an empty host: virtual services, InfoScale installation, storage, guest domains and "
                           f"file systems. Each of the estate's {len(t.hosts)} hosts has its own build-out "
                           "runbook.",
                   sections=link_sections([*own, spconfig]),
                   prerequisites=tuple(buildout_prerequisites(estate, host) + _from_other_hosts(estate, host)),
                   references=REFERENCES, header={"Stack model": t.model.value, "Host": host})


def _from_other_hosts(estate: Estate, host: str) -> list[str]:
    """Disk groups this host's domains import that another host's build-out creates."""
    found = []
    for name, dg in sorted(estate.topology.storage.diskgroups.items()):
        domains = dg_domains(estate, dg)
        if dg.shared or dg.fss or not domains or domains[0].host == host:
            continue
        if any(d.host == host for d in domains):
            found.append(f"Disk group `{name}` is created in the build-out of {domains[0].host} (from "
                         f"`{domains[0].system}`): run that runbook through its disk group phase first.")
    return found
