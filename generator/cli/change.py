"""``python -m generator change OLD.yaml NEW.yaml``: the runbook that moves a running estate from OLD to NEW.

``--since REV`` takes OLD from git (``git show REV:PATH`` of NEW's file), so ``change --since v12
topologies/erp-split.yaml`` works in a repository. Exit 0 with the runbook ("no change" when the revisions
are equivalent); exit 1 with located diagnostics when either revision has errors or the change cannot be
planned (then nothing is written).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.options import change_options
from generator.core.artifacts import RenderOptions
from generator.core.diagnostics import Diagnostic, InputError, Severity, format_text, has_errors

if TYPE_CHECKING:
    from generator.build.pipeline import Checked


def _from_git(rev: str, path: Path) -> Checked:
    from generator.build.pipeline import check_bytes, display_name

    name = display_name(path)
    try:
        top = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=path.resolve().parent, check=True,
                             capture_output=True, text=True).stdout.strip()
        data = subprocess.run(["git", "show", f"{rev}:{top}{path.name}"], cwd=path.resolve().parent, check=True,
                              capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        stderr = getattr(exc, "stderr", None)
        detail = stderr.decode() if isinstance(stderr, bytes) else str(exc)
        raise InputError([Diagnostic(name, 1, 1, Severity.ERROR, "CHG009",
                                     f"cannot read {name} at git revision {rev}: {detail.strip()}")]) from None
    return check_bytes(data, f"{rev}:{name}")


def _checked(old: Path | None, new: Path, since: str | None) -> tuple[Checked, Checked]:
    from generator.build.pipeline import check_file

    if (old is None) == (since is None):
        raise click.UsageError("give OLD and NEW, or --since REV and NEW")
    before = _from_git(since, new) if since else check_file(old)  # type: ignore[arg-type]
    after = check_file(new)
    wrong = [c for c in (before, after) if c.estate is None or has_errors(c.diagnostics)]
    if wrong:
        raise InputError([d for c in wrong for d in c.diagnostics])
    return before, after


@click.command("change")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
                metavar="[OLD] NEW")
@click.option("--since", metavar="GIT_REV", help="Take OLD from git: NEW's file at this revision.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
              help="Markdown for the site, standalone print HTML, or PDF.")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output (required for pdf).")
@change_options
def command(paths: tuple[Path, ...], since: str | None, fmt: str, out: Path | None, change: str, window: str,
            owner: str) -> None:
    """Print the change runbook that moves a running estate from topology OLD to NEW."""
    from generator.build.pipeline import render_context
    from generator.build.writer import materialize, write_if_changed
    from generator.derive.change.context import Revisions
    from generator.derive.change.plan import plan_change
    from generator.derive.change.runbook import RevisionInfo, change_runbook
    from generator.formats.runbooks import runbook_artifacts

    if len(paths) > 2:
        raise click.UsageError("give at most OLD and NEW")
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf needs --out FILE")
    before, after = _checked(paths[0] if len(paths) == 2 else None, paths[-1], since)
    assert before.estate is not None and after.estate is not None
    warnings = before.diagnostics + after.diagnostics
    if warnings:
        click.echo(format_text(warnings), nl=False, err=True)
    plan = plan_change(Revisions(before.estate, after.estate, before.loaded.document, after.loaded.document))
    if plan.refusals:
        raise InputError(plan.refusals)
    context = render_context(after, RenderOptions(change=change, window=window, owner=owner))
    book = change_runbook(plan, RevisionInfo(before.loaded.path, before.source_sha256),
                          RevisionInfo(after.loaded.path, after.source_sha256), after.estate)
    [(_, data)] = materialize(runbook_artifacts(book, context, [fmt]))
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_if_changed(out, data)
        click.echo(f"{out}: {len(data)} bytes", err=True)
