"""The command line: exit codes 0/1/2, JSON diagnostics, the JSON Schema, the rule catalogue, --help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from generator.cli.main import COMMANDS, cli
from generator.input.source import read_document
from generator.rules.catalogue import catalogue

from .conftest import EXAMPLES, FIXTURES, ROOT

INVALID = FIXTURES / "invalid"


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_examples_exits_0() -> None:
    result = _run("check", "topologies")
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.stderr


def test_check_invalid_exits_1_with_located_lines() -> None:
    result = _run("check", str(INVALID.relative_to(ROOT)))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    located = re.compile(r"^tests/topologies/invalid/[\w.-]+\.yaml:\d+:\d+: (error|warning)\[[A-Z]+\d+\]: ")
    assert lines and all(located.match(line) for line in lines)


def test_check_missing_path_exits_1() -> None:
    result = _run("check", "no/such/topology.yaml")
    assert result.exit_code == 1
    assert "no/such/topology.yaml:1:1: error[IO001]" in result.stdout


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["no-such-command"], ["check", "--nope"],
                                  ["build", "--out"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert _run(*args).exit_code == 2


def test_json_format_lists_every_diagnostic_with_its_fields() -> None:
    result = _run("check", "--format", "json", str(INVALID.relative_to(ROOT)))
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    text = _run("check", str(INVALID.relative_to(ROOT))).stdout.splitlines()
    assert len(rows) == len(text)
    for row in rows:
        assert {"file", "line", "col", "severity", "rule", "message", "hint"} <= set(row)
        assert row["severity"] in ("error", "warning") and row["line"] >= 1 and row["col"] >= 1


def test_json_format_of_clean_input_is_an_empty_list() -> None:
    result = _run("check", "--format", "json", "topologies")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_rules_lists_the_whole_catalogue() -> None:
    text = _run("rules").stdout
    rows = json.loads(_run("rules", "--format", "json").stdout)
    codes = catalogue()
    assert [r["id"] for r in rows] == list(codes)
    for rule_id, code in codes.items():
        assert f"{rule_id}  {code.severity.value}" in text
        assert code.summary and code.source


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    ctx = click.Context(group)
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=lambda p: " ".join(p) or "main")
def test_help_on_every_command(path: tuple[str, ...]) -> None:
    result = _run(*path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage:")


def test_module_entry_point_prints_no_traceback_for_hostile_files() -> None:
    proc = subprocess.run([sys.executable, "-m", "generator", "check", str(INVALID.relative_to(ROOT))],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr


# --- JSON Schema ----------------------------------------------------------------------------------------
# pydantic is the validator of record; this walker checks that the emitted schema describes the examples'
# structure (every key, type, enum value and pattern), so editors using it will not flag valid files.

_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list,
          "object": dict}


def _type_ok(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _errors(schema: dict[str, Any], node: dict[str, Any], value: Any, where: str) -> list[str]:
    if "$ref" in node:
        return _errors(schema, schema["$defs"][node["$ref"].split("/")[-1]], value, where)
    if "anyOf" in node:
        options = [_errors(schema, option, value, where) for option in node["anyOf"]]
        return [] if any(not o for o in options) else min(options, key=len)
    if "enum" in node and value not in node["enum"]:
        return [f"{where}: {value!r} not in {node['enum']}"]
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    if types and not any(_type_ok(value, t) for t in types):
        return [f"{where}: {value!r} is not {types}"]
    if isinstance(value, str) and "pattern" in node and not re.search(node["pattern"], value):
        return [f"{where}: {value!r} does not match {node['pattern']}"]
    if isinstance(value, list):
        items = node.get("items", {})
        return [e for i, item in enumerate(value) for e in _errors(schema, items, item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return _object_errors(schema, node, value, where)
    return []


def _object_errors(schema: dict[str, Any], node: dict[str, Any], value: dict[str, Any],
                   where: str) -> list[str]:
    found = [f"{where}: missing {key!r}" for key in node.get("required", []) if key not in value]
    for key, item in value.items():
        if key in node.get("properties", {}):
            found += _errors(schema, node["properties"][key], item, f"{where}.{key}")
        elif node.get("additionalProperties", True) is False:
            found.append(f"{where}: unknown key {key!r}")
        elif isinstance(node.get("additionalProperties"), dict):
            found += _errors(schema, node["additionalProperties"], item, f"{where}.{key}")
    return found


@pytest.fixture(scope="module")
def topology_schema() -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_schema_is_a_draft_2020_12_object_schema(topology_schema: dict[str, Any]) -> None:
    assert topology_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert topology_schema["type"] == "object" and topology_schema["additionalProperties"] is False
    refs = set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', json.dumps(topology_schema)))
    assert refs and refs <= set(topology_schema["$defs"])


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_accepts_every_example(topology_schema: dict[str, Any], example: Path) -> None:
    doc = read_document(example)
    assert not doc.diagnostics
    assert _errors(topology_schema, topology_schema, doc.data, "$") == []


def test_schema_walker_rejects_what_pydantic_rejects(topology_schema: dict[str, Any]) -> None:
    doc = read_document(INVALID / "unknown-key-with-suggestion.yaml")
    assert any("unknown key" in e for e in _errors(topology_schema, topology_schema, doc.data, "$"))


def test_schema_output_file_option(tmp_path: Path, topology_schema: dict[str, Any]) -> None:
    target = tmp_path / "topology.schema.json"
    assert _run("schema", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text("utf-8")) == topology_schema


def test_every_command_module_is_in_the_command_map() -> None:
    """One module per command under generator/cli/, each named in COMMANDS and exporting the command by that
    name; the other modules there are the map itself and what several commands share."""
    helpers = {"__init__", "main", "options", "live_inputs"}
    modules = {p.stem for p in (ROOT / "generator" / "cli").glob("*.py")} - helpers
    assert {m.rpartition(".")[2] for m in COMMANDS.values()} == modules
    ctx = click.Context(cli)
    assert all(cli.get_command(ctx, name).name == name for name in COMMANDS)  # type: ignore[union-attr]


def test_an_import_error_in_a_command_module_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COMMANDS, "broken", "generator.cli.no_such_module")
    with pytest.raises(ModuleNotFoundError):
        cli.get_command(click.Context(cli), "broken")
