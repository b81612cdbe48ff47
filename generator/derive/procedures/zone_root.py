"""Installing a zone root on each node, and ``hazonesetup`` while the zone runs on that node.

Local root: installed on every node. Shared root: installed once on the first node and attached on
each other node in turn (REFERENCE 8.2); on Solaris 11 the root is a ZFS pool on the root volume,
because a ``solaris`` brand zone resides on its own ZFS dataset and only ZFS is supported (solaris(5)
[S]); on Solaris 10 a VxFS file system on the volume, mounted at the zone path.

``hazonesetup`` creates the zone's VCS user and the password-less communication between the zone and
VCS in the global zone, so it runs on each node while the zone is booted there, then the zone is
halted (and detached) and the next node does the same (Virtualization Guide, configuring a zone
resource with hazonesetup [K]: run on every node with the zone running; not seen in a cited source).
"""

from __future__ import annotations

from generator.document.runbook_model import Step
from generator.estate import commands as cmd
from generator.estate.commands import vxdg, zlogin, zoneadm
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import either, sh, silent
from generator.estate.zone_roots import root_fs, zone_pool
from generator.input.schema import Zone, ZoneRootFs

PASSWORD_NOTE = ("Type the zone user's password after `read`: it never appears on screen, in a file or in the "
                 "shell history. Use the same password on every node.")


def hazone_commands(group: str, resource: str, name: str, systems: list[str]) -> tuple[str, ...]:
    """``hazonesetup`` with the password read at the prompt; run with the zone booted on this node."""
    return ("read -rs VCS_ZONE_PW",
            f'{sh("hazonesetup", "-g", group, "-r", resource, "-z", name, "-u", f"z_{name}")} -p "$VCS_ZONE_PW" '
            f'{sh("-s", ",".join(systems))}',
            "unset VCS_ZONE_PW")


def local_root_steps(name: str, nodes: list[DomainInfo], hazone: tuple[str, ...]) -> list[Step]:
    tied = " and tied to VCS by hazonesetup while it ran" if hazone else ""
    return [Step(id=f"install-{name}-{n.system}", title=f"Install zone `{name}` on {n.system} (local root)",
                 runs_on=n.system, commands=(zoneadm(name, "install"), zoneadm(name, "boot"),
                                             zlogin(name, "svcs", "-x"), *hazone, zoneadm(name, "halt")),
                 expected=f"`{name}` installed; it booted cleanly once{tied} and is halted again for VCS.",
                 verify=("zoneadm list -cv",),
                 backout=(silent(zoneadm(name, "halt")), zoneadm(name, "uninstall", "-F")), minutes=20,
                 notes=(PASSWORD_NOTE,) if hazone else ())
            for n in nodes]


def _storage(estate: Estate, name: str, zone: Zone) -> tuple[list[str], list[str], list[str], str]:
    """(bring the root online, create its file system once, take it offline, what holds the root)."""
    dg, vol = (zone.root_volume or "/").split("/")
    path = zone.zonepath
    if root_fs(estate, zone) is ZoneRootFs.ZFS:
        pool = zone_pool(name)
        online = [vxdg("import", dg), sh("zpool", "import", "-d", f"/dev/vx/dsk/{dg}", pool)]
        # an existing pool is used (imported if need be); zpool create also refuses a device in use
        create = [either(silent(vxdg("list", dg)), vxdg("import", dg)),
                  either(silent(sh("zpool", "list", pool)),
                         either(silent(online[1]), sh("zpool", "create", "-m", path, pool, cmd.vx_block(dg, vol)))),
                  sh("chmod", "700", path)]
        return online, create, [sh("zpool", "export", pool), vxdg("deport", dg)], f"ZFS pool `{pool}` on `{dg}/{vol}`"
    mount = cmd.mount_vxfs(cmd.vx_block(dg, vol), path)
    raw = cmd.vx_raw(dg, vol)
    # fstyp finds a file system: a re-run mounts it instead of formatting an installed zone root
    create = [either(silent(vxdg("list", dg)), vxdg("import", dg)),
              either(silent(sh("fstyp", raw)), cmd.mkfs_vxfs(raw)), sh("mkdir", "-p", path), mount,
              sh("chmod", "700", path)]
    return [vxdg("import", dg), sh("mkdir", "-p", path), mount], create, [sh("umount", path), vxdg("deport", dg)], \
        f"VxFS on `{dg}/{vol}`"


def shared_root_steps(estate: Estate, name: str, zone: Zone, nodes: list[DomainInfo],
                      hazone: tuple[str, ...]) -> list[Step]:
    online, create, offline, holder = _storage(estate, name, zone)
    first, others = nodes[0], nodes[1:]
    booted = (zoneadm(name, "boot"), zlogin(name, "svcs", "-x"), *hazone, zoneadm(name, "halt"))
    tied = "; hazonesetup ran while it was booted" if hazone else ""
    notes = (PASSWORD_NOTE,) if hazone else ()
    steps = [Step(id=f"install-{name}", title=f"Install zone `{name}` on its shared root on {first.system}",
                  runs_on=first.system,
                  commands=(*create, zoneadm(name, "install"), *booted, zoneadm(name, "detach"), *offline),
                  expected=f"`{name}` installed once on {holder}{tied}, then detached; the root is offline.",
                  verify=("zoneadm list -cv", "vxdisk -o alldgs list"),
                  backout=(*online, zoneadm(name, "attach", "-F"), zoneadm(name, "uninstall", "-F"), *offline),
                  minutes=25,
                  notes=(*notes, "The file system is created only when none exists yet (re-running the step "
                                 "keeps an installed root); the back-out brings the root back, force-attaches "
                                 "the detached zone and uninstalls it."))]
    for n in others:
        steps.append(Step(id=f"attach-{name}-{n.system}", title=f"Attach zone `{name}` on {n.system}",
                          runs_on=n.system,
                          commands=(*online, zoneadm(name, "attach"), *booted, zoneadm(name, "detach"), *offline),
                          expected=f"`{name}` attaches cleanly (packages match this node) and boots{tied}; it "
                                   "is detached again and the root is offline.",
                          verify=("zoneadm list -cv",), minutes=15,
                          backout=(silent(zoneadm(name, "halt")), silent(zoneadm(name, "detach")), *offline),
                          notes=(*notes, "VCS attaches with `zoneadm attach -F` (ForceAttach), which skips "
                                         "these checks: this step is the check.")))
    return steps
