"""How long an import of an 80-page manual takes, and where the time goes.

    .venv/bin/python scripts/bench_import.py [--pages 80]

Makes a synthetic office (scripts/synth.py: data/ with processes cloned) whose whole manual prints to about the
pages asked, builds its PDF and Word copy, and imports each in this process: the reading of the file (for a PDF,
the check and the pages read side by side, `readers/pdf`), recognising the manual's parts, writing the YAML
files; and the command a user runs, `opmanual import`, which adds the start of Python and its modules. A figure is
the best of three runs.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from opmanual.importer import command  # noqa: E402
from opmanual.importer.readers import read  # noqa: E402
from opmanual.importer.recognise import recognise  # noqa: E402

PYTHON = sys.executable


def best(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def pages_of(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as opened:
        return len(opened.pages)


def main() -> int:
    wanted = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 80
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        processes = max(1, round(wanted / 12))  # data/'s 3 processes and 2 people print to 48 pages
        subprocess.run(  # noqa: S603
            [PYTHON, ROOT / "scripts/synth.py", work / "data", "--people", "3", "--processes", str(processes)],
            check=True,
            capture_output=True,
        )
        site = work / "site"
        env = {**os.environ, "MANUAL_WORD": "1"}
        subprocess.run(  # noqa: S603
            [PYTHON, "-m", "opmanual", "build", work / "data", "--site", site], check=True, capture_output=True, env=env
        )
        pdf, word = site / "pdf/manual.pdf", site / "docx/manual.docx"
        print(f"The whole manual of {processes} processes and 3 people: {pages_of(pdf)} pages, {os.cpu_count()} cores")
        print(
            "| source | reading the file | recognising | whole import (reading, recognising, writing) "
            "| `opmanual import` |"
        )
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, source in (("PDF", pdf), ("Word", word)):
            reading = best(3, lambda source=source: read(source))
            read_source = read(source)
            recognising = best(3, lambda read_source=read_source: recognise([read_source]))
            target = work / f"into-{label}"

            def whole(source: Path = source, target: Path = target) -> None:
                shutil.rmtree(target, ignore_errors=True)
                if command.run([source], target, out=io.StringIO()):
                    raise SystemExit(f"{source}: the import failed")

            def command_line(source: Path = source, target: Path = target) -> None:
                shutil.rmtree(target, ignore_errors=True)
                subprocess.run(  # noqa: S603
                    [PYTHON, "-m", "opmanual", "import", source, "--into", target], check=True, capture_output=True
                )

            print(
                f"| {label} | {reading:.1f} s | {recognising:.1f} s | {best(3, whole):.1f} s "
                f"| {best(3, command_line):.1f} s |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
