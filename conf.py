"""Sphinx configuration for the doc site (``make docs``)."""

project = "InfoScale on Oracle VM Server for SPARC: generated documentation"
author = "infoscale-ldom-docgen contributors"
copyright = "the infoscale-ldom-docgen contributors"

extensions = ["myst_parser", "sphinx.ext.graphviz", "sphinx_copybutton", "generator.sphinx_ext"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "docs/index"
include_patterns = ["docs/**"]
exclude_patterns = ["_build", ".venv", "docs/_generated/**/files/**", "docs/locale/**"]
html_theme = "furo"
html_title = "InfoScale on LDoms: docs & runbooks"
graphviz_output_format = "svg"
myst_enable_extensions = ["attrs_inline", "colon_fence", "deflist", "tasklist"]
myst_enable_checkboxes = True  # runbook "- [ ] Done" lines are checkboxes an operator can tick
myst_heading_anchors = 3
suppress_warnings: list[str] = []
# Generated pages (generator.sphinx_ext): topologies read from here, pages written there.
docgen_topologies = "topologies"
docgen_output = "docs/_generated"
# `make docs` runs `generator build --out _build/artifacts` first: take its diagrams and PDFs (same bytes).
docgen_conversions_from = ["_build/artifacts/.convert-cache"]
# Translations: English is the source; a Japanese edition adds docs/locale/ja/LC_MESSAGES/*.po
# (make gettext-style: sphinx-build -b gettext, then sphinx-intl) and builds with -D language=ja.
language = "en"
locale_dirs = ["docs/locale/"]
gettext_compact = False
html_static_path = ["docs/_static"]
html_css_files = ["site.css", "print.css"]
html_js_files = ["filter.js"]  # the rule catalogue's filter box (a no-op on pages without a filterable table)
html_extra_path = ["docs/_extra"]
