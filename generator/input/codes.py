"""The diagnostic IDs of the input layer: reading a topology file, its YAML, its shape, and the set of files.

They are part of the one catalogue that ``python -m generator rules`` lists
(:func:`generator.rules.catalogue.catalogue`). All are errors of basis ``tool``: they are the limits and the
format of this tool, not vendor facts.
"""

from __future__ import annotations

from generator.core.diagnostics import Code, Severity

_SOURCE = "the topology reader (generator/input)"
_LDM_XML = "the reader of `ldm list-constraints -x` output (generator/input/ldm_xml.py; `generator import`, `drift`)"


def _code(rule_id: str, category: str, summary: str, source: str = _SOURCE,
          severity: Severity = Severity.ERROR) -> Code:
    return Code(rule_id, severity, "tool", category, summary, source)


INPUT_CODES: tuple[Code, ...] = (
    _code("IO001", "file", "The topology file or folder exists and can be read as a regular file"),
    _code("YAML001", "yaml", "The file is well-formed YAML (syntax)"),
    _code("YAML002", "yaml", "A mapping states each key once"),
    _code("YAML003", "yaml", "Plain YAML only: no tags, no merge keys ('<<')"),
    _code("YAML004", "yaml", "The document holds at most 400,000 values and aliases copy at most 10,000"),
    _code("YAML005", "yaml", "The file is at most 4 MiB"),
    _code("YAML006", "yaml", "Text is UTF-8 without NUL bytes, control characters or odd line breaks"),
    _code("YAML007", "yaml", "Nesting is at most 64 levels deep"),
    _code("YAML008", "yaml", "Numbers are finite, and integers have at most 18 digits"),
    _code("YAML009", "yaml", "The file holds a YAML document (it is not empty)"),
    _code("YAML010", "yaml", "Mapping keys are plain scalars"),
    _code("SCH001", "schema", "Every key is one the topology format knows (with a 'did you mean' hint)"),
    _code("SCH002", "schema", "Every required key is present"),
    _code("SCH003", "schema", "Every value has the type and range the topology format declares"),
    _code("TOPO001", "file", "Each topology file has its own topology ID (it names the output folder)"),
    _code("BUILD001", "build", "A topology the site builds can be rendered (an engine such as dot did not fail)",
          "the Sphinx extension's build of a topology (generator/sphinx_ext/site.py)"),
)
"""Every ID the topology reader emits, in catalogue order."""

LDM_XML_CODES: tuple[Code, ...] = (
    _code("IMP001", "import", "The ldm XML file is well-formed XML", _LDM_XML),
    _code("IMP002", "import", "The ldm XML file declares no DTD entities (refused, never expanded)", _LDM_XML),
    _code("IMP003", "import", "The ldm XML file is at most the size limit", _LDM_XML),
    _code("IMP004", "import", "The ldm XML file describes at least one domain (<Content> element)", _LDM_XML),
    _code("IMP005", "import", "Each domain has a name, is described once, and its resources are complete", _LDM_XML),
    _code("IMP006", "import", "Numbers, sizes and VLAN IDs in the ldm XML file are well-formed", _LDM_XML),
    _code("IMP007", "import", "Each host is given one ldm XML file", _LDM_XML),
    _code("IMP008", "import", "A main.cf given to import or drift has a cluster block (not a types file)",
          "the readers of live inputs (generator/cli/live_inputs.py)"),
    _code("IMP009", "import", "Every line of vxprint/vxdisk output given to import can be read",
          "the reader of vxprint and vxdisk list output (generator/input/vxvm_text.py)"),
    _code("IMP101", "import", "A resource type the importer does not know is ignored (warning)", _LDM_XML,
          Severity.WARNING),
    _code("IMP201", "import", "A value the importer had to guess is marked for review (warning)",
          "the topology importer (generator/derive/importer.py, `generator import`)", Severity.WARNING),
)
"""The IDs of reading ``ldm list-constraints -x`` output (``generator import`` and ``generator drift``)."""
