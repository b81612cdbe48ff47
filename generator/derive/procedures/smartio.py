"""The SmartIO runbook: cache areas on flash devices and what they cache.

``sfcache create -t VxVM|VxFS DEVICE... NAME`` (sfcache(1M) 7.4 synopsis [S]) in the domain that owns
the flash; a VxVM cache in a control domain caches the volumes it exports to guests. A cache lives on
one host: after a fail-over or migration the guest's data is cold on the target (REFERENCE.md 1.4).
"""

from __future__ import annotations

from generator.derive.procedures.command_hosts import dg_domains
from generator.document.runbook_model import Runbook, Section, Step
from generator.estate.commands import vxdisksetup
from generator.estate.estate import Estate
from generator.estate.shell import sh
from generator.input.schema import CacheSpec

CAUTION = ("The cache is local to its host: after a fail-over or migration the guest runs with a cold "
           "cache on the target until it warms up (REFERENCE.md 1.4, unverified).")


def _cached_objects(estate: Estate, cache: CacheSpec) -> list[str]:
    owner = estate.domain(cache.domain)
    result = []
    for dg, vol in estate.iter_volumes():
        spec = estate.topology.storage.diskgroups[dg]
        if owner is None or owner not in dg_domains(estate, spec):
            continue
        fs = spec.volumes[vol].filesystem
        if cache.type == "vxfs":
            if fs is not None and fs.type.value == "vxfs":
                result.append(fs.mount)
        else:
            result.append(f"{dg}/{vol}")
    return result


def _cache_step(estate: Estate, name: str, cache: CacheSpec) -> Step:
    owner = estate.domain(cache.domain)
    kind = "VxFS" if cache.type == "vxfs" else "VxVM"
    objects = _cached_objects(estate, cache)
    commands = [vxdisksetup(d) for d in cache.devices]
    commands.append(sh("sfcache", "create", "-t", kind, *cache.devices, name))
    commands += [sh("sfcache", "enable", obj) for obj in objects]
    return Step(id=f"cache-{name}", title=f"Create the {kind} cache area `{name}`",
                runs_on=owner.system if owner else cache.domain, commands=tuple(commands),
                expected=f"`{name}` ONLINE; caching enabled for {len(objects)} object(s).",
                verify=("sfcache list -l",), backout=(*[sh("sfcache", "disable", o) for o in objects],
                                                      sh("sfcache", "delete", name)),
                minutes=5,
                notes=("Objects imported on the other node are enabled there when they move; re-run "
                                  "`sfcache list -l` after a fail-over.",) if objects else ())


def smartio_runbook(estate: Estate) -> Runbook | None:
    caches = estate.topology.storage.smartio
    if not caches:
        return None
    steps = tuple(_cache_step(estate, n, c) for n, c in sorted(caches.items()))
    section = Section(id="caches", title="SmartIO cache areas", steps=steps,
                      backout=("`sfcache delete` each cache area created; the data volumes are not "
                               "touched.",))
    return Runbook(id="smartio", title=f"SmartIO caches: {estate.topology.title}",
                   topology=estate.topology.topology,
                   kind="smartio", sections=(section,),
                   summary="Creates the SmartIO cache areas on the flash devices and enables caching.",
                   prerequisites=("Flash devices visible to VxVM in the owning domain (`vxdisk list`).",
                                  CAUTION),
                   references=("Veritas InfoScale Virtualization Guide - Solaris: SmartIO in virtualized "
                               "environments",
                               "sfcache(1M)"))
