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
    return check_bytes(data, f"{rev}:{name}", f"{rev}:{path.name}")


def _from_live(new: Checked, ldm_files: tuple[str, ...]) -> Checked:
    """OLD as the hosts run NEW: NEW's facts laid over with what `ldm list-constraints -x` reports."""
    from generator.build.pipeline import check_bytes
    from generator.derive.live_overlay import running_topology
    from generator.estate.vdisk_paths import vdisk_timeout
    from generator.formats.topology_yaml import topology_yaml
    from generator.input.ldm_xml import read_ldm_files

    hosts, problems = read_ldm_files(list(ldm_files))
    if has_errors(problems) or new.estate is None:
        raise InputError([*problems, *new.diagnostics])
    estate = new.estate
    timeouts = {(v.domain.host, v.domain.name, v.name): vdisk_timeout(estate, v) for v in estate.all_vdisks}
    running = running_topology(new.loaded.document.data, hosts, timeouts)
    note = "What runs: " + ", ".join(f"{h.name} ({Path(h.file).name})" for h in hosts)
    text, _ = topology_yaml(running, {}, [note])
    return check_bytes(text.encode("utf-8"), "live:" + "+".join(h.name for h in hosts))


def _checked(old: Path | None, new: Path, since: str | None, live: tuple[str, ...] = ()) -> tuple[Checked, Checked]:
    from generator.build.pipeline import check_file

    if live:
        if old is not None or since:
            raise click.UsageError("--from-live takes NEW only: OLD is what the hosts run")
        after = check_file(new)
        before = _from_live(after, live)
    elif (old is None) == (since is None):
        raise click.UsageError("give OLD and NEW, or --since REV and NEW, or --from-live --ldm-xml ... and NEW")
    else:
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
@click.option("--from-live", "ldm_files", multiple=True, metavar="[HOST=]FILE",
              help="Take OLD from what runs: `ldm list-constraints -x` of a host (repeatable); the runbook "
                   "converges the estate to NEW.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
              help="Markdown for the site, standalone print HTML, or PDF.")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output (required for pdf).")
@change_options
def command(paths: tuple[Path, ...], since: str | None, ldm_files: tuple[str, ...], fmt: str, out: Path | None,
            change: str, window: str, owner: str) -> None:
    """Print the change runbook that moves a running estate from topology OLD to NEW.

    The doc site shows, for each topology in a git repository, this runbook from the file's previous
    committed revision (see the guide "How to plan a change to a running estate").
    """
    from generator.build.pipeline import render_context
    from generator.build.writer import materialize, write_if_changed
    from generator.derive.change.change_plan import plan_change
    from generator.derive.change.change_runbook import RevisionInfo, change_runbook
    from generator.derive.change.context import Revisions
    from generator.formats.runbooks import runbook_artifacts
    from generator.rules.migration_checks import run_checks

    if len(paths) > 2:
        raise click.UsageError("give at most OLD and NEW")
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf needs --out FILE")
    before, after = _checked(paths[0] if len(paths) == 2 else None, paths[-1], since, ldm_files)
    assert before.decisions is not None and after.decisions is not None and after.estate is not None
    warnings = before.diagnostics + after.diagnostics
    if warnings:
        click.echo(format_text(warnings), nl=False, err=True)
    plan = plan_change(Revisions(before.decisions.vcs, after.decisions.vcs, before.loaded.document,
                                 after.loaded.document, run_checks))
    if plan.refusals:
        raise InputError(plan.refusals)
    context = render_context(after, RenderOptions(change=change, window=window, owner=owner))
    book = change_runbook(plan, RevisionInfo(before.source_name, before.source_sha256),
                          RevisionInfo(after.source_name, after.source_sha256), after.estate)
    [(_, data)] = materialize(runbook_artifacts(book, context, [fmt]))
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_if_changed(out, data)
        click.echo(f"{out}: {len(data)} bytes", err=True)
