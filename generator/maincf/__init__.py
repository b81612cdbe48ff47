"""The main.cf language: configuration tree, lexer, parser, printer, agent-type catalogue and verifier.
Knows nothing of topologies.
"""
