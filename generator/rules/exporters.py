"""Vdisks paired with the service domain that exports their back end, for the rules that check both."""

from __future__ import annotations

from collections.abc import Iterator

from generator.estate.estate import DomainInfo, Estate, VdiskInfo


def exported_vdisks(estate: Estate, backend: str | None = None) -> Iterator[tuple[VdiskInfo, DomainInfo]]:
    """Every vdisk whose virtual disk service resolves, with the domain providing that service.

    With ``backend`` (``volume``, ``lun``, ``file`` or ``zvol``) only the vdisks that name such a
    back end; vdisks whose service does not resolve are REF002's business and are skipped here.
    """
    for v in estate.all_vdisks:
        if v.service is not None and (backend is None or getattr(v.spec, backend) is not None):
            yield v, v.service.domain
