"""Derivation of each cluster's VCS configuration tree from the estate, following the guide's models."""
