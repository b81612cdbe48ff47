"""VCS command spellings for runbooks and sequence diagrams (``hagrp``, ``hares``), built by the one builder.

Every argument goes through :func:`generator.estate.shell.sh`; the option spellings are those of
hagrp(1M) and hares(1M) (REFERENCE.md section 6).
"""

from __future__ import annotations

from generator.estate.shell import Part, sh

ANY = "-any"
"""Pass as ``system`` for ``hagrp -offline GROUP -any``."""


def hagrp(action: str, group: str, system: str | None = None, *args: Part) -> str:
    """``hagrp -ACTION GROUP [-to|-sys SYSTEM] [ARGS...]``: ``-to`` for switch and migrate.

    ``hagrp("offline", g, ANY)`` gives ``hagrp -offline G -any``; ``hagrp("value", g, None, "TFrozen")``
    gives ``hagrp -value G TFrozen``.
    """
    where: list[str] = []
    if system == ANY:
        where = [ANY]
    elif system is not None:
        where = ["-to" if action in ("switch", "migrate") else "-sys", system]
    return sh("hagrp", f"-{action}", group, *where, *args)


def hagrp_state(group: str) -> str:
    return hagrp("state", group)


def hares_probe(resource: str, system: str) -> str:
    return sh("hares", "-probe", resource, "-sys", system)


def hares_action(resource: str, action: str, system: str, *args: Part) -> str:
    """``hares -action RES ACTION [-actionargs ARGS...] -sys SYSTEM``."""
    extra: list[Part] = ["-actionargs", *args] if args else []
    return sh("hares", "-action", resource, action, *extra, "-sys", system)


def haconf_rw() -> str:
    return sh("haconf", "-makerw")


def haconf_ro() -> str:
    return sh("haconf", "-dump", "-makero")


def hagrp_freeze(group: str, *, undo: bool = False) -> str:
    """``hagrp -freeze|-unfreeze GROUP -persistent`` (persistent: survives a restart; needs a writable config)."""
    return hagrp("unfreeze" if undo else "freeze", group, None, "-persistent")
