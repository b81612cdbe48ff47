"""Guest-side device names: a vnet is a generic datalink (net0, net1, ...) inside a Solaris 11 guest.

LLT's /etc/llttab, the VCS NIC/IP/PrivNIC ``Device`` and the runbook checks use the link name; a
topology may name the device by vnet or by link; control domains keep their physical link names.
"""

from __future__ import annotations

from generator.build.pipeline import derivation
from generator.core.artifacts import RenderContext
from generator.core.diagnostics import format_text
from generator.derive.decisions import Decisions
from generator.derive.procedures.runbook_set import runbooks
from generator.derive.vcs.api import ClusterConfigs, main_cf_text
from generator.document.runbook_model import Runbook, Step
from generator.estate.datalinks import domain_device, resolve_link, vnet_instance, vnet_links
from generator.estate.estate import Estate
from generator.input.loader import load_text
from generator.maincf.verify import verify_text
from generator.rules.engine import check_topology
from generator.sphinx_ext.topology_pages import overview_page

from .conftest import FIXTURES
from .runbook_support import books, checked, estate

BASE = FIXTURES / "valid" / "guest-cluster-base.yaml"
GUEST_VNETS = "vnets: {vnet0: {switch: primary-vsw0}, vnet1: {switch: primary-vsw1}, vnet2: {switch: primary-vsw2}}"


def _estate(text: str, allow: str = "") -> Estate:
    loaded = load_text(text, "guest.yaml")
    assert loaded.topology is not None, format_text(loaded.diagnostics)
    found = [d for d in check_topology(Decisions(Estate(loaded.topology)), loaded.document)
             if allow == "" or d.rule != allow]
    assert format_text(found) == "", format_text(found)
    return Estate(loaded.topology)


def _step(book: Runbook, step_id: str) -> Step:
    return next(s for sec in book.sections for s in sec.steps if s.id == step_id)


def _book(e: Estate, prefix: str) -> Runbook:
    return next(b for b in runbooks(derivation(e), RenderContext("guest.yaml", "0" * 64)) if b.id.startswith(prefix))


def test_guest_vnets_get_net_k_in_name_order_unless_stated() -> None:
    text = BASE.read_text("utf-8").replace(
        GUEST_VNETS, "vnets: {vnet2: {switch: primary-vsw2}, vnet0: {switch: primary-vsw0}, "
                     "vnet10: {switch: primary-vsw1, link: net7}}")
    g1 = _estate(text.replace("llt-links: [vnet1, vnet2]", "llt-links: [vnet10, vnet2]")
                 .replace("private-nics: [vnet1, vnet2]", "private-nics: [vnet10, vnet2]")).domain("g1")
    assert g1 is not None
    assert vnet_links(g1) == {"vnet0": "net0", "vnet10": "net7", "vnet2": "net2"}
    assert vnet_instance(g1, "vnet10") == "vnet1" and vnet_instance(g1, "vnet2") == "vnet2"


def test_a_name_is_a_vnet_a_link_or_neither() -> None:
    g2 = estate("guest-links-stated", "tests/topologies/valid").domain("g2")
    assert g2 is not None
    assert resolve_link(g2, "vnet1") == "net3"
    assert resolve_link(g2, "net3") == "net3"
    assert resolve_link(g2, "net1") is None
    assert domain_device(g2, "net1") == "net1"


def test_control_domain_keeps_its_physical_links() -> None:
    book = next(b for b in books("erp-split") if b.id == "vcs-setup-ctlclus")
    step = next(s for sec in book.sections for s in sec.steps if s.id.startswith("llt-"))
    assert "link net2 /dev/net/net2 - ether - -" in step.commands
    assert not any(v.startswith("dladm") for v in step.verify)


def test_guest_llttab_uses_link_names_and_checks_the_device() -> None:
    book = next(b for b in books("billing-guest-cvm") if b.id.startswith("vcs-setup-"))
    steps = [s for sec in book.sections for s in sec.steps if s.id.startswith("llt-")]
    assert steps
    for step in steps:
        assert "link net1 /dev/net/net1 - ether - -" in step.commands
        assert not any("/dev/net/vnet" in c for c in step.commands)
        assert step.verify[:2] == ("dladm show-phys net1", "dladm show-phys net2")
        assert "`net1` shows DEVICE `vnet1` (ldm vnet `vnet1`)" in step.expected


def test_stated_links_differ_per_guest() -> None:
    e = estate("guest-links-stated", "tests/topologies/valid")
    book = next(b for b in books("guest-links-stated", "tests/topologies/valid") if b.id == "vcs-setup-gc")
    assert "link net1 /dev/net/net1 - ether - -" in _step(book, "llt-g1").commands
    assert "link net3 /dev/net/net3 - ether - -" in _step(book, "llt-g2").commands
    text = main_cf_text(ClusterConfigs(e), "gc", "guest-links-stated.yaml")
    assert "PrivNIC" not in text  # a current Oracle release: HAIP, not PrivNIC (test_sfrac_interconnect)
    stated = (FIXTURES / "valid" / "guest-links-stated.yaml").read_text("utf-8")
    key = "      database: DB1\n"
    pre_haip = load_text(stated.replace(key, key + "      oracle-version: 11.2.0.1\n"), "guest.yaml").topology
    assert pre_haip is not None
    assert "Device @g1 = { net1 = 0, net2 = 1 }\n\t\tDevice @g2 = { net3 = 0, net4 = 1 }" in \
        main_cf_text(ClusterConfigs(Estate(pre_haip)), "gc", "guest-links-stated.yaml")
    assert "NIC web_nic (\n\t\tDevice = net0\n" in text
    assert format_text(verify_text(text, "gc/main.cf")) == ""
    sfrac = next(b for b in books("guest-links-stated", "tests/topologies/valid") if b.id == "sfrac-gc")
    assert _step(sfrac, "privnet-g2").commands == ("ipadm show-addr", "dladm show-phys net3",
                                                   "dladm show-phys net4")


def test_link_names_in_the_topology_give_the_same_output_as_vnet_names() -> None:
    app_ip = "        ip: {address: 10.1.1.1, device: vnet0}\n"
    key = "      database: DB1\n"  # a pre-HAIP Oracle release, so that a PrivNIC names the private links
    text = BASE.read_text("utf-8").replace("        parallel: true\n", app_ip).replace(
        key, key + "      oracle-version: 11.2.0.1\n")
    by_vnet = _estate(text, allow="RAC005")
    by_link = _estate(text.replace("[vnet1, vnet2]", "[net1, net2]").replace("device: vnet0", "device: net0"),
                      allow="RAC005")
    assert main_cf_text(ClusterConfigs(by_vnet), "gc", "guest.yaml") == main_cf_text(ClusterConfigs(by_link), "gc",
                                                                                      "guest.yaml")
    assert "Device = { net1 = 0, net2 = 1 }" in main_cf_text(ClusterConfigs(by_link), "gc", "guest.yaml")
    assert _step(_book(by_vnet, "vcs-setup"), "llt-g1") == _step(_book(by_link, "vcs-setup"), "llt-g1")


def test_topology_page_lists_each_vnet_with_its_datalink() -> None:
    page = overview_page(checked("guest-links-stated", "tests/topologies/valid"), [], []).decode("utf-8")
    assert "| `t7b/g2 vnet1` | `net3` | `t7b/primary primary-vsw1` | - |" in page
    assert "| `t7a/g1 vnet1` | `net1` |" in page
