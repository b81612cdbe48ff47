"""Item 5 of issue 13: Oracle's dry run (``ldm migrate-domain -n``) before every migration, on the
VCS-driven path too, and while the domain is still active where the kind allows it."""

from __future__ import annotations

import pytest

from .support import review_books, steps

MIGRATIONS = [("ldom-failover-luns", "migrate-app1-to-s2"), ("alternateio-two-io-domains", "migrate-db1-to-h2")]


def _ids_with(book_steps: list, text: str) -> list[int]:
    return [i for i, s in enumerate(book_steps) if any(text in c for c in s.commands)]


@pytest.mark.parametrize(("name", "book"), MIGRATIONS)
def test_the_oracle_dry_run_comes_before_the_move_and_before_the_guest_is_stopped(name: str, book: str) -> None:
    found = steps(review_books(name)[book])
    dry = _ids_with(found, "ldm migrate-domain -n ")
    start = next(i for i, s in enumerate(found) if s.id == "migrate")
    assert dry and dry[0] < start
    stops = [i for i, s in enumerate(found) if s.id == "stop-guest"]
    if stops:
        assert dry[0] < stops[0], "the first dry run sees the active domain"
        assert any(stops[0] < i < start for i in dry), "a cold move is dry-run again once the domain is bound"
    password = next(i for i, s in enumerate(found) if s.id == "password-file")
    assert password < dry[0]
    assert any(s.id == "remove-password-file" for s in found)


def test_the_vcs_live_path_runs_both_the_oracle_dry_run_and_the_agent_precheck() -> None:
    found = steps(review_books("ldom-failover-luns")["migrate-app1-to-s2"])
    ids = [s.id for s in found]
    assert ids.index("dry-run") < ids.index("dry-run-vcs") < ids.index("go-no-go") < ids.index("migrate")
    assert any(c.startswith("hagrp -migrate ") for s in found for c in s.commands)


OBSERVING = ("ldm list", "hagrp -state", "hastatus", "vxdisk", "vxdg list", "zoneadm list", "echo |", "dladm show")


@pytest.mark.parametrize(("name", "book"), MIGRATIONS)
def test_only_a_step_that_changes_something_is_marked_irreversible(name: str, book: str) -> None:
    found = steps(review_books(name)[book])
    marked = [s for s in found if s.irreversible]
    assert any(s.id == "migrate" for s in marked)
    for step in marked:
        assert any(not c.startswith(OBSERVING) for c in step.commands), step.id
