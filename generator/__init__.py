"""Static documentation and runbook generator for Veritas InfoScale on Oracle VM Server for SPARC."""

__version__ = "0.1.0"
