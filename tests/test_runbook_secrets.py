"""No plaintext secret in any runbook: only VCS-encrypted values, prompts, or shell variables.

Every command-like line of every runbook is scanned for password-bearing arguments: ``hares -modify R
Password VALUE`` must carry a value the topology holds in encrypted form; ``hazonesetup -p`` must read
a variable filled by ``read -s``; ``ldm``/``migrate-domain`` never take a password argument.
"""

from __future__ import annotations

import re
import shlex

import pytest

from generator.formats.markdown import markdown_text

from .runbook_support import EXAMPLE_NAMES, books, context, estate

PASSWORD_FLAG_COMMANDS = frozenset({"hazonesetup", "hauser", "halogin", "vcsencrypt"})
"""Commands whose ``-p`` is a password (for ``ldm migrate-domain``, ``cp`` or ``mkdir`` it is not)."""


def _encrypted(name: str) -> set[str]:
    return {c.migration_auth.password_encrypted for c in estate(name).topology.clusters.values()
            if c.migration_auth and c.migration_auth.password_encrypted}


def password_arguments(line: str) -> list[str]:
    """Values passed as passwords on a command line (empty when the line carries none)."""
    try:
        words = shlex.split(line, posix=True)
    except ValueError:
        words = line.split()
    values = []
    takes_p = bool(words) and words[0] in PASSWORD_FLAG_COMMANDS
    for i, word in enumerate(words[:-1]):
        if re.fullmatch(r"(?i)password|--password", word) or (word == "-p" and takes_p):
            values.append(words[i + 1])
        if re.match(r"(?i)password=", word):
            values.append(word.split("=", 1)[1])
    return values


def test_scanner_finds_a_planted_plaintext_password() -> None:
    assert password_arguments("hares -modify ldmres Password s3cret") == ["s3cret"]
    assert password_arguments('hazonesetup -g g -r r -z z -p "$VCS_ZONE_PW" -s a,b') == ["$VCS_ZONE_PW"]
    assert password_arguments("ldm list") == []
    assert password_arguments("cp -p /etc/VRTSvcs/conf/config/main.cf /var/tmp/x") == []


def fenced_lines(markdown: str) -> list[str]:
    """The lines inside code fences: the commands of a rendered runbook."""
    inside, result = False, []
    for line in markdown.splitlines():
        if line.startswith("```"):
            inside = not inside
        elif inside:
            result.append(line)
    return result


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_plaintext_password_in_any_runbook(name: str) -> None:
    allowed = _encrypted(name) | {"$VCS_ZONE_PW"}
    scanned = 0
    for book in books(name):
        lines = fenced_lines(markdown_text(book, context(name)))
        scanned += len(lines)
        for line in lines:
            for value in password_arguments(line):
                assert value in allowed, f"{book.id}: {line!r} passes a password that is not encrypted"
    assert scanned > 20
