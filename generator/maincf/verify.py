"""Verifier: ``hacf -verify``-level checks of a parsed main.cf, and more (see :mod:`checks`).

:func:`verify` checks a :class:`Config` against the agent catalogue plus the types it defines;
:func:`verify_text` parses first, so that syntax errors and semantic problems come out together,
located ``FILE:LINE:COL``. Reading included type files from disk is the caller's business (the
CLI does it); pass their parsed types as ``extra_types``.
"""

from __future__ import annotations

from generator.core.diagnostics import Diagnostic, sort_diagnostics
from generator.maincf.agent_types import Catalogue, catalogue
from generator.maincf.checks import Reporter
from generator.maincf.parser import parse
from generator.maincf.tree import Assoc, Attr, Config, Group, Items, TypeDef
from generator.maincf.verify_attrs import check_group_attrs, check_other_attrs, check_resource
from generator.maincf.verify_deps import (
    check_alternate_io,
    check_group_deps,
    check_references,
    check_resource_deps,
    check_shared_storage_sg,
    check_single_importer,
)
from generator.maincf.verify_values import check_cluster_mounts, check_duplicate_addresses, check_spaces


def _declared_once(report: Reporter, config: Config) -> None:
    for what, items in (("system", config.systems), ("group", config.groups), ("type", config.types)):
        seen: set[str] = set()
        for item in items:
            if item.name in seen:
                report(item.pos, "VCS015", f"{what} {item.name} is declared twice")
            seen.add(item.name)
    for t in config.types:
        names: set[str] = set()
        for decl in t.decls:
            if decl.name in names:
                report(decl.pos, "VCS015", f"type {t.name}: attribute {decl.name} is declared twice")
            names.add(decl.name)


def _system_list(report: Reporter, group: Group, declared: set[str]) -> list[str]:
    attrs = [a for a in group.values("SystemList") if a.system is None]
    systems = group.system_list()
    if not attrs or not systems:
        report(group.pos, "VCS012", f"group {group.name} has no SystemList")
        return systems
    value = attrs[0].value
    if isinstance(value, Assoc):
        numbered = [v for _, v in value.pairs if v is not None]
        if numbered and len(numbered) != len(value.pairs):
            report(attrs[0].pos, "VCS013", f"group {group.name}: SystemList numbers some systems but not all",
                   "VCS numbers the others itself, possibly with duplicates; give every system a priority")
        elif len(set(numbered)) != len(numbered):
            report(attrs[0].pos, "VCS014", f"group {group.name}: SystemList has duplicate priorities")
    for s in systems:
        if s not in declared:
            report(attrs[0].pos, "VCS010", f"group {group.name}: system {s!r} in SystemList is not declared",
                   f"add 'system {s}' or fix the name")
    return systems


def _localized(report: Reporter, owner: str, attrs: tuple[Attr, ...], systems: list[str],
               declared: set[str]) -> None:
    per_name: dict[str, set[str]] = {}
    for a in attrs:
        if a.system is not None:
            per_name.setdefault(a.name, set()).add(a.system)
    for name, given in per_name.items():
        missing = [s for s in systems if s not in given]
        first = next(a for a in attrs if a.name == name and a.system is not None)
        if missing and not any(a.name == name and a.system is None for a in attrs):
            report(first.pos, "VCS058", f"{owner}: {name} is localized but has no value for "
                                        f"{', '.join(missing)}", "add a line per system, e.g. "
                                                                 f"{name} @{missing[0]} = ...")
    for a in attrs:
        if a.system is None:
            continue
        if a.system not in declared:
            report(a.pos, "VCS010", f"{owner}: {a.name} @{a.system}: system {a.system!r} is not declared")
        elif a.system not in systems:
            report(a.pos, "VCS040", f"{owner}: {a.name} @{a.system}: {a.system} is not in the group's "
                                    f"SystemList ({', '.join(systems)})")


def _group(report: Reporter, group: Group, declared: set[str], cat: Catalogue,
           owner_of: dict[str, str]) -> None:
    systems = _system_list(report, group, declared)
    for a in group.values("AutoStartList"):
        for s in a.value.items if isinstance(a.value, Items) else []:
            if s not in systems:
                report(a.pos, "VCS011", f"group {group.name}: AutoStartList system {s!r} is not in "
                                        "SystemList")
    check_group_attrs(report, group, cat)
    _localized(report, f"group {group.name}", group.attrs, systems, declared)
    for res in group.resources:
        check_resource(report, res, cat)
        _localized(report, f"{res.type} {res.name}", res.attrs, systems, declared)
    check_resource_deps(report, group, owner_of)
    for res in group.resources if group.parallel else ():
        if res.type in ("DiskGroup", "IP"):
            report(res.pos, "VCS057", f"parallel group {group.name} has {res.type} {res.name}",
                   "a private disk group or an IP address can be online on one system only; use CVMVolDg "
                   "for a shared disk group, or a failover group")


def _owners(report: Reporter, config: Config) -> dict[str, str]:
    owner_of: dict[str, str] = {}
    for g, res in config.resources():
        if res.name in owner_of:
            report(res.pos, "VCS041", f"resource name {res.name!r} is already used in group "
                                      f"{owner_of[res.name]}",
                   "resource names are global to the cluster")
        else:
            owner_of[res.name] = g.name
    return owner_of


def verify(config: Config, file: str, extra_types: tuple[TypeDef, ...] = ()) -> list[Diagnostic]:
    """Every problem of ``config``, sorted by position."""
    report = Reporter(file)
    cat = catalogue().with_types(extra_types + config.types)
    declared = {s.name for s in config.systems}
    _declared_once(report, config)
    check_other_attrs(report, config, cat)
    owner_of = _owners(report, config)
    for group in config.groups:
        _group(report, group, declared, cat, owner_of)
    check_group_deps(report, config)
    check_alternate_io(report, config)
    check_shared_storage_sg(report, config)
    check_references(report, config, owner_of)
    check_single_importer(report, config)
    check_spaces(report, config)
    check_duplicate_addresses(report, config)
    check_cluster_mounts(report, config)
    return sort_diagnostics(report.found)


def verify_text(text: str, file: str, extra_types: tuple[TypeDef, ...] = ()) -> list[Diagnostic]:
    """Parse and verify main.cf text: syntax and semantic problems in one list."""
    config, problems = parse(text, file)
    return sort_diagnostics([*problems, *verify(config, file, extra_types)])
