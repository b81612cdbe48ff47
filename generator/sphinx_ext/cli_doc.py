"""The CLI reference, read from the click commands themselves (including contributed subcommands)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import click

from generator.cli.main import cli


@dataclass(frozen=True)
class ParamDoc:
    names: str
    help: str


@dataclass(frozen=True)
class CommandDoc:
    path: str
    anchor: str
    usage: str
    help: str
    params: tuple[ParamDoc, ...]


def _params(command: click.Command, ctx: click.Context) -> tuple[ParamDoc, ...]:
    result = []
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            record = param.get_help_record(ctx)
            if record is not None:
                result.append(ParamDoc(record[0], record[1]))
        else:
            result.append(ParamDoc(param.human_readable_name, "argument"))
    return tuple(result)


def _walk(command: click.Command, ctx: click.Context) -> list[CommandDoc]:
    path = ctx.command_path
    usage = command.get_usage(ctx).removeprefix("Usage: ").strip()
    docs = [CommandDoc(path, "cli-" + path.replace(" ", "-"), usage, inspect.cleandoc(command.help or ""),
                       _params(command, ctx))]
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                docs.extend(_walk(sub, click.Context(sub, info_name=name, parent=ctx)))
    return docs


def cli_commands() -> list[CommandDoc]:
    """Every command, the group first, subcommands sorted by name."""
    root = click.Context(cli, info_name="python -m generator", terminal_width=100, max_content_width=100)
    return _walk(cli, root)
