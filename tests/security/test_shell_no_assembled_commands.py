"""No procedure assembles a command from text: every command goes through the one builder.

A static guard over ``generator/derive``: the commands, verify and back-out commands of every
``Step(...)``, and every list a procedure collects them in (``commands``, ``verify``, ``backout``,
``checks``...), hold only constants and calls (``sh(...)``, ``hagrp(...)``, ``heredoc(...)``); an
f-string with a value or a string concatenation there is a command assembled by hand. The old code had
178 of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COLLECTORS = {"commands", "verify", "backout", "checks", "here", "restore", "online", "init", "mount", "first",
              "bind"}


def _is_text_assembly(node: ast.AST) -> bool:
    """An f-string with a value, or ``+``/``%`` with a string operand."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    return isinstance(node, ast.BinOp) and any(
        isinstance(x, ast.Constant) and isinstance(x.value, str) for x in (node.left, node.right))


def _assembled(expr: ast.expr) -> list[ast.AST]:
    """Text assembled in ``expr``, not looking inside calls (their arguments are the builder's)."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in ("tuple", "list")):
            continue
        if _is_text_assembly(node):
            found.append(node)
        else:
            stack.extend(ast.iter_child_nodes(node))
    return found


def _command_expressions(tree: ast.AST) -> list[ast.expr]:
    out: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Step":
            out += [kw.value for kw in node.keywords if kw.arg in ("commands", "verify", "backout")]
            out += node.args[3:4]
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            out += [node.value] if any(isinstance(t, ast.Name) and t.id in COLLECTORS for t in targets) else []
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("append", "extend") and isinstance(node.func.value, ast.Name) and \
                node.func.value.id in COLLECTORS:
            out += node.args
    return out


def test_no_command_is_assembled_from_text_outside_the_builder() -> None:
    found = []
    for path in sorted((ROOT / "generator" / "derive").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        found += [f"{path.relative_to(ROOT)}:{getattr(n, 'lineno', 0)}: {ast.unparse(n)[:80]}"
                  for e in _command_expressions(tree) for n in _assembled(e)]
    assert not found, "\n".join(found)
