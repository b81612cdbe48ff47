"""Several vdisks of one guest on the same LUN: the paths guest DMP multipaths, and their timeout.

Oracle VM Server for SPARC admin guide, "Virtual Disk Timeout" [S]: by default (timeout 0) I/O to a
vdisk blocks while the service domain serving it is down, and resumes when it returns. DMP in the
guest switches to the other path only when an I/O on the dead path fails, so a LUN the guest reaches
through vdisks of two service domains without ``mpgroup`` needs a timeout on each. With ``mpgroup``
Oracle's own vdisk multipathing switches paths and the guide says to avoid a timeout ("Virtual Disk
Multipathing and Virtual Disk Timeout" [S]). The default of 30 seconds is this tool's choice
(unverified: no cited source gives a value).
"""

from __future__ import annotations

from generator.estate.estate import Estate, VdiskInfo

DEFAULT_MULTIPATH_TIMEOUT = 30


def guest_multipaths(estate: Estate, v: VdiskInfo) -> list[VdiskInfo]:
    """The other vdisks of ``v``'s domain on the same LUN, none of the pair in an mpgroup."""
    if v.spec.lun is None or v.spec.mpgroup:
        return []
    return [o for o in estate.vdisks(v.domain)
            if o.name != v.name and o.spec.lun == v.spec.lun and not o.spec.mpgroup]


def vdisk_timeout(estate: Estate, v: VdiskInfo) -> int | None:
    """The ``timeout=`` the build-out gives ``v``: as stated, else the default on a guest multipath."""
    if v.spec.timeout is not None:
        return v.spec.timeout
    return DEFAULT_MULTIPATH_TIMEOUT if guest_multipaths(estate, v) else None
