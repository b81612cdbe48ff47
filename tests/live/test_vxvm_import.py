"""VxVM output settles what the Logical Domains Manager cannot say: LUN identities, disk groups, volumes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli.main import cli
from generator.derive.vxvm_import import apply_vxdisk
from generator.input.loader import load_file
from generator.input.vxvm_text import VxDisk, read_vxdisk, read_vxprint

from ..conftest import EXAMPLES
from .test_maincf_import import _collect, _estate

VXVM = Path(__file__).parent / "vxvm"


def test_split_estate_imports_its_storage_exactly(tmp_path: Path) -> None:
    example = EXAMPLES / "erp-split.yaml"
    original = _estate(example)
    out = tmp_path / "erp.yaml"
    args = [*_collect(original, tmp_path), "--vxprint", f"t8a/primary={VXVM / 't8a-primary.vxprint'}",
            "--vxdisk", f"t8a/primary={VXVM / 't8a-primary.vxdisk'}", "--out", str(out)]
    result = CliRunner().invoke(cli, ["import", *args])
    assert result.exit_code == 0, result.output
    imported = load_file(out).topology
    assert imported is not None
    assert imported.storage == original.topology.storage
    assert "storage.luns" not in result.stdout and "storage.diskgroups" not in result.stdout  # nothing guessed


def test_vxdisk_status_of_several_words_and_wwn() -> None:
    disks, problems = read_vxdisk((VXVM / "t8a-primary.vxdisk").read_text(), "x")
    assert problems == []
    assert [(d.device, d.group, d.wwn) for d in disks] == [
        ("emc0_01a0", "erpdg", "60000970000197600123533030314130"),
        ("emc0_01a1", "erpdg", "60000970000197600123533030314131"),
        ("disk_0", "", "5000CCA02D1E2F34")]


def test_vxdisk_renames_a_lun_named_from_its_wwn_everywhere() -> None:
    doc = {"hosts": {"h": {"domains": {"g": {"vdisks": {"d0": {"lun": "lun_97600123533030"}}}}}},
           "storage": {"luns": {"lun_97600123533030": {"wwn": "60000970000197600123533030", "seen-by": []}}}}
    renamed = apply_vxdisk(doc, [VxDisk("emc0_7", "", "c0t60000970000197600123533030d0s2", 1)])
    assert renamed == {"lun_97600123533030": "emc0_7"}
    assert doc["hosts"]["h"]["domains"]["g"]["vdisks"]["d0"]["lun"] == "emc0_7"
    assert list(doc["storage"]["luns"]) == ["emc0_7"]


def test_unreadable_vxvm_lines_are_located() -> None:
    _, problems = read_vxdisk("DEVICE TYPE DISK GROUP STATUS OS_NATIVE_NAME\nemc0_1 auto - -\n", "d.txt")
    assert [(p.line, p.rule) for p in problems] == [(2, "IMP009")]
    _, problems = read_vxprint("dm emc0_1 emc0_1 auto 65536\n", "p.txt")
    assert [(p.line, p.rule) for p in problems] == [(1, "IMP009")]
