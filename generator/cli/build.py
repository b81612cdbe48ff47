"""``python -m generator build``: check and render every artifact of the topologies into OUT."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import change_options
from generator.core.artifacts import RenderOptions
from generator.core.diagnostics import format_text


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("_build/artifacts"),
              show_default=True, help="Output folder; artifacts go to OUT/<topology>/ and OUT/manifest.json.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@change_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for independent topologies (default: the CPUs available).")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Render runbook PDFs (--no-pdf: a quicker draft build without the PDF engine).")
def command(paths: tuple[Path, ...], out: Path, strict: bool, change: str, window: str, owner: str,
            jobs: int | None, pdf: bool) -> None:
    """Check and render every artifact of the given topologies into OUT."""
    from generator.build.orchestrate import build

    options = RenderOptions(change=change, window=window, owner=owner, pdf=pdf)
    written, changed, diagnostics = build(list(paths) or [Path("topologies")], out, strict, options, jobs)
    click.echo(format_text(diagnostics), nl=False, err=True)
    _warn_missing_fonts()
    click.echo(f"{len(written)} artifact(s) in {out} ({changed} file(s) changed)", err=True)


def _warn_missing_fonts() -> None:
    """Diagrams are measured for DejaVu Sans: without it ``dot`` picks another font and the SVGs differ."""
    from generator.build.writer import FONT_FOLDERS

    if not FONT_FOLDERS[0].is_dir():
        click.echo(f"warning: {FONT_FOLDERS[0]} is missing: diagrams are laid out with another font, so the "
                   "SVGs differ from a machine that has it (Debian: apt-get install fonts-dejavu-core, "
                   "or make system-deps)", err=True)
