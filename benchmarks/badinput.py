"""Cost of bad input (issue 12, item 8): ``check`` of a 2.7 MB topology with 190,000 unknown keys.

Prints CPU time of ``check_file`` against the floor of a bare ``yaml.load`` (CSafeLoader) of the same
file, measured in the same run, peak memory (``ru_maxrss``), and how many diagnostic lines come out.
Not a test: ``python benchmarks/badinput.py [--keys N]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build.pipeline import check_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keys", type=int, default=190_000)
    args = parser.parse_args()
    text = "topology: cost\ntitle: t\nmodel: split\nhosts: {}\n" + "".join(
        f"key{i:06d}: 12\n" for i in range(args.keys))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unknown-keys.yaml"
        path.write_text(text, "utf-8")
        started = time.process_time()
        yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 - CSafeLoader is the safe loader
        floor = time.process_time() - started
        started, wall = time.process_time(), time.perf_counter()
        found = check_file(path).diagnostics
        cpu, wall = time.process_time() - started, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(text) / 1e6:.1f} MB, {args.keys} unknown keys: check {cpu:.2f} s CPU ({wall:.2f} s wall), "
          f"bare YAML parse {floor:.2f} s CPU (ratio {cpu / floor:.1f}), peak {peak:.0f} MB, "
          f"{len(found)} diagnostic line(s)")


if __name__ == "__main__":
    main()
