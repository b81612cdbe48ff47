"""The `ldm list-constraints -x` reader on fixtures written from Oracle's documented examples, and on hostile XML."""

from __future__ import annotations

import os
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.core.diagnostics import InputError, format_text
from generator.input.ldm_xml import MAX_BYTES, read_ldm_files, read_ldm_xml
from generator.input.live import LiveDisk, LiveNetwork, LiveVolume

XML = Path(__file__).parent / "xml"


def test_documented_resources_are_read_as_stated() -> None:
    (host,), problems = read_ldm_files([f"h0={XML / 'documented-resources.xml'}"])
    assert [d.rule for d in problems] == ["IMP101"]  # the unknown `hologram` resource, ignored with a warning
    primary, guest = host.domains
    assert (primary.name, primary.vcpus, primary.memory, primary.failure_policy) == ("primary", 8, 16 << 30, "reset")
    assert primary.volumes == [LiveVolume("vdsdev0", "primary-vds0", "/opt/SUNWldm/domain_disks/testdisk1",
                                          ("ro",), "mpgroup-name")]
    assert primary.ignored == ["var"]
    assert (guest.name, guest.master, guest.cpu_arch) == ("ldg1", "primary", "")  # no cpu-arch given
    assert guest.disks == [LiveDisk("vdisk0", "primary-vds0", "vdsdev0", 60, None)]
    assert guest.networks == [LiveNetwork("ldg1-vnet0", "primary-vsw0", "", ())]  # auto-allocated MAC
    assert guest.ignored == ["console", "hologram"]


def test_same_volume_name_on_two_services_stays_two_volumes() -> None:
    (host,), problems = read_ldm_files([f"h1={XML / 'same-volume-on-two-vds.xml'}"])
    assert problems == []
    volumes = {(v.service, v.name): v.block_dev for d in host.domains for v in d.volumes}
    assert volumes[("primary-vds0", "data")] == volumes[("altio-vds0", "data")] == "/dev/vx/dmp/emc0_10s2"


def test_import_writes_guesses_as_comments_and_located_warnings(tmp_path: Path) -> None:
    out = tmp_path / "two.yaml"
    result = CliRunner().invoke(cli, ["import", "--ldm-xml", f"h1={XML / 'same-volume-on-two-vds.xml'}",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    lines = text.splitlines()
    warnings = [line for line in result.stdout.splitlines() if "IMP201" in line]
    assert warnings, result.stdout
    for warning in warnings:
        line = int(warning.split(":")[1])
        assert "# guessed:" in lines[line - 1], warning
    assert "boot: {lun: emc0_11, slice: true, service: primary-vds0}" in text
    assert "scratch: {file: /ldoms/g1/scratch.img, service: primary-vds0}" in text
    assert "data: {lun: emc0_10, mpgroup: g1data, service: primary-vds0, export-as: data}" in text
    assert "alternate path of mpgroup g1data" in text


HOSTILE = {
    "malformed": ('<LDM_interface><data><Envelope><Content id="g"></Envelope></LDM_interface>', "IMP001"),
    "billion-laughs": ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                       "<LDM_interface>&b;</LDM_interface>", "IMP002"),
    "external-entity": ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        "<LDM_interface>&x;</LDM_interface>", "IMP002"),
    "not-ldm": ("<html><body>hello</body></html>", "IMP004"),
    "missing-property": ('<LDM_interface xmlns:rasd="urn:x" xmlns:gprop="urn:y"><data><Envelope><Content id="g">'
                         "<Section><Item><rasd:OtherResourceType>disk</rasd:OtherResourceType>"
                         '<gprop:GenericProperty key="vdisk_name">d0</gprop:GenericProperty></Item></Section>'
                         "</Content></Envelope></data></LDM_interface>", "IMP005"),
    "bad-number": ('<LDM_interface xmlns:rasd="urn:unknown-namespace"><data><Envelope><Content id="g"><Section>'
                   "<Item><rasd:OtherResourceType>cpu</rasd:OtherResourceType>"
                   "<rasd:AllocationUnits>eight</rasd:AllocationUnits></Item></Section></Content></Envelope></data>"
                   "</LDM_interface>", "IMP006"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_xml_is_one_located_error(tmp_path: Path, case: str) -> None:
    text, rule = HOSTILE[case]
    file = tmp_path / f"{case}.xml"
    file.write_text(text)
    result = CliRunner().invoke(cli, ["import", "--ldm-xml", f"h={file}", "--out", str(tmp_path / "t.yaml")])
    # main() prints an InputError's diagnostics and exits 1; under CliRunner the exception itself is visible.
    assert isinstance(result.exception, InputError)
    text = format_text(result.exception.diagnostics)
    assert text.startswith(f"{file}:1:") and f"error[{rule}]" in text, text
    assert not (tmp_path / "t.yaml").exists()


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is written, the size alone must refuse it
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hosts, problems = read_ldm_files([str(big)])
    assert hosts == [] and [d.rule for d in problems] == ["IMP003"]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 32 * 1024  # KB: it was not read
    assert os.path.getsize(big) > MAX_BYTES


def test_oversized_text_is_refused() -> None:
    live, problems = read_ldm_xml(" " * (MAX_BYTES + 1), "x.xml", "h")
    assert live.domains == [] and [d.rule for d in problems] == ["IMP003"]


def test_ldm_list_states_and_flags_are_noted(tmp_path: Path) -> None:
    export = CliRunner().invoke(cli, ["export", "ldm-xml", "topologies/payments-alternateio.yaml", "--out",
                                      str(tmp_path)])
    assert export.exit_code == 0
    out = tmp_path / "pay.yaml"
    result = CliRunner().invoke(cli, ["import", "--ldm-xml", f"t8e={tmp_path / 't8e.xml'}", "--ldm-list",
                                      f"t8e={XML.parent / 'ldm-list' / 't8e.txt'}", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "`ldm list -p` says it is bound, not active" in out.read_text()
    assert [line for line in result.stdout.splitlines() if "ldm list -p" in line and "IMP201" in line]
    assert "flags it as" not in result.stdout  # primary and altio flags agree with the roles worked out
