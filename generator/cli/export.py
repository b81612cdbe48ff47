"""``python -m generator export ldm-xml TOPOLOGY``: what ``ldm list-constraints -x`` should show on each host."""

from __future__ import annotations

from pathlib import Path

import click

from generator.core.diagnostics import InputError, has_errors


@click.group("export")
def command() -> None:
    """Write what a topology should look like to the tools that run it."""


@command.command("ldm-xml")
@click.argument("topology", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--host", "only", help="Only this host (the XML goes to standard output unless --out is given).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for HOST.xml files (default: standard output, hosts one after the other).")
def ldm_xml(topology: Path, only: str | None, out: Path | None) -> None:
    """The `ldm list-constraints -x` XML each host of TOPOLOGY should print (also the LDom agent's CfgFile)."""
    from generator.build.pipeline import check_file, render_context
    from generator.derive.expected_live import expected_hosts
    from generator.formats.ldm_xml_export import host_xml

    checked = check_file(topology)
    if checked.estate is None or has_errors(checked.diagnostics):
        raise InputError(checked.diagnostics)
    source = render_context(checked).source_name
    hosts = [h for h in expected_hosts(checked.estate) if only in (None, h.name)]
    if not hosts:
        raise click.BadParameter(f"no host {only!r} in {topology}", param_hint="--host")
    for host in hosts:
        text = host_xml(host, source)
        if out is None:
            click.echo(text, nl=False)
            continue
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{host.name}.xml"
        partial = target.with_name(f".{target.name}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
        click.echo(f"wrote {target}", err=True)
