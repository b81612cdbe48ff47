"""Command-line interface: ``python -m generator`` / ``infoscale-docgen``.

Exit codes: 0 success, 1 the input is wrong (validation errors), 2 usage error.

One module per command under ``generator/cli/``, each exporting ``command``; :data:`COMMANDS` maps the
command name to its module, which is imported only when that command runs (or ``--help`` lists them). An
import error in a command module is a bug and shows its traceback. Start-up time matters (users run
``check`` and ``build`` after every edit), so the command modules import only click and light modules at
the top; each command imports what it needs (the schema, the rules, the renderers) when it runs.
``tests/test_startup.py`` keeps it that way.
"""

from __future__ import annotations

import importlib
import sys

import click

from generator import __version__
from generator.core.diagnostics import InputError, format_text
from generator.core.faults import EnvironmentFault

COMMANDS: dict[str, str] = {
    "build": "generator.cli.build",
    "change": "generator.cli.change",
    "check": "generator.cli.check",
    "diff": "generator.cli.diff",
    "drift": "generator.cli.drift",
    "export": "generator.cli.export",
    "import": "generator.cli.import_estate",
    "migrate": "generator.cli.migrate",
    "rules": "generator.cli.rules",
    "runbook": "generator.cli.runbook",
    "schema": "generator.cli.json_schema",
    "vcs": "generator.cli.vcs",
    "whatif": "generator.cli.whatif",
}
"""Command name -> the module under ``generator/cli/`` that defines it (as ``command``)."""


class LazyGroup(click.Group):
    """A group whose commands are loaded by name from :data:`COMMANDS` when they are needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = importlib.import_module(COMMANDS[cmd_name]).command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="infoscale-docgen")
def cli() -> None:
    """Generate verified VCS configurations, runbooks and diagrams from InfoScale/LDom topology files."""


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
