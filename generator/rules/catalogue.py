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


CHANGE_SOURCE = "the change planner: `python -m generator change` refuses what it cannot plan (generator/derive/change)"
CHANGE_REFUSALS = {
    "CHG001": "A changed field has a change procedure",
    "CHG002": "The stack model does not change (that is a new build-out)",
    "CHG003": "Both revisions have the same topology ID",
    "CHG004": "A cluster's ID does not change (LLT and GAB restart with the whole cluster down)",
    "CHG005": "LLT links and fencing do not change (the cluster would be stopped)",
    "CHG007": "A running object (domain, vdisk, vnet, zone, LUN, volume) is not changed in place (remove it, "
              "then add its replacement)",
    "CHG008": "A cluster is not added or removed by a change (that is the VCS set-up)",
    "CHG009": "The old revision can be read from git",
    "CHG010": "A control, service or I/O domain's resources do not change (delayed reconfiguration)",
    "CHG012": "Only guest domains are added or removed",
    "CHG013": "A guest does not move and change in one revision",
    "CHG014": "A moved guest passes the migration checks",
    "CHG015": "Zones are only added",
    "CHG016": "Cluster nodes are only appended (LLT node IDs are positions)",
    "CHG017": "The domains importing a disk group change only by a shared group gaining joining nodes",
    "CHG018": "InfoScale components are not removed from a running domain",
    "CHG023": "A disk group's disks are only appended or removed, not reordered",
    "CHG030": "A volume does not shrink",
    "CHG031": "A volume's file system is only added, not changed or removed",
}
"""The change planner's refusals (the planner raises them with their message; the summaries are here)."""


def change_codes() -> list[Code]:
    return [Code(rule_id, Severity.ERROR, "tool", "change", summary, CHANGE_SOURCE)
            for rule_id, summary in CHANGE_REFUSALS.items()]


def drift_codes() -> list[Code]:
    return [Code(rule_id, Severity.ERROR, "tool", "drift", summary[:1].upper() + summary[1:], DRIFT_SOURCE)
            for rule_id, summary in DRIFT_RULES.items()]


def catalogue() -> dict[str, Code]:
    """Every diagnostic ID, sorted; raises ``ValueError`` if two sources claim one ID."""
    codes = [*INPUT_CODES, *(rule_code(r) for r in load_rules().values()), *maincf_codes(), *LDM_XML_CODES,
             *drift_codes(), *change_codes()]
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
