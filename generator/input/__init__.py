"""Input layer: a topology file -> a shape-valid Topology, with every YAML, schema and I/O diagnostic located."""
