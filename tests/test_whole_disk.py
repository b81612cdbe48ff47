"""Whole-LUN back ends are exported through slice 2 of the disk, whatever its label.

Oracle: a disk is exported as a full disk through its ``s2`` device without ``options=slice``; the
``d0`` node of an EFI-labelled disk would make a single-slice virtual disk. The same path feeds the
``ldm add-vdsdev`` commands and the VCS ``Disk`` resources, and honours a LUN's ``os-path``.
"""

from __future__ import annotations

from pathlib import Path

from generator.derive.vcs.api import ClusterConfigs, main_cf_text
from generator.estate.estate import Estate
from generator.input.loader import load_file, load_text

from .conftest import EXAMPLES, FIXTURES, ROOT

FIXTURE = FIXTURES / "valid" / "lun-with-device-name.yaml"
LAYERED = FIXTURES / "valid" / "alternateio-base.yaml"


def _estate(path: Path) -> Estate:
    loaded = load_file(path, str(path.relative_to(ROOT)))
    assert loaded.topology is not None
    return Estate(loaded.topology)


def test_without_dmp_the_os_disk_slice_2_is_exported() -> None:
    estate = _estate(FIXTURE)
    primary = estate.domain("t8a/primary")
    assert estate.whole_disk(primary, "lun0") == "/dev/dsk/c0t600A0B800026A7E4000016B74D2A1B3Ed0s2"
    assert estate.whole_disk(primary, "lun1") == "/dev/dsk/c0t5000CCA0123456d0s2"


def test_with_dmp_the_dmp_node_slice_2_is_exported() -> None:
    estate = _estate(LAYERED)
    backends = {estate.backend_device(v) for v in estate.all_vdisks if v.spec.lun}
    assert backends == {"/dev/vx/dmp/lun0s2"}
    assert all(estate.whole_disk(d, "lun0") == "/dev/vx/dmp/lun0s2" for d in estate.domains if d.is_io)


def test_vcs_disk_resource_uses_the_same_device_and_honours_os_path() -> None:
    text = (EXAMPLES / "crm-both-vcs.yaml").read_text("utf-8")
    old = '{wwn: "60000970000197600222533036423030", size: 150G,'
    assert old in text
    loaded = load_text(text.replace(old, '{os-path: c5t1d0, size: 150G,'), "crm-os-path.yaml")
    assert loaded.topology is not None
    main_cf = main_cf_text(ClusterConfigs(Estate(loaded.topology)), "ctlclus", "crm-os-path.yaml")
    assert "Partition = /dev/dsk/c5t1d0s2" in main_cf or 'Partition = "/dev/dsk/c5t1d0s2"' in main_cf
