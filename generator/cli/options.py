"""Options that several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])


def change_options(func: F) -> F:
    """``--change``, ``--window`` and ``--owner``: what a runbook's cover says about the change."""
    func = click.option("--owner", default="", help="Change owner printed on runbook covers.")(func)
    func = click.option("--window", default="", help="Change window printed on runbook covers.")(func)
    return click.option("--change", default="",
                        help="Change ID printed on runbook covers (blank to fill in by hand if omitted).")(func)
