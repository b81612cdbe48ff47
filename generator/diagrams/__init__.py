"""Output kind: diagrams."""
