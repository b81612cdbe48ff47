"""The one command builder: every topology value is one argument, never shell syntax."""

from __future__ import annotations

import shlex

from hypothesis import given
from hypothesis import strategies as st

from generator.estate import commands as cmd
from generator.estate import vcs_commands as vcs
from generator.estate.shell import command, glob, heredoc, redirect, sh

HOSTILE = ["$(id)", "`id`", "a b", "x;reboot", "it's", '"q"', "a\nb", "#c", "%s", "*", "~root", "a|b", "$HOME",
           "", "-", "é", "<script>"]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@given(st.lists(text, min_size=1, max_size=6))
def test_any_argv_round_trips_through_the_shell_parser(argv: list[str]) -> None:
    built = command(*argv)
    assert built.argv == tuple(argv)
    assert shlex.split(built.text) == argv


def test_safe_tokens_stay_readable() -> None:
    assert sh("ldm", "add-vsw", "net-dev=net0", "vid=10,20", "primary-vsw0", "primary") == \
        "ldm add-vsw net-dev=net0 vid=10,20 primary-vsw0 primary"


def test_vendor_spellings_keep_hostile_values_as_one_argument() -> None:
    for bad in HOSTILE:
        assert shlex.split(cmd.add_vsw("vsw0", "primary", bad or "-", []))[2] == f"net-dev={bad or '-'}"
        assert shlex.split(cmd.add_vcc("vcc0", "primary", bad))[2] == f"port-range={bad}"
        assert shlex.split(cmd.mount_vxfs("/dev/vx/dsk/dg/v", bad))[-1] == bad
        assert shlex.split(vcs.hagrp("online", "g", bad)) == ["hagrp", "-online", "g", "-sys", bad]
        assert shlex.split(vcs.hares_action("r", "vmmigrate", "s", bad)) == \
            ["hares", "-action", "r", "vmmigrate", "-actionargs", bad, "-sys", "s"]
        assert shlex.split(cmd.zoneadm(bad, "boot")) == ["zoneadm", "-z", bad, "boot"]


def test_redirect_quotes_the_path_and_keeps_the_operator() -> None:
    lexer = shlex.shlex(redirect(sh("echo", "x y"), "/etc/$(id)"), posix=True, punctuation_chars=True)
    assert list(lexer) == ["echo", "x y", ">", "/etc/$(id)"]


def test_glob_quotes_the_directory_only() -> None:
    assert sh("ls", glob("/u01/my home", "libodm*.so")) == "ls '/u01/my home'/libodm*.so"


def test_heredoc_delimiter_cannot_be_ended_by_content() -> None:
    lines = heredoc("/etc/x", ["EOF", "a\nEOF1"])
    assert lines[0] == "cat > /etc/x <<'EOF2'" and lines[-1] == "EOF2"
    assert lines[1:-1] == ["EOF", "a", "EOF1"]
