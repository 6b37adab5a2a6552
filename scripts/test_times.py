"""Seconds per test file from pytest's `--durations=0` report, to see where the suite's time goes.

    .venv/bin/python scripts/test_times.py LOG               seconds per file, slowest first
    .venv/bin/python scripts/test_times.py BEFORE AFTER      a Markdown table of both, with the difference

A file's seconds are the sum of its tests' setup, call and teardown phases as pytest measured them, so a session
fixture (the shared builds, the shared browser) counts in the file of the test that first asked for it. Under
pytest-xdist the phases of both workers are summed: the total is processor-side time, more than the wall clock.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

# "12.34s call     tests/test_site.py::test_x[data]" (pytest prints phases under 5 ms only with -vv)
LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s+(setup|call|teardown)\s+(\S+?\.py)::")


def per_file(log: Path) -> dict[str, float]:
    seconds: dict[str, float] = defaultdict(float)
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if match := LINE.match(line):
            seconds[match[3]] += float(match[1])
    return dict(seconds)


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    runs = [per_file(Path(name)) for name in argv]
    if len(runs) == 1:
        (only,) = runs
        for name, seconds in sorted(only.items(), key=lambda item: -item[1]):
            print(f"{seconds:8.1f}  {name}")
        print(f"{sum(only.values()):8.1f}  total")
        return 0
    before, after = runs
    names = sorted(before.keys() | after.keys(), key=lambda name: -before.get(name, 0.0))
    print("| file | before (s) | after (s) | change (s) |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        old, new = before.get(name, 0.0), after.get(name, 0.0)
        print(f"| {name} | {old:.1f} | {new:.1f} | {new - old:+.1f} |")
    old, new = sum(before.values()), sum(after.values())
    print(f"| total | {old:.1f} | {new:.1f} | {new - old:+.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
