"""Output formats: artifacts from the estate and its derivations (runbook Markdown / print HTML /
Typst, main.cf files, diagrams).
"""
