"""The example estates in topologies/ together show every deployment model the guide covers."""

from __future__ import annotations

from generator.build.pipeline import check_paths
from generator.estate.estate import Estate
from generator.input.schema import Component, MigrationKind, StackModel, ZoneRoot

from .conftest import EXAMPLES, ROOT


def _estates() -> list[Estate]:
    results, _ = check_paths([EXAMPLES.relative_to(ROOT)])
    return [r.estate for r in results if r.estate is not None]


def _storage_features(e: Estate) -> set[str]:
    t = e.topology
    found = {f"zone-root:{z.root.value}" for z in t.zones.values()}
    if any(z.exported_volumes for z in t.zones.values()):
        found.add("zone-exported-volume")
    if t.storage.smartio:
        found.add("smartio")
    if any(dg.fss for dg in t.storage.diskgroups.values()):
        found.add("fss")
    if any(v.filesystem and v.filesystem.cluster for dg in t.storage.diskgroups.values() for v in dg.volumes.values()):
        found.add("cfs")
    if any(d.is_service and not d.is_control and d.has(Component.DMP) for d in e.domains):
        found.add("dmp-in-alternate-io-domain")
    return found


def _cluster_features(e: Estate) -> set[str]:
    found: set[str] = set()
    for name, c in e.topology.clusters.items():
        systems = e.cluster_systems(name)
        in_guests = all(d.is_guest for d in systems)
        if c.rac and in_guests:
            found.add("rac-in-guests")
        if c.applications and in_guests:
            found.add("vcs-in-guests")
        if c.manages:
            found.add("vcs-manages-guests")
            if any(d.is_service and not d.is_control and not d.is_guest for d in systems):
                found.add("alternate-io")
    if {"vcs-in-guests", "vcs-manages-guests"} <= found:
        found.add("vcs-in-both")
    return found


def _features(e: Estate) -> set[str]:
    t = e.topology
    found = {f"model:{t.model.value}"} | {f"migration:{m.kind.value}" for m in t.migrations}
    return found | _storage_features(e) | _cluster_features(e)


def test_examples_cover_every_deployment_model() -> None:
    per_file = {e.topology.topology: _features(e) for e in _estates()}
    everything = set().union(*per_file.values())
    wanted = {f"model:{m.value}" for m in StackModel} | {
        f"migration:{MigrationKind.LIVE.value}",
        f"migration:{MigrationKind.COLD.value}",
        f"zone-root:{ZoneRoot.LOCAL.value}",
        f"zone-root:{ZoneRoot.SHARED.value}",
        "zone-exported-volume",
        "smartio",
        "fss",
        "cfs",
        "rac-in-guests",
        "vcs-in-guests",
        "vcs-manages-guests",
        "alternate-io",
        "dmp-in-alternate-io-domain",
    }
    assert wanted <= everything, sorted(wanted - everything)
    assert any("vcs-in-both" in f for f in per_file.values()), "no example runs VCS in control domains and guests"
