"""Issue 16 item 9: the architect's view of the stack models, from one home (input/data/stack-models.yaml).

The comparison is a compact mark matrix with notes as footnotes; each model's stack picture shows the
same placement the matrix rows about components read; the topology index says where VCS, VxVM and DMP
run in each estate, from the domains' declared components.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.drawing.stack_picture import stack_svg
from generator.input.loader import load_file
from generator.input.schema import Component
from generator.input.stack_models import DATA, PLACES, load_stack_models
from generator.sphinx_ext.reference_pages import _chips, _models_page

from .conftest import EXAMPLES, ROOT

SVG = "{http://www.w3.org/2000/svg}"


def _columns(svg: str) -> list[list[str]]:
    """Words of each column of a stack picture, left to right (its header first)."""
    root = ET.fromstring(svg.split("\n", 1)[1])
    headers = [float(r.get("x", 0)) for r in root.iter(f"{SVG}rect") if r.get("rx")][::2]
    columns: list[list[str]] = [[] for _ in headers]
    for text in [t for t in root.iter(f"{SVG}text") if float(t.get("y", 0)) > 34]:  # below the title
        x = float(text.get("x", 0))
        for i, left in enumerate(headers):
            if left <= x <= left + 168:
                columns[i].append(text.text or "")
    return columns


def test_each_stack_picture_shows_the_components_of_its_model_in_each_place() -> None:
    models = load_stack_models()
    for model in models.models.values():
        columns = _columns(stack_svg(model, models.places))
        assert [c[0] for c in columns] == [models.places[p] for p in PLACES]
        for place, words in zip(PLACES, columns, strict=True):
            drawn = {w.split(" (")[0] for w in words[1:]} - {"no InfoScale"}
            declared = {c for c, places in model.stack.items() if place in places}
            clustered = any(model.stack.get(c, {}).get(place) in ("yes", "optional")
                            for c in (Component.VCS, Component.CVM))
            assert len(drawn) == len(declared) + clustered, (model.key, place, drawn)
            assert ("LLT / GAB" in drawn) == clustered
    sizes = re.findall(r'font-size="(\d+)"', stack_svg(models.models["split"], models.places))
    assert sizes and min(map(int, sizes)) >= 12


def test_the_comparison_is_a_mark_matrix_with_its_notes_as_footnotes() -> None:
    page = _models_page([], load_stack_models()).decode()
    rows = [line for line in page.splitlines() if line.startswith("| ") and "Basis" not in line]
    cells = [cell.strip() for line in rows[:-1] for cell in line.strip("|").split(" | ")[1:4]]
    assert cells and all(re.fullmatch(r"\[(✓|\(✓\)|◐|✗)\]\{[^}]+\}( \[\^\d+\])?", c) for c in cells), cells
    referenced = set(re.findall(r"\[\^(\d+)\](?!:)", page))
    defined = set(re.findall(r"^\[\^(\d+)\]:", page, flags=re.M))
    assert referenced == defined and len(defined) >= 10
    assert max(len(c) for c in cells) < 60  # no ten-line cells: the words went to the notes


def test_component_rows_take_their_marks_from_the_stacks(tmp_path: Path) -> None:
    models = load_stack_models()
    guest_vxvm = next(r for r in models.rows if r.aspect == "VxVM in the guest")
    assert {k: c.mark for k, c in guest_vxvm.cells.items()} == {"split": "no", "guest-based": "yes", "layered": "yes"}
    wrong = tmp_path / "stack-models.yaml"
    wrong.write_text(DATA.read_text("utf-8").replace("runs: [vxvm, guest]\n",
                                                     "runs: [vxvm, guest]\n    split: [yes, contradicts]\n"))
    with pytest.raises(ValueError, match="stack says no"):
        load_stack_models(wrong)


@pytest.mark.parametrize(("name", "chips"), [
    ("erp-split", [["VCS", "control"], ["VxVM", "control"], ["DMP", "control"]]),
    ("billing-guest-cvm", [["VCS", "guest"], ["VxVM", "guest"], ["DMP", "guest"]]),
    ("trading-layered", [["VCS", "guest"], ["VxVM", "guest"], ["DMP", "control, I/O, guest"]]),
])
def test_the_topology_index_says_where_vcs_vxvm_and_dmp_run(name: str, chips: list[list[str]]) -> None:
    path = EXAMPLES / f"{name}.yaml"
    loaded = load_file(path, str(path.relative_to(ROOT)))
    assert loaded.topology is not None
    assert _chips(loaded.topology) == chips
