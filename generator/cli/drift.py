"""``python -m generator drift TOPOLOGY --ldm-xml HOST=FILE...``: what runs that the topology does not say.

Exit codes: 0 no drift, 1 drift (or an input problem), 2 usage error. Each difference is printed at the
topology line it concerns, as ``FILE:LINE:COL: error[DRIFTnnn]: message``; ``--format json`` for machines.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.core.diagnostics import Diagnostic, InputError, Severity, format_json, format_text, has_errors


@click.command("drift")
@click.argument("topology", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--ldm-xml", "ldm_files", multiple=True, required=True, metavar="[HOST=]FILE",
              help="`ldm list-constraints -x` output of a host (host named by the file stem unless HOST= is given); "
                   "repeatable.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(topology: Path, ldm_files: tuple[str, ...], fmt: str) -> None:
    """Compare TOPOLOGY with what the hosts' Logical Domains Managers report; exit 1 on any difference."""
    from generator.build.pipeline import check_file
    from generator.derive.drift import drift
    from generator.derive.expected_live import expected_hosts
    from generator.input.ldm_xml import read_ldm_files

    checked = check_file(topology)
    running, problems = read_ldm_files(list(ldm_files))
    if checked.estate is None or has_errors(checked.diagnostics) or has_errors(problems):
        raise InputError([*checked.diagnostics, *problems])
    doc = checked.loaded.document
    found = [doc.error(d.path, d.rule, d.message) for d in drift(expected_hosts(checked.estate), running)]
    found = [Diagnostic(d.file, d.line, d.col, Severity.ERROR, d.rule, d.message) for d in found]
    click.echo(format_json(found) if fmt == "json" else format_text(found), nl=False)
    compared = ", ".join(sorted(h.name for h in running))
    click.echo(f"{len(found)} difference(s) between {topology} and host(s) {compared}", err=True)
    sys.exit(1 if found else 0)
