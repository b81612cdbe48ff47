"""Command-line interface: ``python -m generator`` / ``infoscale-docgen``.

Exit codes: 0 success, 1 the input is wrong (validation errors), 2 usage error.

Start-up time matters (users run ``check`` and ``build`` after every edit), so this module and the
subcommand modules import only click and light modules at the top; each command imports what it needs
(the schema, the rules, the renderers) when it runs. ``tests/test_startup.py`` keeps it that way.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from generator import __version__
from generator.core.diagnostics import InputError, format_json, format_text, has_errors
from generator.core.faults import EnvironmentFault

# Subcommands contributed by output kinds: one line per module, each exporting ``command``.
SUBCOMMAND_MODULES = (
    "generator.cli.vcs",
    "generator.cli.migrate",
    "generator.cli.runbook",
    "generator.cli.diff",
    "generator.cli.import_estate",
    "generator.cli.drift",
    "generator.cli.export",
    "generator.cli.whatif",
    "generator.cli.change",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="infoscale-docgen")
def cli() -> None:
    """Generate verified VCS configurations, runbooks and diagrams from InfoScale/LDom topology files."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Diagnostics as FILE:LINE:COL lines, or a JSON list for machines.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(paths: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Validate topology files (or folders of them); report every problem found."""
    from generator.build.pipeline import check_paths

    results, diagnostics = check_paths(list(paths) or [Path("topologies")])
    click.echo(format_json(diagnostics) if fmt == "json" else format_text(diagnostics), nl=False)
    if fmt == "text":
        errors = sum(d.severity.value == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        click.echo(f"{len(results)} topology file(s) checked: {errors} error(s), {warnings} warning(s)",
                   err=True)
    if has_errors(diagnostics, strict) or not results:
        sys.exit(1)


@cli.command()
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output.")
def schema(output: Path | None) -> None:
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


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List the rule catalogue: ID, severity, basis, summary and source."""
    from generator.rules.engine import load_rules

    catalogue = load_rules()
    if fmt == "json":
        rows = [{"id": r.id, "severity": r.severity.value, "basis": r.basis, "category": r.category,
                 "summary": r.summary, "source": r.source} for r in catalogue.values()]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in catalogue.values():
        click.echo(f"{r.id}  {r.severity.value:<7}  [{r.basis}]  {r.summary}")
        click.echo(f"{'':9}source: {r.source}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("_build/artifacts"),
              show_default=True, help="Output folder; artifacts go to OUT/<topology>/ and OUT/manifest.json.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--change", default="", help="Change ID printed on runbook covers.")
@click.option("--window", default="", help="Change window printed on runbook covers.")
@click.option("--owner", default="", help="Change owner printed on runbook covers.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for independent topologies (default: the CPUs available).")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Render runbook PDFs (--no-pdf: a quicker draft build without the PDF engine).")
def build(paths: tuple[Path, ...], out: Path, strict: bool, change: str, window: str, owner: str,
          jobs: int | None, pdf: bool) -> None:
    """Check and render every artifact of the given topologies into OUT."""
    from generator.build.pipeline import build as build_tree

    options = {"change": change, "window": window, "owner": owner, "pdf": "1" if pdf else "0"}
    written, changed, diagnostics = build_tree(list(paths) or [Path("topologies")], out, strict, options, jobs)
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


def _register_subcommands() -> None:
    for module_name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        cli.add_command(module.command)


_register_subcommands()


def main() -> None:
    """Entry point: input errors print their diagnostics and exit 1, without a traceback."""
    try:
        cli.main(standalone_mode=True)
    except InputError as exc:
        sys.stderr.write(format_text(exc.diagnostics))
        sys.exit(1)
    except EnvironmentFault as fault:
        sys.stderr.write(f"error: {fault}\n")
        sys.exit(1)
