"""Domain rules: host capacity, the control domain, and roles that agree with what a domain does."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.diagnostics import Severity
from generator.core.sizes import format_size
from generator.estate.estate import Estate
from generator.input.schema import Role
from generator.rules.engine import Finding, rule

BIND_SOURCE = (
    "Oracle VM Server for SPARC Administration Guide: CPU threads and memory are dedicated to a "
    "domain and are allocated and checked at ldm bind"
)
ROLES_SOURCE = "Oracle VM Server for SPARC Administration Guide: roles of logical domains"


@rule("CAP001", Severity.ERROR, source=BIND_SOURCE, basis="S", category="capacity")
def vcpus_fit_host(estate: Estate) -> Iterator[Finding]:
    """The vCPUs of all domains on a host do not exceed its hardware threads."""
    for name, host in sorted(estate.topology.hosts.items()):
        used = estate.used_vcpus(name)
        if used > host.threads:
            yield Finding(
                ("hosts", name, "threads"),
                f"domains on {name} use {used} vCPUs but the host has {host.threads} hardware threads",
                "vCPUs cannot be over-committed: lower vcpus or move a domain to another host",
                key=True,
            )


@rule("CAP002", Severity.ERROR, source=BIND_SOURCE, basis="S", category="capacity")
def memory_fits_host(estate: Estate) -> Iterator[Finding]:
    """The memory of all domains on a host does not exceed the host's memory."""
    for name, host in sorted(estate.topology.hosts.items()):
        used = estate.used_memory(name)
        if used > host.memory:
            yield Finding(
                ("hosts", name, "memory"),
                f"domains on {name} use {format_size(used)} of memory but "
                f"the host has {format_size(host.memory)}",
                "memory cannot be over-committed: lower memory or move a domain to another host",
                key=True,
            )


@rule(
    "DOM001",
    Severity.ERROR,
    source=ROLES_SOURCE + " (one control domain per server)",
    basis="S",
    category="domains",
)
def one_control_domain(estate: Estate) -> Iterator[Finding]:
    """Every host has exactly one control domain."""
    for name in sorted(estate.topology.hosts):
        controls = [d for d in estate.host_domains(name) if d.is_control]
        if not controls:
            yield Finding(
                ("hosts", name, "domains"),
                f"host {name} has no control domain",
                "give its 'primary' domain roles: [control, service, io]",
                key=True,
            )
        for extra in controls[1:]:
            yield Finding(
                (*extra.path, "roles"),
                f"host {name} has more than one control domain ({', '.join(d.name for d in controls)})",
                "only 'primary' runs the Logical Domains Manager",
            )


@rule(
    "DOM002",
    Severity.ERROR,
    source=ROLES_SOURCE + " (the control domain is always named primary)",
    basis="S",
    category="domains",
)
def control_domain_named_primary(estate: Estate) -> Iterator[Finding]:
    """The control domain is named ``primary``."""
    for d in estate.domains:
        if d.is_control and d.name != "primary":
            yield Finding(d.path, f"control domain {d.ref} must be named 'primary'", key=True)


@rule(
    "DOM003",
    Severity.ERROR,
    source=ROLES_SOURCE + " (a service domain provides vds, vsw or vcc)",
    basis="S",
    category="domains",
)
def services_need_service_role(estate: Estate) -> Iterator[Finding]:
    """A domain that provides virtual services has the ``service`` role."""
    for d in estate.domains:
        s = d.spec.services
        if (s.vds or s.vsw or s.vcc) and Role.SERVICE not in d.spec.roles:
            yield Finding(
                (*d.path, "services"),
                f"{d.ref} provides virtual services but has no 'service' role",
                "add 'service' to its roles",
                key=True,
            )


@rule(
    "DOM004",
    Severity.ERROR,
    source=ROLES_SOURCE + " (an I/O domain owns physical I/O)",
    basis="S",
    category="domains",
)
def physical_io_needs_io_role(estate: Estate) -> Iterator[Finding]:
    """A domain that owns physical I/O has the ``io`` (or ``root``) role."""
    io_roles = {Role.IO, Role.ROOT}
    for d in estate.domains:
        if d.spec.physical_io and not io_roles & set(d.spec.roles):
            yield Finding(
                (*d.path, "physical-io"),
                f"{d.ref} owns physical I/O but has no 'io' or 'root' role",
                "add 'io' to its roles, or 'root' when it owns a whole PCIe bus",
                key=True,
            )


@rule(
    "DOM005",
    Severity.ERROR,
    source=ROLES_SOURCE + " (a guest domain only consumes virtual devices)",
    basis="S",
    category="domains",
)
def guest_is_not_io_domain(estate: Estate) -> Iterator[Finding]:
    """A guest domain owns no physical I/O and is not also a control, I/O or root domain."""
    clash = {Role.CONTROL, Role.IO, Role.ROOT}
    for d in estate.domains:
        if not d.is_guest:
            continue
        both = sorted(r.value for r in clash & set(d.spec.roles))
        if both:
            yield Finding(
                (*d.path, "roles"),
                f"{d.ref} is both a guest and a {'/'.join(both)} domain",
                "a guest only consumes virtual devices",
            )
        elif d.spec.physical_io:
            yield Finding(
                (*d.path, "physical-io"),
                f"guest {d.ref} owns physical I/O",
                "remove the physical I/O, or make it an I/O domain with roles: [io]",
                key=True,
            )


@rule(
    "DOM006",
    Severity.ERROR,
    source="ldm set-domain master=: the master is a domain of the same server",
    basis="S",
    category="domains",
)
def master_on_same_host(estate: Estate) -> Iterator[Finding]:
    """A domain's ``master`` names another domain on the same host."""
    for d in estate.domains:
        master = d.spec.master
        if master is None:
            continue
        names = {x.name for x in estate.host_domains(d.host)}
        if master not in names or master == d.name:
            yield Finding(
                (*d.path, "master"),
                f"master {master!r} of {d.ref} is not another domain on {d.host}",
                "usually 'primary'",
            )
