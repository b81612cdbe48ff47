"""Derivations: decisions taken from an estate (VCS configuration trees, migration plans, runbook procedures). Pure."""
