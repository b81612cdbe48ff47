"""``python -m generator import --ldm-xml HOST=FILE... [--maincf FILE...] --out TOPOLOGY.yaml``: a topology
from a running estate.

The topology is written with a ``# guessed: ...`` comment on every value the inputs do not state, and each
guess is also printed as a located warning (``IMP201``) at that line of the written file. The result is
checked as by ``check``; the command exits 1 when the inputs are unreadable or the result has errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.cli.live_inputs import (
    MAX_MAINCF_BYTES,
    live_options,
    read_domain_files,
    read_maincf_files,
    vxvm_options,
)
from generator.core.diagnostics import Diagnostic, InputError, Severity, format_text, has_errors, sort_diagnostics
from generator.derive.importer import Guess, state_notes
from generator.input.vxvm_text import read_vxdisk, read_vxprint

if TYPE_CHECKING:
    from generator.maincf.tree import Config


def _ldm_lists(specs: tuple[str, ...]) -> tuple[dict[str, dict[str, dict[str, str]]], list[Diagnostic]]:
    from generator.input.ldm_xml import read_ldm_list

    states: dict[str, dict[str, dict[str, str]]] = {}
    problems: list[Diagnostic] = []
    for spec in specs:
        host, sep, name = spec.partition("=")
        file = Path(name if sep else spec)
        try:
            text = file.read_bytes()[:MAX_MAINCF_BYTES].decode("utf-8", errors="replace")
        except OSError as exc:
            problems.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IO001", f"cannot read: {exc.strerror}"))
            continue
        states[host if sep else file.stem], found = read_ldm_list(text, str(file))
        problems += found
    return states, problems


def _apply_vxvm(doc: dict[str, Any], guesses: list[Guess], vxdisks: dict[str, Any], vxprints: dict[str, Any]
                ) -> list[Guess]:
    """LUN names and identities, disk groups and volumes from VxVM output; drops the guesses it settles."""
    from generator.derive.vxvm_import import apply_vxdisk, apply_vxprint, renamed_path

    settled = set()
    for ref in sorted(vxprints):
        host, _, domain = ref.partition("/")
        spec = doc["hosts"].get(host, {}).get("domains", {}).get(domain)
        if spec is None:
            raise click.BadParameter(f"{ref}: no such domain among the imported hosts", param_hint="--vxprint")
        settled |= apply_vxprint(doc, ref, vxprints[ref], spec.get("roles") == ["guest"])
    renamed: dict[str, str] = {}
    for ref in sorted(vxdisks):
        renamed |= apply_vxdisk(doc, vxdisks[ref])
    moved = [Guess(renamed_path(g.path, renamed), g.reason) for g in guesses]
    return [g for g in moved if g.path not in settled]


def _derived(doc: dict[str, Any]) -> dict[str, Config]:
    """The configuration each cluster of the (not yet written) topology derives, when it loads."""
    from generator.derive.vcs.api import ClusterConfigs
    from generator.estate.estate import Estate
    from generator.formats.topology_yaml import topology_yaml
    from generator.input.loader import load_text

    loaded = load_text(topology_yaml(doc, {}, [])[0], "imported.yaml")
    if loaded.topology is None:
        return {}
    vcs = ClusterConfigs(Estate(loaded.topology))
    return {name: vcs.derived(name).config for name in loaded.topology.clusters}


NEEDS_HOST_CAPACITY = ("CAP003", "CAP004")
"""Rules that judge a host's threads and memory against a fail-over: the inputs do not hold them (the import
guesses each host's as its domains' totals, a lower bound), so an import does not fail on them."""

@click.command("import")
@live_options
@vxvm_options
@click.option("--ldm-list", "ldm_lists", multiple=True, metavar="[HOST=]FILE",
              help="`ldm list -p` output of a host (states and flags); repeatable.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Topology file to write.")
@click.option("--name", help="Topology identifier (default: the --out file name without .yaml).")
def command(ldm_files: tuple[str, ...], maincf_files: tuple[Path, ...], vxdisk_files: tuple[str, ...],
            vxprint_files: tuple[str, ...], ldm_lists: tuple[str, ...], out: Path, name: str | None) -> None:
    """Write a topology file describing what the given hosts and clusters run."""
    from generator.build.pipeline import check_file
    from generator.derive.cluster_import import add_clusters, add_extra_groups
    from generator.derive.importer import import_topology
    from generator.formats.topology_yaml import topology_yaml
    from generator.input.ldm_xml import read_ldm_files

    if not ldm_files:
        raise click.UsageError("give at least one --ldm-xml (the hosts are what a topology is made of)")
    hosts, problems = read_ldm_files(list(ldm_files))
    configs, found = read_maincf_files(list(maincf_files))
    vxdisks, found_disks = read_domain_files(list(vxdisk_files), read_vxdisk)
    vxprints, found_groups = read_domain_files(list(vxprint_files), read_vxprint)
    problems += found + found_disks + found_groups
    if has_errors(problems):
        raise InputError(problems)
    doc, guesses = import_topology(hosts, name or out.stem)
    guesses = _apply_vxvm(doc, guesses, vxdisks, vxprints)
    states, found_states = _ldm_lists(ldm_lists)
    if has_errors(found_states):
        raise InputError(found_states)
    guesses += state_notes(doc, states)
    guesses += add_clusters(doc, configs)
    guesses += add_extra_groups(doc, _derived(doc), configs)
    header = ["Imported with `generator import` from the `ldm list-constraints -x` output of "
              + ", ".join(f"{h.name} ({Path(h.file).name})" for h in sorted(hosts, key=lambda h: h.name)) + ".",
              "Every `# guessed:` value was not in the inputs: confirm or correct it, then run `generator check`."]
    notes: dict[tuple[str | int, ...], str] = {}
    for g in guesses:
        notes[g.path] = f"{notes[g.path]}; {g.reason}" if g.path in notes else g.reason
    text, lines = topology_yaml(doc, notes, header)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    warnings = [Diagnostic(str(out), lines.get(g.path, 1), 1, Severity.WARNING, "IMP201",
                           f"guessed {'.'.join(map(str, g.path))}: {g.reason}") for g in guesses]
    checked = check_file(out)
    found = [d for d in checked.diagnostics if d.rule not in NEEDS_HOST_CAPACITY]
    click.echo(format_text(sort_diagnostics([*problems, *warnings, *found])), nl=False)
    if len(found) < len(checked.diagnostics):
        click.echo(f"N+1 capacity ({', '.join(NEEDS_HOST_CAPACITY)}) not judged: the hosts' threads and memory are "
                   "guesses; confirm them, then run `generator check`", err=True)
    click.echo(f"wrote {out}: {len(hosts)} host(s), {len(guesses)} guessed value(s)", err=True)
    sys.exit(1 if has_errors(found) else 0)
