"""Options and readers shared by ``import`` and ``drift``: the outputs engineers collect from a running estate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.core.diagnostics import Diagnostic, Severity

F = TypeVar("F", bound=Callable[..., Any])

MAX_MAINCF_BYTES = 16 * 1024 * 1024


def live_options(func: F) -> F:
    """``--ldm-xml`` and ``--maincf``, repeatable."""
    func = click.option("--maincf", "maincf_files", multiple=True, type=click.Path(path_type=Path),
                        metavar="FILE", help="A running cluster's main.cf; repeatable.")(func)
    func = click.option("--ldm-xml", "ldm_files", multiple=True, metavar="[HOST=]FILE",
                        help="`ldm list-constraints -x` output of a host (host named by the file stem unless "
                             "HOST= is given); repeatable.")(func)
    return func


def read_maincf_files(files: list[Path]) -> tuple[list[Any], list[Diagnostic]]:
    """Parse each main.cf; a file that cannot be read or parsed gives located errors."""
    from generator.maincf.parser import parse

    configs, problems = [], []
    for file in files:
        try:
            if file.stat().st_size > MAX_MAINCF_BYTES:
                problems.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IMP003", "file is larger than "
                                           f"{MAX_MAINCF_BYTES // 1024 // 1024} MB; refused"))
                continue
            text = file.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            problems.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IO001",
                                       f"cannot read: {exc.strerror or exc}"))
            continue
        config, found = parse(text, str(file))
        problems += found
        if config.cluster is None:
            problems.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IMP008",
                                       "no `cluster` block: give the cluster's main.cf, not a types file"))
        else:
            configs.append(config)
    return configs, problems
