"""`python -m opmanual check [DATA_DIR]`: validate a manual's data without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import load
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m opmanual", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every data file and report all errors")
    check.add_argument("data", nargs="?", default="data", type=Path, help="data folder (default: data)")
    args = parser.parse_args(argv)

    try:
        manual = load(args.data)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    print(
        f"{args.data}: OK — {len(manual.people)} people, {len(manual.processes)} processes, "
        f"{len(manual.group.workgroups)} work groups"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
