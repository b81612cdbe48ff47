"""Schema layer: the shape of a topology file, declared once with pydantic v2.

Every field is documented where it is declared; the topology-format reference page and the JSON
Schema for editors (``python -m generator schema``) are generated from these models. Keys are
written in kebab-case in YAML (``cpu-arch``); unknown keys are errors. Meaning (references,
placement rules, migration prerequisites) is checked later by :mod:`generator.rules`.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from generator.core.sizes import parse_size
from generator.input.textforms import (
    AbsolutePath,
    AgentType,
    AttributeName,
    AttributeValue,
    Brand,
    DatabaseName,
    DatalinkName,
    EncryptedPassword,
    GroupDependency,
    HostPort,
    IpAddress,
    LinkOrVnet,
    Netmask,
    PhysicalDevice,
    PortRange,
    ProcessName,
    Program,
    Prose,
    SystemKey,
    Text,
    Title,
    Token,
    UserName,
    VcsName,
    Version,
    VolumeRef,
    ZfsVolume,
)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Spec(BaseModel):
    """Base of every schema model: frozen, kebab-case keys, unknown keys forbidden."""

    model_config = ConfigDict(
        alias_generator=_kebab,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        validate_default=False,
        str_max_length=1024,  # every text value: a Solaris path (MAXPATHLEN 1024 [K]) or shorter
    )


def _size(value: Any) -> int:
    return parse_size(value)


Size = Annotated[
    int,
    BeforeValidator(_size),
    Field(gt=0),
    PlainSerializer(lambda v: v, return_type=int),
    WithJsonSchema({"type": ["string", "integer"], "pattern": r"^[0-9]+(\.[0-9]+)?[KMGTP]?B?$",
                    "description": "A size such as 64G, 512M or 1T (binary units); a bare number is bytes."}),
]
"""A size in bytes, written as ``64G``, ``512M``, ``1.5T`` or a plain byte count; never 0 (``ldm set-memory 0``
and a 0-byte LUN or volume are not things to plan)."""

_REF = r"^[^/\s]+(/[^/\s]+)?$"
DomainRef = Annotated[str, Field(pattern=_REF)]
"""A domain reference: ``host/domain``, or a bare domain name when it is unique in the estate."""


class StackModel(str, Enum):
    """The InfoScale stack model of the Oracle VM Server for SPARC deployment."""

    SPLIT = "split"
    GUEST_BASED = "guest-based"
    LAYERED = "layered"


_MODEL_ALIASES = {
    "split": "split", "split-infoscale": "split", "split-storage-foundation": "split",
    "split-sf": "split", "guest-based": "guest-based", "guest": "guest-based",
    "guest-based-infoscale": "guest-based", "guest-based-storage-foundation": "guest-based",
    "guest-based-sf": "guest-based", "layered": "layered", "layered-infoscale": "layered",
    "layered-storage-foundation": "layered", "layered-sf": "layered",
}


def _stack_model(value: Any) -> Any:
    if isinstance(value, str):
        key = re.sub(r"[\s_]+", "-", value.strip().lower()).replace("-stack-model", "").replace("-stack", "")
        return _MODEL_ALIASES.get(key, value)
    return value


class Role(str, Enum):
    """What a logical domain does for the others (Oracle VM Server for SPARC vocabulary)."""

    CONTROL = "control"
    SERVICE = "service"
    IO = "io"
    ROOT = "root"
    GUEST = "guest"


class Component(str, Enum):
    """An InfoScale component that can be installed in a domain."""

    DMP = "dmp"
    VXVM = "vxvm"
    VXFS = "vxfs"
    VCS = "vcs"
    CVM = "cvm"
    CFS = "cfs"
    SFRAC = "sfrac"
    SMARTIO = "smartio"


class CpuArch(str, Enum):
    """``ldm add-domain cpu-arch=`` value; anything but ``native`` allows cross-CPU migration."""

    NATIVE = "native"
    GENERIC = "generic"
    MIGRATION_CLASS1 = "migration-class1"
    SPARC64_CLASS1 = "sparc64-class1"


class FailurePolicy(str, Enum):
    """What happens to slave domains when the master domain fails (``ldm set-domain failure-policy``)."""

    IGNORE = "ignore"
    PANIC = "panic"
    RESET = "reset"
    STOP = "stop"


class Versions(Spec):
    """Software versions deployed; checked against the support statements of the guide."""

    solaris: Version | None = None
    """Oracle Solaris release, e.g. ``11.4``."""
    ovm: Version | None = None
    """Oracle VM Server for SPARC (Logical Domains Manager) release, e.g. ``3.6``."""
    infoscale: Version | None = None
    """InfoScale release, e.g. ``8.0.2``."""


class VdsSpec(Spec):
    """A virtual disk server (``ldm add-vds``)."""


class VswSpec(Spec):
    """A virtual switch (``ldm add-vsw net-dev=NIC``)."""

    net_dev: DatalinkName | None = None
    """Back-end network device in the service domain, e.g. ``net0``; omit for a private switch."""
    vid: list[int] = Field(default_factory=list)
    """VLAN IDs carried by the switch."""


class VccSpec(Spec):
    """A virtual console concentrator (``ldm add-vcc port-range=...``)."""

    port_range: PortRange = "5000-5100"
    """Console port range."""


class Services(Spec):
    """Virtual services a service domain provides to other domains."""

    vds: dict[str, VdsSpec | None] = Field(default_factory=dict)
    """Virtual disk services by name, e.g. ``primary-vds0``."""
    vsw: dict[str, VswSpec] = Field(default_factory=dict)
    """Virtual switches by name, e.g. ``primary-vsw0: {net-dev: net0}``."""
    vcc: dict[str, VccSpec | None] = Field(default_factory=dict)
    """Virtual console concentrators by name."""


class IoKind(str, Enum):
    """A kind of physical I/O assigned to a domain."""

    PCIE_BUS = "pcie-bus"
    SRIOV_VF = "sriov-vf"
    DIRECT_IO = "direct-io"
    NIU = "niu"


class PhysicalIo(Spec):
    """A physical I/O device owned by a domain (makes it an I/O domain; blocks live migration)."""

    kind: IoKind
    """``pcie-bus`` (root complex), ``sriov-vf``, ``direct-io`` (PCIe endpoint) or ``niu``."""
    device: PhysicalDevice
    """Device name as ``ldm list-io`` shows it, e.g. ``pci_1`` or ``/SYS/MB/PCIE5``."""


class Vdisk(Spec):
    """A virtual disk of a domain and its back end in a service domain.

    Exactly one back end key is given: ``volume`` (a VxVM volume ``dg/vol``), ``lun`` (a whole LUN,
    opened through its DMP node when DMP runs in the service domain), ``file`` or ``zvol``.
    Set ``slice: true`` to export a single slice instead of a full disk.
    """

    service: str
    """The virtual disk service exporting the back end: ``vds-name`` or ``host/domain/vds-name``."""
    volume: VolumeRef | None = None
    """VxVM volume back end, ``diskgroup/volume``."""
    lun: str | None = None
    """Whole-LUN back end: a LUN name from ``storage.luns``."""
    file: AbsolutePath | None = None
    """File back end (absolute path in the service domain)."""
    zvol: ZfsVolume | None = None
    """ZFS volume back end, ``pool/volume``."""
    slice: bool = False
    """Export the back end as a single-slice disk (``options=slice``) instead of a full disk."""
    export_as: str | None = None
    """Volume name in the vds (``NAME@vds``); defaults to ``<domain>-<vdisk>``."""
    mpgroup: Token | None = None
    """Oracle vdisk multipathing group (``mpgroup=``), for the same LUN exported from several domains."""
    timeout: int | None = Field(default=None, ge=0)
    """Virtual disk timeout in seconds (``ldm add-vdisk timeout=``): after it, I/O fails while the
    service domain is down instead of waiting for it (0 = wait forever, Oracle's default). Default:
    30 for a vdisk whose LUN also reaches the guest through another vdisk without ``mpgroup`` (DMP in
    the guest fails over only when the I/O on the dead path fails), else unset."""
    boot: bool = False
    """This is the domain's boot disk."""
    id: int | None = Field(default=None, ge=0)
    """Fixed virtual device ID (``id=``)."""
    vxvm: bool = False
    """VxVM in the consuming domain initialises this disk. Needed only for file, zvol or slice back
    ends; a whole-LUN vdisk is VxVM's when its LUN is in a disk group the domain manages."""


class Vnet(Spec):
    """A virtual network device of a domain."""

    switch: str
    """The virtual switch: ``vsw-name`` or ``host/domain/vsw-name``."""
    vid: list[int] = Field(default_factory=list)
    """VLAN IDs."""
    mac: str | None = Field(default=None, pattern=r"^([0-9a-fA-F]{1,2}:){5}[0-9a-fA-F]{1,2}$")
    """Fixed MAC address."""
    link: str | None = Field(default=None, max_length=31, pattern=r"^[a-z][a-z0-9_]*[0-9]$")
    """Datalink name of the vnet inside the domain (``/etc/llttab``, ``ipadm``, the VCS NIC/IP/PrivNIC
    ``Device``). Default in a guest: ``net<k>`` for its k-th vnet in name order (from 0), because the
    build-out adds a guest's vnets in name order, ldm numbers them from 0 in that order and Solaris 11
    names them ``net0``.. in device order; that default is general knowledge [K], not a cited source.
    State it when the guest differs (e.g. upgraded from an earlier Solaris and kept ``vnet0``).
    Link names: lower-case letters, digits, ``_``, ending in a number, at most 31 characters [S]."""


class Domain(Spec):
    """A logical domain on a physical host."""

    roles: list[Role] = Field(default_factory=lambda: [Role.GUEST])
    """Roles: ``control`` (always ``primary``), ``service``, ``io``, ``root``, ``guest``."""
    hostname: str | None = None
    """Solaris node name (``uname -n``); the VCS system name. Defaults to the domain name, or the
    host name for the control domain."""
    vcpus: int = Field(default=8, ge=1)
    """Virtual CPUs (threads) assigned."""
    memory: Size = Field(default=8 * 1024**3)
    """Memory assigned, e.g. ``64G``."""
    cpu_arch: CpuArch = CpuArch.NATIVE
    """CPU architecture class; ``generic`` or a migration class is needed to migrate across CPU types."""
    master: Token | None = None
    """Master domain (``ldm set-domain master=``), usually ``primary``."""
    failure_policy: FailurePolicy | None = None
    """Failure policy when this domain is a master for others."""
    infoscale: list[Component] = Field(default_factory=list)
    """InfoScale components installed in this domain."""
    services: Services = Field(default_factory=Services)
    """Virtual services provided (makes the domain a service domain)."""
    physical_io: list[PhysicalIo] = Field(default_factory=list)
    """Physical I/O owned by the domain."""
    vdisks: dict[str, Vdisk] = Field(default_factory=dict)
    """Virtual disks by name."""
    vnets: dict[str, Vnet] = Field(default_factory=dict)
    """Virtual network devices by name."""


class Host(Spec):
    """A physical SPARC server (or physical domain) running the Logical Domains Manager."""

    platform: Text = "SPARC"
    """Server model, e.g. ``SPARC T8-2``."""
    cpu_type: Text = "SPARC-M8"
    """Processor type and generation, e.g. ``SPARC-M8``, ``SPARC-T7``, ``SPARC64-X+``."""
    cores: int | None = Field(default=None, ge=1)
    """Physical cores."""
    threads: int = Field(default=256, ge=1)
    """Hardware threads (vCPUs available to domains)."""
    memory: Size = Field(default=512 * 1024**3)
    """Physical memory available to domains."""
    domains: dict[str, Domain]
    """Logical domains on this host, by name; the control domain is ``primary``."""


class Lun(Spec):
    """A SAN or local LUN and its identity."""

    wwn: str | None = Field(default=None, pattern=r"^[0-9a-fA-F:]{16,64}$")
    """World-wide name (NAA identifier)."""
    udid: Text | None = None
    """VxVM unique disk ID, when known."""
    size: Size
    """Capacity."""
    seen_by: list[DomainRef]
    """Domains that see the LUN directly (I/O domains, or guests for local/FSS disks)."""
    local: bool = False
    """Direct-attached (DAS) disk of one host, e.g. for Flexible Storage Sharing."""
    ssd: bool = False
    """Flash device, usable for a SmartIO cache."""
    os_path: str | None = Field(default=None, pattern=r"^c[0-9]+(t[0-9A-Fa-f]+)?d[0-9]+$")
    """Solaris disk name (``c0t6000...d0``) in service domains without DMP; defaults to the MPxIO
    name derived from the WWN."""


class FsType(str, Enum):
    """File system type."""

    VXFS = "vxfs"
    UFS = "ufs"
    ZFS = "zfs"


class FsFeature(str, Enum):
    """A VxFS feature that works through VxVM beneath the file system, in the same domain."""

    MULTI_VOLUME = "multi-volume"
    """Multi-volume file system on a VxVM volume set (what SmartTier places files across)."""
    THIN_RECLAIM = "thin-reclaim"
    """Returning the file system's free blocks to a thin-provisioned array (``fsadm -R``)."""
    SMARTMOVE = "smartmove"
    """VxFS tells VxVM which blocks are in use, so mirror syncs copy only those (SmartMove)."""


class FileSystem(Spec):
    """A file system on a volume."""

    type: FsType = FsType.VXFS
    """File system type."""
    mount: AbsolutePath
    """Mount point."""
    cluster: bool = False
    """Cluster file system (CFS), mounted on every node."""
    features: list[FsFeature] = Field(default_factory=list)
    """VxFS features the file system relies on that need VxVM beneath it in the same domain. Declared
    so that ``check`` can warn when the volume is exported to a guest as a virtual disk (split
    model); the runbooks do not configure them."""


class Layout(str, Enum):
    """VxVM volume layout."""

    CONCAT = "concat"
    MIRROR = "mirror"
    STRIPE = "stripe"
    STRIPE_MIRROR = "stripe-mirror"


class Volume(Spec):
    """A VxVM volume in a disk group."""

    size: Size
    """Volume size."""
    layout: Layout = Layout.CONCAT
    """Layout passed to ``vxassist make``."""
    filesystem: FileSystem | None = None
    """File system created on the volume, if any."""


class DiskGroup(Spec):
    """A VxVM disk group."""

    managed_by: list[DomainRef]
    """Domains whose VxVM imports this disk group (all nodes for a shared one)."""
    disks: list[str]
    """LUN names (from ``storage.luns``) in the disk group."""
    shared: bool = False
    """Shared (CVM) disk group, imported on every node at once."""
    fss: bool = False
    """Flexible Storage Sharing: local disks of each node exported over the cluster interconnect."""
    volumes: dict[str, Volume] = Field(default_factory=dict)
    """Volumes by name."""


class CacheSpec(Spec):
    """A SmartIO cache area."""

    domain: DomainRef
    """Domain that owns the cache."""
    devices: list[str]
    """SSD LUN names."""
    size: Size | None = None
    """Cache size (default: the whole devices)."""
    type: str = Field(default="vxvm", pattern=r"^(vxvm|vxfs)$")
    """``vxvm`` (volume read cache) or ``vxfs`` (file system read/write-back cache)."""


class Storage(Spec):
    """Storage of the estate."""

    luns: dict[str, Lun] = Field(default_factory=dict)
    """LUNs by name (the DMP node name is used as the name)."""
    diskgroups: dict[str, DiskGroup] = Field(default_factory=dict)
    """VxVM disk groups by name."""
    smartio: dict[str, CacheSpec] = Field(default_factory=dict)
    """SmartIO cache areas by name."""


class FencingMode(str, Enum):
    """I/O fencing mode of a VCS cluster."""

    SCSI3 = "scsi3"
    CPS = "cps"
    MAJORITY = "majority"
    DISABLED = "disabled"


class Fencing(Spec):
    """I/O fencing of a cluster."""

    mode: FencingMode = FencingMode.DISABLED
    """Fencing mode."""
    coordinator_disks: list[str] = Field(default_factory=list)
    """LUN names used as coordinator disks (``scsi3``)."""
    cp_servers: list[HostPort] = Field(default_factory=list)
    """Coordination point servers (``cps``), ``host:port``."""


class MigrationAuth(Spec):
    """Credentials the LDom agent uses for ``hagrp -migrate``; the password only in VCS-encrypted form."""

    user: UserName = "root"
    """User on the target control domain."""
    password_encrypted: EncryptedPassword | None = None
    """Output of ``vcsencrypt -agent``; never a plaintext password."""


class IpSpec(Spec):
    """A virtual IP address managed by VCS."""

    address: IpAddress
    """IPv4 or IPv6 address."""
    netmask: Netmask | None = None
    """IPv4 netmask."""
    prefix_len: int | None = None
    """IPv6 prefix length."""
    device: LinkOrVnet
    """Interface, e.g. ``net1``; in a guest, a vnet name (its ``link`` is used) or that link name."""


class Application(Spec):
    """An application managed by VCS (in guest domains, global zones or zones)."""

    start: Program
    """Start program."""
    stop: Program
    """Stop program."""
    monitor_processes: list[ProcessName] = Field(default_factory=list)
    """Processes whose presence means the application is up."""
    monitor: Program | None = None
    """Monitor program (instead of or in addition to the process list)."""
    diskgroup: str | None = None
    """Disk group the application's data lives on."""
    mounts: list[VolumeRef] = Field(default_factory=list)
    """Volumes (``dg/vol``) whose file systems the application needs, mounted by VCS."""
    ip: IpSpec | None = None
    """Virtual IP address that moves with the application."""
    zone: str | None = None
    """Run inside this zone (from ``zones``)."""
    parallel: bool = False
    """Run on all nodes at once (needs CFS for shared data)."""


class RacSpec(Spec):
    """Storage Foundation for Oracle RAC in a guest or zone cluster."""

    database: DatabaseName
    """Database name (db_unique_name)."""
    oracle_home: AbsolutePath
    """ORACLE_HOME."""
    owner: UserName = "oracle"
    """Oracle software owner."""
    group: UserName = "oinstall"
    """Group of the Oracle software owner that also owns the OCR, voting and data file systems
    (``chown owner:group``); Oracle's usual Oracle Inventory group ``oinstall`` by default."""
    oracle_version: Version | None = None
    """Oracle Grid Infrastructure release, e.g. ``19.0.0``. From 11.2.0.2 Oracle's HAIP (Redundant
    Interconnect Usage) protects the private interconnect and no VCS ``PrivNIC`` is generated; a PrivNIC
    resource is generated only for a release before 11.2.0.2. Unset means a current release (HAIP)."""
    ocr_vote: VolumeRef
    """Volume (``dg/vol``) holding the OCR and voting files, on CFS."""
    data: list[VolumeRef] = Field(min_length=1)
    """Volumes (``dg/vol``) for database files, on CFS."""
    private_nics: list[LinkOrVnet] = Field(min_length=1)
    """Private interconnect devices for the Oracle Clusterware private network; in guests, vnet names
    (their ``link`` is used) or those link names."""
    private_ips: dict[str, IpAddress] = Field(default_factory=dict)
    """Private IP address per node (``host/domain`` or system name -> address)."""
    netmask: Netmask = "255.255.255.0"
    """Netmask of the private network."""

    def uses_privnic(self) -> bool:
        """True when the named Oracle release predates 11.2.0.2, the first with HAIP: only then does SF
        Oracle RAC support a VCS ``PrivNIC`` for the interconnect [S: Veritas technote 100003972]."""
        if self.oracle_version is None:
            return False
        parts = [int(p) for p in re.findall(r"\d+", self.oracle_version)[:4]]
        return tuple(parts + [0] * (4 - len(parts))) < (11, 2, 0, 2)


class ExtraResource(Spec):
    """An explicit VCS resource added to the generated configuration."""

    type: AgentType
    """Agent type, e.g. ``Application``."""
    attributes: dict[AttributeName, AttributeValue] = Field(default_factory=dict)
    """Attribute values; ``{system: value}`` maps under ``localized`` for per-system values."""
    localized: dict[AttributeName, dict[SystemKey, AttributeValue]] = Field(default_factory=dict)
    """Per-system values: attribute -> {system: value}."""
    requires: list[VcsName] = Field(default_factory=list)
    """Child resources in the same group."""
    critical: bool = True
    """Whether a fault of the resource fails the group over."""


class ExtraGroup(Spec):
    """An explicit VCS service group merged into the generated configuration."""

    systems: list[DomainRef] = Field(default_factory=list)
    """Systems (default: every cluster node), in priority order."""
    parallel: bool = False
    """Parallel group."""
    autostart: bool = True
    """Auto-start on the first system."""
    attributes: dict[AttributeName, AttributeValue] = Field(default_factory=dict)
    """Further group attributes."""
    resources: dict[str, ExtraResource] = Field(default_factory=dict)
    """Resources by name."""
    requires: list[GroupDependency] = Field(default_factory=list)
    """Group dependencies, ``GROUP online local firm``."""


class Cluster(Spec):
    """A VCS cluster: its nodes are domains (control, alternate I/O or guest domains)."""

    nodes: list[DomainRef] = Field(min_length=1, max_length=64)
    """Member domains; their node names are the VCS system names (at most 64, VCS's cluster size [K])."""
    cluster_id: int = Field(default=0, ge=0, le=65535)
    """LLT cluster ID."""
    llt_links: list[LinkOrVnet] = Field(default_factory=list, max_length=8)
    """Private interconnect devices used by LLT (same names on every node); in guest nodes, vnet names
    (each node's ``link`` of the vnet is used) or those link names. At most 8, LLT's link limit [K]."""
    fencing: Fencing = Field(default_factory=Fencing)
    """I/O fencing."""
    manages: list[DomainRef] = Field(default_factory=list)
    """Guest domains managed as LDom resources (VCS in the control domains)."""
    migration_auth: MigrationAuth | None = None
    """Credentials for VCS-driven live migration of managed guests."""
    applications: dict[str, Application] = Field(default_factory=dict)
    """Applications managed by this cluster, by name."""
    zones: list[str] = Field(default_factory=list)
    """Zones (from ``zones``) managed by this cluster."""
    rac: RacSpec | None = None
    """SF Oracle RAC configuration, when the cluster runs Oracle RAC."""
    groups: dict[str, ExtraGroup] = Field(default_factory=dict)
    """Explicit extra service groups."""


class ZoneRoot(str, Enum):
    """Where a zone root lives."""

    LOCAL = "local"
    SHARED = "shared"


class ZoneRootFs(str, Enum):
    """File system of a zone root on shared storage."""

    ZFS = "zfs"
    VXFS = "vxfs"


class Zone(Spec):
    """A Solaris native non-global zone."""

    domains: list[DomainRef] = Field(min_length=1)
    """Global zones (domains) where the zone is configured; identical on each."""
    root: ZoneRoot = ZoneRoot.LOCAL
    """Zone root on each node's local storage, or on shared storage moved with the zone."""
    zonepath: AbsolutePath
    """Zone path."""
    root_volume: VolumeRef | None = None
    """Shared zone root volume (``dg/vol``) when ``root: shared``."""
    root_fs: ZoneRootFs | None = None
    """File system of a shared zone root: ``zfs`` (a ZFS pool on the root volume, which the Zpool agent
    imports) or ``vxfs`` (the root volume mounted at the zone path). Default: ``zfs`` on Solaris 11 and
    later, where a ``solaris`` or ``solaris10`` brand zone must reside on its own ZFS dataset
    (solaris(5)/zones_solaris10(7) [S]); ``vxfs`` on Solaris 10."""
    brand: Brand = "solaris"
    """Zone brand."""
    ip_type: str = Field(default="exclusive", pattern=r"^(exclusive|shared)$")
    """IP type."""
    exported_volumes: list[VolumeRef] = Field(default_factory=list)
    """VxVM volumes (``dg/vol``) exported to the zone as raw and block devices."""
    hostname: Token | None = None
    """Zone node name (defaults to the zone name)."""


class MigrationKind(str, Enum):
    """Kind of guest-domain migration."""

    LIVE = "live"
    WARM = "warm"
    COLD = "cold"


class Migration(Spec):
    """A planned guest-domain migration."""

    domain: DomainRef
    """The guest domain to move."""
    to: str
    """Target host name."""
    kind: MigrationKind = MigrationKind.LIVE
    """``live`` (active, memory copied while running), ``warm`` (active, suspended) or ``cold``
    (bound/inactive)."""
    via: str | None = Field(default=None, pattern=r"^(vcs|manual)$")
    """``vcs`` (``hagrp -migrate``) or ``manual`` (``ldm migrate-domain``); default: ``vcs`` when a
    cluster manages the guest."""
    change: Text | None = None
    """Change ticket identifier."""


class Topology(Spec):
    """A whole estate: hosts, domains, storage, clusters, zones and planned migrations."""

    topology: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    """Identifier (lower case, digits, hyphens); names output folders."""
    title: Title
    """Human title (one line, at most 200 characters: it heads every page, diagram and runbook)."""
    description: Prose = Field(default="", max_length=20000)
    """What the estate is for (Markdown)."""
    model: Annotated[StackModel, BeforeValidator(_stack_model)]
    """Stack model: ``split``, ``guest-based`` or ``layered`` (the older "Storage Foundation" names
    such as ``split-storage-foundation`` are accepted)."""
    versions: Versions = Field(default_factory=Versions)
    """Software versions."""
    hosts: dict[str, Host] = Field(min_length=1)
    """Physical hosts by name."""
    storage: Storage = Field(default_factory=Storage)
    """LUNs, disk groups, SmartIO caches."""
    clusters: dict[str, Cluster] = Field(default_factory=dict)
    """VCS clusters by name."""
    zones: dict[str, Zone] = Field(default_factory=dict)
    """Solaris zones by name."""
    migrations: list[Migration] = Field(default_factory=list)
    """Planned guest-domain migrations."""
