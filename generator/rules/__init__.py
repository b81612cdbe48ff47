"""Rules layer: the meaning of a topology, one small named function per rule.

Each rule has a stable ID, a severity, a one-sentence summary (its docstring's first line), the
guide section or vendor rule it rests on, and the confidence of that basis: ``S`` (seen in a cited
source: enforced as an error where it is a rule), ``K`` (general knowledge) or ``unverified``
(both only warnings). The rule catalogue page is generated from :data:`RULES`.
"""

from generator.rules.engine import RULES, Finding, Rule, check_topology, rule

__all__ = ["RULES", "Finding", "Rule", "check_topology", "rule"]
