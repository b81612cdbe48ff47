"""Item 3 of issue 13: a guest that DMP-multipaths one LUN over two service domains gets a vdisk timeout.

With Oracle's default timeout 0, I/O on the path of a service domain that is down blocks instead
of failing, so DMP in the guest never changes paths (OVM admin guide, Virtual Disk Timeout [S]).
"""

from __future__ import annotations

import shlex

from .support import review_books, steps


def test_every_guest_multipath_vdisk_is_added_with_a_timeout() -> None:
    book = review_books("alternateio-two-io-domains")["build-out"]
    adds = [shlex.split(c) for s in steps(book) for c in s.commands if c.startswith("ldm add-vdisk ")]
    assert len(adds) == 4
    for argv in adds:
        timeouts = [a for a in argv if a.startswith("timeout=")]
        assert timeouts and int(timeouts[0].split("=")[1]) > 0, argv


def test_a_single_path_vdisk_keeps_oracles_default() -> None:
    book = review_books("ldom-failover-luns")["build-out"]
    adds = [c for s in steps(book) for c in s.commands if c.startswith("ldm add-vdisk ")]
    assert adds and not any("timeout=" in c for c in adds)
