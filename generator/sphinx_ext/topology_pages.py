"""Pages of one topology: overview, diagnostics report, and one page per artifact subject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.build.change_since import ChangeSince
from generator.build.pipeline import Checked
from generator.core.artifacts import Artifact
from generator.core.diagnostics import Diagnostic
from generator.core.sizes import format_size
from generator.derive.migration.case import migration_slug
from generator.estate.datalinks import vnet_links
from generator.estate.estate import Estate
from generator.formats.outputs import RUNBOOKS
from generator.input.schema import Topology
from generator.rules.engine import Rule
from generator.sphinx_ext.change_page import change_line, change_pages
from generator.sphinx_ext.present import Group, docname, group_artifacts
from generator.sphinx_ext.templates import render_page


@dataclass(frozen=True)
class RuleOutcome:
    id: str
    severity: str
    summary: str
    outcome: str
    findings: tuple[Diagnostic, ...]


def rule_outcomes(rules: dict[str, Rule], diagnostics: list[Diagnostic]) -> list[RuleOutcome]:
    """Every registered rule with ``pass``, ``warning`` or ``error`` for this topology."""
    result = []
    for rule in rules.values():
        found = tuple(d for d in diagnostics if d.rule == rule.id)
        outcome = "pass" if not found else ("error" if any(d.severity.value == "error" for d in found)
                                           else "warning")
        result.append(RuleOutcome(rule.id, rule.severity.value, rule.summary, outcome, found))
    return result


def _hosts(estate: Estate) -> list[dict[str, Any]]:
    rows = []
    for name, host in sorted(estate.topology.hosts.items()):
        rows.append({"name": name, "platform": host.platform, "cpu": host.cpu_type,
                     "threads": f"{estate.used_vcpus(name)} of {host.threads}",
                     "memory": f"{format_size(estate.used_memory(name))} of {format_size(host.memory)}",
                     "domains": sorted(host.domains)})
    return rows


def _domains(estate: Estate) -> list[dict[str, Any]]:
    rows = []
    for d in estate.domains:
        s = d.spec
        services = [(kind, n) for kind in ("vds", "vsw", "vcc") for n in sorted(getattr(s.services, kind))]
        rows.append({"ref": d.ref, "roles": ", ".join(r.value for r in s.roles), "system": d.system,
                     "vcpus": str(s.vcpus), "memory": format_size(s.memory), "arch": s.cpu_arch.value,
                     "infoscale": ", ".join(c.value for c in s.infoscale) or "-",
                     "services": services})
    return rows


def _vdisks(estate: Estate) -> list[dict[str, str]]:
    rows = []
    for v in estate.all_vdisks:
        server = f"{v.service.domain.ref} {v.service.name}" if v.service else f"{v.spec.service} (unresolved)"
        options = [o for o, on in (("boot", v.spec.boot), ("slice", v.spec.slice)) if on]
        if v.spec.mpgroup:
            options.append(f"mpgroup={v.spec.mpgroup}")
        backend = next((str(getattr(v.spec, k)) for k in ("volume", "lun", "file", "zvol")
                        if getattr(v.spec, k)), "")
        rows.append({"vdisk": f"{v.domain.ref} {v.name}", "service": server,
                     "export": f"{v.export_name}@{v.service.name if v.service else v.spec.service}",
                     "backend": f"{v.backend_kind} {backend}", "device": estate.backend_device(v),
                     "options": ", ".join(options) or "-"})
    return rows


def _vnets(estate: Estate) -> list[dict[str, Any]]:
    rows = []
    for d in estate.domains:
        links = vnet_links(d)
        for name, vnet in sorted(d.spec.vnets.items()):
            sw = estate.resolve_service("vsw", vnet.switch, d.host)
            rows.append({"vnet": f"{d.ref} {name}", "link": links.get(name, ""),
                         "switch": f"{sw.domain.ref} {sw.name}" if sw else f"{vnet.switch} (unresolved)",
                         "vlans": ", ".join(map(str, vnet.vid)) or "-"})
    return rows


def _clusters(estate: Estate) -> list[dict[str, Any]]:
    rows = []
    for name, c in sorted(estate.topology.clusters.items()):
        rows.append({"name": name, "id": str(c.cluster_id),
                     "systems": [d.system for d in estate.cluster_systems(name)],
                     "fencing": c.fencing.mode.value, "manages": list(c.manages),
                     "applications": sorted(c.applications), "zones": list(c.zones)})
    return rows


def _versions(topology: Topology) -> str:
    v = topology.versions
    parts = [f"{label} {value}" for label, value in
             (("Solaris", v.solaris), ("OVM", v.ovm), ("InfoScale", v.infoscale)) if value]
    return ", ".join(parts) or "not stated"


def _migrations(topology: Topology, groups: list[Group]) -> list[dict[str, Any]]:
    """Planned migrations with links to their plan page and runbook page (when rendered)."""
    pages = {g.docname: g.title for g in groups}
    rows = []
    for m in topology.migrations:
        slug = migration_slug(m.domain.split("/")[-1], m.to)
        links = [(doc, label) for doc, label in ((docname("migrations", slug), "plan and diagrams"),
                                                 (docname(RUNBOOKS, f"migrate-{slug}"), "runbook"))
                 if doc in pages]
        rows.append({"m": m, "links": links})
    return rows


def overview_page(checked: Checked, artifacts: list[Artifact], groups: list[Group],
                  change: ChangeSince | None = None) -> bytes:
    assert checked.loaded.topology is not None
    topology = checked.loaded.topology
    estate = checked.estate or Estate(topology)
    overview, _ = group_artifacts(artifacts)
    errors = sum(d.severity.value == "error" for d in checked.diagnostics)
    return render_page(
        "topology.md.j2", checked.loaded.path, t=topology, versions=_versions(topology),
        sha=checked.source_sha256, errors=errors, warnings=len(checked.diagnostics) - errors,
        hosts=_hosts(estate), domains=_domains(estate), clusters=_clusters(estate),
        vdisks=_vdisks(estate), vnets=_vnets(estate),
        luns=sorted(topology.storage.luns.items()), diskgroups=sorted(topology.storage.diskgroups.items()),
        zones=sorted(topology.zones.items()), migrations=_migrations(topology, groups), format_size=format_size,
        diagrams=overview, groups=groups, rendered=checked.ok, change=change_line(change))


def topology_pages(checked: Checked, artifacts: list[Artifact], rules: dict[str, Rule],
                   change: ChangeSince | None = None) -> list[tuple[str, bytes]]:
    """``(path relative to the topology's folder, bytes)`` for every page of one topology; ``change`` is the
    change from the previous committed revision (its runbook's files are among ``artifacts``)."""
    assert checked.loaded.topology is not None
    source = checked.loaded.path
    _, groups = group_artifacts(artifacts)
    pages = [("index.md", overview_page(checked, artifacts, groups, change)),
             ("diagnostics.md", render_page("diagnostics.md.j2", source, t=checked.loaded.topology,
                                            outcomes=rule_outcomes(rules, checked.diagnostics),
                                            other=[d for d in checked.diagnostics if d.rule not in rules]))]
    for group in groups:
        pages.append((f"{group.docname}.md", render_page("group.md.j2", source, t=checked.loaded.topology,
                                                         group=group)))
    return pages + change_pages(source, checked.loaded.topology, change)
