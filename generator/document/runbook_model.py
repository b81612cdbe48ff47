"""The runbook model: runbook -> sections (phases) -> steps.

Every runbook the project produces (build-out, VCS set-up, zones, migration, fail-over tests) is an
instance of this model, so that all of them share one Markdown, print-HTML and PDF rendering.
Section order is not kept by hand: each section names the sections it depends on and
:func:`ordered_sections` sorts them topologically, ties broken by declaration order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.core.toposort import topological_order


@dataclass(frozen=True)
class Step:
    """One numbered action of a change window."""

    id: str
    """Stable identifier, unique in the runbook (e.g. ``vds-t8a``); numbers are assigned at render time."""
    title: str
    """What the step achieves, imperative (``Create the virtual disk service``)."""
    runs_on: str
    """Where the commands run: a node name shown as the prompt ``root@NODE#``; ``operator`` for
    actions without a shell (e.g. a phone call), ``guest:NAME`` for a guest console."""
    commands: tuple[str, ...] = ()
    """Exact commands, one per line, in order."""
    expected: str = ""
    """Expected output or state after the commands."""
    verify: tuple[str, ...] = ()
    """Commands that verify the expected state."""
    backout: tuple[str, ...] = ()
    """Commands that undo this step."""
    minutes: int = 5
    """Estimated duration."""
    gate: bool = False
    """A go/no-go decision point: stop here unless every check so far passed."""
    irreversible: bool = False
    """Cannot be undone by the back-out commands (e.g. destroying the source domain)."""
    notes: tuple[str, ...] = ()
    """Cautions shown with the step (limitations, known issues)."""


@dataclass(frozen=True)
class Section:
    """A phase of the runbook."""

    id: str
    title: str
    steps: tuple[Step, ...]
    depends_on: tuple[str, ...] = ()
    """IDs of sections that must be complete before this one starts."""
    intro: str = ""
    """Short explanation shown before the steps."""
    backout: tuple[str, ...] = ()
    """How to back out the whole phase (text or commands)."""


@dataclass(frozen=True)
class Figure:
    """A drawing printed with a runbook (print HTML and PDF, on its own landscape page).

    ``front`` figures come before the first phase in the PDF (a migration's sequence diagram); ``appendix``
    figures after the sign-off, headed "Appendix: " (a fail-over test's failure matrix). The print HTML puts
    every figure after the sign-off, in this order.
    """

    caption: str
    svg: str
    """The tool's own SVG drawing (topology text in it is already escaped as XML text)."""
    placement: Literal["front", "appendix"] = "front"

    @property
    def heading(self) -> str:
        """The figure's printed heading."""
        return f"Appendix: {self.caption}" if self.placement == "appendix" else self.caption


@dataclass(frozen=True)
class Runbook:
    """A change-window runbook generated from one topology."""

    id: str
    """File-name stem, e.g. ``build-out`` or ``migrate-erpdb-to-t8b``."""
    title: str
    topology: str
    kind: str
    """``build-out``, ``vcs-setup``, ``zones``, ``migration``, ``failover-test``, ..."""
    summary: str
    sections: tuple[Section, ...]
    prerequisites: tuple[str, ...] = ()
    """Checklist items to tick before the window opens."""
    references: tuple[str, ...] = ()
    """Guide sections and vendor documents the steps rest on."""
    header: dict[str, str] = field(default_factory=dict)
    """Extra header fields (e.g. domain, source, target, kind for a migration)."""
    first_number: int = 1
    """Number of the first section: a migration runbook starts at 0 (preparation) so that section N is
    migration phase N, one numbering for the runbook, its back-out and the sequence diagram."""

    def ordered_sections(self) -> list[Section]:
        return ordered_sections(self.sections)

    def total_minutes(self) -> int:
        return sum(step.minutes for section in self.sections for step in section.steps)


def ordered_sections(sections: tuple[Section, ...]) -> list[Section]:
    """Topological order of ``sections`` by ``depends_on``; declaration order breaks ties.

    Raises ``ValueError`` on unknown dependencies or cycles (a bug in a runbook builder).
    """
    index = {s.id: i for i, s in enumerate(sections)}
    for s in sections:
        for dep in s.depends_on:
            if dep not in index:
                raise ValueError(f"section {s.id!r} depends on unknown section {dep!r}")
    order = topological_order(index, ((dep, s.id) for s in sections for dep in s.depends_on))
    if order is None:
        raise ValueError("runbook sections depend on each other in a cycle")
    by_id = {s.id: s for s in sections}
    return [by_id[n] for n in order]
