"""Item 12 of issue 13 (part): a live-migration fail-over test backs out by migrating back, not by a
switch, which would stop the guest (an outage the test exists to avoid)."""

from __future__ import annotations

from .support import review_books, steps


def test_a_migrate_step_backs_out_with_a_migration() -> None:
    book = review_books("ldom-failover-luns")["failover-test-ctl"]
    moves = [s for s in steps(book) if any(c.startswith("hagrp -migrate ") for c in s.commands)]
    assert moves
    for step in moves:
        assert step.backout and all(c.startswith("hagrp -migrate ") for c in step.backout), step.id
    section = next(sec for sec in book.sections if any(s in moves for s in sec.steps))
    assert "hagrp -switch" not in " ".join(section.backout)
