"""Migration prerequisite rules: virtual I/O and storage seen from the target host.

Each check is a function of one :class:`~generator.derive.migration.case.MigrationCase`; it is registered
(:func:`generator.rules.migration_checks.migration_rule`) as a rule over every planned migration and as a
check that the build and the ``migrate`` command run on one case. Host, CPU and VCS checks are in
:mod:`generator.rules.migration_hosts`.

Oracle's "Migration Requirements for Virtual I/O Devices" is the [S] basis for the name and storage
rules: every vdisk back end must exist on the target as the same ``volume@vds`` and be the same
storage; every vnet needs a vsw of the same name.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.derive.migration.case import MigrationCase, vds_name
from generator.rules.engine import Finding
from generator.rules.migration_checks import migration_rule

ORACLE_VIO = "Oracle VM Server for SPARC Administration Guide, Migration Requirements for Virtual I/O Devices"


@migration_rule("MIG002", Severity.ERROR, source=ORACLE_VIO, basis="S")
def vds_volumes_on_target(case: MigrationCase) -> Iterator[Finding]:
    """Every vdisk's vds exists on the target host and its volume name is free there."""
    taken = {(vds_name(v), v.export_name): v for d in case.estate.host_domains(case.target)
             if d != case.guest for v in case.estate.vdisks(d)}
    for v in case.vdisks():
        vds = vds_name(v)
        if case.target_service("vds", vds) is None:
            yield Finding(case.loc("to"),
                          f"vdisk {v.name!r} of {case.guest.ref} is {v.export_name}@{vds}, but target host "
                          f"{case.target} has no virtual disk service {vds!r}",
                          f"add a vds named {vds!r} to a service domain of {case.target}")
        elif (vds, v.export_name) in taken:
            other = taken[(vds, v.export_name)]
            yield Finding(case.loc("to"),
                          f"volume name {v.export_name}@{vds} of vdisk {v.name!r} is already used on "
                          f"{case.target} by vdisk {other.name!r} of {other.domain.ref}",
                          "each volume name is unique in its vds; rename one with export-as")


@migration_rule("MIG003", Severity.ERROR, source=ORACLE_VIO, basis="S")
def vsw_names_on_target(case: MigrationCase) -> Iterator[Finding]:
    """Every vnet's virtual switch exists with the same name on the target host."""
    for vnet, switch in case.vnet_switches():
        if case.target_service("vsw", switch) is None:
            known = ", ".join(s.name for s in case.estate.services("vsw", case.target)) or "none"
            yield Finding(case.loc("to"),
                          f"vnet {vnet!r} of {case.guest.ref} uses virtual switch {switch!r}, which target "
                          f"host {case.target} does not have", f"switches on {case.target}: {known}")


@migration_rule("MIG004", Severity.ERROR, source=ORACLE_VIO + " (same storage, not just the same name)",
                basis="S")
def same_storage_on_target(case: MigrationCase) -> Iterator[Finding]:
    """The LUNs under each vdisk back end are seen by the target domain that serves the same vds."""
    luns = case.estate.topology.storage.luns
    for v in case.vdisks():
        server = case.target_service("vds", vds_name(v))
        if server is None:
            continue
        for name in case.estate.vdisk_luns(v):
            lun = luns.get(name)
            if lun is None:
                continue
            seen = {d.ref for d in (case.estate.domain(r) for r in lun.seen_by) if d is not None}
            if server.domain.ref not in seen:
                what = "local (DAS) disk" if lun.local else "LUN"
                yield Finding(case.loc("to"),
                              f"{what} {name!r} under vdisk {v.name!r} of {case.guest.ref} is not seen by "
                              f"{server.domain.ref}, which serves {server.name} on the target",
                              "the target must reach the same storage (same WWN); list it in seen-by "
                              "once it is zoned there")


@migration_rule("MIG005", Severity.WARNING, source=ORACLE_VIO + " (file back ends must be shared storage)",
                basis="K")
def unverifiable_backends(case: MigrationCase) -> Iterator[Finding]:
    """File and ZFS volume back ends cannot be proven to be the same storage on the target."""
    for v in case.vdisks():
        if v.backend_kind in ("file", "zvol"):
            yield Finding(case.loc("to"),
                          f"vdisk {v.name!r} of {case.guest.ref} has a {v.backend_kind} back end; the tool "
                          f"cannot verify that {case.target} reaches the same data",
                          "use shared storage (NFS, SAN) reachable at the same path, and check it by hand")


def _diskgroups(case: MigrationCase) -> Iterator[tuple[str, str]]:
    """``(diskgroup, vds name)`` of every VxVM volume back end of the guest, without repeats."""
    seen: set[tuple[str, str]] = set()
    for v in case.vdisks():
        if v.spec.volume:
            pair = (v.spec.volume.split("/")[0], vds_name(v))
            if pair not in seen:
                seen.add(pair)
                yield pair


@migration_rule("MIG006", Severity.ERROR,
                source=ORACLE_VIO + "; VxVM imports a private disk group on one host at a time", basis="S")
def shared_diskgroup_for_active(case: MigrationCase) -> Iterator[Finding]:
    """Live or warm migration with VxVM volume back ends needs a shared disk group imported on the target.

    Rests on Oracle's rule [S] that every back end is defined and reachable on the target while the
    source still runs, with VxVM's behaviour [K] that a private disk group is imported on one host at
    a time; REFERENCE 5.4 states the consequence for the split model.
    """
    if not case.active:
        return
    groups = case.estate.topology.storage.diskgroups
    for dg, vds in _diskgroups(case):
        spec, server = groups.get(dg), case.target_service("vds", vds)
        if spec is None or server is None:
            continue
        importers = {d.ref for d in (case.estate.domain(r) for r in spec.managed_by) if d is not None}
        if not spec.shared:
            yield Finding(case.loc("kind"),
                          f"{case.kind.value} migration of {case.guest.ref}: disk group {dg!r} is private, "
                          f"so its volumes cannot be open on {case.target} while the guest runs on "
                          f"{case.source}",
                          "make it a shared (CVM) disk group imported on both hosts, or migrate cold "
                          "(deport, import, start)")
        elif server.domain.ref not in importers:
            yield Finding(case.loc("kind"),
                          f"shared disk group {dg!r} is not imported by {server.domain.ref}, which serves "
                          f"{vds} on the target", "add it to managed-by")


@migration_rule("MIG007", Severity.WARNING, source="VxVM: a private disk group moves by deport and import",
                basis="K")
def private_diskgroup_for_cold(case: MigrationCase) -> Iterator[Finding]:
    """Cold migration with a private disk group: it is deported on the source and imported on the target."""
    if case.active:
        return
    groups = case.estate.topology.storage.diskgroups
    for dg, _ in _diskgroups(case):
        spec = groups.get(dg)
        if spec is not None and not spec.shared:
            yield Finding(case.loc("kind"),
                          f"disk group {dg!r} under {case.guest.ref} is private: the runbook deports it on "
                          f"{case.source} and imports it on {case.target} while the guest is down",
                          "no other domain may use the disk group during the move")


@migration_rule("MIG013", Severity.WARNING, source=ORACLE_VIO + " (console service)", basis="K")
def console_on_target(case: MigrationCase) -> Iterator[Finding]:
    """The target host has a virtual console concentrator (vcc) for the guest's console."""
    if not case.estate.services("vcc", case.target):
        yield Finding(case.loc("to"), f"target host {case.target} has no virtual console concentrator (vcc)",
                      "add one with ldm add-vcc in the target's control domain")
