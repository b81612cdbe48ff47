"""The zones runbook keeps VCS away from a zone while it builds it, and hands it back at the end."""

from __future__ import annotations

from generator.document.runbook_model import Runbook

from .runbook_support import books


def _book(name: str, kind: str) -> Runbook:
    return next(b for b in books(name) if b.kind == kind)


def _lines(book: Runbook, section: str) -> list[str]:
    return [line for s in book.sections if s.id == section for step in s.steps for line in step.commands]


def test_a_clustered_zone_is_built_with_its_groups_offline_and_frozen_then_brought_online() -> None:
    lines = _lines(_book("hr-zones", "zones"), "zone-hrz2")
    first_zone_command = next(i for i, line in enumerate(lines) if line.startswith(("zonecfg", "zoneadm", "vx")))
    for group in ("hrportal_grp", "hrz2_root_grp"):
        assert lines.index(f"hagrp -freeze {group}") < first_zone_command
        assert lines.index(f"hagrp -unfreeze {group}") > lines.index("hazoneverify hrportal_grp")
    assert lines.index("hagrp -offline hrportal_grp -any") < lines.index("hagrp -offline hrz2_root_grp -any")
    assert lines.index("hagrp -online hrz2_root_grp -sys hrg1") < lines.index("hagrp -online hrportal_grp -sys hrg1")


def test_the_shared_zone_root_is_imported_before_its_pool_is_created_because_vcs_deported_it() -> None:
    lines = _lines(_book("hr-zones", "zones"), "zone-hrz2")
    create = next(i for i, line in enumerate(lines) if "zpool create" in line)
    assert lines.index("vxdg list hrdg >/dev/null 2>&1 || vxdg import hrdg") < create


def test_the_vcs_set_up_does_not_expect_zone_groups_online() -> None:
    verify = next(step for s in _book("hr-zones", "vcs-setup").sections for step in s.steps if step.id == "verify")
    assert any("`payroll_grp`, `hrportal_grp`, `hrz2_root_grp`" in note for note in verify.notes)
