"""The ``ha*`` commands that turn one configuration tree into another on a running cluster.

Like ``hacf -cftocmd`` (:mod:`generator.maincf.hacommands`), but only the difference: group dependencies
that go are unlinked first, then removed groups and resources are deleted (their links first), changed
attributes modified (a removed attribute is set back to its type default, or emptied), new resources and
groups added, and the new links made last. The caller wraps the list in ``haconf -makerw`` /
``haconf -dump -makero`` and takes removed groups offline before it [K, REFERENCE 6.3].
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.maincf.agent_types import catalogue
from generator.maincf.hacommands import group_commands, modify_commands, resource_commands
from generator.maincf.tree import Attr, Config, Group, Scalar


@dataclass(frozen=True)
class ConfigDelta:
    """What changes between two trees, and the commands that make the change."""

    removed_groups: tuple[str, ...]
    added_groups: tuple[str, ...]
    changed_groups: tuple[str, ...]
    commands: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.commands


def _key(a: Attr) -> tuple[str, str]:
    return (a.name, a.system or "")


def _reset(tool: str, obj: str, rtype: str | None, attr: Attr) -> str:
    """Set an attribute that the new tree no longer states back to its type default (or empty it)."""
    agent = catalogue().types.get(rtype) if rtype else None
    decl = agent.typedef.decl(attr.name) if agent else None
    where = f" -sys {attr.system}" if attr.system else ""
    if decl is not None and isinstance(decl.default, Scalar):
        return f"{tool} -modify {obj} {attr.name} {decl.default.text or chr(34) * 2}{where}"
    if isinstance(attr.value, Scalar):
        return f'{tool} -modify {obj} {attr.name} ""{where}'
    return f"{tool} -modify {obj} {attr.name} -delete -keys{where}"


def _attr_commands(tool: str, obj: str, rtype: str | None, old: tuple[Attr, ...], new: tuple[Attr, ...]) -> list[str]:
    before = {_key(a): a for a in old}
    after = {_key(a): a for a in new}
    out = [_reset(tool, obj, rtype, a) for k, a in before.items() if k not in after]
    changed = tuple(a for k, a in after.items() if before.get(k) != a)
    localized_before = {a.name for a in old if a.system}
    out += [c for c in modify_commands(tool, obj, changed) if not (
        c.startswith(f"{tool} -local ") and c.split()[3] in localized_before)]
    return out


def _resource_links(group: Group) -> set[tuple[str, str]]:
    return {(d.parent, c) for d in group.resource_deps for c in d.children}


def _changed_group(old: Group, new: Group) -> list[str]:
    res_old = {r.name: r for r in old.resources}
    res_new = {r.name: r for r in new.resources}
    gone = {n for n, r in res_old.items() if n not in res_new or res_new[n].type != r.type}
    links_old, links_new = _resource_links(old), _resource_links(new)
    out = [f"hares -unlink {p} {c}" for p, c in sorted(links_old - links_new)]
    out += [f"hares -delete {n}" for n in sorted(gone)]
    out += _attr_commands("hagrp", new.name, None, old.attrs, new.attrs)
    for name, r in res_new.items():
        if name in res_old and name not in gone:
            out += _attr_commands("hares", name, r.type, res_old[name].attrs, r.attrs)
    out += [c for r in new.resources if r.name not in res_old or r.name in gone for c in resource_commands(r, new.name)]
    out += [f"hares -link {p} {c}" for p, c in sorted(links_new - links_old)]
    return out


def _removed_group(group: Group) -> list[str]:
    out = [f"hares -unlink {p} {c}" for p, c in sorted(_resource_links(group))]
    out += [f"hares -delete {r.name}" for r in group.resources]
    return [*out, f"hagrp -delete {group.name}"]


def _group_links(config: Config) -> dict[tuple[str, str], str]:
    return {(g.name, d.child): " ".join(d.words) for g in config.groups for d in g.group_deps}


def config_delta(old: Config, new: Config) -> ConfigDelta:
    """The commands that change ``old``'s groups, resources and dependencies into ``new``'s."""
    groups_old = {g.name: g for g in old.groups}
    groups_new = {g.name: g for g in new.groups}
    removed = tuple(sorted(set(groups_old) - set(groups_new)))
    added = tuple(g.name for g in new.groups if g.name not in groups_old)
    changed = tuple(g.name for g in new.groups if g.name in groups_old and groups_old[g.name] != g)
    links_old, links_new = _group_links(old), _group_links(new)
    out = [f"hagrp -unlink {p} {c}" for (p, c), words in sorted(links_old.items()) if links_new.get((p, c)) != words]
    for name in removed:
        out += _removed_group(groups_old[name])
    for name in changed:
        out += _changed_group(groups_old[name], groups_new[name])
    for name in added:
        out += group_commands(groups_new[name])
    out += [f"hagrp -link {p} {c} {words}" for (p, c), words in sorted(links_new.items())
            if links_old.get((p, c)) != words]
    return ConfigDelta(removed, added, changed, tuple(out))

