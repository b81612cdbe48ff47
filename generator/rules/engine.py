"""The rule registry and runner."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from generator.core.diagnostics import Diagnostic, Finding, Severity
from generator.derive.decisions import Decisions
from generator.estate.estate import Estate
from generator.input.source import Document

# Modules that define rules; importing them fills RULES. One line per module.
RULE_MODULES = (
    "generator.rules.names",
    "generator.rules.references",
    "generator.rules.domains",
    "generator.rules.placement",
    "generator.rules.vdisks",
    "generator.rules.vdisk_timeout",
    "generator.rules.storage",
    "generator.rules.volumes",
    "generator.rules.alternateio",
    "generator.rules.clusters",
    "generator.rules.applications",
    "generator.rules.zones",
    "generator.rules.zone_root_fs",
    "generator.rules.versions",
    "generator.rules.migration",
    "generator.rules.migration_hosts",
    "generator.rules.vcs_config",
    "generator.rules.resilience",
)


__all__ = ["RULES", "Finding", "Rule", "RuleFunc", "check_topology", "load_rules", "rule"]

RuleFunc = Callable[[Estate], Iterable[Finding]]
"""A rule over the estate (most rules)."""
DecisionRuleFunc = Callable[[Decisions], Iterable[Finding]]
"""A rule over the build's decisions (the derived VCS configurations, the what-if model, migration cases)."""
F = TypeVar("F", bound=Callable[..., Iterable[Finding]])


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    id: str
    severity: Severity
    summary: str
    source: str
    basis: str
    category: str
    func: Callable[[Any], Iterable[Finding]]
    reads: Literal["estate", "decisions"] = "estate"
    """What ``func`` takes: the estate, or the build's :class:`~generator.derive.decisions.Decisions`."""


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, *, source: str, basis: str, category: str,
         reads: Literal["estate", "decisions"] = "estate") -> Callable[[F], F]:
    """Register a rule function. Its docstring's first line is the rule's summary.

    ``basis`` is ``S``, ``K`` or ``unverified``; only ``S`` rules may be errors unless the rule is
    about the tool's own integrity (names that would break generated commands, references). A rule that
    judges derived decisions says ``reads="decisions"`` and is given the build's :class:`Decisions`
    (a :data:`DecisionRuleFunc`), so that it reads the configuration the outputs are made from.
    """
    if basis not in ("S", "K", "unverified"):
        raise ValueError(f"{rule_id}: basis must be S, K or unverified")

    def register(func: F) -> F:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else rule_id
        RULES[rule_id] = Rule(rule_id, severity, summary, source, basis, category, func, reads)
        return func

    return register


def load_rules() -> dict[str, Rule]:
    """Import every rule module (idempotent) and return the registry sorted by ID."""
    for module in RULE_MODULES:
        importlib.import_module(module)
    return dict(sorted(RULES.items()))


def _run(rule_: Rule, decisions: Decisions, document: Document) -> Iterator[Diagnostic]:
    for finding in rule_.func(decisions if rule_.reads == "decisions" else decisions.estate):
        line, col = document.mark(tuple(finding.loc), key=finding.key)
        yield Diagnostic(document.path, line, col, rule_.severity, rule_.id, finding.message, finding.hint)


def check_topology(decisions: Decisions, document: Document) -> list[Diagnostic]:
    """Run every rule over a shape-valid topology and the build's decisions on it; returns all diagnostics."""
    result: list[Diagnostic] = []
    for rule_ in load_rules().values():
        result.extend(_run(rule_, decisions, document))
    return result
