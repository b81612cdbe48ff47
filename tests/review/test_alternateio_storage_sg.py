"""A server's storage group shared by several AlternateIO guests is named with StorageSG value 0.

With value 1 the AlternateIO resource also brings the storage group online and takes it offline with
itself (REFERENCE 3.2, [K], the value's meaning unverified): when one guest leaves a server, its
resource would take the group offline under the other guests still running there. One guest alone keeps
the guide's sample value 1. ``vcs verify`` reports a shared group named with 1 as VCS061.
"""

from __future__ import annotations

from generator.core.diagnostics import format_text
from generator.derive.vcs.api import ClusterConfigs, derived
from generator.maincf.printer import format_config
from generator.maincf.tree import Assoc
from generator.maincf.verify import verify_text

from ..runbook_support import estate
from .support import FOLDER


def _storage_values(name: str, folder: str) -> dict[str, set[str | None]]:
    est = estate(name, folder)
    found: dict[str, set[str | None]] = {}
    for cid in sorted(est.topology.clusters):
        for _, res in derived(ClusterConfigs(est), cid).config.resources():
            for attr in res.values("StorageSG"):
                assert isinstance(attr.value, Assoc)
                found.setdefault(res.name, set()).update(v for _, v in attr.value.pairs)
    return found


def test_storage_group_shared_by_two_guests_is_monitored_only() -> None:
    values = _storage_values("payments-alternateio", "topologies")
    assert len(values) == 2 and all(v == {"0"} for v in values.values()), values


def test_storage_group_of_one_guest_is_onlined_with_it() -> None:
    values = _storage_values("alternateio-two-io-domains", FOLDER)
    assert len(values) == 1 and all(v == {"1"} for v in values.values()), values


def test_shared_storage_group_named_with_1_is_reported() -> None:
    est = estate("payments-alternateio", "topologies")
    text = format_config(derived(ClusterConfigs(est), "payclus").config).replace("_stor_grp = 0 }", "_stor_grp = 1 }")
    found = format_text(verify_text(text, "payclus/main.cf"))
    assert found.count("warning[VCS061]") == 4, found
