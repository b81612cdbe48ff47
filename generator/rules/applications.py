"""Application rules: what VCS-managed applications and SF Oracle RAC need from their cluster's nodes."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.datalinks import guests_lacking
from generator.estate.estate import Estate
from generator.input.schema import Component
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris"


@rule(
    "CLU008",
    Severity.WARNING,
    source=f"{GUIDE}: VCS in guests managing applications",
    basis="K",
    category="clusters",
)
def application_storage_on_nodes(estate: Estate) -> Iterator[Finding]:
    """An application's disk group is managed by every node of its cluster; parallel ones use CFS."""
    dgs = estate.topology.storage.diskgroups
    for name, c in sorted(estate.topology.clusters.items()):
        nodes = estate.cluster_systems(name)
        for app, spec in sorted(c.applications.items()):
            base = ("clusters", name, "applications", app)
            if spec.diskgroup in dgs:
                managers = {d.ref for d in (estate.domain(r) for r in dgs[spec.diskgroup].managed_by) if d}
                absent = [d.ref for d in nodes if d.ref not in managers]
                if absent:
                    yield Finding(
                        (*base, "diskgroup"),
                        f"{app} needs disk group {spec.diskgroup!r}, which {', '.join(absent)} does not manage",
                        "add the nodes to its managed-by",
                    )
            for i, ref in enumerate(spec.mounts if spec.parallel else []):
                dg, _, vol = ref.partition("/")
                fs = dgs[dg].volumes[vol].filesystem if dg in dgs and vol in dgs[dg].volumes else None
                if fs is not None and not fs.cluster:
                    yield Finding(
                        (*base, "mounts", i),
                        f"parallel application {app} mounts {ref}, which is not a cluster file system",
                        "set filesystem.cluster: true (CFS) or parallel: false",
                    )


@rule(
    "RAC001",
    Severity.ERROR,
    source=f"{GUIDE}: SFRAC support for Oracle VM Server for SPARC environments; topology consistency: "
    "the generated RAC groups use CVM/CFS agents on every node",
    basis="K",
    category="clusters",
)
def rac_nodes_run_sfrac(estate: Estate) -> Iterator[Finding]:
    """Every node of an SF Oracle RAC cluster runs VCS, CVM, CFS and SFRAC."""
    wanted = (Component.VCS, Component.CVM, Component.CFS, Component.SFRAC)
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is None:
            continue
        for i, ref in enumerate(c.nodes):
            d = estate.domain(ref)
            missing = [w.value for w in wanted if d is not None and not d.has(w)]
            if d is not None and missing:
                yield Finding(
                    ("clusters", name, "nodes", i),
                    f"{d.ref} is a node of RAC cluster {name} but does not run {', '.join(missing)}",
                    f"add {', '.join(missing)} to its infoscale",
                )


@rule(
    "RAC002",
    Severity.WARNING,
    source=f"{GUIDE}: SFRAC support for Oracle VM Server for SPARC environments",
    basis="K",
    category="clusters",
)
def rac_storage_on_cfs(estate: Estate) -> Iterator[Finding]:
    """SF Oracle RAC OCR/voting and data volumes are cluster file systems in a shared disk group."""
    dgs = estate.topology.storage.diskgroups
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is None:
            continue
        refs: list[tuple[tuple[str | int, ...], str]] = [(("clusters", name, "rac", "ocr-vote"), c.rac.ocr_vote)]
        refs += [(("clusters", name, "rac", "data", i), v) for i, v in enumerate(c.rac.data)]
        for loc, ref in refs:
            dg, _, vol = ref.partition("/")
            if dg not in dgs or vol not in dgs[dg].volumes:
                continue
            fs = dgs[dg].volumes[vol].filesystem
            if not dgs[dg].shared or fs is None or not fs.cluster:
                yield Finding(
                    loc,
                    f"RAC volume {ref} is not a cluster file system in a shared disk group",
                    "set shared: true on the disk group and filesystem: {cluster: true} on the volume",
                )


@rule(
    "CLU009",
    Severity.WARNING,
    source="Cluster Server Bundled Agents Reference: DiskGroup agent (one importer)",
    basis="K",
    category="clusters",
)
def private_diskgroup_one_application(estate: Estate) -> Iterator[Finding]:
    """A private (non-shared) disk group serves one failover application only."""
    dgs = estate.topology.storage.diskgroups
    first: dict[str, str] = {}
    for name, c in sorted(estate.topology.clusters.items()):
        for app, spec in sorted(c.applications.items()):
            dg = spec.diskgroup
            if dg not in dgs or dgs[dg].shared:
                continue
            if dg in first:
                yield Finding(
                    ("clusters", name, "applications", app, "diskgroup"),
                    f"private disk group {dg!r} is used by {first[dg]} and {name}/{app}",
                    "a private disk group is imported by one service group at a time: give each "
                    "application its own disk group, or make it a shared CVM disk group",
                )
            else:
                first[dg] = f"{name}/{app}"


@rule(
    "CLU011",
    Severity.WARNING,
    source=f"{GUIDE}: VCS in guests managing applications",
    basis="K",
    category="clusters",
)
def application_ip_device_on_guests(estate: Estate) -> Iterator[Finding]:
    """The device of an application's virtual IP is a vnet (or a vnet's link) of every guest node of its cluster."""
    for name, c in sorted(estate.topology.clusters.items()):
        systems = estate.cluster_systems(name)
        for app, spec in sorted(c.applications.items()):
            if spec.ip is None or spec.zone is not None:
                continue
            missing = guests_lacking(systems, spec.ip.device)
            if missing:
                yield Finding(
                    ("clusters", name, "applications", app, "ip", "device"),
                    f"{app} plumbs its IP on {spec.ip.device}, which is neither a vnet nor a vnet's link name "
                    f"in {', '.join(missing)}",
                    "name a vnet every guest node has, or its datalink name; NIC and IP use the link name",
                )


@rule(
    "RAC003",
    Severity.WARNING,
    source=f"{GUIDE}: SF Oracle RAC in guest domains (private interconnect over vnets)",
    basis="K",
    category="clusters",
)
def rac_private_nics_on_guests(estate: Estate) -> Iterator[Finding]:
    """Each RAC private NIC is a vnet (or a vnet's link) of every guest node; RAC in zones is not checked."""
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is None or c.zones:
            continue
        systems = estate.cluster_systems(name)
        for i, nic in enumerate(c.rac.private_nics):
            missing = guests_lacking(systems, nic)
            if missing:
                yield Finding(
                    ("clusters", name, "rac", "private-nics", i),
                    f"private NIC {nic} is neither a vnet nor a vnet's link name in {', '.join(missing)}",
                    "name a vnet of every guest node, or its datalink name; PrivNIC uses the link name",
                )


@rule(
    "RAC005",
    Severity.WARNING,
    source="Veritas technote 100003972, Configuring interconnect redundancy with Oracle RAC 11.2.0.2 or later",
    basis="S",
    category="clusters",
)
def rac_privnic_before_haip(estate: Estate) -> Iterator[Finding]:
    """An Oracle release before 11.2.0.2 gets a VCS PrivNIC for its interconnect, unlike every later one.

    From 11.2.0.2 Oracle's HAIP protects the interconnect and SF Oracle RAC no longer supports
    PrivNIC/MultiPrivNIC for it, so the tool generates none; the older release named here gets the
    PrivNIC resource instead, which the engineer should know is the pre-HAIP configuration.
    """
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is not None and c.rac.uses_privnic():
            yield Finding(
                ("clusters", name, "rac", "oracle-version"),
                f"Oracle {c.rac.oracle_version} predates HAIP (11.2.0.2): a VCS PrivNIC resource protects the "
                "interconnect; with 11.2.0.2 or later Oracle HAIP does and no PrivNIC is generated",
                "state the Oracle Grid Infrastructure release actually installed",
            )


@rule(
    "RAC004",
    Severity.ERROR,
    source=f"{GUIDE}: SF Oracle RAC support for Oracle RAC in a zone environment (chapter title seen in the "
    "7.3.1 table of contents; its configuration was not retrieved)",
    basis="unverified",
    category="clusters",
)
def rac_in_zones_not_generated(estate: Estate) -> Iterator[Finding]:
    """SF Oracle RAC in zones is refused: the tool would put Oracle in the global zone, unlinked from the zones.

    The tool's own integrity (hence an error): the derivation generates the Oracle and CFS groups for
    the cluster's global zones and the zone groups beside them, with no link, which is not the guide's
    zone configuration; until that configuration is confirmed and generated, no output is better than a
    wrong one.
    """
    for name, c in sorted(estate.topology.clusters.items()):
        if c.rac is not None and c.zones:
            yield Finding(
                ("clusters", name, "rac"),
                f"cluster {name} runs SF Oracle RAC and manages zones {', '.join(c.zones)}: this tool generates "
                "Oracle RAC in the global zones only and would leave the zone groups unlinked, which is not the "
                "guide's SF Oracle RAC in zones configuration",
                "run Oracle RAC in the guests without zones in this cluster, or build the zone configuration "
                "by hand from the guide",
            )


@rule(
    "CLU102",
    Severity.WARNING,
    source="Cluster Server Bundled Agents Reference: IP agent (a virtual address is online on one system "
    "at a time, in a failover group); VCS Administrator's Guide: failover and parallel service groups",
    basis="K",
    category="clusters",
)
def parallel_application_without_ip(estate: Estate) -> Iterator[Finding]:
    """A parallel application has no virtual IP: the address would be up on every node at once.

    Basis [K] (known behaviour, not a quoted limit, hence a warning): a parallel group is online on all of
    its systems, so an IP resource in it plumbs the same address on each node; VCS IP resources belong in
    failover groups. The main.cf verifier says the same of the generated group (its VCS057).
    """
    for name, c in sorted(estate.topology.clusters.items()):
        for app, spec in sorted(c.applications.items()):
            if spec.parallel and spec.ip is not None:
                yield Finding(
                    ("clusters", name, "applications", app, "ip"),
                    f"parallel application {app} brings IP {spec.ip.address} up on every node of {name} at "
                    "once (an address conflict)",
                    "set parallel: false so the address fails over with the application, or move the IP to "
                    "a failover application of its own",
                )
