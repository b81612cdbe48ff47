"""SF Oracle RAC: who protects the private interconnect, and who owns the Oracle file systems.

From Oracle 11.2.0.2 Oracle's HAIP protects the interconnect and SF Oracle RAC no longer supports
PrivNIC/MultiPrivNIC for it [S: Veritas technote 100003972]: a PrivNIC is generated only for an older
release (with RAC005 saying so); the runbook names the mechanism. ``chown`` names the owner's group.
"""

from __future__ import annotations

from generator.build.pipeline import derivation
from generator.core.artifacts import RenderContext
from generator.core.diagnostics import format_text
from generator.derive.decisions import Decisions
from generator.derive.procedures.runbook_set import runbooks
from generator.derive.vcs.api import ClusterConfigs, main_cf_text
from generator.document.runbook_model import Runbook, Step
from generator.estate.estate import Estate
from generator.input.loader import load_text
from generator.input.schema import RacSpec
from generator.rules.engine import check_topology

from .conftest import FIXTURES

BASE = FIXTURES / "valid" / "guest-cluster-base.yaml"
RAC_KEY = "      database: DB1\n"


def _estate(extra: str = "") -> tuple[Estate, str]:
    text = BASE.read_text("utf-8")
    assert RAC_KEY in text
    loaded = load_text(text.replace(RAC_KEY, RAC_KEY + extra), "guest.yaml")
    assert loaded.topology is not None, format_text(loaded.diagnostics)
    found = format_text(check_topology(Decisions(Estate(loaded.topology)), loaded.document))
    return Estate(loaded.topology), found


def _cluster(e: Estate) -> str:
    return next(name for name, c in e.topology.clusters.items() if c.rac is not None)


def _sfrac(e: Estate) -> Runbook:
    books = runbooks(derivation(e), RenderContext("guest.yaml", "0" * 64))
    return next(b for b in books if "sfrac" in b.id or "rac" in b.id)


def _steps(book: Runbook, prefix: str) -> list[Step]:
    return [s for sec in book.sections for s in sec.steps if s.id.startswith(prefix)]


def test_release_order_decides_privnic() -> None:
    def spec(version: str | None) -> RacSpec:
        return RacSpec.model_validate({"database": "DB1", "oracle_home": "/u01/db", "ocr_vote": "dg/ocr",
                                       "data": ["dg/data"], "private_nics": ["vnet1"], "oracle_version": version})
    assert [spec(v).uses_privnic() for v in ("10.2.0.5", "11.2.0.1", "11.2")] == [True, True, True]
    assert [spec(v).uses_privnic() for v in ("11.2.0.2", "11.2.0.4", "12.1.0.2", "19.0.0", "19", None)] == \
        [False] * 6


def test_current_oracle_gets_no_privnic_and_the_runbook_names_haip() -> None:
    for extra in ("", "      oracle-version: 19.0.0\n"):
        e, found = _estate(extra)
        assert found == ""
        main_cf = main_cf_text(ClusterConfigs(e), _cluster(e), "guest.yaml")
        assert "PrivNIC" not in main_cf
        assert "CSSD cssd" in main_cf
        for step in _steps(_sfrac(e), "privnet-"):
            assert "Oracle HAIP" in step.expected and "none is configured" in step.expected


def test_pre_haip_oracle_gets_privnic_and_a_warning() -> None:
    e, found = _estate("      oracle-version: 11.2.0.1\n")
    assert "warning[RAC005]" in found
    main_cf = main_cf_text(ClusterConfigs(e), _cluster(e), "guest.yaml")
    assert "PrivNIC ora_priv" in main_cf
    assert "Device = { net1 = 0, net2 = 1 }" in main_cf  # the guests' datalink names of vnet1, vnet2
    assert "cssd requires ora_priv" in main_cf
    for step in _steps(_sfrac(e), "privnet-"):
        assert "VCS PrivNIC" in step.expected


def test_chown_names_the_owner_group_default_oinstall() -> None:
    for extra, group in (("", "oinstall"), ("      group: dba\n", "dba")):
        e, _ = _estate(extra)
        owners = _steps(_sfrac(e), "owner-")
        assert owners
        for step in owners:
            assert step.commands[0].startswith(f"chown oracle:{group} "), step.commands[0]
