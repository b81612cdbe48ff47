"""``python -m generator check``: validate topology files and print every problem found."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.core.diagnostics import format_json, format_text, has_errors


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Diagnostics as FILE:LINE:COL lines, or a JSON list for machines.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--ignore", "ignore", multiple=True, metavar="ID",
              help="Leave out the diagnostics with this ID (repeatable). The cluster rules' IDs before "
                   "CLU (VCS001-VCS011, VCS100-VCS102) are accepted for their CLU successors.")
def command(paths: tuple[Path, ...], fmt: str, strict: bool, ignore: tuple[str, ...]) -> None:
    """Validate topology files (or folders of them); report every problem found."""
    from generator.build.pipeline import check_paths

    ignored = _ignored(ignore)
    results, diagnostics = check_paths(list(paths) or [Path("topologies")])
    diagnostics = [d for d in diagnostics if d.rule not in ignored]
    click.echo(format_json(diagnostics) if fmt == "json" else format_text(diagnostics), nl=False)
    if fmt == "text":
        errors = sum(d.severity.value == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        click.echo(f"{len(results)} topology file(s) checked: {errors} error(s), {warnings} warning(s)",
                   err=True)
    if has_errors(diagnostics, strict) or not results:
        sys.exit(1)


def _ignored(ids: tuple[str, ...]) -> set[str]:
    if not ids:
        return set()
    from generator.rules.catalogue import resolve_ignored

    resolved, unknown = resolve_ignored(ids)
    if unknown:
        raise click.BadParameter(f"unknown diagnostic ID(s): {', '.join(unknown)} (see 'generator rules')",
                                 param_hint="--ignore")
    return resolved
