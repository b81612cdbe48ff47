"""The main.cf check catalogue (IDs ``VCS0xx``) and the reporter the verifier modules share.

Each check has a severity and the basis it rests on (REFERENCE.md confidence tags): ``S`` seen in a
cited source, ``K`` general knowledge, ``unverified``, or ``tool`` (a rule of this project, such as
never accepting a plaintext password). Each check also says what it predicts (:data:`PREDICTS`):
``hacf`` would reject the file (error), ``hacf`` accepts it but ``online``/monitor will fail (error,
and the message says so), or the file is ``risky`` but valid (warning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from generator.core.diagnostics import Diagnostic, Severity
from generator.maincf.tree import Pos

E, W = Severity.ERROR, Severity.WARNING


class Check(NamedTuple):
    severity: Severity
    basis: str
    summary: str
    predicts: str = ""
    """``hacf``, ``online`` or ``risky`` (see :data:`PREDICTS`); derived from the severity when empty
    (errors: ``hacf``, warnings: ``risky``)."""

    @property
    def prediction(self) -> str:
        return self.predicts or ("hacf" if self.severity is Severity.ERROR else "risky")


PREDICTS = {"hacf": "hacf -verify would reject this file",
            "online": "hacf accepts it; the agent (or VCS) will fail to online or monitor it",
            "risky": "risky but valid"}
"""What each kind of check predicts, as ``vcs checks`` prints it."""
ONLINE_LABEL = " (valid for hacf; fails at online/monitor)"
"""Appended to the message of an ``online`` check, so that the reader knows hacf would not catch it."""


CHECKS: dict[str, Check] = {
    "VCS001": Check(E, "S", "main.cf syntax (VCS Admin Guide 'About the main.cf file')"),
    "VCS002": Check(W, "K", "Block not modelled by this tool (remotecluster, heartbeat)"),
    "VCS010": Check(E, "S", "Every system a group or value names is declared with 'system' (REFERENCE 4.1)"),
    "VCS011": Check(E, "K", "AutoStartList systems are in the group's SystemList"),
    "VCS012": Check(E, "K", "Every group has a non-empty SystemList", "online"),
    "VCS013": Check(W, "S", "SystemList gives a priority to every system or to none (REFERENCE 4.2)"),
    "VCS014": Check(W, "K", "SystemList priorities are distinct"),
    "VCS015": Check(E, "K", "System, group and type names are declared once"),
    "VCS020": Check(E, "K", "Resource types are defined (catalogue, included type files, or main.cf)"),
    "VCS021": Check(E, "K", "Attributes exist in the type definition read from main.cf or an included type file"),
    "VCS022": Check(E, "K", "Values have the attribute's dimension (scalar, vector, keylist, association)"),
    "VCS023": Check(E, "K", "Required attributes of a resource type are set (REFERENCE 3)", "online"),
    "VCS024": Check(E, "K", "An attribute is set once per resource (once per system when localized)"),
    "VCS025": Check(E, "K", "Integer and boolean attributes have integer values"),
    "VCS026": Check(W, "K", "Resource attributes of a type known only from the catalogue are in the catalogue "
                            "(the message names its document and release)"),
    "VCS027": Check(W, "K", "Group, cluster and system attributes are in the catalogue (the message names its "
                            "document and release)"),
    "VCS028": Check(W, "K", "Values have the dimension and integer type the catalogue gives, where the catalogue "
                            "entry is [K] (errors VCS022/VCS025 where the type definition was read or seen)"),
    "VCS030": Check(E, "S", "Resource dependencies name resources of the same group (REFERENCE 4.4)"),
    "VCS031": Check(E, "K", "Resource dependencies are acyclic"),
    "VCS032": Check(E, "S", "Group dependencies name existing groups (REFERENCE 4.4)"),
    "VCS033": Check(E, "K", "Group dependencies are acyclic"),
    "VCS034": Check(E, "K", "'hard' only with 'online local'; offline dependencies are 'offline local'"),
    "VCS035": Check(W, "K", "A child group has at most one hard-dependent parent (older VCS releases)"),
    "VCS040": Check(W, "K", "Localized values name systems of the group's SystemList"),
    "VCS041": Check(E, "K", "Resource names are unique cluster-wide (REFERENCE 4.5)"),
    "VCS042": Check(E, "S", "A virtual IP address is configured by one resource only: the IP agent's online "
                            "checks that no other system uses the address (Bundled Agents Reference, IP)", "online"),
    "VCS043": Check(W, "K", "A quoted value has no leading or trailing spaces: an agent receives them as part of "
                            "the device, path or name (the Bundled Agents Reference says so of Process "
                            "Arguments [S]: 'nor allow for leading or trailing whitespace characters')"),
    "VCS050": Check(E, "tool", "Passwords are in vcsencrypt form, never plaintext", "online"),
    "VCS051": Check(E, "K", "AlternateIO StorageSG/NetworkSG name existing groups (REFERENCE 3.2)", "online"),
    "VCS052": Check(W, "K", "AlternateIO storage/network groups are parallel and the LDom group requires the "
                            "AlternateIO group online local hard (REFERENCE 2.4)"),
    "VCS053": Check(E, "K", "Proxy/IPMultiNICB/IPMultiNIC targets name existing resources (REFERENCE 3.5)",
                    "online"),
    "VCS054": Check(W, "K", "Groups with CVMVolDg/CFSMount depend on the group running CVMCluster"),
    "VCS055": Check(W, "K", "A group with a Zone resource has ContainerInfo (REFERENCE 3.3, 8.1)"),
    "VCS056": Check(W, "K", "A disk group or ZFS pool is imported by resources of one failover group only"),
    "VCS057": Check(W, "K", "Parallel groups hold no DiskGroup or IP resource (they cannot be online on two "
                            "systems at once)"),
    "VCS058": Check(W, "K", "A localized attribute has a value for every system of the group's SystemList"),
    "VCS059": Check(W, "K", "A cluster file system (Mount with MountOpt 'cluster') beside a CVM group is a "
                            "CFSMount in a parallel group requiring cvm, not a Mount in a failover group"),
    "VCS060": Check(W, "K", "Included files exist next to the main.cf being verified"),
    "VCS061": Check(W, "K", "A storage group named by several AlternateIO resources is named with StorageSG value 0: "
                            "value 1 also brings the group online and takes it offline with each resource, so one "
                            "guest leaving the server would take the other guests' storage offline (REFERENCE 3.2; "
                            "the value's meaning is unverified)"),
}


@dataclass
class Reporter:
    """Collects diagnostics for one file."""

    file: str
    found: list[Diagnostic] = field(default_factory=list)

    def __call__(self, pos: Pos, rule: str, message: str, hint: str = "") -> None:
        check = CHECKS[rule]
        if check.prediction == "online":
            message += ONLINE_LABEL
        self.found.append(Diagnostic(self.file, max(pos.line, 1), max(pos.col, 1), check.severity, rule,
                                     message, hint))
