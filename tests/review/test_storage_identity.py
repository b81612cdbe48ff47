"""Item 7 of issue 13: a migration pre-check compares storage by identity (WWN), not by DMP name.

Enclosure-based names are per host; the topology has each LUN's WWN, so the check names it.
"""

from __future__ import annotations

import pytest

from ..runbook_support import estate
from .support import FOLDER, review_books, steps

MIGRATIONS = [("ldom-failover-luns", "migrate-app1-to-s2"), ("alternateio-two-io-domains", "migrate-db1-to-h2")]


@pytest.mark.parametrize(("name", "book"), MIGRATIONS)
def test_the_storage_precheck_names_every_lun_by_its_wwn(name: str, book: str) -> None:
    luns = estate(name, FOLDER).topology.storage.luns
    checks = [s for s in steps(review_books(name)[book]) if s.id.startswith("precheck-storage-")]
    assert checks
    for step in checks:
        assert "vxdisk -p list" in step.commands
        for lun, spec in luns.items():
            assert f"{lun} = {spec.wwn}" in step.expected, (step.id, lun)
