"""VCS renderer: per cluster ``vcs/<cluster>/main.cf``, ``main.cmd`` (the ha command script), the
type files the configuration includes (reconstructed, marked as such) and ``groups.svg`` (the
service-group dependency graph, written from DOT by the writer).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.artifacts import Artifact, RenderContext
from generator.derive.derivation import Derivation
from generator.derive.vcs.api import ClusterConfigs, cluster_names
from generator.derive.vcs.cluster import with_provenance
from generator.drawing.groups import groups_dot
from generator.maincf.agent_types import type_files
from generator.maincf.hacommands import ha_command_list, script_text
from generator.maincf.printer import format_config


def _cluster(vcs: ClusterConfigs, cluster: str, context: RenderContext) -> list[Artifact]:
    d = vcs.derived(cluster)
    config = with_provenance(d.config, context.source_name)
    base = f"vcs/{cluster}"
    out = [
        Artifact(f"{base}/main.cf", "vcs-config", "main.cf", format_config(config).encode()),
        Artifact(f"{base}/main.cmd", "vcs-commands", "sh",
                 script_text(config, ha_command_list(config)).encode()),
        Artifact(f"{base}/groups.svg", "vcs-diagram", "svg",
                 groups_dot(d.config, d.kinds, context.source_name).encode(), convert="svg"),
    ]
    types = {r.type for g in d.config.groups for r in g.resources}
    for name, config in type_files(types, context.source_name).items():
        out.append(Artifact(f"{base}/{name}", "vcs-types", "types.cf", format_config(config).encode()))
    return out


def render(derivation: Derivation, context: RenderContext) -> Iterable[Artifact]:
    return [a for c in cluster_names(derivation.estate) for a in _cluster(derivation.vcs, c, context)]
