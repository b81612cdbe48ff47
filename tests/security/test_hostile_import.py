"""Issue 12, item 3 for the importer: names read from ``ldm list-constraints -x`` are data in the YAML it writes.

``generator import`` turns what hosts report into a topology file. A domain or vnet name in the XML is
text from elsewhere: written as a YAML key or value it must come back as the same string (quoted when
YAML would misread it), and a ``# guessed:`` comment or the header (which names the input files) must
never let a line break start a new YAML key. Before: the header wrote file names raw, so a file named
``x<newline>evil: 1.xml`` added a top-level key ``evil`` to the imported topology.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
import yaml
from click.testing import CliRunner

from generator.cli.main import cli
from generator.derive.importer import import_topology
from generator.formats.topology_yaml import topology_yaml
from generator.input.ldm_xml import read_ldm_files

XML = Path(__file__).resolve().parents[1] / "live" / "xml" / "documented-resources.xml"
NAMES = ("ldg1: {evil: 1}", "ldg1\nevil: 1", "ldg1 # comment", "'\"", "$(id)", "- item", "&amp; <x>",
         "ldg1\u2028evil: 2", "[a, b]", "*alias", "!!python/object:os.system", "yes", "~", "@at", "日本é")


def _hostile_xml(tmp_path: Path, name: str, file_name: str = "h0.xml") -> Path:
    text = XML.read_text("utf-8")
    text = text.replace('id="ldg1"', f"id={quoteattr(name)}").replace(">ldg1-vnet0<", f">{escape(name)}-vnet0<")
    path = tmp_path / file_name
    path.write_text(text, "utf-8")
    return path


def _strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {s for k, v in data.items() for s in (_strings(k) | _strings(v))}
    if isinstance(data, list):
        return {s for v in data for s in _strings(v)}
    return {data} if isinstance(data, str) else set()


@pytest.mark.parametrize("name", NAMES)
def test_hostile_names_in_the_xml_come_back_as_the_same_yaml_data(tmp_path: Path, name: str) -> None:
    hosts, problems = read_ldm_files([f"h0={_hostile_xml(tmp_path, name)}"])
    assert [p for p in problems if p.severity.value == "error"] == []
    doc, guesses = import_topology(hosts, "imported")
    notes = {g.path: f"{g.reason} ({name})" for g in guesses}  # a reason that quotes the name
    text, _ = topology_yaml(doc, notes, [f"from {name}.xml"])
    assert yaml.safe_load(text) == doc
    assert name in _strings(doc["hosts"]["h0"]["domains"])


def test_guessed_comments_and_the_header_stay_on_their_line() -> None:
    doc = {"topology": "t", "hosts": {"h0": {"threads": 8}}}
    hostile = "reason\nevil: 1\r\nmore: 2\x85also: 3\u2028last: 4"
    text, lines = topology_yaml(doc, {("hosts", "h0", "threads"): hostile, ("hosts", "h0", "memory"): hostile},
                                [f"Imported from {hostile}"])
    assert yaml.safe_load(text) == doc
    assert lines[("hosts", "h0", "threads")] == lines[("hosts", "h0", "memory")]


def test_the_import_command_writes_hostile_file_and_domain_names_as_data(tmp_path: Path) -> None:
    xml = _hostile_xml(tmp_path, "ldg1\nevil: 1", "x\nevil: 1.xml")
    out = tmp_path / "imported.yaml"
    result = CliRunner().invoke(cli, ["import", "--ldm-xml", f"h0={xml}", "--out", str(out)])
    assert out.exists(), result.output
    data = yaml.safe_load(out.read_text("utf-8"))
    assert "evil" not in data and "ldg1\nevil: 1" in data["hosts"]["h0"]["domains"]
