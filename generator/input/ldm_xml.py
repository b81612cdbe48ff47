"""Reader for ``ldm list-constraints -x``: the Logical Domains Manager's XML description of a host's domains.

Format (Oracle VM Server for SPARC Developer's Guide, "Logical Domains Manager Resources and Properties"
[S: 3.6 Developer's Guide; the 3.2 Administration Guide chapter 22 shows the same examples]): an
``<LDM_interface>`` holds one ``<data>`` per domain; each holds an OVF ``<Envelope>`` whose ``<Content>``
(``id`` or ``ovf:id`` = the domain name) has ``<Section>``s of ``<Item>``s. An item's kind is its
``<rasd:OtherResourceType>``; its properties are ``<gprop:GenericProperty key="...">`` values, plus
``<rasd:AllocationUnits>`` (cpu count, memory size) and ``<rasd:Address>`` (MAC address).

Property names seen in the guide's examples [S]: ``ldom_info`` (``master``, ``failure-policy``),
``vds`` (``service_name``), ``vds_volume`` (``vol_name``, ``service_name``, ``block_dev``, ``vol_opts``,
``mpgroup``), ``disk`` (``vdisk_name``, ``service_name``, ``vol_name``, ``timeout``), ``network``
(``vnet_name``, ``service_name``, ``vid``, ``rasd:Address``). From general knowledge of the same guide
[K]: ``vsw`` (``service_name``, ``dev_path``, ``vid``), ``vcc`` (``service_name``, ``min_port``,
``max_port``), ``physio_device`` (``name``), ``cpu``/``memory`` (``rasd:AllocationUnits``), ``disk``
``id`` and ``ldom_info`` ``cpu-arch``.

Elements are matched by local name, so any namespace URI (the real output declares relative ones such as
``./schemas/GenericProperty``) or none is accepted. The XML is parsed with ``defusedxml``: no DTD, no
entity, no external reference is honoured, and files are size-bounded before parsing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from generator.core.diagnostics import Diagnostic, Severity
from generator.core.sizes import parse_size
from generator.input.live import (
    LiveConsole,
    LiveDisk,
    LiveDomain,
    LiveHost,
    LiveNetwork,
    LiveSwitch,
    LiveVolume,
)

MAX_BYTES = 64 * 1024 * 1024
"""Largest XML file read: a host with a thousand domains writes a few MB; anything far larger is refused."""

NOT_MODELLED = frozenset({"var", "mau", "console", "policy", "spconfig", "vdpcs", "vdpcc", "crypto",
                          "iodevice", "vcpu", "core"})
"""Resource types the Logical Domains Manager documents that the topology format does not describe."""


@dataclass
class _Item:
    kind: str
    line: int
    props: dict[str, str] = field(default_factory=dict)


class _LineBuilder(ET.TreeBuilder):
    """Tree builder that records the line where each element starts."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: ET.XMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        expat = getattr(self.parser, "parser", None)
        self.lines[id(element)] = int(getattr(expat, "CurrentLineNumber", 0))
        return element


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _parse(text: str, path: str) -> tuple[ET.Element | None, dict[int, int], list[Diagnostic]]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as exc:
        line, col = exc.position
        return None, {}, [Diagnostic(path, line, col + 1, Severity.ERROR, "IMP001",
                                     f"not well-formed XML: {str(exc).split(':')[0]}",
                                     "give the unedited output of `ldm list-constraints -x`")]
    except DefusedXmlException as exc:
        line = _line_of(text, "<!")
        return None, {}, [Diagnostic(path, line, 1, Severity.ERROR, "IMP002",
                                     f"refused: the file uses {type(exc).__name__.replace('Forbidden', '')} "
                                     "declarations, which `ldm list-constraints -x` never writes",
                                     "DTDs and entities are not read, so they cannot expand")]
    return root, builder.lines, []


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _items(content: ET.Element, lines: dict[int, int]) -> Iterator[_Item]:
    for element in content.iter():
        if _local(element.tag) != "Item":
            continue
        item = _Item("", lines.get(id(element), 0))
        for child in element:
            name, value = _local(child.tag), (child.text or "").strip()
            if name == "OtherResourceType":
                item.kind = value
            elif name == "GenericProperty":
                item.props[child.get("key", "")] = value
            elif name in ("AllocationUnits", "Address"):
                item.props[name] = value
        yield item


def _content_name(content: ET.Element) -> str:
    for key, value in content.attrib.items():
        if _local(key) == "id":
            return value
    return ""


class _DomainReader:
    """Fills one :class:`LiveDomain` from its items, collecting located problems."""

    def __init__(self, domain: LiveDomain, path: str) -> None:
        self.domain = domain
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def problem(self, item: _Item, message: str, rule: str = "IMP005") -> None:
        self.diagnostics.append(Diagnostic(self.path, item.line or self.domain.line, 1, Severity.ERROR, rule,
                                           f"domain {self.domain.name}: {item.kind}: {message}"))

    def need(self, item: _Item, *keys: str) -> list[str] | None:
        missing = [k for k in keys if not item.props.get(k)]
        if missing:
            self.problem(item, "missing " + ", ".join(f"'{k}'" for k in missing))
            return None
        return [item.props[k] for k in keys]

    def number(self, item: _Item, key: str) -> int | None:
        value = item.props.get(key, "")
        if not value:
            return None
        try:
            return int(value, 0)
        except ValueError:
            self.problem(item, f"'{key}' is {value!r}, not a number", "IMP006")
            return None

    def read(self, item: _Item) -> None:
        handler = getattr(self, "_" + item.kind.replace("-", "_"), None)
        if handler is not None:
            handler(item)
        elif item.kind and item.kind not in self.domain.ignored:
            self.domain.ignored.append(item.kind)
            if item.kind not in NOT_MODELLED:
                self.diagnostics.append(Diagnostic(
                    self.path, item.line or self.domain.line, 1, Severity.WARNING, "IMP101",
                    f"domain {self.domain.name}: resource type '{item.kind}' is not one the importer knows; "
                    "ignored"))

    def _ldom_info(self, item: _Item) -> None:
        d = self.domain
        d.master = item.props.get("master", "")
        d.failure_policy = item.props.get("failure-policy", "")
        d.cpu_arch = item.props.get("cpu-arch", "")

    def _cpu(self, item: _Item) -> None:
        self.domain.vcpus = self.number(item, "AllocationUnits")

    def _memory(self, item: _Item) -> None:
        value = item.props.get("AllocationUnits", "")
        try:
            self.domain.memory = parse_size(value) if value else None
        except ValueError:
            self.problem(item, f"memory size {value!r} is not a size such as 64G", "IMP006")

    def _vds(self, item: _Item) -> None:
        if (v := self.need(item, "service_name")) is not None:
            self.domain.vds.append(v[0])

    def _vds_volume(self, item: _Item) -> None:
        if (v := self.need(item, "vol_name", "service_name", "block_dev")) is not None:
            options = tuple(o for o in item.props.get("vol_opts", "").split(",") if o)
            self.domain.volumes.append(LiveVolume(v[0], v[1], v[2], options, item.props.get("mpgroup", "")))

    def _vsw(self, item: _Item) -> None:
        if (v := self.need(item, "service_name")) is not None:
            self.domain.switches.append(LiveSwitch(v[0], item.props.get("dev_path", ""), self._vids(item)))

    def _vcc(self, item: _Item) -> None:
        if (v := self.need(item, "service_name", "min_port", "max_port")) is not None:
            low, high = self.number(item, "min_port"), self.number(item, "max_port")
            if low is not None and high is not None:
                self.domain.consoles.append(LiveConsole(v[0], low, high))

    def _disk(self, item: _Item) -> None:
        if (v := self.need(item, "vdisk_name", "service_name", "vol_name")) is not None:
            self.domain.disks.append(LiveDisk(v[0], v[1], v[2], self.number(item, "timeout"),
                                              self.number(item, "id")))

    def _network(self, item: _Item) -> None:
        if (v := self.need(item, "vnet_name", "service_name")) is not None:
            mac = item.props.get("Address", "")
            mac = "" if mac in ("", "auto-allocated") else mac
            self.domain.networks.append(LiveNetwork(v[0], v[1], mac, self._vids(item)))

    def _physio_device(self, item: _Item) -> None:
        if (v := self.need(item, "name")) is not None:
            self.domain.physio.append(v[0])

    def _vids(self, item: _Item) -> tuple[int, ...]:
        text = item.props.get("vid", "")
        try:
            return tuple(int(v) for v in text.split(",") if v.strip())
        except ValueError:
            self.problem(item, f"'vid' is {text!r}, not a list of VLAN IDs", "IMP006")
            return ()


def read_ldm_xml(text: str, path: str, host: str) -> tuple[LiveHost, list[Diagnostic]]:
    """Every domain described in one ``ldm list-constraints -x`` output, with located problems."""
    live = LiveHost(host, path)
    if len(text) > MAX_BYTES:
        return live, [Diagnostic(path, 1, 1, Severity.ERROR, "IMP003",
                                 f"file is larger than {MAX_BYTES // 1024 // 1024} MB; refused")]
    root, lines, diagnostics = _parse(text, path)
    if root is None:
        return live, diagnostics
    contents = [e for e in root.iter() if _local(e.tag) == "Content"]
    if not contents:
        return live, [Diagnostic(path, 1, 1, Severity.ERROR, "IMP004",
                                 f"no domain found: <{_local(root.tag)}> holds no <Content> element",
                                 "run `ldm list-constraints -x` in the control domain of each host")]
    for content in contents:
        domain = LiveDomain(host, _content_name(content), lines.get(id(content), 1))
        if not domain.name:
            diagnostics.append(Diagnostic(path, domain.line, 1, Severity.ERROR, "IMP005",
                                          "a <Content> element has no id (the domain name)"))
            continue
        if live.domain(domain.name) is not None:
            diagnostics.append(Diagnostic(path, domain.line, 1, Severity.ERROR, "IMP005",
                                          f"domain {domain.name} is described twice"))
            continue
        reader = _DomainReader(domain, path)
        for item in _items(content, lines):
            reader.read(item)
        diagnostics += reader.diagnostics
        live.domains.append(domain)
    return live, diagnostics


def read_ldm_files(specs: list[str]) -> tuple[list[LiveHost], list[Diagnostic]]:
    """Read ``HOST=FILE`` (or ``FILE``, host named by the file's stem) outputs of ``ldm list-constraints -x``."""
    from pathlib import Path

    hosts: list[LiveHost] = []
    diagnostics: list[Diagnostic] = []
    for spec in specs:
        host, sep, name = spec.partition("=")
        file = Path(name if sep else spec)
        host = host if sep else file.stem
        try:
            if file.stat().st_size > MAX_BYTES:
                diagnostics.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IMP003",
                                              f"file is larger than {MAX_BYTES // 1024 // 1024} MB; refused"))
                continue
            data = file.read_bytes()
        except OSError as exc:
            diagnostics.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IO001",
                                          f"cannot read: {exc.strerror or exc}"))
            continue
        text = data.decode("utf-8", errors="replace")
        if any(h.name == host for h in hosts):
            diagnostics.append(Diagnostic(str(file), 1, 1, Severity.ERROR, "IMP007",
                                          f"host {host} is given twice", "name each file's host: HOST=FILE"))
            continue
        live, found = read_ldm_xml(text, str(file), host)
        hosts.append(live)
        diagnostics += found
    return hosts, diagnostics


def read_ldm_list(text: str, path: str) -> tuple[dict[str, dict[str, str]], list[Diagnostic]]:
    """``ldm list -p``: ``DOMAIN|name=...|state=...|flags=...|cons=...|ncpu=...|mem=...`` lines, by domain name.

    The parseable format [K: ldm(1M) ``-p``]: a ``VERSION`` line, then one ``DOMAIN|key=value|...`` line per
    domain; ``flags`` holds one letter per position (``c`` control domain, ``v`` virtual I/O service domain,
    ``n`` normal, ``t`` transition, ``d`` delayed reconfiguration). Other record types are skipped.
    """
    domains: dict[str, dict[str, str]] = {}
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("DOMAIN|"):
            continue
        fields = dict(part.partition("=")[::2] for part in line.split("|")[1:] if "=" in part)
        if not fields.get("name"):
            problems.append(Diagnostic(path, number, 1, Severity.ERROR, "IMP009",
                                       "an `ldm list -p` DOMAIN line without name="))
            continue
        domains[fields["name"]] = fields
    return domains, problems
