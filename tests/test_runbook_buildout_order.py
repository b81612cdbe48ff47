"""Build-out steps act on domains that exist, on the host that owns them, in an order ldm accepts."""

from __future__ import annotations

import shlex

import pytest

from generator.derive.procedures.command_hosts import ldm_node
from generator.document.runbook_model import Runbook, Step

from .runbook_support import EXAMPLE_NAMES, books, estate


def _buildout(name: str) -> Runbook:
    return next(b for b in books(name) if b.id == "build-out")


def _steps(book: Runbook) -> list[Step]:
    return [step for section in book.ordered_sections() for step in section.steps]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_failure_policy_is_set_on_an_existing_domain_in_its_own_host(name: str) -> None:
    est = estate(name)
    created: set[tuple[str, str]] = set()  # (node, domain) made by an earlier `ldm add-domain`
    for step in _steps(_buildout(name)):
        for line in step.commands:
            words = shlex.split(line)
            if words[:2] == ["ldm", "add-domain"]:
                created.add((step.runs_on, words[-1]))
            if words[:2] != ["ldm", "set-domain"] or not any(w.startswith("failure-policy=") for w in words):
                continue
            target = [d for d in est.domains if d.name == words[-1] and ldm_node(est, d.host) == step.runs_on]
            assert target, f"{line!r} runs on {step.runs_on}, which has no domain {words[-1]}"
            assert not target[0].is_guest or (step.runs_on, words[-1]) in created, f"{line!r} before add-domain"


def test_the_master_domain_carries_the_failure_policy_on_every_host() -> None:
    # The payments example names masters no longer (AIO004); its pre-fix copy still does, with warnings only.
    name, folder = "alternateio-master-stops-guest", "tests/topologies/invalid"
    est = estate(name, folder)
    book = next(b for b in books(name, folder) if b.id == "build-out")
    lines = {(step.runs_on, line) for step in _steps(book) for line in step.commands}
    for host in ("t8e", "t8f"):
        assert (ldm_node(est, host), "ldm set-domain failure-policy=stop primary") in lines
    assert not any("failure-policy" in line and "pay" in line for _, line in lines)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_domains_are_bound_only_once_their_host_serves_consoles(name: str) -> None:
    consoles: set[str] = set()  # nodes where an `ldm add-vcc` ran earlier
    daemons: set[str] = set()  # nodes where vntsd, which serves those consoles (vntsd(8)), was enabled
    for step in _steps(_buildout(name)):
        for line in step.commands:
            words = shlex.split(line)
            if words[:2] == ["ldm", "add-vcc"]:
                consoles.add(step.runs_on)
            if words == ["svcadm", "enable", "vntsd"]:
                daemons.add(step.runs_on)
            if words[:2] == ["ldm", "bind-domain"]:
                assert step.runs_on in consoles, f"{line!r} on {step.runs_on} before any vcc (no console)"
                assert step.runs_on in daemons, f"{line!r} on {step.runs_on} before vntsd is enabled"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_services_are_added_to_domains_that_exist(name: str) -> None:
    est = estate(name)
    existing = {(ldm_node(est, d.host), d.name) for d in est.domains if d.is_control}
    for step in _steps(_buildout(name)):
        for line in step.commands:
            words = shlex.split(line)
            if words[:2] == ["ldm", "add-domain"]:
                existing.add((step.runs_on, words[-1]))
            if words[:2] in (["ldm", "add-vds"], ["ldm", "add-vsw"], ["ldm", "add-vcc"]):
                assert (step.runs_on, words[-1]) in existing, f"{line!r} before its domain exists"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_back_end_exported_again_from_the_same_service_domain_is_forced(name: str) -> None:
    est = estate(name)
    for step in _steps(_buildout(name)):
        host = next((h for h in est.topology.hosts if ldm_node(est, h) == step.runs_on), None)
        owner = {s.name: s.domain.name for s in est.services("vds", host)} if host else {}
        seen: set[tuple[str, str]] = set()
        for line in step.commands:
            words = shlex.split(line)
            if words[:2] != ["ldm", "add-vdsdev"]:
                continue
            backend, target = [w for w in words[2:] if "=" not in w and w != "-f"]
            key = (owner[target.split("@")[1]], backend)
            assert ("-f" in words) == (key in seen), f"{line!r}: -f exactly when {key} is already exported"
            seen.add(key)


def test_the_shared_data_lun_of_the_crm_guests_is_exported_twice_with_f_the_second_time() -> None:
    lines = [line for step in _steps(_buildout("crm-both-vcs")) for line in step.commands
             if line.startswith("ldm add-vdsdev") and "423130d0s2" in line]
    assert lines == ["ldm add-vdsdev /dev/dsk/c0t60000970000197600222533036423130d0s2 crmg1-data0@primary-vds0",
                     "ldm add-vdsdev -f /dev/dsk/c0t60000970000197600222533036423130d0s2 crmg2-data0@primary-vds0"] * 2
