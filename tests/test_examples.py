"""The example estates in topologies/ pass check with no diagnostics at all."""

from __future__ import annotations

from generator.diagnostics import format_text
from generator.pipeline import check_paths

from .conftest import EXAMPLES


def test_examples_check_clean() -> None:
    results, diagnostics = check_paths([EXAMPLES.relative_to(EXAMPLES.parent)])
    assert results
    assert format_text(diagnostics) == ""
