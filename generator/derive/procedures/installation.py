"""Installation phases: the InfoScale components each domain runs, per the stack model.

Which product to install is derived from the components the topology lists for the domain
([K]: InfoScale Foundation = VxVM/VxFS/DMP, Availability = VCS, Storage = adds CVM/CFS,
Enterprise = storage and availability together, and SF Oracle RAC); check against the licence.
"""

from __future__ import annotations

from generator.document.runbook_model import Section, Step
from generator.estate.estate import DomainInfo, Estate
from generator.estate.shell import sh
from generator.input.schema import Component

PACKAGES = {
    Component.DMP: ("VRTSvxvm",), Component.VXVM: ("VRTSvxvm",), Component.VXFS: ("VRTSvxfs",),
    Component.VCS: ("VRTSvcs", "VRTSvcsag"), Component.CVM: ("VRTScavf",), Component.CFS: ("VRTScavf",),
    Component.SFRAC: ("VRTSdbac",), Component.SMARTIO: ("VRTSvxvm",),
}
"""Package that proves each component is installed ([K] package names of InfoScale for Solaris)."""


def product(components: set[Component]) -> str:
    storage = bool(components & {Component.DMP, Component.VXVM, Component.VXFS, Component.SMARTIO})
    cluster_fs = bool(components & {Component.CVM, Component.CFS})
    if Component.SFRAC in components:
        return "InfoScale Enterprise (SF Oracle RAC)"
    if Component.VCS in components and (storage or cluster_fs):
        return "InfoScale Enterprise"
    if cluster_fs:
        return "InfoScale Storage"
    if Component.VCS in components:
        return "InfoScale Availability"
    return "InfoScale Foundation"


def _install_step(d: DomainInfo) -> Step:
    components = set(d.spec.infoscale)
    names = ", ".join(c.value for c in sorted(components, key=lambda c: c.value))
    packages = sorted({p for c in components for p in PACKAGES[c]})
    chosen = product(components)
    notes = [f"Choose {chosen} in the installer menu; configure only {names} in this domain."]
    if d.is_guest and components <= {Component.VXFS}:
        notes.append("Split model guest: VxFS only. Do not put VxVM on the exported volumes inside the "
                     "guest.")
    return Step(id=f"install-{d.host}-{d.name}", title=f"Install {chosen} in {d.ref} ({names})",
                runs_on=d.system,
                commands=("cd /var/tmp/infoscale", sh("./installer", "-precheck", d.system),
                          sh("./installer", d.system)),
                expected="The installer reports the packages installed without errors.",
                verify=(sh("pkg", "list", *packages),), backout=(sh("./uninstaller", d.system),),
                minutes=25, notes=tuple(notes))


def install_section(estate: Estate, guests: bool) -> Section | None:
    domains = [d for d in estate.domains if d.spec.infoscale and d.is_guest == guests]
    if not domains:
        return None
    steps = tuple(_install_step(d) for d in domains)
    if guests:
        return Section(id="install-guests", title="InfoScale in the guest domains", steps=steps,
                       depends_on=("guests",),
                       intro="Solaris must be installed and on the network in each guest.",
                       backout=("Run `./uninstaller` in each guest installed in this phase.",))
    return Section(id="install-io", title="InfoScale in the control and I/O domains", steps=steps,
                   intro="One step per domain; domains on different hosts can be installed in parallel.",
                   backout=("Run `./uninstaller` in each domain installed in this phase.",))
