"""The service-group dependency graph of a cluster as Graphviz DOT (the writer turns it into SVG).

One box per group (dashed outline for parallel groups), labelled with its kind and systems; one
arrow per ``requires group`` from parent to child, labelled with the dependency words.
"""

from __future__ import annotations

from generator.maincf.tree import Config


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def groups_dot(config: Config, kinds: dict[str, str], source_name: str) -> str:
    name = config.cluster.name if config.cluster else "cluster"
    note = f"Generated from {source_name} by infoscale-docgen; do not edit."
    lines = [f"// {note}", f"digraph {_q(name + ' service groups')} {{", f"  graph [comment={_q(note)}];",
             "  graph [rankdir=TB, newrank=true, fontname=Helvetica, label="
             + _q(f"VCS cluster {name}: service groups and their dependencies") + ", labelloc=t];",
             "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=Helvetica,"
             " fontsize=10];",
             "  edge [fontname=Helvetica, fontsize=9];"]
    for g in config.groups:
        style = "rounded,filled,dashed" if g.parallel else "rounded,filled"
        mode = "parallel" if g.parallel else "failover"
        label = f"{g.name}\\n{kinds.get(g.name, 'explicit')}, {mode}\\n{', '.join(g.system_list())}"
        lines.append(f"  {_q(g.name)} [label=\"{label}\", style=\"{style}\"];")
    for g in config.groups:
        for d in g.group_deps:
            lines.append(f"  {_q(g.name)} -> {_q(d.child)} [label={_q(' '.join(d.words))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
