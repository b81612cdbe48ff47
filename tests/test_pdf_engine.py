"""PDF memory is bounded: past a few documents a build compiles in child processes that are replaced,
and the bytes are those the build's own process would have made."""

from __future__ import annotations

import pytest

from generator.build import pdf_engine, writer

DOCS = [f"#set document(date: none)\n#set page(width: 8cm, height: 4cm)\n= Runbook {i}\nStep {i}.\n".encode()
        for i in range(5)]


def test_a_large_batch_is_compiled_in_children_with_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    here: list[bytes] = []
    real = writer.typst_to_pdf

    def counting(source: bytes) -> bytes:
        here.append(source)
        return real(source)

    monkeypatch.setattr(pdf_engine, "PDFS_HERE", 2)
    monkeypatch.setattr(pdf_engine, "PDFS_PER_CHILD", 2)
    monkeypatch.setattr(writer, "typst_to_pdf", counting)
    pdf_engine.new_build()
    small = pdf_engine.compile_pdfs(DOCS[:2])  # within the budget: this process
    assert here == DOCS[:2]
    large = pdf_engine.compile_pdfs(DOCS)  # past it: child processes, each replaced after 2 documents
    assert here == DOCS[:2], "the batch past the budget was compiled in this process"
    assert large[:2] == small
    assert large == [real(d) for d in DOCS]
    assert all(pdf.startswith(b"%PDF") for pdf in large)
