"""``python -m generator rules``: the diagnostic catalogue."""

from __future__ import annotations

import json

import click


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(fmt: str) -> None:
    """List every diagnostic the tool can print: ID, severity, basis, summary and source.

    That is the topology file's IDs (IO, YAML, SCH, TOPO), the topology rules and the main.cf checks
    of 'vcs verify' (VCS0xx)."""
    from generator.rules.catalogue import catalogue

    codes = catalogue()
    if fmt == "json":
        rows = [{"id": c.id, "severity": c.severity.value, "basis": c.basis, "category": c.category,
                 "summary": c.summary, "source": c.source} for c in codes.values()]
        click.echo(json.dumps(rows, indent=2))
        return
    for c in codes.values():
        click.echo(f"{c.id}  {c.severity.value:<7}  [{c.basis}]  {c.summary}")
        click.echo(f"{'':9}source: {c.source}")
