"""VCS configuration rules: the main.cf derived for each cluster must merge and verify cleanly.

They run the VCS deriver and verifier (:mod:`generator.maincf`) over every cluster, so that a topology
whose configuration would be wrong is rejected at ``check`` time, located in the topology.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Diagnostic, Severity
from generator.derive.decisions import Decisions
from generator.maincf.parser import parse
from generator.maincf.printer import format_config
from generator.maincf.verify import verify
from generator.rules.engine import Finding, rule

UNKNOWN_ATTRIBUTE = frozenset({"VCS026", "VCS028"})
"""main.cf warnings that are errors in a topology: an explicit resource attribute the catalogue does not know,
or a value of the wrong shape for it (a typo, most likely; the tool would write it into the main.cf)."""


def _fails(d: Diagnostic) -> bool:
    return d.severity is Severity.ERROR or d.rule in UNKNOWN_ATTRIBUTE


@rule("CLU100", Severity.ERROR, source="Topology format: explicit groups merge into the generated main.cf",
      basis="K", category="vcs", reads="decisions")
def explicit_groups_merge(decisions: Decisions) -> Iterator[Finding]:
    """Explicit groups and resources of clusters.<name>.groups do not clash with generated ones."""
    for name in sorted(decisions.estate.topology.clusters):
        for loc, message in decisions.vcs.derived(name).problems:
            yield Finding(loc, message, "rename the explicit group or resource")


@rule("CLU101", Severity.ERROR, source="hacf -verify on the generated main.cf (REFERENCE 3, 4)",
      basis="K", category="vcs", reads="decisions")
def generated_main_cf_verifies(decisions: Decisions) -> Iterator[Finding]:
    """The main.cf generated for each cluster passes the main.cf verifier without errors (the configuration
    the build derived once for this topology, the one its outputs print)."""
    for name, spec in sorted(decisions.estate.topology.clusters.items()):
        derived = decisions.vcs.derived(name).config
        # The tree is verified as built; only when it has errors is it printed and parsed back, so that
        # each error can be traced to the group it is about (the printed text carries positions).
        if not any(_fails(d) for d in verify(derived, "main.cf")):
            continue
        text = format_config(derived)
        config, _ = parse(text, "main.cf")
        owners = {r.name: g.name for g, r in config.resources()}
        lines = text.splitlines()
        for d in verify(config, "main.cf"):
            if not _fails(d):
                continue
            line = lines[d.line - 1].strip() if 0 < d.line <= len(lines) else ""
            words = line.split()
            group = next((owners[w] for w in words[:2] if w in owners), None)
            loc: tuple[str | int, ...] = ("clusters", name)
            if group in spec.groups:
                loc = ("clusters", name, "groups", group)
            yield Finding(loc, f"cluster {name}: generated main.cf: {d.message} [{d.rule}]", d.hint)
