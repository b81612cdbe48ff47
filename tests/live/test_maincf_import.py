"""Import with each cluster's main.cf: the imported topology derives the same main.cf trees; VCS drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.derive.expected_live import expected_hosts
from generator.derive.vcs.api import ClusterConfigs, derived
from generator.estate.estate import Estate
from generator.formats.ldm_xml_export import host_xml
from generator.input.loader import load_file
from generator.maincf.printer import format_config
from generator.maincf.tree_diff import diff_configs

from ..conftest import EXAMPLES

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def _estate(path: Path) -> Estate:
    loaded = load_file(path)
    assert loaded.topology is not None, loaded.diagnostics
    return Estate(loaded.topology)


def _collect(estate: Estate, folder: Path) -> list[str]:
    """What an engineer collects: each host's `ldm list-constraints -x` and each cluster's main.cf."""
    args = []
    for host in expected_hosts(estate):
        (folder / f"{host.name}.xml").write_text(host_xml(host, "example.yaml"))
        args += ["--ldm-xml", f"{host.name}={folder / f'{host.name}.xml'}"]
    for name in estate.topology.clusters:
        (folder / f"{name}.cf").write_text(format_config(derived(ClusterConfigs(estate), name).config))
        args += ["--maincf", str(folder / f"{name}.cf")]
    return args


@pytest.mark.parametrize("name", NAMES)
def test_imported_topology_derives_the_same_main_cf(tmp_path: Path, name: str) -> None:
    original = _estate(EXAMPLES / f"{name}.yaml")
    out = tmp_path / "imported.yaml"
    result = CliRunner().invoke(cli, ["import", *_collect(original, tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "error[" not in result.stdout
    imported = _estate(out)
    for cluster in original.topology.clusters:
        changes = diff_configs(derived(ClusterConfigs(original), cluster).config,
                               derived(ClusterConfigs(imported), cluster).config)
        assert [c.describe() for c in changes] == []
        # The fencing mode lives in /etc/vxfenmode, not main.cf: fencing is on, its mode is a marked guess.
        if original.topology.clusters[cluster].fencing.mode.value != "disabled":
            assert "fencing: {mode: majority}  # guessed: main.cf sets UseFence = SCSI3" in out.read_text()


def test_running_main_cf_drift_is_reported_at_the_cluster(tmp_path: Path) -> None:
    example = EXAMPLES / "payments-alternateio.yaml"
    estate = _estate(example)
    args = _collect(estate, tmp_path)
    maincf = tmp_path / "payclus.cf"
    runner = CliRunner()
    clean = runner.invoke(cli, ["drift", str(example), *args])
    assert clean.exit_code == 0, clean.output
    text = maincf.read_text()
    assert text.count("AutoFailOver") == 0
    text = re.sub(r"(group pay1_grp \(\n)", r"\1\tAutoFailOver = 0\n", text)
    maincf.write_text(text)
    result = runner.invoke(cli, ["drift", str(example), "--maincf", str(maincf)])
    assert result.exit_code == 1
    line = next(i for i, t in enumerate(example.read_text().splitlines(), 1) if t.startswith("  payclus:"))
    assert result.stdout.splitlines() == [
        f"{example.relative_to(EXAMPLES.parent)}:{line}:3: error[DRIFT007]: cluster payclus: "
        "group pay1_grp, attribute AutoFailOver added in the running main.cf"]


def test_unknown_cluster_and_types_file_are_reported(tmp_path: Path) -> None:
    example = EXAMPLES / "payments-alternateio.yaml"
    other = tmp_path / "other.cf"
    other.write_text("cluster strange (\n)\n")
    types = tmp_path / "types.cf"
    types.write_text('type Foo (\n\tstr Bar\n)\n')
    result = CliRunner().invoke(cli, ["drift", str(example), "--maincf", str(other)])
    assert result.exit_code == 1 and "cluster strange runs but the topology does not declare it" in result.stdout
    result = CliRunner().invoke(cli, ["drift", str(example), "--maincf", str(types)])
    assert result.exception is not None and "IMP008" in str(result.exception)
