"""Estate layer: read-only views over a shape-valid topology, and the one home of vendor command and
device spellings.
"""
