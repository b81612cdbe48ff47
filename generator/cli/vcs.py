"""``python -m generator vcs TOPOLOGY`` and ``python -m generator vcs verify MAIN_CF...``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build.pipeline import check_file, display_name, render_context
from generator.core.diagnostics import Diagnostic, InputError, format_text, has_errors, sort_diagnostics

# The deriver, parser and verifier are imported by the commands that run them: this module is imported
# by every CLI start (to list the command), so it stays light.


class _DefaultGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, goes to the ``show`` subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group("vcs", cls=_DefaultGroup)
def command() -> None:
    """VCS main.cf and ha command scripts: `vcs TOPOLOGY` prints or writes them, `vcs verify` checks files."""


@command.command("show")
@click.argument("topology", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--cluster", "only", help="Only this cluster.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False),
              help="Write OUT/<cluster>/main.cf (and main.cmd) instead of printing.")
@click.option("--commands", is_flag=True, help="The ha command script instead of main.cf.")
def show(topology: Path, only: str | None, out: Path | None, commands: bool) -> None:
    """Derive each cluster's main.cf (or ha command script) from TOPOLOGY."""
    from generator.derive.vcs.api import cluster_names
    from generator.derive.vcs.cluster import with_provenance
    from generator.maincf.hacommands import ha_command_list, script_text
    from generator.maincf.printer import format_config

    checked = check_file(topology)
    if not checked.ok or checked.decisions is None:
        raise InputError(checked.diagnostics)
    vcs = checked.decisions.vcs
    names = cluster_names(vcs.estate)
    if only is not None and only not in names:
        raise click.BadParameter(f"no cluster {only!r}; clusters: {', '.join(names) or 'none'}",
                                 param_hint="--cluster")
    for name in [only] if only else names:
        config = with_provenance(vcs.derived(name).config, render_context(checked).source_name)
        texts = {"main.cf": format_config(config), "main.cmd": script_text(config, ha_command_list(config))}
        if out is None:
            click.echo(texts["main.cmd" if commands else "main.cf"], nl=False)
            continue
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for fname, text in texts.items():
            (folder / fname).write_text(text, "utf-8")
        click.echo(f"{display_name(folder)}: main.cf, main.cmd", err=True)


def verify_path(path: Path) -> list[Diagnostic]:
    """Parse and verify one main.cf; type files it includes are read from its folder. A missing
    include is reported unless the built-in catalogue stands in for it (the vendor type files)."""
    from generator.maincf.agent_types import catalogue
    from generator.maincf.checks import Reporter
    from generator.maincf.parser import parse
    from generator.maincf.tree import TypeDef
    from generator.maincf.verify import verify

    name = display_name(path)
    config, problems = parse(path.read_text("utf-8", errors="replace"), name)
    report = Reporter(name)
    types: list[TypeDef] = []
    known = {a.file for a in catalogue().types.values()}
    for inc in config.includes:
        f = path.parent / inc.path
        if f.is_file():
            inc_config, inc_problems = parse(f.read_text("utf-8", errors="replace"), display_name(f))
            types.extend(inc_config.types)
            problems += inc_problems
        elif inc.path not in known:
            report(inc.pos, "VCS060", f"included file {inc.path!r} not found next to {name}",
                   "its types are unknown to the verifier")
    return sort_diagnostics([*problems, *report.found, *verify(config, name, tuple(types))])


@command.command("verify")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def verify_files(files: tuple[Path, ...], strict: bool) -> None:
    """Check main.cf files like `hacf -verify` (and more); type files included next to them are read.

    A folder stands for the main.cf inside it, as with `hacf -verify /etc/VRTSvcs/conf/config`."""
    found: list[Diagnostic] = []
    for path in (f / "main.cf" if f.is_dir() else f for f in files):
        try:
            found += verify_path(path)
        except OSError as exc:
            raise click.FileError(str(path), exc.strerror) from exc
    diagnostics = sort_diagnostics(found)
    click.echo(format_text(diagnostics), nl=False)
    errors = sum(d.severity.value == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    click.echo(f"{len(files)} file(s) verified: {errors} error(s), {warnings} warning(s)", err=True)
    if has_errors(diagnostics, strict):
        sys.exit(1)


@command.command("checks")
def list_checks() -> None:
    """List the main.cf checks of `vcs verify`: ID, severity, basis, what it predicts and summary.

    The prediction is `hacf` (hacf -verify would reject the file), `online` (hacf accepts it; the agent
    or VCS will fail to online or monitor it) or `risky` (valid, but risky)."""
    from generator.maincf.checks import CHECKS

    for rule_id, check in CHECKS.items():
        click.echo(f"{rule_id}  {check.severity.value:<7}  [{check.basis}]  {check.prediction:<6}  {check.summary}")


@command.command("catalogue")
def list_catalogue() -> None:
    """List the data files of the type and attribute catalogue `vcs verify` checks against: each file's
    source document, release and basis, and what it defines (types, or attributes per kind)."""
    from generator.maincf.agent_types import data_files

    for name, raw in data_files().items():
        about = raw["_source"]
        kinds = [f"{len(raw['types'])} types"] if "types" in raw else [
            f"{len(v)} {k}" for k, v in raw.items() if k != "_source"]
        click.echo(f"{name}  [{about['basis']}]  {about['release']}  {about['document']}")
        click.echo(f"    {', '.join(kinds)}")
