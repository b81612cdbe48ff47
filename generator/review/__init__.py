"""Reviewing a topology change: what it changes in the generated outputs and in the diagnostics."""
