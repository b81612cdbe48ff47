"""Clusters of an imported topology, from each cluster's running ``main.cf``.

Two steps, both pure. :func:`add_clusters` gives the topology its ``clusters:``: the nodes (each VCS system
matched to the domain whose node name it is), the guests managed as ``LDom`` resources, the credentials of
VCS-driven migration (``UserName``, and ``Password`` as main.cf holds it: already VCS-encrypted), and the
InfoScale components the groups prove (VCS on every node; CVM and CFS where their agents run). Then, once the
topology has been derived, :func:`add_extra_groups` carries every running group the derivation does not
produce (an application or database group the topology has no words for) into ``groups:`` as it is, so the
topology's main.cf builds the same tree. What main.cf cannot say (cluster ID and LLT links: ``/etc/llttab``;
the fencing mode: ``/etc/vxfenmode``) is marked guessed.
"""

from __future__ import annotations

from typing import Any

from generator.derive.importer import Guess
from generator.maincf.tree import Assoc, Attr, Config, Group, Items, Resource, Value

_COMPONENT_TYPES = {"CVMCluster": ["dmp", "vxvm", "cvm"], "CVMVxconfigd": ["dmp", "vxvm", "cvm"],
                    "CFSMount": ["dmp", "vxvm", "vxfs", "cfs"], "DiskGroup": ["dmp", "vxvm"],
                    "Mount": ["vxfs"]}
_ORDER = ["dmp", "vxvm", "vxfs", "vcs", "cvm", "cfs", "sfrac", "smartio"]
_SET_BY_BUILDER = ("SystemList", "Parallel", "AutoStartList")


def system_names(doc: dict[str, Any]) -> dict[str, str]:
    """VCS system (node) name -> ``host/domain`` for every domain of the topology document."""
    out: dict[str, str] = {}
    for host, spec in doc.get("hosts", {}).items():
        for name, domain in spec.get("domains", {}).items():
            default = host if "control" in domain.get("roles", []) else name
            out[domain.get("hostname", default)] = f"{host}/{name}"
    return out


def _domain(doc: dict[str, Any], ref: str) -> dict[str, Any]:
    host, name = ref.split("/")
    found: dict[str, Any] = doc["hosts"][host]["domains"][name]
    return found


def _scalar(resource: Resource, attr: str) -> str:
    values = [a.value for a in resource.values(attr) if a.system is None]
    return values[0].text if values and hasattr(values[0], "text") else ""


def _components(doc: dict[str, Any], nodes: list[str], config: Config) -> None:
    types = {r.type for _, r in config.resources()}
    wanted = {"vcs"} | {c for t in types for c in _COMPONENT_TYPES.get(t, [])}
    for ref in nodes:
        domain = _domain(doc, ref)
        have = set(domain.get("infoscale", [])) | wanted
        domain["infoscale"] = [c for c in _ORDER if c in have]


def _cluster(doc: dict[str, Any], config: Config, guesses: list[Guess]) -> tuple[str, dict[str, Any]]:
    assert config.cluster is not None
    name = config.cluster.name
    path = ("clusters", name)
    systems = system_names(doc)
    nodes = []
    for system in config.systems:
        if system.name in systems:
            nodes.append(systems[system.name])
        else:
            guesses.append(Guess((*path, "nodes"), f"system {system.name} matches no imported domain's node "
                                                   "name; left out (set the domain's hostname:)"))
    by_name = {ref.split("/")[1]: ref for ref in systems.values()}
    ldoms = [r for _, r in config.resources() if r.type == "LDom"]
    manages = sorted({by_name[n] for r in ldoms if (n := _scalar(r, "LDomName")) in by_name})
    out: dict[str, Any] = {"nodes": nodes, "cluster-id": 0, "llt-links": []}
    guesses.append(Guess((*path, "cluster-id"), "not in main.cf (/etc/llttab `set-cluster`)"))
    guesses.append(Guess((*path, "llt-links"), "not in main.cf (/etc/llttab `link` lines)"))
    fence = [a for a in config.cluster.attrs if a.name == "UseFence"]
    if fence:
        out["fencing"] = {"mode": "majority"}
        guesses.append(Guess((*path, "fencing"), "main.cf sets UseFence = SCSI3, so fencing is on; its mode is in "
                                                 "/etc/vxfenmode: scsi3 (give coordinator-disks) or cps (give "
                                                 "cp-servers) if not majority"))
    if manages:
        out["manages"] = manages
    user = next((u for r in ldoms if (u := _scalar(r, "UserName"))), "")
    password = next((p for r in ldoms if (p := _scalar(r, "Password"))), "")
    if user or password:
        out["migration-auth"] = {"user": user or "root"} | ({"password-encrypted": password} if password else {})
    _components(doc, nodes, config)
    _shared_diskgroups(doc, nodes, config)
    return name, out


def _shared_diskgroups(doc: dict[str, Any], nodes: list[str], config: Config) -> None:
    """Disk groups under ``CVMVolDg`` are shared (CVM) and imported on every node."""
    names = {_scalar(r, "CVMDiskGroup") for _, r in config.resources() if r.type == "CVMVolDg"} - {""}
    groups = doc.setdefault("storage", {}).setdefault("diskgroups", {})
    for dg in sorted(names):
        spec = groups.setdefault(dg, {"managed-by": [], "disks": [], "volumes": {}})
        spec["shared"] = True
        spec["managed-by"] = sorted(set(spec["managed-by"]) | set(nodes))
        for lun in spec["disks"]:
            if lun in doc["storage"].get("luns", {}):
                seen = doc["storage"]["luns"][lun].setdefault("seen-by", [])
                seen[:] = sorted(set(seen) | set(nodes))
    if not groups:
        del doc["storage"]["diskgroups"]
    if not doc["storage"]:
        del doc["storage"]


def add_clusters(doc: dict[str, Any], configs: list[Config]) -> list[Guess]:
    """Add ``clusters:`` to an imported topology document from running main.cf trees; return the guesses."""
    guesses: list[Guess] = []
    clusters = dict(_cluster(doc, c, guesses) for c in configs if c.cluster is not None)
    if clusters:
        doc["clusters"] = dict(sorted(clusters.items()))
    return guesses


def _plain(value: Value) -> Any:
    if isinstance(value, Items):
        return list(value.items)
    if isinstance(value, Assoc):
        return {k: v for k, v in value.pairs}
    return value.text


def _resource(group: Group, resource: Resource) -> dict[str, Any]:
    out: dict[str, Any] = {"type": resource.type}
    attrs = [a for a in resource.attrs if a.name != "Critical"]
    if plain := {a.name: _plain(a.value) for a in attrs if a.system is None}:
        out["attributes"] = plain
    localized: dict[str, dict[str, Any]] = {}
    for a in attrs:
        if a.system is not None:
            localized.setdefault(a.name, {})[a.system] = _plain(a.value)
    if localized:
        out["localized"] = localized
    children = sorted({c for d in group.resource_deps if d.parent == resource.name for c in d.children})
    if children:
        out["requires"] = children
    if _scalar(resource, "Critical") == "0":
        out["critical"] = False
    return out


def _group(group: Group, systems: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"systems": [systems.get(s, s) for s in group.system_list()]}
    if group.parallel:
        out["parallel"] = True
    if not group.values("AutoStartList"):
        out["autostart"] = False
    attrs: list[Attr] = [a for a in group.attrs if a.name not in _SET_BY_BUILDER]
    if plain := {a.name: _plain(a.value) for a in attrs if a.system is None}:
        out["attributes"] = plain
    out["resources"] = {r.name: _resource(group, r) for r in group.resources}
    if group.group_deps:
        out["requires"] = [f"{d.child} {' '.join(d.words)}" for d in group.group_deps]
    return out


def add_extra_groups(doc: dict[str, Any], derived: dict[str, Config], running: list[Config]) -> list[Guess]:
    """Carry every running group the derivation does not produce into its cluster's ``groups:``."""
    guesses: list[Guess] = []
    systems = system_names(doc)
    for live in running:
        if live.cluster is None or live.cluster.name not in doc.get("clusters", {}):
            continue
        name = live.cluster.name
        made = {g.name for g in derived[name].groups} if name in derived else set()
        extra = {g.name: _group(g, systems) for g in live.groups if g.name not in made}
        if extra:
            doc["clusters"][name]["groups"] = extra
            guesses += [Guess(("clusters", name, "groups", g), "copied as it runs: the topology format has no "
                                                               "model for this group, or it differs from one")
                        for g in extra]
    return guesses
