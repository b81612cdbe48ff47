"""Every example cluster: golden main.cf and main.cmd, clean under the verifier, deterministic build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.pipeline import derivation
from generator.core.artifacts import RenderContext
from generator.core.diagnostics import format_text
from generator.derive.vcs.api import ClusterConfigs, cluster_names, ha_commands, main_cf_text, service_groups
from generator.estate.estate import Estate
from generator.formats.vcs_files import render
from generator.input.loader import load_file
from generator.maincf.verify import verify_text

from ..conftest import EXAMPLES, GOLDEN, ROOT

GOLDEN_VCS = GOLDEN / "vcs"
TOPOLOGIES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def _estate(name: str) -> Estate:
    path = Path("topologies") / name
    loaded = load_file(path, str(path))
    assert loaded.topology is not None
    return Estate(loaded.topology)


def _compare(path: Path, text: str, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.exists(), f"missing golden {path.relative_to(ROOT)}: run with --update-goldens"
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("topology", TOPOLOGIES)
def test_golden_main_cf_and_commands(topology: str, update_goldens: bool) -> None:
    estate = _estate(topology)
    for cluster in cluster_names(estate):
        folder = GOLDEN_VCS / Path(topology).stem / cluster
        vcs = ClusterConfigs(estate)
        _compare(folder / "main.cf", main_cf_text(vcs, cluster, topology), update_goldens)
        _compare(folder / "main.cmd", "\n".join(ha_commands(vcs, cluster)) + "\n", update_goldens)


@pytest.mark.parametrize("topology", TOPOLOGIES)
def test_generated_main_cf_passes_the_verifier(topology: str) -> None:
    estate = _estate(topology)
    for cluster in cluster_names(estate):
        text = main_cf_text(ClusterConfigs(estate), cluster, topology)
        assert format_text(verify_text(text, f"{cluster}/main.cf")) == ""


@pytest.mark.parametrize("topology", TOPOLOGIES)
def test_rendering_twice_is_byte_identical(topology: str) -> None:
    context = RenderContext(topology, "0" * 64)
    first = [(a.path, a.data) for a in render(derivation(_estate(topology)), context)]
    second = [(a.path, a.data) for a in render(derivation(_estate(topology)), context)]
    assert first == second
    assert all(f"Generated from {topology}".encode() in data for _, data in first)


def test_service_groups_match_main_cf() -> None:
    estate = _estate("payments-alternateio.yaml")
    groups = {g.name: g for g in service_groups(ClusterConfigs(estate), "payclus")}
    assert groups["pay1_grp"].kind == "ldom" and not groups["pay1_grp"].parallel
    assert groups["t8e_stor_grp"].parallel and groups["t8e_stor_grp"].systems == ("t8e", "t8e-altio")
    assert groups["pay1_aio_grp"].kind == "alternateio"


def test_every_configuration_model_appears_in_an_example() -> None:
    estates = [_estate(t) for t in TOPOLOGIES]
    kinds = {g.kind for e in estates for c in cluster_names(e) for g in service_groups(ClusterConfigs(e), c)}
    assert {"ldom", "alternateio", "storage", "network", "cvm", "cfs", "application", "zone", "rac"} <= kinds


def test_group_graph_shows_the_alternateio_hard_dependency() -> None:
    context = RenderContext("payments-alternateio.yaml", "0" * 64)
    artifacts = render(derivation(_estate("payments-alternateio.yaml")), context)
    dot = next(a for a in artifacts if a.path.endswith("groups.svg"))
    assert dot.convert == "svg" and dot.kind == "vcs-diagram"
    assert b'"pay1_grp" -> "pay1_aio_grp" [label="online local hard"];' in dot.data


def test_prerequisite_groups_follow_dependencies_alternateio_and_proxies() -> None:
    from generator.derive.vcs.api import prerequisite_groups

    assert prerequisite_groups(ClusterConfigs(_estate("payments-alternateio.yaml")), "payclus", "pay1_grp", "t8f") == [
        "pay1_aio_grp", "t8f_net_grp", "t8f_stor_grp"]
    assert prerequisite_groups(ClusterConfigs(_estate("erp-split.yaml")), "ctlclus", "erpdb_grp", "t8b") == [
        "cvm", "erpdg_grp", "ldom_net_grp"]
