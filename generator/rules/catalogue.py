"""The one diagnostic catalogue: every ID the tool can print, listed by ``python -m generator rules``.

Three sources, one ID space (an ID means one thing everywhere):

* the input layer (:data:`generator.input.codes.INPUT_CODES`): reading, YAML, shape, duplicate topology IDs;
* the topology rules (:data:`generator.rules.engine.RULES`), run by ``check`` on a shape-valid topology;
* the main.cf checks (:data:`generator.maincf.checks.CHECKS`), run by ``vcs verify`` and on every generated
  main.cf;
* the live-estate IDs: reading ``ldm`` XML (:data:`generator.input.codes.LDM_XML_CODES`) and the differences
  ``generator drift`` reports (:data:`generator.derive.drift_compare.RULES`).

The topology rules about clusters were called ``VCS0xx``/``VCS10x`` until they were renamed ``CLU`` so that
``VCS0xx`` means only a main.cf check; :data:`RENAMED` keeps the old IDs usable in ``check --ignore``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from generator.core.diagnostics import Code, Severity
from generator.derive.drift_compare import RULES as DRIFT_RULES
from generator.input.codes import INPUT_CODES, LDM_XML_CODES
from generator.maincf.checks import CHECKS
from generator.rules.engine import Rule, load_rules

RENAMED: dict[str, str] = {f"VCS{n:03d}": f"CLU{n:03d}" for n in (*range(1, 12), 100, 101, 102)}
"""Old topology-rule ID -> current ID; accepted by ``check --ignore`` (the old IDs now name main.cf checks)."""

MAINCF_SOURCE = "the main.cf checks of `python -m generator vcs verify` (generator/maincf)"
DRIFT_SOURCE = ("`python -m generator drift`: the topology against what the hosts report "
                "(generator/derive/drift_compare.py)")


def rule_code(rule: Rule) -> Code:
    """A topology rule as a catalogue entry; its docstring after the summary line is the details."""
    details = (inspect.getdoc(rule.func) or "").partition("\n")[2].strip()
    return Code(rule.id, rule.severity, rule.basis, rule.category, rule.summary, rule.source, details)


def maincf_codes() -> list[Code]:
    return [Code(rule_id, c.severity, c.basis, "main.cf", c.summary, MAINCF_SOURCE)
            for rule_id, c in CHECKS.items()]


def drift_codes() -> list[Code]:
    return [Code(rule_id, Severity.ERROR, "tool", "drift", summary[:1].upper() + summary[1:], DRIFT_SOURCE)
            for rule_id, summary in DRIFT_RULES.items()]


def catalogue() -> dict[str, Code]:
    """Every diagnostic ID, sorted; raises ``ValueError`` if two sources claim one ID."""
    codes = [*INPUT_CODES, *(rule_code(r) for r in load_rules().values()), *maincf_codes(), *LDM_XML_CODES,
             *drift_codes()]
    found: dict[str, Code] = {}
    for code in codes:
        if code.id in found:
            raise ValueError(f"diagnostic ID {code.id} is declared twice")
        found[code.id] = code
    return dict(sorted(found.items()))


def resolve_ignored(ids: Iterable[str]) -> tuple[set[str], list[str]]:
    """The current IDs that ``--ignore`` names (old IDs through :data:`RENAMED`), and the unknown ones."""
    known = catalogue()
    resolved, unknown = set(), []
    for given in ids:
        rule_id = given.strip().upper()
        topology_id = RENAMED.get(rule_id, rule_id)
        if topology_id in known:
            resolved.add(topology_id)
        else:
            unknown.append(given)
    return resolved, unknown
