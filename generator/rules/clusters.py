"""VCS cluster rules: nodes, the LDom configuration model, LLT, fencing and applications."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.datalinks import guests_lacking
from generator.estate.estate import DomainInfo, Estate
from generator.input.schema import Component, FencingMode
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"
MODELS = f"{GUIDE}: Cluster Server configuration models in an Oracle VM Server for SPARC environment"


def _managed_domains(estate: Estate) -> Iterator[tuple[str, tuple[str | int, ...], DomainInfo, set[str]]]:
    """Each existing domain a cluster manages: the cluster's name, the ``manages`` entry's location,
    the domain and the refs of the cluster's nodes."""
    for name, c in sorted(estate.topology.clusters.items()):
        nodes = {d.ref for d in estate.cluster_systems(name)}
        for i, ref in enumerate(c.manages):
            d = estate.domain(ref)
            if d is not None:
                yield name, ("clusters", name, "manages", i), d, nodes


@rule(
    "CLU001",
    Severity.ERROR,
    source="Topology consistency: main.cf and runbooks are generated for every node",
    basis="K",
    category="clusters",
)
def nodes_run_vcs(estate: Estate) -> Iterator[Finding]:
    """Every cluster node runs VCS."""
    for name, c in sorted(estate.topology.clusters.items()):
        for i, ref in enumerate(c.nodes):
            d = estate.domain(ref)
            if d is not None and not d.has(Component.VCS):
                yield Finding(
                    ("clusters", name, "nodes", i),
                    f"{d.ref} is a node of {name} but does not run vcs",
                    f"add vcs to {d.ref} infoscale",
                )


@rule("CLU002", Severity.WARNING, source=MODELS, basis="K", category="clusters")
def nodes_on_distinct_hosts(estate: Estate) -> Iterator[Finding]:
    """A cluster spans at least two hosts, and no two of its guest nodes share a host."""
    for name in sorted(estate.topology.clusters):
        systems = estate.cluster_systems(name)
        hosts = {d.host for d in systems}
        if len(systems) > 1 and len(hosts) == 1:
            yield Finding(
                ("clusters", name, "nodes"),
                f"every node of {name} is on host {hosts.pop()}",
                "a host failure would take the whole cluster down: put nodes on different servers",
            )
            continue
        first: dict[str, str] = {}
        for i, d in enumerate(systems):
            if d.is_guest and d.host in first:
                yield Finding(
                    ("clusters", name, "nodes", i),
                    f"guest nodes {first[d.host]} and {d.ref} of {name} are both on host {d.host}",
                    "place guest nodes on different servers",
                )
            elif d.is_guest:
                first[d.host] = d.ref


@rule(
    "CLU003",
    Severity.ERROR,
    source=f"{MODELS}; Oracle: ldm runs in the control domain",
    basis="S",
    category="clusters",
)
def managing_cluster_has_control_domain(estate: Estate) -> Iterator[Finding]:
    """A cluster that manages a guest has the control domain of the guest's host as a node."""
    for name, loc, guest, nodes in _managed_domains(estate):
        control = estate.control_domain(guest.host)
        if control is not None and control.ref not in nodes:
            yield Finding(
                loc,
                f"{name} manages {guest.ref} but {control.ref} is not one of its nodes",
                "the LDom agent runs ldm in the control domain of the guest's server",
            )


@rule(
    "CLU004",
    Severity.ERROR,
    source=f"{MODELS}; topology consistency: the LDom group cannot run on the domain it manages",
    basis="K",
    category="clusters",
)
def managed_domain_is_guest(estate: Estate) -> Iterator[Finding]:
    """A managed domain is a guest, managed by one cluster only, and not a node of that cluster."""
    for name, loc, d, nodes in _managed_domains(estate):
        owners = estate.managed_by.get(d.ref, [])
        if not d.is_guest:
            yield Finding(loc, f"{name} manages {d.ref}, which is not a guest domain")
        elif d.ref in nodes:
            yield Finding(
                loc,
                f"{d.ref} is both a node of {name} and managed by it",
                "a cluster cannot fail over its own node: manage it from the control domains' "
                "cluster and cluster the application in a separate guest cluster",
            )
        elif len(owners) > 1 and owners[0] != name:
            yield Finding(loc, f"{d.ref} is already managed by {owners[0]}", "one cluster manages a guest")


@rule(
    "CLU005",
    Severity.WARNING,
    source=f"{GUIDE}: Software limitations (I/O fencing in guest domains)",
    basis="unverified",
    category="clusters",
)
def guest_cluster_fencing(estate: Estate) -> Iterator[Finding]:
    """A cluster of guest domains avoids SCSI-3 fencing over virtual disks (use CP servers)."""
    for name, c in sorted(estate.topology.clusters.items()):
        if c.fencing.mode is FencingMode.SCSI3 and any(d.is_guest for d in estate.cluster_systems(name)):
            yield Finding(
                ("clusters", name, "fencing", "mode"),
                f"{name} has guest nodes and uses SCSI-3 fencing over virtual disks",
                "SCSI-3 persistent reservations through vdisks have "
                "prerequisites; coordination point servers, mode: cps, are the usual choice",
            )


@rule(
    "CLU006",
    Severity.WARNING,
    source="VCS Administrator's Guide: LLT needs at least two private links",
    basis="K",
    category="clusters",
)
def llt_links(estate: Estate) -> Iterator[Finding]:
    """A multi-node cluster has two LLT links, and each names a vnet (or a vnet's link) of every guest node."""
    for name, c in sorted(estate.topology.clusters.items()):
        if len(c.nodes) > 1 and len(c.llt_links) < 2:
            yield Finding(
                ("clusters", name, "llt-links"),
                f"{name} has {len(c.llt_links)} LLT link(s)",
                "give two private links so one failure does not split the cluster",
                key=True,
            )
        systems = estate.cluster_systems(name)
        for i, link in enumerate(c.llt_links):
            lacking = guests_lacking(systems, link)
            if lacking:
                yield Finding(
                    ("clusters", name, "llt-links", i),
                    f"LLT link {link} is neither a vnet nor a vnet's link name in guest node(s) "
                    f"{', '.join(lacking)}",
                    "in a guest name a vnet or its datalink name; LLT uses the link: net<k> for the "
                    "k-th vnet by name unless the vnet states its link",
                )


@rule(
    "CLU007",
    Severity.ERROR,
    source="VCS Administrator's Guide: resource names are unique in a cluster (hacf rejects the main.cf)",
    basis="K",
    category="clusters",
)
def unique_resource_names(estate: Estate) -> Iterator[Finding]:
    """Explicit resource names are unique across the service groups of a cluster."""
    for name, c in sorted(estate.topology.clusters.items()):
        seen: dict[str, str] = {}
        for group, spec in sorted(c.groups.items()):
            for res in sorted(spec.resources):
                if res in seen:
                    yield Finding(
                        ("clusters", name, "groups", group, "resources", res),
                        f"resource {res!r} is also defined in group {seen[res]!r}",
                        "resource names are cluster-wide",
                        key=True,
                    )
                seen.setdefault(res, group)


@rule(
    "CLU010",
    Severity.WARNING,
    source="VCS Administrator's Guide: I/O fencing coordination points",
    basis="K",
    category="clusters",
)
def fencing_coordination_points(estate: Estate) -> Iterator[Finding]:
    """SCSI-3 fencing has an odd number (3+) of coordinator disks; CP-server fencing lists its servers."""
    for name, c in sorted(estate.topology.clusters.items()):
        f = c.fencing
        loc = ("clusters", name, "fencing")
        if f.mode is FencingMode.SCSI3 and (len(f.coordinator_disks) < 3 or len(f.coordinator_disks) % 2 == 0):
            yield Finding(
                (*loc, "coordinator-disks"),
                f"{name} uses SCSI-3 fencing with {len(f.coordinator_disks)} coordinator disk(s)",
                "use an odd number, at least three",
            )
        elif f.mode is FencingMode.CPS and not f.cp_servers:
            yield Finding(
                (*loc, "mode"),
                f"{name} uses CP-server fencing but names no cp-servers",
                "list the coordination point servers as host:port (three is usual)",
            )


@rule(
    "CLU012",
    Severity.WARNING,
    source="vcsencrypt -agent output as shown in a VCS agent's README (BNCnCNc); the LDom agent's Password "
           "attribute (VCS Bundled Agents Reference, LDom agent)",
    basis="unverified",
    category="clusters",
)
def migration_password_looks_encrypted(estate: Estate) -> Iterator[Finding]:
    """A migration-auth password in one letter case is probably plaintext, not ``vcsencrypt -agent`` output.

    The schema already refuses anything but letters (``vcsencrypt`` prints letters only). A value such as
    ``abcdefgh`` or ``SECRET`` is letters too, but every ``vcsencrypt`` output seen mixes upper and lower
    case (``BNCnCNc``, [S] one example in a third-party agent README). That every output does is
    unverified, so this is a warning: run ``vcsencrypt -agent`` on a cluster node and paste its output.
    """
    for name, c in sorted(estate.topology.clusters.items()):
        value = c.migration_auth.password_encrypted if c.migration_auth else None
        if value and len(value) > 1 and (value.islower() or value.isupper()):
            yield Finding(
                ("clusters", name, "migration-auth", "password-encrypted"),
                f"the migration-auth password of {name} is all {'lower' if value.islower() else 'upper'}-case "
                "letters: it looks like a plaintext password, not vcsencrypt output",
                "run 'vcsencrypt -agent' on a cluster node and paste its output; never store the plaintext",
            )
