"""Command text for a migration: who runs what, with which names (one place for every template).

VCS group and resource names come from the derived configuration
(:meth:`generator.derive.vcs.api.ClusterConfigs.derived`): the group holding the guest's ``LDom`` resource.
The target password never appears on a command line: the manual variant reads it into a root-only file and
passes ``-p FILE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.derive.migration.case import MigrationCase
from generator.derive.vcs import api as vcs_api
from generator.derive.vcs.builder import vcs_name
from generator.estate.commands import cancel_migration, ldm
from generator.estate.shell import quote, sh
from generator.estate.vcs_commands import hagrp, hares_action
from generator.maincf.tree import Scalar


def ldom_names(case: MigrationCase) -> tuple[str, str]:
    """``(group, resource)`` of the guest's LDom resource in the generated VCS configuration."""
    if case.cluster is not None:
        config = case.vcs.derived(case.cluster).config
        for group in config.groups:
            for res in group.resources:
                if res.type == "LDom" and any(
                    a.value == Scalar(case.guest.name) for a in res.values("LDomName")
                ):
                    return group.name, res.name
    return vcs_name(case.guest.name, "grp"), vcs_name(case.guest.name, "ldom")


def child_groups(case: MigrationCase, group: str, system: str) -> list[str]:
    """Parallel groups that must already be online on ``system`` (the target) when the guest's group
    comes online or migrates there, sorted: the parallel groups it requires (transitively, e.g. CVM
    under the disk group), the storage and network groups its AlternateIO resources name for that
    system, and the network groups whose NIC resources its Proxy resources mirror."""
    if case.cluster is None:
        return []
    groups = {g.name: g for g in case.vcs.derived(case.cluster).config.groups}
    needed = vcs_api.prerequisite_groups(case.vcs, case.cluster, group, system)
    return sorted(c for c in needed if c in groups and groups[c].parallel)


def failover_children(case: MigrationCase, group: str) -> list[str]:
    """Failover groups the guest's group requires online local (its AlternateIO group), sorted.

    They are online on the source only; the group comes online on the target after they are
    switched there (see :func:`generator.derive.vcs.api.failover_children`).
    """
    if case.cluster is None:
        return []
    return vcs_api.failover_children(case.vcs, case.cluster, group)


def vcs_diskgroups(case: MigrationCase, group: str) -> set[str]:
    """Disk groups that ``group`` holds as ``DiskGroup`` resources: VCS deports and imports them."""
    if case.cluster is None:
        return set()
    found = case.vcs.derived(case.cluster).config.group(group)
    return {a.value.text for r in (found.resources if found else ()) if r.type == "DiskGroup"
            for a in r.values("DiskGroup") if isinstance(a.value, Scalar)}


@dataclass(frozen=True)
class Names:
    """Every name a migration runbook prints."""

    domain: str
    source: str
    """VCS system / node name of the source control domain (the prompt ``root@SOURCE#``)."""
    target: str
    group: str
    resource: str
    user: str
    password_file: str

    @property
    def login(self) -> str:
        return f"{self.user}@{self.target}"


def names(case: MigrationCase) -> Names:
    src, tgt = case.source_control(), case.target_control()
    auth = case.estate.topology.clusters[case.cluster].migration_auth if case.cluster else None
    group, resource = ldom_names(case)
    return Names(
        domain=case.guest.name,
        source=src.system if src else case.source,
        target=tgt.system if tgt else case.target,
        group=group,
        resource=resource,
        user=auth.user if auth else "root",
        password_file=f"/var/run/ldm-migrate-{case.guest.name}.pw",
    )


def _prompt_text(text: str) -> str:
    """A prompt for ``read -p`` inside ``bash -c``: in double quotes when it holds only safe characters
    (readable), otherwise quoted by the builder's rules."""
    return f'"{text}"' if re.fullmatch(r"[\w@%+=:,./ -]*", text, re.ASCII) else quote(text)


def password_file_commands(n: Names) -> tuple[str, ...]:
    """Create the password file readable by root only; the password is typed, never echoed or an argument."""
    script = (f"umask 077; read -rsp {_prompt_text(f'Password of {n.login}: ')} pw; echo; "
              f'printf "%s\\n" "$pw" > {quote(n.password_file)}')
    return sh("bash", "-c", script), sh("ls", "-l", n.password_file)


def migrate_command(n: Names, dry_run: bool) -> str:
    return ldm("migrate-domain", *(["-n"] if dry_run else []), "-p", n.password_file, n.domain, n.login)


def vmmigrate_action(n: Names) -> str:
    return hares_action(n.resource, "vmmigrate", n.source, n.target)


def hagrp_migrate(n: Names) -> str:
    return hagrp("migrate", n.group, n.target)


def cancel_command(n: Names) -> str:
    return cancel_migration(n.domain)


def remove_password_file(n: Names) -> str:
    return sh("rm", "-f", n.password_file)
