"""Derivation of guest-domain migration plans: case, pre-checks, the four phases, back-out, sequence model."""
