"""The one command builder: a shell command line from its argv, every argument quoted unless safe.

Runbooks are pasted into a root shell, so text from a topology is data, never shell syntax. A command
is written as its argv (vendor tokens and topology values alike); :func:`sh` quotes every argument
with :func:`shlex.quote` semantics, which leaves a known-safe token (letters, digits, ``@%+=:,./-_``)
as it is and single-quotes anything else. Shell syntax the tool itself needs (a redirection, ``||``,
a glob) is added only by the helpers here, whose fixed parts are spelled in this module and never
come from a topology. :func:`command` returns the argv next to the text, for tests that parse the
text back (``shlex.split(text) == argv``).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass


class Raw(str):
    """Shell text the tool spells itself (an operator or a glob pattern), emitted unquoted."""


Part = str | int | Raw


@dataclass(frozen=True)
class Command:
    """A simple command: its argv and the text a runbook prints."""

    argv: tuple[str, ...]
    text: str


def quote(value: str | int) -> str:
    """One argument as the shell must see it: unchanged when it is a safe token, else single-quoted."""
    return shlex.quote(str(value))


def command(*parts: Part) -> Command:
    """``parts`` are the argv; a :class:`Raw` part is shell syntax and is not part of the argv."""
    text = " ".join(p if isinstance(p, Raw) else quote(p) for p in parts)
    return Command(tuple(str(p) for p in parts if not isinstance(p, Raw)), text)


def sh(*parts: Part) -> str:
    """The text of :func:`command`."""
    return command(*parts).text


def glob(directory: str, pattern: str) -> Raw:
    """``DIRECTORY/PATTERN`` with the directory quoted and the tool's own ``pattern`` left to the shell."""
    if "/" in pattern or any(c in pattern for c in "'\"$`\\;&|<>() \t\n"):
        raise ValueError(f"not a plain glob pattern: {pattern!r}")
    return Raw(f"{quote(directory)}/{pattern}")


def redirect(text: str, path: str, *, append: bool = False) -> str:
    """``TEXT > PATH`` (``>>`` with ``append``)."""
    return f"{text} {'>>' if append else '>'} {quote(path)}"


def silent(text: str) -> str:
    """``TEXT >/dev/null 2>&1``."""
    return f"{text} >/dev/null 2>&1"


def either(first: str, second: str) -> str:
    """``FIRST || SECOND``: run the second command only when the first fails."""
    return f"{first} || {second}"


def heredoc(path: str, lines: Iterable[str]) -> list[str]:
    """``cat > PATH <<'EOF'``, the lines, ``EOF``: a quoted delimiter, so the shell expands nothing.

    The delimiter is ``EOF`` unless a line of the content is ``EOF`` (then ``EOF1``, ``EOF2``...), so
    no content line can end the document early; a value with a newline is split into its lines.
    """
    body = [physical for line in lines for physical in line.split("\n")]
    delimiter, k = "EOF", 0
    while delimiter in body:
        k += 1
        delimiter = f"EOF{k}"
    return [f"cat > {quote(path)} <<'{delimiter}'", *body, delimiter]
