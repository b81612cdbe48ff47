#!/usr/bin/env bash
# Runs the suite; pytest's exit code 5 ("no tests collected") is treated as a failure with a clear message.
set -uo pipefail
# Static checks first: ruff (lint), mypy --strict on the package and the import layers (import-linter), as
# configured in pyproject.toml.
.venv/bin/ruff check generator tests benchmarks || exit 1
.venv/bin/mypy || exit 1
.venv/bin/lint-imports --no-cache || exit 1
.venv/bin/python -m pytest "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: that is a failure for this project." >&2
  exit 1
fi
exit $rc
