"""Sizes written as ``64G``/``512M``/``1T`` (binary units) and their canonical text form."""

from __future__ import annotations

import math
import re
from typing import Any

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4, "P": 1024**5}
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGTP]?)(?:I?B)?\s*$", re.IGNORECASE)
MAX_SIZE = 1024**6


def parse_size(value: Any) -> int:
    """Return bytes for ``value``; raise ``ValueError`` with a readable message otherwise."""
    if isinstance(value, bool):
        raise ValueError("expected a size such as 64G")
    if isinstance(value, int):
        result = value
    elif isinstance(value, str) and (match := _SIZE.match(value)):
        number = float(match.group(1)) * _UNITS[match.group(2).upper()]
        if not math.isfinite(number):  # hundreds of digits overflow the float, or a few hundred and a unit
            raise ValueError(f"size {value[:20]!r}... is out of range")
        result = int(number)
    else:
        raise ValueError(f"expected a size such as 64G, 512M or 1T, found {value!r}")
    if not 0 <= result <= MAX_SIZE:
        raise ValueError(f"size {value!r} is out of range")
    return result


def format_size(value: int) -> str:
    """Shortest exact text for a byte count: ``68719476736`` -> ``64G``."""
    for unit in ("P", "T", "G", "M", "K"):
        factor = _UNITS[unit]
        if value and value % factor == 0:
            return f"{value // factor}{unit}"
    return str(value)
