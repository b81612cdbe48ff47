"""Command templates for runbooks: the exact ``ldm``, VxVM, VCS and zone command lines.

Every command a runbook prints is built here from topology names, so the syntax lives in one place
(REFERENCE.md section 6) and the tests can parse it back. Names reaching these functions have passed
the naming rules (NAME001/NAME002: no character a shell would interpret); :func:`quote` still guards
free-form values such as paths.
"""

from __future__ import annotations

import shlex

from generator.core.sizes import format_size


def quote(value: str) -> str:
    """Shell-quote ``value`` only when needed, so that ordinary names stay readable."""
    return shlex.quote(value)


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

def add_vds(vds: str, domain: str) -> str:
    return f"ldm add-vds {vds} {domain}"


def add_vsw(vsw: str, domain: str, net_dev: str | None, vids: list[int]) -> str:
    options = []
    if net_dev:
        options.append(f"net-dev={net_dev}")
    if vids:
        options.append("vid=" + ",".join(str(v) for v in vids))
    return " ".join(["ldm add-vsw", *options, vsw, domain])


def add_vcc(vcc: str, domain: str, port_range: str) -> str:
    return f"ldm add-vcc port-range={port_range} {vcc} {domain}"


def add_vdsdev(backend: str, volume: str, vds: str, *, slice_: bool = False,
               mpgroup: str | None = None, force: bool = False) -> str:
    """``force`` (``-f``): a further export of a back end this service domain already exports."""
    options = ["-f"] if force else []
    if slice_:
        options.append("options=slice")
    if mpgroup:
        options.append(f"mpgroup={mpgroup}")
    return " ".join(["ldm add-vdsdev", *options, quote(backend), f"{volume}@{vds}"])


def add_vdisk(disk: str, volume: str, vds: str, domain: str, disk_id: int | None = None) -> str:
    option = [f"id={disk_id}"] if disk_id is not None else []
    return " ".join(["ldm add-vdisk", *option, disk, f"{volume}@{vds}", domain])


def add_vnet(vnet: str, vsw: str, domain: str, mac: str | None, vids: list[int]) -> str:
    options = []
    if mac:
        options.append(f"mac-addr={mac}")
    if vids:
        options.append("vid=" + ",".join(str(v) for v in vids))
    return " ".join(["ldm add-vnet", *options, vnet, vsw, domain])


def add_domain(domain: str, cpu_arch: str) -> str:
    return f"ldm add-domain cpu-arch={cpu_arch} {domain}"


# --- VxVM / VxFS ------------------------------------------------------------------------------

def vxdg_init(dg: str, disks: list[str], shared: bool, fss: bool = False) -> str:
    """``vxdg [-s] [-o fss] init DG DG01=disk ...`` (``-o fss`` per the vxdg(1M) 7.4 synopsis)."""
    flags = ("-s " if shared or fss else "") + ("-o fss " if fss else "")
    media = " ".join(f"{dg}{i:02d}={disk}" for i, disk in enumerate(disks, start=1))
    return f"vxdg {flags}init {dg} {media}"


def vxassist_make(dg: str, volume: str, size: int, layout: str) -> str:
    return f"vxassist -g {dg} make {volume} {vx_size(size)} layout={layout}"


def mkfs_vxfs(raw_device: str) -> str:
    return f"mkfs -F vxfs {quote(raw_device)}"


def mount_vxfs(block_device: str, mount_point: str) -> str:
    return f"mount -F vxfs {quote(block_device)} {quote(mount_point)}"


def vx_block(dg: str, volume: str) -> str:
    return f"/dev/vx/dsk/{dg}/{volume}"


def vx_raw(dg: str, volume: str) -> str:
    return f"/dev/vx/rdsk/{dg}/{volume}"


# --- VCS --------------------------------------------------------------------------------------

def hagrp(action: str, group: str, system: str) -> str:
    """``hagrp -switch|-migrate|-online|-offline GROUP -to|-sys SYSTEM``."""
    where = "-to" if action in ("switch", "migrate") else "-sys"
    return f"hagrp -{action} {group} {where} {system}"
