"""Core: the small types every layer shares (diagnostics, artifacts, sizes, graph order). Imports
nothing else of the package.
"""
