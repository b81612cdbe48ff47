"""PDF compilation with bounded memory: a process compiles a few runbooks, then child processes take over.

Typst keeps what it memoised while compiling for the life of the process (a new ``Compiler`` object does
not give it back): 16 runbooks of a 100-guest estate took one process from 47 to 272 MB. So a process
compiles at most :data:`PDFS_HERE` documents itself per build (a rebuild after an edit, a small
topology: no process to start), and a larger batch goes to child processes that are replaced after
a few documents each (:func:`per_child`). The children are started from the forkserver, like the build's
topology workers, and end with the process that started them (:func:`generator.build.workers.watch_parent`).
A PDF's bytes depend on its Typst source alone, whichever process compiles it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

Compile = Callable[[bytes], bytes]
"""One Typst source to PDF bytes (:func:`generator.build.writer.typst_to_pdf`; a module-level function, so
that a child process can be given it by name)."""

PDFS_HERE = 8
"""Documents a process compiles itself per build (a rebuild after an edit starts no process for them)."""
TREE_MB = 450
"""What the build's process tree may hold: issue 17's goal is 500 MB, less a margin (the build process grows
after the children start, as their PDFs come back): the PDF children share what the build process leaves."""
CHILD_MB, PDF_MB = 70, 20
"""Typst in a child: about 70 MB after its first runbook, then about 10-40 MB more per runbook (measured on the
synthetic estates of ``benchmarks/``)."""
MIN_PER_CHILD, MAX_PER_CHILD = 2, 8


def per_child(own_mb: float) -> int:
    """Documents a child compiles before it is replaced, when the build process holds ``own_mb``: as many as
    keep the tree within :data:`TREE_MB`, 2 to 8 (a new child costs its first-runbook start, about 0.3 s).
    Measured at 1,000 guests (build process about 230 MB at its peak): 2 per child, 475 MB for the tree (3: 504
    MB, 4: 567 MB, 8: 712 MB); at 100 guests (about 100 MB; 4 per child here) 8 per child gave 440 MB."""
    share = (TREE_MB - own_mb - 30) / PDF_PROCESSES  # 30 MB: the forkserver and the resource tracker
    return int(max(MIN_PER_CHILD, min(MAX_PER_CHILD, (share - CHILD_MB) // PDF_MB)))


PDF_PROCESSES = 2
"""Child processes compiling at once from a build's main process (the machine has two cores); a topology
worker of a parallel build uses one, so that there are never more than two per worker."""

_compiled_here = 0


def new_build() -> None:
    """A build starts: this process may compile :data:`PDFS_HERE` documents itself again."""
    global _compiled_here
    _compiled_here = 0


def compile_pdfs(sources: Sequence[bytes], compile_one: Compile) -> list[bytes]:
    """Each Typst source compiled to PDF by ``compile_one``, in order, here or in child processes."""
    global _compiled_here
    if _compiled_here + len(sources) <= PDFS_HERE:
        _compiled_here += len(sources)
        return [compile_one(source) for source in sources]
    return _in_children(sources, compile_one)


def _in_children(sources: Sequence[bytes], compile_one: Compile) -> list[bytes]:
    """Chunks of :func:`per_child` documents, each compiled by a fresh child process: every chunk gets a
    one-process executor of its own, :data:`PDF_PROCESSES` at a time, a new one as soon as one ends (no wave
    waits for its slowest chunk). (``concurrent.futures``' ``max_tasks_per_child`` hung on Python 3.11 here,
    and a ``multiprocessing.Pool`` starts a child that fails to start again forever; an executor reports it
    as a broken pool.)"""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    from generator.build.workers import watch_parent

    size = per_child(_own_mb())
    chunks = [list(sources[i:i + size]) for i in range(0, len(sources), size)]
    processes = 1 if multiprocessing.parent_process() is not None else PDF_PROCESSES
    context = multiprocessing.get_context("forkserver")

    def in_a_child(chunk: list[bytes]) -> list[bytes]:
        with ProcessPoolExecutor(1, mp_context=context, initializer=watch_parent,
                                 initargs=(os.getpid(),)) as pool:
            return pool.submit(_compile_chunk, (compile_one, chunk)).result()

    with ThreadPoolExecutor(processes) as slots:
        return [pdf for part in slots.map(in_a_child, chunks) for pdf in part]


def _compile_chunk(task: tuple[Compile, list[bytes]]) -> list[bytes]:
    compile_one, sources = task
    return [compile_one(source) for source in sources]


def _own_mb() -> float:
    """Resident memory of this process in MB (0 where ``/proc`` is missing: then children get the most)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0
