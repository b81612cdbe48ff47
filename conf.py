"""Sphinx configuration for the doc site (``make docs``)."""

project = "InfoScale on Oracle VM Server for SPARC: generated documentation"
author = "infoscale-ldom-docgen contributors"
copyright = "the infoscale-ldom-docgen contributors"

extensions = ["myst_parser", "sphinx.ext.graphviz"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "docs/index"
include_patterns = ["docs/**"]
exclude_patterns = ["_build", ".venv"]
html_theme = "furo"
html_title = "InfoScale on LDoms: docs & runbooks"
graphviz_output_format = "svg"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []
