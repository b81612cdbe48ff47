"""A small interpreter of the ``haconf``/``hagrp``/``hares`` lines the change runbooks print, over a plain model
of a configuration, so that a test can apply a delta to the old tree and compare with the new one."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from generator.maincf.agent_types import catalogue
from generator.maincf.hacommands import value_args
from generator.maincf.tree import Config, Scalar

Attrs = dict[tuple[str, str], tuple[str, ...]]


@dataclass
class Sim:
    groups: dict[str, Attrs] = field(default_factory=dict)
    resources: dict[str, tuple[str, str, Attrs]] = field(default_factory=dict)
    """name -> (group, type, attrs)"""
    res_links: set[tuple[str, str]] = field(default_factory=set)
    grp_links: dict[tuple[str, str], str] = field(default_factory=dict)


def model(config: Config) -> Sim:
    sim = Sim()
    for g in config.groups:
        sim.groups[g.name] = {(a.name, a.system or ""): tuple(shlex.split(" ".join(value_args(a.value))))
                              for a in g.attrs}
        for r in g.resources:
            attrs = {(a.name, a.system or ""): tuple(shlex.split(" ".join(value_args(a.value)))) for a in r.attrs}
            # a value equal to its type default is the same configuration as no value
            sim.resources[r.name] = (g.name, r.type, {k: v for k, v in attrs.items()
                                                      if not _is_reset(r.type, k[0], v)})
        sim.res_links |= {(d.parent, c) for d in g.resource_deps for c in d.children}
        sim.grp_links |= {(g.name, d.child): " ".join(d.words) for d in g.group_deps}
    return sim


def _is_reset(rtype: str | None, attr: str, values: tuple[str, ...]) -> bool:
    if values in ((), ("",), ("-delete", "-keys")) or (attr, values) == ("Enabled", ("1",)):
        return True  # Enabled 1 is what a resource in main.cf is: the script enables each one it adds
    agent = catalogue().types.get(rtype) if rtype else None
    decl = agent.typedef.decl(attr) if agent else None
    return decl is not None and isinstance(decl.default, Scalar) and values == (decl.default.text,)


def _modify(attrs: Attrs, rtype: str | None, words: list[str]) -> None:
    attr, rest = words[0], words[1:]
    system = ""
    if len(rest) >= 2 and rest[-2] == "-sys":
        system, rest = rest[-1], rest[:-2]
    if _is_reset(rtype, attr, tuple(rest)):
        attrs.pop((attr, system), None)
    else:
        attrs[(attr, system)] = tuple(rest)


def run(sim: Sim, lines: list[str]) -> Sim:
    for line in lines:
        words = shlex.split(line)
        tool, action, args = words[0], words[1], words[2:]
        if tool == "haconf" or action in ("-override", "-local"):
            continue
        if tool == "hagrp":
            if action == "-add":
                sim.groups[args[0]] = {}
            elif action == "-delete":
                del sim.groups[args[0]]
            elif action == "-modify":
                _modify(sim.groups[args[0]], None, args[1:])
            elif action == "-link":
                sim.grp_links[(args[0], args[1])] = " ".join(args[2:])
            elif action == "-unlink":
                del sim.grp_links[(args[0], args[1])]
            continue
        if action == "-add":
            sim.resources[args[0]] = (args[2], args[1], {})
        elif action == "-delete":
            del sim.resources[args[0]]
        elif action == "-modify":
            group, rtype, attrs = sim.resources[args[0]]
            _modify(attrs, rtype, args[1:])
        elif action == "-link":
            sim.res_links.add((args[0], args[1]))
        elif action == "-unlink":
            sim.res_links.remove((args[0], args[1]))
    return sim
