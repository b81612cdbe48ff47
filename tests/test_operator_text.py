"""Printed steps carry instructions, not the authors' basis tags: those go to the step's Basis line."""

from __future__ import annotations

import re

from generator.document.basis import split_basis
from generator.document.view import document_view
from generator.formats.typst_source import document_data

from .runbook_support import EXAMPLE_NAMES, books, context

TAG = re.compile(r"\[(S|K)\b[^\]]*\]|REFERENCE\.md|not re-read in a Veritas guide")


def test_tags_and_internal_references_leave_the_instruction() -> None:
    clean, basis = split_basis("Run one migration at a time (REFERENCE.md 7, rule 9). VxVM cannot use it [S]. "
                               "That is usual [K: admin practice].")
    assert clean == "Run one migration at a time. VxVM cannot use it. That is usual."
    assert basis == ["REFERENCE.md 7, rule 9", "[S]", "[K: admin practice]"]


def test_no_printed_instruction_carries_a_tag() -> None:
    def text(parts: list[tuple[str, bool]]) -> str:
        return "".join(t for t, _ in parts)

    tagged = 0
    for name in EXAMPLE_NAMES:
        for book in books(name):
            data = document_data(document_view(book, context(name)), "footer")
            for phase in data["phases"]:
                assert not TAG.search(text(phase["intro"]))
                for step in phase["steps"]:
                    for part in (step["expected"], *step["notes"]):
                        assert not TAG.search(text(part)), (book.id, step["number"], text(part))
                    tagged += bool(step["basis"])
    assert tagged > 10  # the basis is kept, beside the instruction
