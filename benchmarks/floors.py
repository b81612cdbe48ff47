"""Engine floors: ``dot`` and Typst alone, as whole processes, on the inputs the build gives them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from procs import Run, run

from generator.build.pipeline import check_file, render_checked
from generator.build.writer import FONT_FOLDERS
from generator.core.artifacts import DEFAULT_OPTIONS, RenderOptions

TYPST = """import sys, typst
from concurrent.futures import ProcessPoolExecutor
FONTS = sys.argv[1].split(":") if sys.argv[1] else []
COMPILER = None
def compile_one(path):
    global COMPILER
    if COMPILER is None:
        COMPILER = typst.Compiler(font_paths=FONTS, ignore_system_fonts=True) if FONTS else typst.Compiler()
    return len(COMPILER.compile(open(path, "rb").read(), format="pdf"))
if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(compile_one, sys.argv[2:], chunksize=8))
"""


def engine_inputs(paths: list[Path], folder: Path, pdf: bool = True) -> tuple[list[Path], list[Path]]:
    """Write every graph's DOT source and every runbook's Typst source of ``paths`` under ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    graphs, pages = [], []
    for path in paths:
        checked = check_file(path)
        for i, artifact in enumerate(render_checked(checked, DEFAULT_OPTIONS if pdf else RenderOptions(pdf=False))):
            if artifact.convert is None:
                continue
            target = folder / f"{path.stem}-{i:05d}.{'dot' if artifact.convert == 'svg' else 'typ'}"
            target.write_bytes(artifact.data)
            (graphs if artifact.convert == "svg" else pages).append(target)
    return graphs, pages


def dot_floor(graphs: list[Path]) -> Run:
    """``dot`` once per graph, two processes at a time (as the build runs it)."""
    listing = graphs[0].parent / "graphs.txt"
    listing.write_text("".join(f"{g}\n" for g in graphs), "utf-8")
    return run(["sh", "-c", f"xargs -P 2 -I{{}} dot -Tsvg {{}} -o {{}}.svg < {listing}"], listing.parent)


def typst_floor(pages: list[Path]) -> Run:
    """Typst alone: one Python process with two compiling processes, the runbooks' fonts only."""
    if not pages:
        return Run(0.0, 0.0)
    fonts = ":".join(str(f) for f in FONT_FOLDERS if f.is_dir()) if all(f.is_dir() for f in FONT_FOLDERS) else ""
    return run([sys.executable, "-c", TYPST, fonts, *map(str, pages)], pages[0].parent)
