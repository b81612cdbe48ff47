"""``python -m generator import --ldm-xml HOST=FILE... --out TOPOLOGY.yaml``: a topology from a running estate.

The topology is written with a ``# guessed: ...`` comment on every value the inputs do not state, and each
guess is also printed as a located warning (``IMP201``) at that line of the written file. The result is
checked as by ``check``; the command exits 1 when the inputs are unreadable or the result has errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.core.diagnostics import Diagnostic, InputError, Severity, format_text, has_errors, sort_diagnostics


@click.command("import")
@click.option("--ldm-xml", "ldm_files", multiple=True, required=True, metavar="[HOST=]FILE",
              help="`ldm list-constraints -x` output of a host (host named by the file stem unless HOST= is given); "
                   "repeatable.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Topology file to write.")
@click.option("--name", help="Topology identifier (default: the --out file name without .yaml).")
def command(ldm_files: tuple[str, ...], out: Path, name: str | None) -> None:
    """Write a topology file describing what the given hosts run."""
    from generator.build.pipeline import check_file
    from generator.derive.importer import import_topology
    from generator.formats.topology_yaml import topology_yaml
    from generator.input.ldm_xml import read_ldm_files

    hosts, problems = read_ldm_files(list(ldm_files))
    if has_errors(problems):
        raise InputError(problems)
    doc, guesses = import_topology(hosts, name or out.stem)
    header = ["Imported with `generator import` from the `ldm list-constraints -x` output of "
              + ", ".join(f"{h.name} ({Path(h.file).name})" for h in sorted(hosts, key=lambda h: h.name)) + ".",
              "Every `# guessed:` value was not in the inputs: confirm or correct it, then run `generator check`."]
    notes: dict[tuple[str | int, ...], str] = {}
    for g in guesses:
        notes[g.path] = f"{notes[g.path]}; {g.reason}" if g.path in notes else g.reason
    text, lines = topology_yaml(doc, notes, header)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    warnings = [Diagnostic(str(out), lines.get(g.path, 1), 1, Severity.WARNING, "IMP201",
                           f"guessed {'.'.join(map(str, g.path))}: {g.reason}") for g in guesses]
    checked = check_file(out)
    click.echo(format_text(sort_diagnostics([*problems, *warnings, *checked.diagnostics])), nl=False)
    click.echo(f"wrote {out}: {len(hosts)} host(s), {len(guesses)} guessed value(s)", err=True)
    sys.exit(1 if has_errors(checked.diagnostics) else 0)
