"""Sequence diagrams: golden bytes, horizontal messages, no overlapping labels (checked on the PNG)."""

from __future__ import annotations

import io
import itertools
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import cairosvg
import pytest
from PIL import Image, ImageChops, ImageDraw

from generator.build.pipeline import check_file, render_checked
from generator.core.artifacts import Artifact, RenderContext, RenderOptions
from generator.derive.migration.case import planned_cases
from generator.derive.migration.plan import MigrationPlan, plan_migration
from generator.derive.migration.sequence import build_sequence, variants
from generator.derive.vcs.api import ClusterConfigs
from generator.drawing.sequence_layout import Text, layout
from generator.estate.estate import Estate
from generator.formats.migrations import migration_artifacts
from generator.rules.migration_checks import run_checks

from .conftest import EXAMPLES, FIXTURES, GOLDEN, ROOT

GOLDEN_MIGRATION = GOLDEN / "migration"
SOURCES = sorted(EXAMPLES.glob("*.yaml")) + sorted((FIXTURES / "valid").glob("migration-*.yaml"))
NS = {"svg": "http://www.w3.org/2000/svg"}


def _first_plan(estate: Estate) -> MigrationPlan:
    case = planned_cases(ClusterConfigs(estate))[0]
    return plan_migration(case, run_checks(case))

def _artifacts(path: Path) -> list[Artifact]:
    rel = path.relative_to(ROOT)
    checked = check_file(rel)
    assert checked.estate is not None
    context = RenderContext(source_name=checked.source_name, source_sha256=checked.source_sha256)
    return [
        a
        for case in planned_cases(ClusterConfigs(checked.estate))
        for a in migration_artifacts(plan_migration(case, run_checks(case)), context)
    ]


def _diagram_cases() -> list[tuple[str, Artifact]]:
    result = []
    for path in SOURCES:
        for a in _artifacts(path):
            if a.kind == "sequence-diagram":
                result.append((f"{path.stem}/{a.path.removeprefix('migrations/')}", a))
    return result


DIAGRAMS = _diagram_cases()
SVGS = [(name, a) for name, a in DIAGRAMS if a.format == "svg"]


def test_every_planned_migration_gets_a_diagram_per_variant_and_a_plan() -> None:
    count = 0
    for path in SOURCES:
        arts = {a.path for a in _artifacts(path)}
        checked = check_file(path.relative_to(ROOT))
        assert checked.estate is not None
        for case in planned_cases(ClusterConfigs(checked.estate)):
            plan = plan_migration(case, run_checks(case))
            base = f"migrations/{case.slug}"
            assert f"{base}/plan.json" in arts
            for variant in variants(plan):
                assert {f"{base}/sequence-{variant}.{ext}" for ext in ("svg", "mmd", "puml")} <= arts
            count += 1
    assert count >= 6


@pytest.mark.parametrize("pdf", ["1", "0"], ids=["full", "draft"])
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_the_runbook_is_written_once_and_the_plan_points_to_it(path: Path, pdf: str) -> None:
    """No Markdown copy beside the diagrams: ``plan.json`` names the runbook renderer's files, exactly
    those that are built (a draft build, ``--no-pdf``, writes no PDF, so the plan names none)."""
    checked = check_file(path.relative_to(ROOT))
    assert checked.estate is not None
    rendered = render_checked(checked, RenderOptions(pdf=pdf == "1"), only=["migrations", "runbooks"])
    everything = {a.path: a for a in rendered}
    plans = [a for a in everything.values() if a.kind == "migration-plan"]
    assert len(plans) == len(planned_cases(ClusterConfigs(checked.estate)))
    for plan in plans:
        folder = plan.path.rsplit("/", 1)[0]
        assert [p for p in everything if p.startswith(folder) and p.endswith(".md")] == []
        files = json.loads(plan.data)["runbook"]
        built = sorted(p.rsplit(".", 1)[1] for p in everything if p.startswith(plan.meta["related"] + "."))
        assert sorted(files) == built == (["html", "md", "pdf"] if pdf == "1" else ["html", "md"])
        assert all(everything[f].kind == "runbook" for f in files.values())
        assert plan.meta["related"] == files["md"].removesuffix(".md")


@pytest.mark.parametrize(("name", "artifact"), DIAGRAMS, ids=[n for n, _ in DIAGRAMS])
def test_diagram_matches_golden(name: str, artifact: Artifact, update_goldens: bool) -> None:
    golden = GOLDEN_MIGRATION / name
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(artifact.data)
    assert golden.exists(), f"no golden file {golden}; run pytest --update-goldens"
    assert artifact.data == golden.read_bytes()


def _texts(root: ET.Element) -> list[Text]:
    result = []
    for el in root.iter("{http://www.w3.org/2000/svg}text"):
        result.append(
            Text(
                float(el.get("x", 0)),
                float(el.get("y", 0)),
                el.text or "",
                float(el.get("font-size", 12)),
                el.get("font-weight") == "bold",
                el.get("text-anchor", "start"),
            )
        )
    return result


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(("name", "artifact"), SVGS, ids=[n for n, _ in SVGS])
def test_svg_messages_horizontal_and_labels_apart(name: str, artifact: Artifact) -> None:
    root = ET.fromstring(artifact.data)
    lines = [
        el
        for el in root.iter("{http://www.w3.org/2000/svg}line")
        if el.get("class") in ("message", "reply")
    ]
    assert lines and all(el.get("y1") == el.get("y2") for el in lines)
    texts = _texts(root)
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    for t in texts:
        x0, y0, x1, y1 = t.box()
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height, t.text
    for a, b in itertools.combinations(texts, 2):
        assert not _overlap(a.box(), b.box()), (a.text, b.text)
    _assert_ink_inside_boxes(root, texts, int(width), int(height))


def _assert_ink_inside_boxes(root: ET.Element, texts: list[Text], width: int, height: int) -> None:
    """Render only the labels to PNG: every inked pixel lies in its label's estimated box."""
    only_text = ET.Element(root.tag, root.attrib)
    for el in root.iter("{http://www.w3.org/2000/svg}text"):
        only_text.append(el)
    png = cairosvg.svg2png(bytestring=ET.tostring(only_text))
    image = Image.open(io.BytesIO(png))
    assert image.size == (width, height)
    ink = image.getchannel("A").point(lambda a: 255 if a > 96 else 0)
    boxes = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(boxes)
    for t in texts:
        x0, y0, x1, y1 = t.box()
        draw.rectangle((x0 - 1, y0 - 1, x1 + 1, y1 + 1), fill=255)
    assert ink.getbbox() is not None
    assert ImageChops.subtract(ink, boxes).getbbox() is None


def test_layout_puts_every_label_in_its_own_box() -> None:
    """The same property computed from the layout itself, before any SVG is written."""
    path = EXAMPLES / "erp-split.yaml"
    checked = check_file(path.relative_to(ROOT))
    assert checked.estate is not None
    plan = _first_plan(checked.estate)
    for variant in variants(plan):
        lay = layout(build_sequence(plan, variant))
        for a, b in itertools.combinations(lay.texts, 2):
            assert not _overlap(a.box(), b.box())
        assert all(ln.y1 == ln.y2 for ln in lay.lines if ln.role != "lifeline")


def test_cold_variant_has_no_phase_3_messages() -> None:
    checked = check_file((FIXTURES / "valid" / "migration-manual-cold.yaml").relative_to(ROOT))
    assert checked.estate is not None
    plan = _first_plan(checked.estate)
    seq = build_sequence(plan, "cold")
    phase3 = [b for b in seq.bands if b.label.startswith("Phase 3")]
    assert len(phase3) == 1 and phase3[0].items == ()
    cancel = build_sequence(plan, "cancel")
    assert any(
        "cancel-operation migration g1" in getattr(i, "label", "") for b in cancel.bands for i in b.items
    )


def test_svg_is_generated_and_deterministic() -> None:
    first = [a.data for a in _artifacts(EXAMPLES / "erp-split.yaml")]
    second = [a.data for a in _artifacts(EXAMPLES / "erp-split.yaml")]
    assert first == second
    svg = next(a for a in _artifacts(EXAMPLES / "erp-split.yaml") if a.format == "svg").data.decode()
    assert "<!-- Generated by infoscale-docgen from erp-split.yaml" in svg
    assert 'stroke-dasharray="6 4"' in svg


@pytest.mark.parametrize(("name", "artifact"), SVGS, ids=[n for n, _ in SVGS])
def test_svg_renders_with_rsvg_convert(name: str, artifact: Artifact) -> None:
    """The second renderer (librsvg, as installed by scripts/system-deps.sh) accepts every diagram."""
    tool = shutil.which("rsvg-convert")
    assert tool, "rsvg-convert is missing: run scripts/system-deps.sh"
    run = subprocess.run([tool, "--format", "png"], input=artifact.data, capture_output=True, check=True)
    png = run.stdout
    root = ET.fromstring(artifact.data)
    image = Image.open(io.BytesIO(png))
    assert image.size == (int(float(root.get("width", 0))), int(float(root.get("height", 0))))
    assert image.convert("L").getextrema()[0] == 0
