"""Sphinx extension: turns every topology in ``topologies/`` into pages of the doc site.

On ``builder-inited`` it runs the same load -> check -> render flow as the CLI
(:mod:`generator.build.pipeline`), lets the writer convert diagrams, and writes Markdown pages plus the
artifacts they show under ``docs/_generated/`` (see :mod:`generator.sphinx_ext.site`). Files are
written only when their bytes change, so Sphinx re-reads only the pages of a changed topology.

Configuration values (``conf.py``): ``docgen_topologies`` (folder of topology files, relative to the
configuration directory), ``docgen_output`` (folder for generated pages) and ``docgen_pdf``
(``False`` leaves out PDF downloads, which need the PDF engine: ``-D docgen_pdf=0`` for quick builds) and
``docgen_conversions_from`` (conversion caches of ``generator build`` outputs, relative to the
configuration directory: a diagram or PDF found there is copied, not made again; the bytes are the same).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from generator import __version__
from generator.sphinx_ext.command_index import index_commands, merge_entries, purge_entries, restore_entries
from generator.sphinx_ext.maincf_lexer import MainCfLexer


def _generate(app: Sphinx) -> None:
    from generator.sphinx_ext.site import generate_site

    generate_site(app)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("docgen_topologies", "topologies", "env", [str])
    app.add_config_value("docgen_output", "docs/_generated", "env", [str])
    app.add_config_value("docgen_pdf", True, "env", [bool])
    app.add_config_value("docgen_conversions_from", [], "", [list])
    app.add_lexer("maincf", MainCfLexer)
    app.connect("builder-inited", _generate)
    app.connect("doctree-read", index_commands)
    app.connect("env-purge-doc", purge_entries)
    app.connect("env-merge-info", merge_entries)
    app.connect("html-collect-pages", restore_entries)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
