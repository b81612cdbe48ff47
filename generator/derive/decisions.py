"""What the build derives from an estate before the rules judge it, made once per topology and passed down.

Each cluster's VCS configuration (:class:`~generator.derive.vcs.api.ClusterConfigs`) and the what-if model's
shared state (:class:`~generator.derive.whatif.scenario.Estimator`). The rules read it, the procedures read it,
and the build hands it to the renderers inside a :class:`~generator.derive.derivation.Derivation`. Nothing
below the build caches a derivation anywhere else: two values made from one estate derive twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.derive.vcs.api import ClusterConfigs
from generator.derive.whatif.capacity import build_estimator
from generator.derive.whatif.scenario import Estimator
from generator.estate.estate import Estate


@dataclass(frozen=True, eq=False)
class Decisions:
    """An estate with the decisions derived from it; each part is derived when first asked for, once."""

    estate: Estate
    vcs: ClusterConfigs = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vcs", ClusterConfigs(self.estate))

    @cached_property
    def whatif(self) -> Estimator:
        """The what-if model's shared state (supply graph, services) for the rules, runbooks and review."""
        return build_estimator(self.vcs)
