"""Item 1 of issue 13: a VCS-managed guest exists on every system of its SystemList before any fail-over.

Build-out defines a guest on its home host only; the LDom agent creates it elsewhere from its
CfgFile (the guest's ``ldm list-constraints -x`` XML). The VCS set-up must save that file and copy
it to every other system of the group's SystemList before the groups are applied.
"""

from __future__ import annotations

import pytest

from .support import ldom_groups, review_books, steps

ESTATES = ["ldom-failover-luns"]


@pytest.mark.parametrize("name", ESTATES)
def test_every_ldom_resource_names_its_cfgfile(name: str) -> None:
    found = ldom_groups(name)
    assert found
    for _, _, guest, cfg in found:
        assert cfg == f"/etc/ldoms/{guest}.xml"


@pytest.mark.parametrize("name", ESTATES)
def test_the_cfgfile_reaches_every_system_of_the_systemlist_before_the_groups_are_applied(name: str) -> None:
    books = review_books(name)
    for cid, group, guest, cfg in ldom_groups(name):
        order = [s.id for s in steps(books[f"vcs-setup-{cid}"])]
        step = next(s for s in steps(books[f"vcs-setup-{cid}"]) if s.id == f"cfgfile-{guest}")
        assert order.index(step.id) < order.index("apply-groups")
        assert f"ldm list-constraints -x {guest} > {cfg}" in step.commands
        home = step.runs_on
        others = [s for s in group.system_list() if s != home]
        assert home in group.system_list() and others
        for system in others:
            assert f"scp -p {cfg} root@{system}:{cfg}" in step.commands
            assert f"ssh root@{system} digest -a sha1 {cfg}" in step.verify
