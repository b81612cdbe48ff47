"""Vendor command spellings for runbooks: the exact ``ldm``, VxVM, VxFS and zone command lines.

Every command a runbook or a sequence diagram prints is spelled here once (REFERENCE.md section 6)
and built by :func:`generator.estate.shell.sh`, which quotes every argument that is not a safe token:
a topology value is always one argument, never shell syntax. VCS commands are in
:mod:`generator.estate.vcs_commands`; device paths of VxVM volumes are :func:`vx_block` and
:func:`vx_raw`.
"""

from __future__ import annotations

from generator.core.sizes import format_size
from generator.estate.shell import Part, quote, redirect, sh

__all__ = ["quote", "sh"]


def prompt(node: str) -> str:
    """The shell prompt shown before a step's commands."""
    if node == "operator":
        return "operator"
    return f"root@{node}#"


def vx_size(size: int) -> str:
    """A size as ``vxassist`` writes it: ``64g``, ``512m`` (lower-case unit)."""
    return format_size(size).lower()


def ldm_size(size: int) -> str:
    """A size as ``ldm set-memory`` accepts it: ``256G``."""
    return format_size(size)


# --- Oracle VM Server for SPARC (run in the control domain) -------------------------------------

def ldm(subcommand: str, *args: Part) -> str:
    """``ldm SUBCOMMAND ARGS...``."""
    return sh("ldm", subcommand, *args)


def ldm_list(domain: str | None = None, *options: str) -> str:
    """``ldm list [OPTIONS] [DOMAIN]``, e.g. ``ldm_list(d, "-o", "status")``."""
    return ldm("list", *options, *([domain] if domain else []))


def bind_domain(domain: str) -> str:
    return ldm("bind-domain", domain)


def unbind_domain(domain: str) -> str:
    return ldm("unbind-domain", domain)


def start_domain(domain: str) -> str:
    return ldm("start-domain", domain)


def stop_domain(domain: str, *, force: bool = False) -> str:
    """``ldm stop-domain [-f] DOMAIN`` (``-f``: without waiting for the OS to shut down)."""
    return ldm("stop-domain", *(["-f"] if force else []), domain)


def remove_domain(domain: str) -> str:
    return ldm("remove-domain", domain)


def destroy_domain(domain: str, *, force: bool = False) -> tuple[str, str, str]:
    """Stop, unbind and remove a domain: the back-out of a domain's creation."""
    return stop_domain(domain, force=force), unbind_domain(domain), remove_domain(domain)


def add_vds(vds: str, domain: str) -> str:
    return ldm("add-vds", vds, domain)


def add_vsw(vsw: str, domain: str, net_dev: str | None, vids: list[int]) -> str:
    options = [f"net-dev={net_dev}"] if net_dev else []
    if vids:
        options.append("vid=" + ",".join(str(v) for v in vids))
    return ldm("add-vsw", *options, vsw, domain)


def add_vcc(vcc: str, domain: str, port_range: str) -> str:
    return ldm("add-vcc", f"port-range={port_range}", vcc, domain)


def vds_volume(volume: str, vds: str) -> str:
    """``VOLUME@VDS``, how ldm names a volume of a virtual disk service."""
    return f"{volume}@{vds}"


def add_vdsdev(backend: str, volume: str, vds: str, *, slice_: bool = False,
               mpgroup: str | None = None, force: bool = False) -> str:
    """``force`` (``-f``): a further export of a back end this service domain already exports."""
    options = ["-f"] if force else []
    if slice_:
        options.append("options=slice")
    if mpgroup:
        options.append(f"mpgroup={mpgroup}")
    return ldm("add-vdsdev", *options, backend, vds_volume(volume, vds))


def remove_vdsdev(volume: str, vds: str) -> str:
    return ldm("remove-vdsdev", vds_volume(volume, vds))


def add_vdisk(disk: str, volume: str, vds: str, domain: str, disk_id: int | None = None,
              timeout: int | None = None) -> str:
    """``ldm add-vdisk [timeout=S] [id=N] DISK VOLUME@VDS DOMAIN`` (ldm(8) synopsis)."""
    option = [f"timeout={timeout}"] if timeout is not None else []
    option += [f"id={disk_id}"] if disk_id is not None else []
    return ldm("add-vdisk", *option, disk, vds_volume(volume, vds), domain)


def add_vnet(vnet: str, vsw: str, domain: str, mac: str | None, vids: list[int]) -> str:
    options = [f"mac-addr={mac}"] if mac else []
    if vids:
        options.append("vid=" + ",".join(str(v) for v in vids))
    return ldm("add-vnet", *options, vnet, vsw, domain)


def add_domain(domain: str, cpu_arch: str | None = None) -> str:
    return ldm("add-domain", *([f"cpu-arch={cpu_arch}"] if cpu_arch else []), domain)


def add_spconfig(name: str) -> str:
    return ldm("add-spconfig", name)


def cancel_migration(domain: str) -> str:
    """``ldm cancel-operation migration DOMAIN``, run on the source until the hand-off."""
    return ldm("cancel-operation", "migration", domain)


# --- VxVM / VxFS ------------------------------------------------------------------------------

def vxdg(action: str, dg: str, *args: Part) -> str:
    """``vxdg ACTION DG`` (``import``, ``deport``, ``list``, ``destroy``)."""
    return sh("vxdg", action, dg, *args)


def vxdg_init(dg: str, disks: list[str], shared: bool, fss: bool = False) -> str:
    """``vxdg [-s] [-o fss] init DG DG01=disk ...`` (``-o fss`` per the vxdg(1M) 7.4 synopsis)."""
    flags = (["-s"] if shared or fss else []) + (["-o", "fss"] if fss else [])
    media = [f"{dg}{i:02d}={disk}" for i, disk in enumerate(disks, start=1)]
    return sh("vxdg", *flags, "init", dg, *media)


def vxvol_startall(dg: str) -> str:
    return sh("vxvol", "-g", dg, "startall")


def vxdisksetup(disk: str) -> str:
    """``vxdisksetup -i DISK format=cdsdisk``: initialise a disk for VxVM."""
    return sh("vxdisksetup", "-i", disk, "format=cdsdisk")


def vxassist_make(dg: str, volume: str, size: int, layout: str) -> str:
    return sh("vxassist", "-g", dg, "make", volume, vx_size(size), f"layout={layout}")


def mkfs_vxfs(raw_device: str) -> str:
    return sh("mkfs", "-F", "vxfs", raw_device)


def mount_vxfs(block_device: str, mount_point: str) -> str:
    return sh("mount", "-F", "vxfs", block_device, mount_point)


def vx_block(dg: str, volume: str) -> str:
    """Block device of a VxVM volume (``/dev/vx/dsk/DG/VOL``)."""
    return f"/dev/vx/dsk/{dg}/{volume}"


def vx_raw(dg: str, volume: str) -> str:
    """Raw (character) device of a VxVM volume (``/dev/vx/rdsk/DG/VOL``)."""
    return f"/dev/vx/rdsk/{dg}/{volume}"


# --- Solaris zones ------------------------------------------------------------------------------

def zoneadm(zone: str, *args: Part) -> str:
    """``zoneadm -z ZONE ARGS...`` (``install``, ``boot``, ``halt``, ``attach``, ``detach``, ``uninstall -F``)."""
    return sh("zoneadm", "-z", zone, *args)


def zonecfg(zone: str, *args: Part) -> str:
    return sh("zonecfg", "-z", zone, *args)


def zlogin(zone: str, *argv: Part) -> str:
    return sh("zlogin", zone, *argv)


# --- LDom agent configuration file ------------------------------------------------------------

LDOM_CFG_DIR = "/etc/ldoms"
"""Where the LDom agent's ``CfgFile`` lives, the same path on every system of the group's SystemList."""


def ldom_cfgfile(domain: str) -> str:
    """The ``CfgFile`` of ``domain``: its ``ldm list-constraints -x`` XML, from which the LDom agent
    creates the domain on a system where it is not defined (REFERENCE 3.1, [K])."""
    return f"{LDOM_CFG_DIR}/{domain}.xml"


def list_constraints_xml(domain: str, path: str) -> str:
    """``ldm list-constraints -x DOMAIN > PATH`` (Oracle VM Server for SPARC admin guide, saving
    domain configurations [S])."""
    return redirect(sh("ldm", "list-constraints", "-x", domain), path)


def list_free(*resources: str) -> str:
    """``ldm list-devices cpu memory``: the resources not bound to any domain (ldm(8) [K])."""
    return ldm("list-devices", *resources)


# --- Changes to a running estate (change runbooks) --------------------------------------------

def set_vcpu(count: int, domain: str) -> str:
    return ldm("set-vcpu", str(count), domain)


def set_memory(size: int, domain: str) -> str:
    return ldm("set-memory", ldm_size(size), domain)


def remove_vdisk(disk: str, domain: str) -> str:
    return ldm("remove-vdisk", disk, domain)


def remove_vnet(vnet: str, domain: str) -> str:
    return ldm("remove-vnet", vnet, domain)


def vxdg_adddisk(dg: str, media: str, disk: str) -> str:
    return sh("vxdg", "-g", dg, "adddisk", f"{media}={disk}")


def vxdg_rmdisk(dg: str, media: str) -> str:
    return sh("vxdg", "-g", dg, "rmdisk", media)


def vxresize(dg: str, volume: str, size: int) -> str:
    """``vxresize`` grows the volume and the VxFS file system on it together (vxresize(1M) [S])."""
    return sh("vxresize", "-g", dg, volume, vx_size(size))


def vxedit_remove(dg: str, volume: str) -> str:
    return sh("vxedit", "-g", dg, "-rf", "rm", volume)
