"""What one build derives from one estate, made once and handed to every renderer.

The build (:func:`generator.build.pipeline.derivation`) makes it after the rules passed: it plans every
planned migration with the results of the migration rules, so that the migration output and the
migration runbook show the same plan, and nothing below the build runs a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.migration.plan import MigrationPlan
from generator.estate.estate import Estate


@dataclass(frozen=True)
class Derivation:
    """An estate with the decisions derived from it."""

    estate: Estate
    plans: tuple[MigrationPlan, ...]
    """The plans of ``topology.migrations``, in topology order, each carrying its migration rules' results."""
