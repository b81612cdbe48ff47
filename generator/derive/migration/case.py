"""One guest-domain migration resolved against the estate: source, target, kind, VCS control.

A :class:`MigrationCase` is what the migration prerequisite rules, the plan, the runbook and the
``migrate`` command all work from, so that each of them sees the same source host, target host,
effective ``via`` and the same target-side lookups (which service domain on the target provides a
vds or vsw of a given name). Planned migrations come from ``topology.migrations``; an unplanned one
(``python -m generator migrate``) is built with :func:`adhoc_case`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.diagnostics import Finding, Severity
from generator.derive.vcs.api import ClusterConfigs
from generator.estate.estate import DomainInfo, Estate, ServiceRef, VdiskInfo
from generator.input.schema import Migration, MigrationKind
from generator.input.source import PathKey as Loc


@dataclass(frozen=True)
class CheckResult:
    """One finding of one migration check (the rules make them; the plan carries them)."""

    rule_id: str
    severity: Severity
    finding: Finding


def migration_slug(domain: str, target: str) -> str:
    """``erpdb``, ``t8b`` -> ``erpdb-to-t8b``: the folder of a migration's artifacts and its runbook's id stem."""
    return f"{domain}-to-{target}"


@dataclass(frozen=True)
class MigrationCase:
    """A migration with its guest resolved. ``index`` is its position in ``migrations`` (None: unplanned).
    ``vcs`` is the build's derivation of the estate's clusters (the plan reads the guest's group from it)."""

    vcs: ClusterConfigs
    migration: Migration
    guest: DomainInfo
    index: int | None = None

    @property
    def estate(self) -> Estate:
        return self.vcs.estate

    @property
    def source(self) -> str:
        return self.guest.host

    @property
    def target(self) -> str:
        return self.migration.to

    @property
    def kind(self) -> MigrationKind:
        return self.migration.kind

    @property
    def active(self) -> bool:
        """Live and warm migrations move a running domain; cold moves a bound or inactive one."""
        return self.kind is not MigrationKind.COLD

    @property
    def cluster(self) -> str | None:
        """The VCS cluster that manages the guest as an LDom resource, if any."""
        return self.estate.managing_cluster(self.guest)

    @property
    def via(self) -> str:
        """``vcs`` or ``manual``: as written, else ``vcs`` when a cluster manages the guest."""
        if self.migration.via:
            return self.migration.via
        return "vcs" if self.cluster else "manual"

    @property
    def slug(self) -> str:
        """Folder name of the migration's artifacts: ``<domain>-to-<host>``."""
        return migration_slug(self.guest.name, self.target)

    @property
    def runbook_id(self) -> str:
        """Id of the migration's runbook, written once as ``runbooks/<id>.md|.html|.pdf``."""
        return f"migrate-{self.slug}"

    def loc(self, *keys: str | int) -> Loc:
        """Where to report a problem: the migration entry when planned, else the guest domain."""
        if self.index is None:
            return self.guest.path
        return ("migrations", self.index, *keys)

    def source_control(self) -> DomainInfo | None:
        return self.estate.control_domain(self.source)

    def target_control(self) -> DomainInfo | None:
        return self.estate.control_domain(self.target)

    def target_service(self, kind: str, name: str) -> ServiceRef | None:
        """The service of this kind and name on the target host (first by domain name), if any."""
        return next((s for s in self.estate.services(kind, self.target) if s.name == name), None)

    def vdisks(self) -> list[VdiskInfo]:
        return self.estate.vdisks(self.guest)

    def vnet_switches(self) -> list[tuple[str, str]]:
        """``(vnet, vsw name)`` pairs of the guest, the switch name without a host/domain prefix."""
        return [(name, vnet.switch.split("/")[-1]) for name, vnet in sorted(self.guest.spec.vnets.items())]


def vds_name(vdisk: VdiskInfo) -> str:
    """The virtual disk service name a vdisk uses, without a host/domain prefix."""
    return vdisk.service.name if vdisk.service else vdisk.spec.service.split("/")[-1]


def planned_cases(vcs: ClusterConfigs) -> list[MigrationCase]:
    """Every planned migration whose guest and target host resolve (REF001/REF006 report the others)."""
    estate = vcs.estate
    result = []
    for i, m in enumerate(estate.topology.migrations):
        guest = estate.domain(m.domain)
        if guest is not None and m.to in estate.topology.hosts:
            result.append(MigrationCase(vcs, m, guest, i))
    return result


def adhoc_case(vcs: ClusterConfigs, domain: str, to: str, kind: str | None = None,
               via: str | None = None) -> MigrationCase | None:
    """An unplanned migration; None when ``domain`` does not name exactly one domain."""
    guest = vcs.estate.domain(domain)
    if guest is None:
        return None
    planned = next((c.migration for c in planned_cases(vcs)
                    if c.guest == guest and c.target == to), None)
    fields: dict[str, object] = {"domain": guest.ref, "to": to}
    if kind is not None:
        fields["kind"] = kind
    elif planned is not None:
        fields["kind"] = planned.kind
    if via is not None:
        fields["via"] = via
    elif planned is not None and planned.via:
        fields["via"] = planned.via
    if planned is not None and planned.change:
        fields["change"] = planned.change
    return MigrationCase(vcs, Migration.model_validate(fields), guest, None)
