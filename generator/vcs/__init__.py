"""Output kind: vcs."""
