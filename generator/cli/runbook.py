"""``python -m generator runbook TOPOLOGY [NAME] --format md|html|pdf [--out FILE]``.

Without NAME the command lists the runbooks the topology yields. Markdown and HTML go to standard
output unless ``--out`` is given; a PDF needs ``--out``. A topology with errors prints its
diagnostics and exits 1, like ``check``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.build.pipeline import check_file, derivation, render_context
from generator.cli.options import change_options
from generator.core.artifacts import RenderContext, RenderOptions
from generator.core.diagnostics import InputError, format_text, has_errors

if TYPE_CHECKING:  # the runbook builders are imported when the command runs: every CLI start imports this
    from generator.derive.derivation import Derivation
    from generator.document.runbook_model import Runbook


def _load(topology: Path, options: RenderOptions) -> tuple[list[Runbook], RenderContext, Derivation]:
    from generator.derive.procedures.runbook_set import runbooks

    checked = check_file(topology)
    if checked.estate is None or has_errors(checked.diagnostics):
        raise InputError(checked.diagnostics)
    if checked.diagnostics:
        click.echo(format_text(checked.diagnostics), nl=False, err=True)
    context = render_context(checked, options)
    assert checked.decisions is not None
    derived = derivation(checked.decisions)
    return runbooks(derived, context), context, derived


@click.command("runbook")
@click.argument("topology", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("name", required=False)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
              help="Markdown for the site, standalone print HTML, or PDF.")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output (required for pdf).")
@change_options
def command(topology: Path, name: str | None, fmt: str, out: Path | None, change: str, window: str,
            owner: str) -> None:
    """Print one runbook of TOPOLOGY, or list its runbooks when NAME is omitted."""
    from generator.build.writer import materialize, write_if_changed
    from generator.formats.runbooks import runbook_artifacts, runbook_figures

    books, context, derived = _load(topology, RenderOptions(change=change, window=window, owner=owner))
    by_id = {rb.id: rb for rb in books}
    if name is None:
        for rb in books:
            click.echo(f"{rb.id}\t{rb.title}")
        return
    if name not in by_id:
        raise click.BadParameter(f"{name!r} is not a runbook of this topology; choose from: "
                                 f"{', '.join(sorted(by_id))}", param_hint="NAME")
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf needs --out FILE")
    figures = runbook_figures(derived, by_id[name], context) if fmt != "md" else []
    [(_, data)] = materialize(runbook_artifacts(by_id[name], context, [fmt], figures))
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_if_changed(out, data)
        click.echo(f"{out}: {len(data)} bytes", err=True)
