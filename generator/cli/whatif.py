"""``python -m generator whatif TOPOLOGY``: what each failure does to every service, and the hosts' load.

The topology is checked as by ``check`` (diagnostics to standard error; exit 1 when it has errors or
cannot be read); the review goes to standard output as text, Markdown or JSON. An N+1 capacity error
(CAP003/CAP004) does not stop the review, which shows the overloaded host; the exit status is 1 then.
``--pairs`` adds every pair of failures that can interact (both affect one cluster or service), up to
``--max-pairs``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build.pipeline import check_file, render_context
from generator.core.diagnostics import format_text, has_errors

CAPACITY = ("CAP003", "CAP004")
"""Errors the review shows rather than refuses (it says which host is too small); exit 1 after it."""


@click.command("whatif")
@click.argument("topology", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True,
              help="Plain text, the Markdown of review/failures.md, or JSON.")
@click.option("--pairs", is_flag=True, help="Also every interacting pair of failures (N+2 review).")
@click.option("--max-pairs", type=click.IntRange(min=0), default=20000, show_default=True,
              help="Evaluate at most this many pairs (the output says how many there were).")
def command(topology: Path, fmt: str, pairs: bool, max_pairs: int) -> None:
    """Print what each single failure (and with --pairs each pair) does to every service of TOPOLOGY."""
    from generator.derive.whatif.review import review
    from generator.formats.failure_review import failures_json, failures_markdown, failures_text

    checked = check_file(topology)
    click.echo(format_text(checked.diagnostics), nl=False, err=True)
    blocking = [d for d in checked.diagnostics if d.rule not in CAPACITY]
    if checked.decisions is None or has_errors(blocking):
        click.echo(f"{topology}: fix the errors above first", err=True)
        sys.exit(1)
    result = review(checked.decisions.whatif, pairs=pairs, max_pairs=max_pairs)
    source = render_context(checked).source_name
    if fmt == "json":
        click.echo(failures_json(result, source), nl=False)
    elif fmt == "md":
        click.echo(failures_markdown(result, source), nl=False)
    else:
        click.echo(failures_text(result), nl=False)
    if has_errors(checked.diagnostics):
        sys.exit(1)
