"""Item 8 of issue 13: an Expected line is a claim about the topology; test each kind of claim.

Counts (nodes, links, systems, volumes, vCPUs, disks the guest lists), group types (a group said to
be online on every node is parallel, one said to be online on one system is not) and step references
("the next step") are read back from every runbook of every example and review estate.
"""

from __future__ import annotations

import re

import pytest

from generator.core.sizes import format_size
from generator.derive.vcs.api import ClusterConfigs, service_groups
from generator.document.runbook_model import Runbook, Step

from ..runbook_support import EXAMPLE_NAMES, books, estate
from .support import FOLDER

CASES = [(n, "topologies") for n in EXAMPLE_NAMES] + [("ldom-failover-luns", FOLDER),
                                                        ("alternateio-two-io-domains", FOLDER)]


def _steps(book: Runbook) -> list[Step]:
    return [s for section in book.sections for s in section.steps]


def _cluster_of(book: Runbook) -> str | None:
    m = re.match(r"(?:vcs-setup|failover-test)-(.+)$", book.id)
    return m.group(1) if m else None


@pytest.mark.parametrize(("name", "folder"), CASES)
def test_counts_in_expected_lines_match_the_topology(name: str, folder: str) -> None:
    est = estate(name, folder)
    topo = est.topology
    for book in books(name, folder):
        cid = _cluster_of(book)
        for step in _steps(book):
            text = step.expected
            if (m := re.search(r"LLT sees (\d+) node\(s\) on (\d+) link\(s\)", text)) and cid:
                assert int(m.group(1)) == len(topo.clusters[cid].nodes), (book.id, step.id)
                assert int(m.group(2)) == len(topo.clusters[cid].llt_links), (book.id, step.id)
            if (m := re.search(r"All (\d+) systems RUNNING", text)) and cid:
                assert int(m.group(1)) == len(est.cluster_systems(cid)), (book.id, step.id)
            if m := re.search(r"`([^`]+)` is active with (\d+) vCPUs and (\S+) memory", text):
                guest = next(d for d in est.domains if d.name == m.group(1))
                assert int(m.group(2)) == guest.spec.vcpus and m.group(3) == format_size(guest.spec.memory)
            if m := re.search(r"Disk group `([^`]+)` imported (?:as shared )?with (\d+) volume\(s\)", text):
                assert int(m.group(2)) == len(topo.storage.diskgroups[m.group(1)].volumes), (book.id, step.id)


def _listed_disks(name: str, folder: str, guest_name: str) -> int:
    """Disks the guest lists, computed from the topology: one per LUN under DMP, else one per vdisk."""
    guest = next(d for d in estate(name, folder).domains if d.name == guest_name)
    vdisks = guest.spec.vdisks.values()
    if "dmp" in {c.value for c in guest.spec.infoscale}:
        return len({v.lun or id(v) for v in vdisks})
    return len({v.mpgroup or id(v) for v in vdisks})


@pytest.mark.parametrize(("name", "folder"), CASES)
def test_the_disks_a_migrated_guest_lists_are_counted_per_lun(name: str, folder: str) -> None:
    for book in books(name, folder):
        if not book.id.startswith("migrate-"):
            continue
        guest_name = book.id.removeprefix("migrate-").rsplit("-to-", 1)[0]
        step = next(s for s in _steps(book) if s.id == "verify-guest")
        count = int(re.match(r"(\d+) ", step.expected).group(1))  # type: ignore[union-attr]
        assert count == _listed_disks(name, folder, guest_name), step.expected


@pytest.mark.parametrize(("name", "folder"), CASES)
def test_groups_said_online_on_every_node_are_parallel_and_the_others_are_not(name: str, folder: str) -> None:
    est = estate(name, folder)
    parallel = {g.name: g.parallel for cid in est.topology.clusters for g in service_groups(ClusterConfigs(est), cid)}
    for book in books(name, folder):
        for step in _steps(book):
            for clause in step.expected.split(";"):
                named = re.findall(r"`([^`]+)`", clause.split(" ONLINE on ")[0]) if " ONLINE on " in clause else []
                for g in (g for g in named if g in parallel):
                    if " ONLINE on every node" in clause:
                        assert parallel[g], (book.id, step.id, clause)
                    elif re.search(r" ONLINE on [\w-]+$", clause.strip()):
                        assert not parallel[g], (book.id, step.id, clause)
                assert "parallel groups on every node" not in clause or any(parallel.get(g) for g in named) or \
                    not named, (book.id, step.id, clause)


@pytest.mark.parametrize(("name", "folder"), CASES)
def test_a_step_that_points_at_the_next_step_is_followed_by_it(name: str, folder: str) -> None:
    for book in books(name, folder):
        found = _steps(book)
        for i, step in enumerate(found):
            for note in (step.expected, *step.notes):
                if "add them as in the next step" in note:
                    assert found[i + 1].id == "define-volumes", (book.id, step.id)
                assert "in the next step" not in note.replace("add them as in the next step", ""), (book.id, step.id)
