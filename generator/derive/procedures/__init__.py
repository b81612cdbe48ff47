"""Runbook procedures: which runbooks a topology gets and the steps of each, as document-model objects."""
