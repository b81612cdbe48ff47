"""``python -m generator diff OLD NEW``: what a topology change changes, for review before the change.

Both revisions are checked; either one with errors prints its diagnostics and exits 1. Both are then
rendered as if they came from NEW's file (same name and hash in every header), so the diff shows
content, not the revision stamp. Output is a unified diff per artifact (``--stat``: one line each),
preceded by the diagnostics that the change adds or resolves.
"""

from __future__ import annotations

from pathlib import Path

import click

from generator.core.diagnostics import InputError, has_errors


def _marked(sign: str, text: str) -> str:
    return click.style(text, fg="green" if sign == "+" else "red")


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--stat", is_flag=True, help="Only list the changed artifacts with their added/removed line counts.")
@click.option("--context", "-U", "lines", type=click.IntRange(min=0), default=3, show_default=True,
              help="Unchanged lines shown around each change.")
@click.option("--only", "kinds", multiple=True, metavar="OUTPUT",
              help="Compare only these outputs (vcs, runbooks, migrations, diagrams); repeatable.")
def command(old: Path, new: Path, stat: bool, lines: int, kinds: tuple[str, ...]) -> None:
    """Show what changing topology OLD into NEW changes in main.cf, runbooks, diagrams and diagnostics."""
    from generator.build.compare import compare_artifacts, compare_diagnostics
    from generator.build.pipeline import check_file, derivation, render_context
    from generator.formats.registry import RENDERERS, render_all

    unknown = sorted(set(kinds) - set(RENDERERS))
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}; choose from {', '.join(sorted(RENDERERS))}",
                                 param_hint="--only")
    before, after = check_file(old), check_file(new)
    wrong = [c for c in (before, after) if c.estate is None or has_errors(c.diagnostics)]
    if wrong:
        raise InputError([d for c in wrong for d in c.diagnostics])
    assert before.decisions is not None and after.decisions is not None and after.estate is not None
    context = render_context(after)
    only = kinds or None
    topology = after.estate.topology.topology
    changes = compare_artifacts(render_all(derivation(before.decisions), context, only),
                                render_all(derivation(after.decisions), context, only), lines, f"{topology}/")
    added, gone = compare_diagnostics(before.diagnostics, after.diagnostics)
    for sign, found in (("+", added), ("-", gone)):
        for d in found:
            click.echo(_marked(sign, f"{sign} {d.format()}"))
    for change in changes:
        plus, minus = change.counts
        if stat:
            counts = f"  +{plus} -{minus}" if change.lines else ""
            click.echo(f"{change.status[0].upper()}  {topology}/{change.path}{counts}"
                       + (f"  ({change.note})" if change.note else ""))
            continue
        click.echo(click.style(f"diff {change.status}: {topology}/{change.path}", bold=True)
                   + (f"  ({change.note})" if change.note else ""))
        for line in change.lines:
            click.echo(_marked(line[0], line) if line[:1] in "+-" and line[:3] not in ("+++", "---") else line)
    click.echo(f"{len(changes)} artifact(s) differ; diagnostics: {len(added)} new, {len(gone)} resolved", err=True)
