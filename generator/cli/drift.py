"""``python -m generator drift TOPOLOGY --ldm-xml HOST=FILE...``: what runs that the topology does not say.

Exit codes: 0 no drift, 1 drift (or an input problem), 2 usage error. Each difference is printed at the
topology line it concerns, as ``FILE:LINE:COL: error[DRIFTnnn]: message``; ``--format json`` for machines.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.live_inputs import live_options, read_maincf_files
from generator.core.diagnostics import Diagnostic, InputError, Severity, format_json, format_text, has_errors


@click.command("drift")
@click.argument("topology", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@live_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(topology: Path, ldm_files: tuple[str, ...], maincf_files: tuple[Path, ...], fmt: str) -> None:
    """Compare TOPOLOGY with what the hosts and clusters run; exit 1 on any difference."""
    from generator.build.pipeline import check_file
    from generator.derive.drift_compare import drift, vcs_drift
    from generator.derive.expected_live import expected_hosts
    from generator.input.ldm_xml import read_ldm_files

    if not ldm_files and not maincf_files:
        raise click.UsageError("give --ldm-xml and/or --maincf: what runs, to compare with the topology")
    checked = check_file(topology)
    running, problems = read_ldm_files(list(ldm_files))
    clusters, found_problems = read_maincf_files(list(maincf_files))
    problems += found_problems
    if checked.decisions is None or has_errors(checked.diagnostics) or has_errors(problems):
        raise InputError([*checked.diagnostics, *problems])
    estate, vcs, doc = checked.decisions.estate, checked.decisions.vcs, checked.loaded.document
    configs = {name: vcs.derived(name).config for name in estate.topology.clusters}
    items = drift(expected_hosts(estate), running) + vcs_drift(configs, clusters)
    found = [doc.error(d.path, d.rule, d.message, key=d.rule in ("DRIFT002", "DRIFT007")) for d in items]
    found = [Diagnostic(d.file, d.line, d.col, Severity.ERROR, d.rule, d.message) for d in found]
    click.echo(format_json(found) if fmt == "json" else format_text(found), nl=False)
    compared = ", ".join([*sorted(h.name for h in running), *sorted(f"cluster {c.cluster.name}" for c in clusters
                                                                     if c.cluster)])
    click.echo(f"{len(found)} difference(s) between {topology} and {compared}", err=True)
    sys.exit(1 if found else 0)
