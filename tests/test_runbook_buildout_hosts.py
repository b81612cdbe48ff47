"""Past four hosts the build-out is one runbook per host: every step once, on its own host; an edit to one
host's guest changes that host's runbook only (its SP configuration name included)."""

from __future__ import annotations

from pathlib import Path

from generator.build.pipeline import check_bytes, derivation, render_context
from generator.derive.procedures.buildout import buildout_runbook
from generator.derive.procedures.buildout_hosts import MAX_HOSTS_PER_BUILDOUT
from generator.derive.procedures.runbook_set import runbooks
from generator.document.runbook_model import Runbook

from .conftest import FIXTURES
from .runbook_support import EXAMPLE_NAMES, books, context, estate

FIVE = FIXTURES / "runbooks" / "buildout-five-hosts-per-host.yaml"
FOLDER = "tests/topologies/runbooks"


def _books(text: str) -> dict[str, Runbook]:
    checked = check_bytes(text.encode("utf-8"), f"{FOLDER}/{FIVE.name}")
    assert checked.ok and checked.estate is not None, checked.diagnostics
    found = runbooks(derivation(checked.estate), render_context(checked))
    return {b.id: b for b in found if b.kind == "build-out"}


def _steps(book: Runbook) -> dict[str, str]:
    return {step.id: step.runs_on for s in book.sections for step in s.steps}


def test_a_five_host_estate_has_one_build_out_per_host_with_every_step_once() -> None:
    est = estate(FIVE.stem, FOLDER)
    assert len(est.topology.hosts) == MAX_HOSTS_PER_BUILDOUT + 1
    per_host = {b.id: b for b in books(FIVE.stem, FOLDER) if b.kind == "build-out"}
    assert sorted(per_host) == [f"build-out-t{i}" for i in range(1, 6)]
    whole = buildout_runbook(est, context(FIVE.stem, FOLDER))
    expected = {k: v for k, v in _steps(whole).items() if not k.startswith("spconfig-")}
    seen: dict[str, str] = {}
    hosts = {d.system: d.host for d in est.domains}
    for book_id, book in per_host.items():
        for step_id, node in _steps(book).items():
            assert hosts[node] == book_id.removeprefix("build-out-"), (book_id, step_id, node)
            if not step_id.startswith("spconfig-"):
                assert step_id not in seen
                seen[step_id] = node
    assert seen == expected
    assert per_host["build-out-t3"].header["Host"] == "t3"


def test_a_host_that_imports_a_disk_group_made_on_another_host_says_so() -> None:
    per_host = {b.id: b for b in books(FIVE.stem, FOLDER)}
    assert any("`appdg` is created in the build-out of t1" in p for p in per_host["build-out-t2"].prerequisites)
    assert not any("appdg" in p for p in per_host["build-out-t1"].prerequisites)
    assert "dg-appdg" in _steps(per_host["build-out-t1"])


def test_an_edit_to_one_guest_changes_only_its_hosts_build_out() -> None:
    text = Path(FIVE).read_text("utf-8")
    guest = "      g3:\n        master: primary\n"
    edited = text.replace(guest, guest + "        vcpus: 16\n")
    assert edited != text
    before, after = _books(text), _books(edited)
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == ["build-out-t3"]
    spconfig = [line for s in after["build-out-t3"].sections for st in s.steps for line in st.commands
                if "add-spconfig" in line]
    assert spconfig and spconfig != [line for s in before["build-out-t3"].sections for st in s.steps
                                     for line in st.commands if "add-spconfig" in line]


def test_the_examples_keep_one_build_out() -> None:
    for name in EXAMPLE_NAMES:
        assert [b.id for b in books(name) if b.kind == "build-out"] == ["build-out"], name
