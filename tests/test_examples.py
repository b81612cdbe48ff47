"""The example estates in topologies/ pass check with no diagnostics at all."""

from __future__ import annotations

from generator.build.pipeline import check_paths
from generator.core.diagnostics import format_text

from .conftest import EXAMPLES


def test_examples_check_clean() -> None:
    results, diagnostics = check_paths([EXAMPLES.relative_to(EXAMPLES.parent)])
    assert results
    assert format_text(diagnostics) == ""
