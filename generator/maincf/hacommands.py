"""The ``ha*`` command script that builds a configuration on a running cluster, like ``hacf -cftocmd``.

``haconf -makerw``; per group ``hagrp -add`` and ``hagrp -modify`` (``Parallel`` first: it cannot
change once the group has resources); per resource ``hares -add``, ``hares -modify``, ``hares -local``
then ``-modify ... -sys`` for localized values (``hares -override`` first for a static attribute set
on the resource), ``hares -modify R Enabled 1``; ``hares -link``;
then every ``hagrp -link``; ``haconf -dump -makero``. Systems and cluster attributes are not
touched: the script is for a cluster whose nodes are already members [K, REFERENCE 6.3].
"""

from __future__ import annotations

import shlex

from generator.maincf.agent_types import catalogue
from generator.maincf.printer import one_line
from generator.maincf.tree import Assoc, Attr, Config, Group, Items, Resource, Scalar, Value


def value_args(value: Value) -> list[str]:
    if isinstance(value, Scalar):
        return [shlex.quote(value.text) if value.text else '""']
    if isinstance(value, Items):
        return [shlex.quote(i) for i in value.items]
    assert isinstance(value, Assoc)
    out: list[str] = []
    for k, v in value.pairs:
        out += [shlex.quote(k)] + ([shlex.quote(v)] if v is not None else [])
    return out


def modify_commands(tool: str, obj: str, attrs: tuple[Attr, ...], skip: frozenset[str] = frozenset()) -> list[str]:
    out: list[str] = []
    local_done: set[str] = set()
    for a in attrs:
        if a.name in skip:
            continue
        if a.system is not None and a.name not in local_done:
            out.append(f"{tool} -local {obj} {a.name}")
            local_done.add(a.name)
        where = f" -sys {a.system}" if a.system else ""
        out.append(f"{tool} -modify {obj} {a.name} {' '.join(value_args(a.value))}{where}")
    return out


def group_commands(group: Group) -> list[str]:
    out = [f"hagrp -add {group.name}"]
    parallel = [a for a in group.attrs if a.name == "Parallel"]
    out += modify_commands("hagrp", group.name, tuple(parallel))
    out += modify_commands("hagrp", group.name, group.attrs, frozenset({"Parallel"}))
    for r in group.resources:
        out += resource_commands(r, group.name)
    for d in group.resource_deps:
        if d.atleast is not None:
            out.append(f"# {d.parent} requires at least {d.atleast} of {', '.join(d.children)}: "
                       "set with hares -link per child, then the minimum count (check your VCS version)")
        out += [f"hares -link {d.parent} {c}" for c in d.children]
    return out


def _static_names(resource: Resource) -> set[str]:
    """Attributes of the resource that are static in its type: they need ``hares -override`` first."""
    cat = catalogue()
    agent = cat.types.get(resource.type)
    own = {d.name for d in agent.typedef.decls if d.static} if agent else set()
    return own | set(cat.type_attributes)


def resource_commands(resource: Resource, group: str) -> list[str]:
    out = [f"hares -add {resource.name} {resource.type} {group}"]
    statics = _static_names(resource)
    out += [f"hares -override {resource.name} {name}"
            for name in dict.fromkeys(a.name for a in resource.attrs if a.name in statics)]
    out += modify_commands("hares", resource.name, resource.attrs, frozenset({"Enabled"}))
    enabled = [a for a in resource.attrs if a.name == "Enabled"]
    out += modify_commands("hares", resource.name, tuple(enabled)) if enabled else [
        f"hares -modify {resource.name} Enabled 1"]
    return out


def ha_command_list(config: Config) -> list[str]:
    """Commands that create every group, resource and dependency of ``config``."""
    out = ["haconf -makerw"]
    for g in config.groups:
        out += group_commands(g)
    for g in config.groups:
        out += [f"hagrp -link {g.name} {d.child} {' '.join(d.words)}" for d in g.group_deps]
    out.append("haconf -dump -makero")
    return out


def script_text(config: Config, commands: list[str]) -> str:
    """``main.cmd``: a ``#`` header (the main.cf's "generated from" line), then one command per line."""
    name = config.cluster.name if config.cluster else "the cluster"
    head = [*config.header[:1],
            f"Builds the service groups of main.cf on the running cluster {name} (like hacf -cftocmd).",
            "Run as root on one node; review each command before running it in a change window."]
    return "".join(f"# {one_line(line)}\n" for line in head) + "\n" + "".join(c + "\n" for c in commands)
