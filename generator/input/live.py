"""What a running estate says about itself: domains and services as the Logical Domains Manager reports them.

These are plain records read from ``ldm list-constraints -x`` (:mod:`generator.input.ldm_xml`); they hold
what the XML states and nothing the topology format would infer. The importer
(:mod:`generator.derive.importer`) turns them into a topology; drift (:mod:`generator.derive.drift_compare`) compares
them with one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LiveVolume:
    """A virtual disk server volume (``ldm add-vdsdev``): ``name@service`` backed by ``block_dev``."""

    name: str
    service: str
    block_dev: str
    options: tuple[str, ...] = ()
    mpgroup: str = ""


@dataclass(frozen=True)
class LiveDisk:
    """A virtual disk of a domain (``ldm add-vdisk``): ``name`` on ``volume@service``."""

    name: str
    service: str
    volume: str
    timeout: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class LiveNetwork:
    """A virtual network device of a domain (``ldm add-vnet``)."""

    name: str
    switch: str
    mac: str = ""
    vids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LiveSwitch:
    """A virtual switch (``ldm add-vsw``); ``net_dev`` is empty for a private switch."""

    name: str
    net_dev: str = ""
    vids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LiveConsole:
    """A virtual console concentrator (``ldm add-vcc``)."""

    name: str
    min_port: int
    max_port: int


@dataclass
class LiveDomain:
    """One ``<data>`` section of ``ldm list-constraints -x``: a domain and what it owns."""

    host: str
    name: str
    line: int
    """Line of the domain's ``<Content>`` in the XML file (for located messages)."""
    vcpus: int | None = None
    memory: int | None = None
    master: str = ""
    failure_policy: str = ""
    cpu_arch: str = ""
    vds: list[str] = field(default_factory=list)
    volumes: list[LiveVolume] = field(default_factory=list)
    switches: list[LiveSwitch] = field(default_factory=list)
    consoles: list[LiveConsole] = field(default_factory=list)
    disks: list[LiveDisk] = field(default_factory=list)
    networks: list[LiveNetwork] = field(default_factory=list)
    physio: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    """Resource types the importer does not model (``var``, ``mau``, ``console``...), in file order."""


@dataclass
class LiveHost:
    """The domains of one physical host, from one ``ldm list-constraints -x`` file."""

    name: str
    file: str
    domains: list[LiveDomain] = field(default_factory=list)

    def domain(self, name: str) -> LiveDomain | None:
        return next((d for d in self.domains if d.name == name), None)
