"""Version rules: declared Solaris, Oracle VM Server for SPARC and InfoScale releases against the guide.

The tool follows the InfoScale 8.0.2 Virtualization Guide for Solaris. Its exact support matrix was
not available to us, so every rule here is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.estate import Estate
from generator.rules.engine import Finding, rule

GUIDE = "InfoScale 8.0.2 Virtualization Guide - Solaris: System requirements"


def _major_minor(text: str) -> tuple[int, int] | None:
    match = re.match(r"^\s*(\d+)(?:\.(\d+))?", text)
    return (int(match.group(1)), int(match.group(2) or 0)) if match else None


def _major_outside(field: str, text: str | None, major: int, product: str, hint: str) -> Iterator[Finding]:
    if text is not None and (_major_minor(text) or (0, 0))[0] != major:
        yield Finding(("versions", field), f"{product} {text} is outside what the 8.0.2 guide covers", hint)


@rule("VER001", Severity.WARNING, source=GUIDE, basis="unverified", category="versions")
def solaris_version(estate: Estate) -> Iterator[Finding]:
    """The declared Solaris release is Solaris 11 (InfoScale 8.0.2 on SPARC)."""
    yield from _major_outside(
        "solaris",
        estate.topology.versions.solaris,
        11,
        "Solaris",
        "the 8.0.2 guide is written for Oracle Solaris 11; check the support matrix",
    )


@rule("VER002", Severity.WARNING, source=GUIDE, basis="unverified", category="versions")
def ovm_version(estate: Estate) -> Iterator[Finding]:
    """The declared Oracle VM Server for SPARC release is a 3.x release."""
    yield from _major_outside(
        "ovm",
        estate.topology.versions.ovm,
        3,
        "Oracle VM Server for SPARC",
        "the guide's environment is Oracle VM Server for SPARC 3.x; check the support matrix",
    )


@rule("VER003", Severity.WARNING, source=GUIDE, basis="K", category="versions")
def infoscale_version(estate: Estate) -> Iterator[Finding]:
    """The declared InfoScale release is 8.0.2, the release whose guide the rules follow."""
    text = estate.topology.versions.infoscale
    if text is not None and text.strip() != "8.0.2":
        yield Finding(
            ("versions", "infoscale"),
            f"InfoScale {text} is not 8.0.2; the generated configuration and runbooks follow the 8.0.2 guide",
            "review agent attributes and limitations for your release",
        )
