"""No import circles: not between modules, not between packages (``lint-imports`` keeps the layers).

Every ``import`` of the package counts, also those inside functions and under ``TYPE_CHECKING``: a
deferred import is still a dependency, and a circle through one is a design knot, not a speed-up.
"""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _targets(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                for a in node.names]
    return []


def module_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in its text)."""
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        found = {t for node in ast.walk(ast.parse(path.read_text("utf-8"))) for t in _targets(node)}
        graph[name] = {t for t in found if t in MODULES and t != name}
    return graph


def _package(module: str) -> str:
    return module if (PACKAGE.parent / module.replace(".", "/") / "__init__.py").exists() else \
        module.rpartition(".")[0]


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, targets in module_graph().items():
        edges = graph.setdefault(_package(module), set())
        edges.update(p for p in map(_package, targets) if p != _package(module)
                     and not _package(module).startswith(p + "."))  # a package's parent is not a circle
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str]:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        return list(exc.args[1])
    return []


def test_no_circle_between_modules() -> None:
    assert _circle(module_graph()) == []


def test_no_circle_between_packages() -> None:
    assert _circle(package_graph()) == []


def test_the_checker_sees_a_circle() -> None:
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) != []
    graph = module_graph()
    assert "generator.input.loader" in graph["generator.build.pipeline"]


def test_readme_layout_table_is_the_folder_tree() -> None:
    """Every package folder of generator/ has a row in the README's layout table, and every row names one."""
    readme = (ROOT / "README.md").read_text("utf-8")
    named = set(re.findall(r"`generator/([a-z_]+)/`", readme.partition("## Layout")[2]))
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert named == folders


def test_no_module_name_is_used_twice() -> None:
    """A file name means one thing: two ``vcs.py`` (a command and an output) read as one in a traceback."""
    names = [p.name for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def _layout_rows() -> list[tuple[list[str], str]]:
    """(folders, description) of each README layout table row that names ``generator/`` folders."""
    table = (ROOT / "README.md").read_text("utf-8").partition("## Layout")[2]
    rows = []
    for line in table.splitlines():
        cells = line.split(" | ")
        folders = re.findall(r"`generator/([a-z_]+)/`", cells[0])
        if folders:
            rows.append((folders, " | ".join(cells[1:])))
    return rows


def _pyproject_layers() -> list[str]:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    block = text.partition('type = "layers"')[2].partition("layers = [")[2].partition("]")[0]
    return re.findall(r'"([^"]+)"', block)


def test_layout_table_contributing_and_layer_contract_agree() -> None:
    """The README table lists the layers top down in the contract's order, and CONTRIBUTING.md draws the same."""
    layers = _pyproject_layers()
    assert [" | ".join(folders) for folders, _ in _layout_rows()] == layers
    contributing = (ROOT / "CONTRIBUTING.md").read_text("utf-8").partition("```\n")[2].partition("```")[0]
    assert " ".join(contributing.split()) == " -> ".join(layers)


def test_modules_the_layout_table_names_exist() -> None:
    """Every module, file or folder the README table names in backticks is in the folder of its row."""
    missing = []
    for folders, text in _layout_rows():
        for folder, part in zip(folders, text.split(r" \| "), strict=False):
            for name in re.findall(r"`([a-z_]+(?:\.py|/)?)`", part):
                base = PACKAGE / folder / name.rstrip("/").removesuffix(".py")
                if not (base.with_suffix(".py").exists() or base.is_dir()):
                    missing.append(f"{folder}/{name}")
    assert missing == []
