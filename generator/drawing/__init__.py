"""Drawing: Graphviz DOT sources (topology, service groups) and the sequence-diagram layout and SVG writer."""
