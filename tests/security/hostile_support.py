"""Shared helpers of the hostile-text tests: check a topology held in memory, render its VCS files."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import yaml

from generator.core.diagnostics import Diagnostic, Severity
from generator.derive.decisions import Decisions
from generator.derive.vcs.api import ClusterConfigs, cluster_names, derived
from generator.derive.vcs.cluster import with_provenance
from generator.estate.estate import Estate
from generator.input.loader import load_text
from generator.maincf.hacommands import ha_command_list
from generator.maincf.printer import format_config
from generator.maincf.verify import verify_text
from generator.rules import check_topology

ROOT = Path(__file__).resolve().parents[2]
SHELL_OPERATORS = {";", "&", "&&", "|", "||", "<", ">", ">>", "(", ")", "`", "$("}


def example(name: str | Path) -> dict[str, Any]:
    """A topology (an example's name or a path) as plain data, edited by a test and checked as JSON text."""
    path = name if isinstance(name, Path) else ROOT / "topologies" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    return json.loads(json.dumps(data))


def check_data(data: dict[str, Any]) -> tuple[Estate | None, list[Diagnostic]]:
    """``check`` on data: the estate when it has no error, and every diagnostic."""
    loaded = load_text(json.dumps(data, ensure_ascii=False), "hostile.yaml")
    if loaded.topology is None:
        return None, list(loaded.diagnostics)
    estate = Estate(loaded.topology)
    found = list(check_topology(Decisions(estate), loaded.document))
    return (None if any(d.severity is Severity.ERROR for d in found) else estate), found


def maincf_problems(estate: Estate) -> list[str]:
    """Errors of the project's own parser and verifier on every generated main.cf."""
    out: list[str] = []
    for cluster in cluster_names(estate):
        text = format_config(with_provenance(derived(ClusterConfigs(estate), cluster).config, "hostile.yaml"))
        out += [f"{cluster}: {d.rule}: {d.message}" for d in verify_text(text, "main.cf")
                if d.severity is Severity.ERROR]
    return out


def shell_operators(line: str) -> list[str]:
    """Shell operators outside quotes on one line (none may come from topology text)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return [t for t in lexer if t in SHELL_OPERATORS or set(t) <= set(";&|<>()")]


def maincmd_lines(estate: Estate) -> list[str]:
    vcs = ClusterConfigs(estate)
    return [c for cluster in cluster_names(estate) for c in ha_command_list(vcs.derived(cluster).config)]
