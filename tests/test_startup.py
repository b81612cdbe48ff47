"""Start-up stays light: the CLI imports the schema, the rules and the renderers only for the commands that
need them (users run ``check`` and ``build`` after every edit; benchmarks/startup.py times them).

Each test runs a fresh interpreter and lists the heavy packages it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import EXAMPLES, ROOT

HEAVY = ("pydantic", "yaml", "networkx", "jinja2", "rich", "weasyprint")


def _imported_after(code: str) -> set[str]:
    """Top-level packages among HEAVY that are in ``sys.modules`` after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=True)
    return set(json.loads(done.stdout.splitlines()[-1])) & set(HEAVY)


def _cli_run(*args: str) -> str:
    """Code that runs ``python -m generator ARGS`` in-process, keeping the interpreter alive afterwards."""
    return ("import sys\nfrom generator.cli.main import cli\n"
            f"try:\n    cli.main({list(args)!r}, standalone_mode=False)\nexcept SystemExit:\n    pass")


def test_help_imports_no_heavy_package_and_lists_every_command() -> None:
    assert _imported_after(_cli_run("--help")) == set()
    listed = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True).stdout
    for name in ("build", "check", "migrate", "rules", "runbook", "schema", "vcs"):
        assert f"\n  {name} " in listed


def test_check_needs_only_the_schema_and_the_yaml_reader() -> None:
    assert _imported_after(_cli_run("check", str(EXAMPLES / "erp-split.yaml"))) == {"pydantic", "yaml"}


def test_the_build_orchestrator_does_not_load_what_only_changed_topologies_need() -> None:
    """A build whose topologies are unchanged loads none of them: the schema, the rules and the renderers
    are imported by the workers that check and render, and rich only when progress is shown."""
    assert _imported_after("import generator.cli.main, generator.build.orchestrate") == set()
