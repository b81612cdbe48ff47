"""Migration prerequisite rules: the guest, the target host's resources, VCS control and cautions.

Registered through :func:`generator.rules.migration.migration_rule`, so the plan reuses them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.core.sizes import format_size
from generator.derive.migration.case import MigrationCase
from generator.estate.estate import Estate
from generator.input.schema import CpuArch, Role
from generator.rules.engine import Finding, rule
from generator.rules.migration_checks import migration_rule

ORACLE = "Oracle VM Server for SPARC Administration Guide, "
LDOM_AGENT = "VCS Bundled Agents Reference, LDom agent (migrate entry point, UserName/Password)"


@migration_rule("MIG001", Severity.ERROR, source="ldm migrate-domain: the target is another system",
                basis="K")
def target_differs(case: MigrationCase) -> Iterator[Finding]:
    """The target host differs from the host the guest runs on.

    An error although its basis is [K]: a plan from a host to itself would print commands that
    cannot work (the tool's own integrity).
    """
    if case.target == case.source:
        yield Finding(case.loc("to"), f"{case.guest.ref} already runs on {case.target}",
                      "name another host as the target")


@migration_rule("MIG008", Severity.ERROR, source=ORACLE + "Migration Requirements for Physical I/O Devices",
                basis="S")
def no_physical_io(case: MigrationCase) -> Iterator[Finding]:
    """A domain that owns physical I/O (PCIe bus, direct I/O, SR-IOV VF, NIU) cannot be migrated."""
    for io in case.guest.spec.physical_io:
        yield Finding(case.loc("domain"), f"{case.guest.ref} owns physical I/O {io.kind.value} {io.device!r}",
                      "give the guest virtual I/O only (vdisk/vnet) before migrating it")


@migration_rule("MIG009", Severity.ERROR, source=ORACLE + "Migration Requirements for CPUs (cpu-arch)",
                basis="S")
def compatible_cpu(case: MigrationCase) -> Iterator[Finding]:
    """With cpu-arch=native the source and target hosts have the same CPU type."""
    src, tgt = case.estate.host(case.source), case.estate.host(case.target)
    if src is None or tgt is None or case.guest.spec.cpu_arch is not CpuArch.NATIVE:
        return
    if src.cpu_type != tgt.cpu_type:
        yield Finding(case.loc("to"),
                      f"{case.guest.ref} has cpu-arch=native, but {case.source} is {src.cpu_type} and "
                      f"{case.target} is {tgt.cpu_type}",
                      "set cpu-arch: generic (or a migration class) on the guest, which needs a restart")


@migration_rule("MIG010", Severity.ERROR, source=ORACLE + "Migration Requirements for CPUs", basis="S")
def free_vcpus(case: MigrationCase) -> Iterator[Finding]:
    """The target host has enough free virtual CPUs for the guest."""
    host = case.estate.host(case.target)
    if host is None or case.target == case.source:
        return
    free = host.threads - case.estate.used_vcpus(case.target)
    if case.guest.spec.vcpus > free:
        yield Finding(case.loc("to"),
                      f"{case.guest.ref} needs {case.guest.spec.vcpus} vCPUs, {case.target} has {free} free "
                      f"({host.threads} threads, {case.estate.used_vcpus(case.target)} assigned)",
                      "free CPU threads on the target or shrink the guest first")


@migration_rule("MIG011", Severity.ERROR, source=ORACLE + "Migration Requirements for Memory", basis="S")
def free_memory(case: MigrationCase) -> Iterator[Finding]:
    """The target host has enough free memory for the guest."""
    host = case.estate.host(case.target)
    if host is None or case.target == case.source:
        return
    free = host.memory - case.estate.used_memory(case.target)
    if case.guest.spec.memory > free:
        yield Finding(case.loc("to"),
                      f"{case.guest.ref} needs {format_size(case.guest.spec.memory)} of memory, "
                      f"{case.target} has {format_size(max(free, 0))} free",
                      "free memory on the target first")


@migration_rule("MIG012", Severity.ERROR,
                source=ORACLE + "migrating domains (control, I/O and service domains are not migrated)",
                basis="S")
def guest_only(case: MigrationCase) -> Iterator[Finding]:
    """Only guest domains are migrated: not the control domain, an I/O, root or service domain."""
    roles = {Role.CONTROL, Role.SERVICE, Role.IO, Role.ROOT} & set(case.guest.spec.roles)
    services = case.guest.spec.services
    if roles or services.vds or services.vsw or services.vcc:
        what = ", ".join(sorted(r.value for r in roles)) or "service"
        yield Finding(case.loc("domain"), f"{case.guest.ref} is a {what} domain and cannot be migrated",
                      "move the guests it serves instead")


@migration_rule("MIG014", Severity.ERROR, source=LDOM_AGENT + "; hagrp -migrate -to a cluster system",
                basis="K")
def vcs_target_is_node(case: MigrationCase) -> Iterator[Finding]:
    """A VCS-driven migration needs a managing cluster that has the target's control domain as a node.

    [K] ``hagrp -migrate -to SYSTEM`` names a system of the group's cluster; an error because the
    runbook would otherwise print a command naming a system that is not in the cluster.
    """
    if case.via != "vcs":
        return
    if case.cluster is None:
        yield Finding(case.loc("via"), f"via vcs, but no cluster manages {case.guest.ref}",
                      "list the guest in clusters.NAME.manages, or use via: manual")
        return
    target = case.target_control()
    if target is not None and target not in case.estate.cluster_systems(case.cluster):
        yield Finding(case.loc("to"),
                      f"cluster {case.cluster!r} manages {case.guest.ref} but {target.ref} is not one of its "
                      f"nodes, so hagrp -migrate cannot move the group there",
                      f"add {target.ref} to clusters.{case.cluster}.nodes")


@migration_rule("MIG015", Severity.ERROR, source=LDOM_AGENT, basis="K")
def vcs_migration_auth(case: MigrationCase) -> Iterator[Finding]:
    """A VCS-driven live or warm migration needs migration-auth with a vcsencrypt-encrypted password.

    [K] The LDom agent authenticates ``ldm migrate-domain`` to the target with its UserName and
    Password attributes; without them the generated LDom resource cannot migrate.
    """
    if case.via != "vcs" or not case.active or case.cluster is None:
        return
    auth = case.estate.topology.clusters[case.cluster].migration_auth
    if auth is None or not auth.password_encrypted:
        yield Finding(case.loc("via"),
                      f"cluster {case.cluster!r} has no migration-auth password for the LDom agent, which "
                      f"runs ldm migrate-domain on {case.source}",
                      f"set clusters.{case.cluster}.migration-auth.password-encrypted to the output of "
                      "vcsencrypt -agent")


@migration_rule("MIG020", Severity.ERROR,
                source="VCS Administrator's Guide, failover parent / failover child dependencies (the parent is "
                "online only where the child is)", basis="S")
def migrate_with_failover_child(case: MigrationCase) -> Iterator[Finding]:
    """A VCS-driven live or warm migration of a guest whose LDom group requires a failover group.

    [S] A failover parent that requires a failover child ``online local`` is online only on the
    system where the child is, and a failover child is online on one system: with the guest running
    on the source, that group (the AlternateIO group of a multiple-I/O-domain cluster) cannot
    already be online on the target, which ``hagrp -migrate`` needs. The fail-over test and a cold
    migration move it offline-switch-online instead. The runbook of such a plan would run a step
    whose precondition the tool knows is false, so the plan is refused (an error since issue 13;
    it was a warning that still printed ``hagrp -migrate``) and the hint names the supported
    alternative, a cold migration by VCS. Whether the guide documents a live path (a parallel
    AlternateIO group) was not found in a cited source: unverified.
    """
    if case.via != "vcs" or not case.active or case.cluster is None:
        return
    from generator.derive.migration import operations as cmd  # the VCS output, only when a cluster drives it

    group = cmd.ldom_names(case)[0]
    children = cmd.failover_children(case, group)
    if children:
        yield Finding(case.loc("kind"),
                      f"{group} requires the failover group(s) {', '.join(children)} online local: they "
                      f"cannot be online on {case.target} while {case.guest.name} runs on {case.source}, so "
                      f"hagrp -migrate {group} cannot bring it online there; no runbook is generated for this "
                      "plan",
                      "plan kind: cold; VCS takes the guest offline, switches those groups and brings it online on "
                      "the target")


@migration_rule("MIG016", Severity.WARNING,
                source="VCS in control domains: migrate managed guests with hagrp", basis="K")
def manual_under_vcs(case: MigrationCase) -> Iterator[Finding]:
    """A guest that VCS manages is migrated by hand: the runbook freezes its service group around it."""
    if case.via == "manual" and case.cluster is not None:
        yield Finding(case.loc("via"),
                      f"{case.guest.ref} is managed by cluster {case.cluster!r} but migrated by hand",
                      "prefer via: vcs (hagrp -migrate); the manual runbook freezes the group meanwhile")


@migration_rule("MIG017", Severity.WARNING, source="InfoScale Virtualization Guide, live migration in FSS "
                "environments", basis="unverified")
def fss_caution(case: MigrationCase) -> Iterator[Finding]:
    """A guest on Flexible Storage Sharing or host-local disks needs the FSS migration procedure."""
    storage = case.estate.topology.storage
    luns = {lun for v in case.vdisks() for lun in case.estate.vdisk_luns(v)}
    local = sorted(n for n in luns if n in storage.luns and storage.luns[n].local)
    fss = sorted(dg for dg, spec in storage.diskgroups.items() if spec.fss and (
        set(spec.disks) & luns or any(case.estate.domain(r) == case.guest for r in spec.managed_by)))
    if local or fss:
        what = ", ".join([f"local disk {n!r}" for n in local] + [f"FSS disk group {d!r}" for d in fss])
        yield Finding(case.loc("domain"), f"{case.guest.ref} uses {what}",
                      "follow the guide's FSS live-migration chapter; host-local disks do not move")


@migration_rule("MIG018", Severity.WARNING, source="InfoScale Virtualization Guide, SmartIO in virtualized "
                "environments", basis="unverified")
def smartio_caution(case: MigrationCase) -> Iterator[Finding]:
    """A SmartIO cache in the guest or its service domain does not move: it is cold on the target."""
    servers = {v.service.domain.ref for v in case.vdisks() if v.service}
    for name, cache in sorted(case.estate.topology.storage.smartio.items()):
        owner = case.estate.domain(cache.domain)
        if owner is not None and (owner == case.guest or owner.ref in servers):
            yield Finding(case.loc("domain"),
                          f"SmartIO cache {name!r} in {owner.ref} serves {case.guest.ref} and stays on "
                          f"{case.source}", "expect a cold cache (slower reads) on the target for a while")


@rule("MIG019", Severity.WARNING,
      source="Oracle Solaris Cluster data service for Oracle VM Server for SPARC: one migration at a time",
      basis="K", category="migration")
def serialised_migrations(estate: Estate) -> Iterator[Finding]:
    """Migrations run one at a time: the same domain twice, or several in one change, is flagged."""
    migrations = estate.topology.migrations
    refs = [getattr(estate.domain(m.domain), "ref", m.domain) for m in migrations]
    twice = {r for r, n in Counter(refs).items() if n > 1}
    changes = Counter(m.change for m in migrations if m.change)
    for i, m in enumerate(migrations):
        if refs[i] in twice and refs.index(refs[i]) != i:
            yield Finding(("migrations", i, "domain"), f"{m.domain} is migrated more than once",
                          "run the migrations one after the other, each from where the last one ended")
        elif m.change and changes[m.change] > 1:
            yield Finding(("migrations", i, "change"),
                          f"change {m.change} holds {changes[m.change]} migrations",
                          "run them one after the other, never at the same time")

