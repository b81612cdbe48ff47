"""Naming rules: names that Oracle VM Server for SPARC, VCS or a shell would reject or misread."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.estate.datalinks import vnet_links
from generator.estate.estate import Estate
from generator.rules.engine import Finding, rule

LDM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_+#.:;~()-]*$")
VCS_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
SAFE_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
VCS_RESERVED = frozenset("""action after ArgListValues before boolean cluster Cluster condition ConfidenceLevel
event false firm global group Group hard heartbeat HAD int IState keylist local MonitorOnly Name NameRule
offline online Path Probed remote remotecluster requires resource set Signaled soft start Start state State
static stop str system System temp type Type""".split())
# Characters of the ldm name set that a POSIX shell would interpret in a generated command.
SHELL_SPECIAL = set("#;~()")


def _ldm_objects(estate: Estate) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    for d in estate.domains:
        yield d.path, d.name, "domain"
        for kind in ("vds", "vsw", "vcc"):
            for name in getattr(d.spec.services, kind):
                yield (*d.path, "services", kind, name), name, kind
        for name in d.spec.vdisks:
            yield (*d.path, "vdisks", name), name, "vdisk"
        for name in d.spec.vnets:
            yield (*d.path, "vnets", name), name, "vnet"
    for v in estate.all_vdisks:
        if v.spec.export_as:
            yield (*v.path, "export-as"), v.spec.export_as, "vds volume"


@rule("NAME001", Severity.ERROR, source="Oracle VM Server for SPARC Administration Guide, names in the CLI",
      basis="S", category="names")
def ldm_name_characters(estate: Estate) -> Iterator[Finding]:
    """Domain, service, vdisk and vnet names use only the characters ldm accepts."""
    for loc, name, kind in _ldm_objects(estate):
        if not LDM_NAME.match(name):
            yield Finding(loc, f"{kind} name {name!r} is not a valid ldm name",
                          "start with a letter or digit; then letters, digits or -_+#.:;~()", key=True)


@rule("NAME002", Severity.ERROR, source="Generated runbooks: commands are pasted into a POSIX shell",
      basis="K", category="names")
def shell_safe_ldm_names(estate: Estate) -> Iterator[Finding]:
    """ldm object names avoid characters a shell would interpret (# ; ~ ( )) in generated commands."""
    for loc, name, kind in _ldm_objects(estate):
        if LDM_NAME.match(name) and SHELL_SPECIAL & set(name):
            bad = "".join(sorted(SHELL_SPECIAL & set(name)))
            yield Finding(loc, f"{kind} name {name!r} contains {bad!r}, which a shell would interpret",
                          "use letters, digits, '-', '_' or '.'", key=True)


@rule("NAME003", Severity.ERROR, source="VCS Administrator's Guide, VCS configuration language (object names)",
      basis="K", category="names")
def vcs_object_names(estate: Estate) -> Iterator[Finding]:
    """Cluster, service-group, resource and application names are valid VCS identifiers, not keywords."""
    t = estate.topology
    for name, c in t.clusters.items():
        items: list[tuple[tuple[str | int, ...], str]] = [(("clusters", name), name)]
        items += [(("clusters", name, "applications", a), a) for a in c.applications]
        items += [(("clusters", name, "groups", g), g) for g in c.groups]
        items += [(("clusters", name, "groups", g, "resources", r), r)
                  for g, spec in c.groups.items() for r in spec.resources]
        for loc, obj in items:
            if not VCS_NAME.match(obj):
                yield Finding(loc, f"{obj!r} is not a valid VCS object name",
                              "start with a letter; then letters, digits, '-' or '_'", key=True)
            elif obj in VCS_RESERVED:
                yield Finding(loc, f"{obj!r} is a reserved word in the VCS configuration language", key=True)


@rule("NAME004", Severity.ERROR, source="VCS Administrator's Guide: system names equal the node name (uname -n)",
      basis="K", category="names")
def system_names(estate: Estate) -> Iterator[Finding]:
    """Node names (VCS system names) are valid host names and unique in the estate."""
    seen: dict[str, str] = {}
    for d in estate.domains:
        sysname = d.system
        if not re.match(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,62})$", sysname):
            yield Finding((*d.path, "hostname") if d.spec.hostname else d.path,
                          f"node name {sysname!r} of {d.ref} is not a valid host name",
                          "set 'hostname:' to the domain's uname -n (letters, digits, '-')", key=True)
        elif sysname in VCS_RESERVED:
            yield Finding(d.path, f"node name {sysname!r} is a VCS reserved word", key=True)
        if sysname in seen:
            yield Finding(d.path, f"node name {sysname!r} of {d.ref} is already used by {seen[sysname]}",
                          "set a distinct 'hostname:'", key=True)
        else:
            seen[sysname] = d.ref


@rule("NAME005", Severity.ERROR, source="Generated commands and paths (zonecfg, vxassist, mkfs)",
      basis="K", category="names")
def storage_and_zone_names(estate: Estate) -> Iterator[Finding]:
    """LUN, disk group, volume, cache and zone names are plain tokens safe in commands and device paths."""
    t = estate.topology
    items: list[tuple[tuple[str | int, ...], str, str]] = []
    items += [(("storage", "luns", n), n, "LUN") for n in t.storage.luns]
    items += [(("storage", "diskgroups", n), n, "disk group") for n in t.storage.diskgroups]
    items += [(("storage", "diskgroups", dg, "volumes", v), v, "volume")
              for dg, spec in t.storage.diskgroups.items() for v in spec.volumes]
    items += [(("storage", "smartio", n), n, "cache") for n in t.storage.smartio]
    items += [(("zones", n), n, "zone") for n in t.zones]
    items += [(("hosts", n), n, "host") for n in t.hosts]
    for loc, name, kind in items:
        if not SAFE_TOKEN.match(name) or len(name) > 31:
            yield Finding(loc, f"{kind} name {name!r} is not safe in commands and device paths",
                          "use at most 31 letters, digits, '-', '_' or '.', starting with a letter or digit",
                          key=True)


@rule("NAME006", Severity.WARNING, source="Oracle VM Server for SPARC Administration Guide: OBP device aliases",
      basis="S", category="names")
def long_device_names(estate: Estate) -> Iterator[Finding]:
    """Virtual device names longer than 31 characters get no OpenBoot devalias."""
    for d in estate.domains:
        for kind in ("vdisks", "vnets"):
            for name in getattr(d.spec, kind.replace("-", "_")):
                if len(name) > 31:
                    yield Finding((*d.path, kind, name), f"{kind[:-1]} name {name!r} is longer than 31 characters",
                                  "no OBP devalias is created for it", key=True)


@rule("NAME007", Severity.ERROR, source="Oracle Solaris 11 network administration: rules for valid link names "
      "(each datalink has a unique link name in the system)", basis="S", category="names")
def unique_vnet_links(estate: Estate) -> Iterator[Finding]:
    """The vnets of a domain have distinct datalink names (a stated ``link`` or a guest's default ``net<k>``)."""
    for d in estate.domains:
        owner: dict[str, str] = {}
        for vnet, link in vnet_links(d).items():
            if link in owner:
                stated = d.spec.vnets[vnet].link is not None
                yield Finding((*d.path, "vnets", vnet, *(("link",) if stated else ())),
                              f"vnet {vnet} of {d.ref} has datalink name {link}, which vnet {owner[link]} has too",
                              "give each vnet its own link name; a guest's k-th vnet by name defaults to net<k>",
                              key=not stated)
            owner.setdefault(link, vnet)
