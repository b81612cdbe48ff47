"""PDF memory is bounded: past a few documents a build compiles in child processes, each replaced after a
few documents, and the bytes are those the build's own process makes."""

from __future__ import annotations

import os

import pytest

from generator.build import pdf_engine
from generator.build.writer import typst_to_pdf

DOCS = [f"#set document(date: none)\n#set page(width: 8cm, height: 4cm)\n= Runbook {i}\nStep {i}.\n".encode()
        for i in range(5)]


def compiler_pid(source: bytes) -> bytes:
    """A stand-in engine that says which process ran it (module level: a child is given it by name)."""
    return str(os.getpid()).encode()


@pytest.fixture
def budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_engine, "PDFS_HERE", 2)
    monkeypatch.setattr(pdf_engine, "per_child", lambda own_mb: 2)
    pdf_engine.new_build()


@pytest.mark.usefixtures("budget")
def test_past_the_budget_documents_go_to_children_replaced_every_two() -> None:
    here = pdf_engine.compile_pdfs(DOCS[:2], compiler_pid)
    assert set(here) == {str(os.getpid()).encode()}
    pids = pdf_engine.compile_pdfs(DOCS, compiler_pid)
    assert str(os.getpid()).encode() not in pids, "a batch past the budget was compiled in this process"
    assert sorted(pids.count(p) for p in set(pids)) == [1, 2, 2], "each child compiles at most two"


@pytest.mark.usefixtures("budget")
def test_a_child_makes_the_same_bytes() -> None:
    here = pdf_engine.compile_pdfs(DOCS[:2], typst_to_pdf)
    children = pdf_engine.compile_pdfs(DOCS, typst_to_pdf)
    assert children[:2] == here
    assert children == [typst_to_pdf(d) for d in DOCS] and all(p.startswith(b"%PDF") for p in children)


def test_children_compile_fewer_documents_when_the_build_process_is_large() -> None:
    assert pdf_engine.per_child(0) >= 6
    assert pdf_engine.per_child(100) >= 4  # a 100-guest build
    assert pdf_engine.per_child(230) == pdf_engine.MIN_PER_CHILD  # a 1,000-guest build
    assert pdf_engine.per_child(5000) == pdf_engine.MIN_PER_CHILD
    sizes = [pdf_engine.per_child(mb) for mb in range(0, 400, 10)]
    assert sizes == sorted(sizes, reverse=True)
