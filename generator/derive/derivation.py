"""What one build derives from one estate, made once and handed to every renderer.

The build (:func:`generator.build.pipeline.derivation`) makes it after the rules passed, from the same
:class:`~generator.derive.decisions.Decisions` the rules read: it plans every planned migration with the
results of the migration rules, so that the migration output and the migration runbook show the same plan,
and nothing below the build runs a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.derive.decisions import Decisions
from generator.derive.migration.plan import MigrationPlan
from generator.derive.vcs.api import ClusterConfigs
from generator.derive.whatif.review import Review, review
from generator.estate.estate import Estate


@dataclass(frozen=True, eq=False)
class Derivation:
    """An estate with the decisions derived from it and its migration plans."""

    decisions: Decisions
    plans: tuple[MigrationPlan, ...]
    """The plans of ``topology.migrations``, in topology order, each carrying its migration rules' results."""

    @property
    def estate(self) -> Estate:
        return self.decisions.estate

    @property
    def vcs(self) -> ClusterConfigs:
        return self.decisions.vcs

    @cached_property
    def review(self) -> Review:
        """The what-if review of every single failure: the site's failure review and every fail-over test
        runbook's appendix show this one."""
        return review(self.decisions.whatif)
