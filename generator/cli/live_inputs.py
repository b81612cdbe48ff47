"""Options and readers shared by ``import`` and ``drift``: the outputs engineers collect from a running estate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.core.diagnostics import Diagnostic, Severity

F = TypeVar("F", bound=Callable[..., Any])

MAX_MAINCF_BYTES = 16 * 1024 * 1024


def vxvm_options(func: F) -> F:
    """``--vxdisk`` and ``--vxprint`` (import only), repeatable, each naming the domain that ran it."""
    func = click.option("--vxprint", "vxprint_files", multiple=True, metavar="HOST/DOMAIN=FILE",
                        help="`vxprint -htr` output of a domain running VxVM; repeatable.")(func)
    func = click.option("--vxdisk", "vxdisk_files", multiple=True, metavar="HOST/DOMAIN=FILE",
                        help="`vxdisk -e list` output of a domain running VxVM/DMP; repeatable.")(func)
    return func


def read_domain_files(specs: list[str], reader: Callable[[str, str], tuple[Any, list[Diagnostic]]]
                      ) -> tuple[dict[str, Any], list[Diagnostic]]:
    """``HOST/DOMAIN=FILE`` outputs read by ``reader``, by domain reference."""
    out: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for spec in specs:
        ref, sep, name = spec.partition("=")
        if not sep or ref.count("/") != 1:
            raise click.BadParameter(f"{spec!r}: write HOST/DOMAIN=FILE (the domain that ran the command)")
        try:
            text = Path(name).read_bytes()[:MAX_MAINCF_BYTES + 1].decode("utf-8", errors="replace")
        except OSError as exc:
            problems.append(Diagnostic(name, 1, 1, Severity.ERROR, "IO001", f"cannot read: {exc.strerror or exc}"))
            continue
        if len(text) > MAX_MAINCF_BYTES:
            problems.append(Diagnostic(name, 1, 1, Severity.ERROR, "IMP003", "file too large; refused"))
            continue
        out[ref], found = reader(text, name)
        problems += found
    return out, problems


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
