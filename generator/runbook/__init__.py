"""Output kind: runbook."""
