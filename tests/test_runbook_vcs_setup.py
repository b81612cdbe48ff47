"""VCS set-up runbooks: CVM first, then shared disk groups, then the rest of the generated script."""

from __future__ import annotations

from generator.derive.procedures.ha_script import CLOSE, OPEN, split_script
from generator.derive.vcs.api import ClusterConfigs, ha_commands

from .runbook_support import books, estate


def test_split_script_keeps_every_command_exactly_once() -> None:
    script = ha_commands(ClusterConfigs(estate("erp-split")), "ctlclus")
    assert script is not None
    first, rest = split_script(script, {"cvm"})
    assert first[0] == rest[0] == OPEN and first[-1] == rest[-1] == CLOSE
    body = [ln for ln in script if ln not in (OPEN, CLOSE)]
    assert sorted(first[1:-1] + rest[1:-1]) == sorted(body)
    assert first[1] == "hagrp -add cvm" and all("erpdb" not in ln for ln in first)


def test_shared_disk_group_is_created_after_cvm_and_before_the_groups_that_use_it() -> None:
    book = next(b for b in books("erp-split") if b.id == "vcs-setup-ctlclus")
    order = [s.id for s in book.ordered_sections()]
    assert order.index("cvm") < order.index("shared-storage") < order.index("apply")
    steps = [step for s in book.ordered_sections() for step in s.steps]
    ids = [s.id for s in steps]
    assert ids.index("online-cvm") < ids.index("dg-erpdg") < ids.index("apply-groups")
    build = next(b for b in books("erp-split") if b.id == "build-out")
    assert not any(step.id == "dg-erpdg" for s in build.sections for step in s.steps)


def test_cluster_file_systems_are_left_to_cfsmount() -> None:
    book = next(b for b in books("billing-guest-cvm") if b.id.startswith("vcs-setup-"))
    lines = [ln for s in book.sections for step in s.steps for ln in step.commands]
    assert any(ln.startswith("mkfs -F vxfs /dev/vx/rdsk/billdg/") for ln in lines)
    assert not any(ln.startswith(("cfsmntadm add", "cfsmount")) for ln in lines)
