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


NAMES_TO_SETTLE = {"failures.py", "placement.py", "whatif.py",  # the what-if work (issue 15)
                   "cluster.py", "delta.py", "domains.py", "model.py", "plan.py", "runbook.py", "storage.py",
                   "vcs.py", "versions.py", "volumes.py"}  # derive/change/ (issue 14)
"""Names landed twice while this test was written (derive/change/ mirrors the rule modules' names); to be
renamed by their owners. A name not listed here may not be used twice."""


def test_no_module_name_is_used_twice() -> None:
    """A file name means one thing: two ``vcs.py`` (a command and an output) read as one in a traceback."""
    names = [p.name for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    assert sorted({n for n in names if names.count(n) > 1} - NAMES_TO_SETTLE) == []
