"""``python -m generator schema``: the JSON Schema of the topology format, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("schema")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output.")
def command(output: Path | None) -> None:
    """Print the JSON Schema of the topology format (for editors: yaml-language-server)."""
    text = json_schema_text()
    if output:
        output.write_text(text, "utf-8")
    else:
        click.echo(text, nl=False)


def json_schema_text() -> str:
    from generator.input.schema import Topology

    data = Topology.model_json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "InfoScale on Oracle VM Server for SPARC topology"
    return json.dumps(data, indent=2, sort_keys=True) + "\n"
