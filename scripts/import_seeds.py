"""Import each seed manual and print the README's table: coverage of the seed's text in the built site, and the
counts of the imported folder beside those of the hand-made transcription.

    .venv/bin/python scripts/import_seeds.py [--docx]     (--docx: also import each hand-made folder's exported
                                                           manual .docx and a PDF made from it by LibreOffice)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["MANUAL_PDF"] = "0"  # the text of the site is what is measured; the PDFs are not needed
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from conftest import build  # noqa: E402 - the tests' helpers, found through the path set above
from importing import HAND_MADE, counts, coverage, load_folder, run, seed_file  # noqa: E402
from libreoffice import to_pdf  # noqa: E402


def measure(source: Path, key: str, hand: Path, work: Path, label: str) -> list[str]:
    """Import `source`, check it, build its site; one row of the table."""
    target = work / "data"
    started = time.perf_counter()
    result = run("import", source, "--into", target, "--format", "json")
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{label}: import failed\n{result.stderr}")
    checked = run("check", target)
    built = build(target, work / "site")
    share = coverage(seed_file(key), work / "site")[0] if built.returncode == 0 else 0.0
    found, wanted = counts(load_folder(target)), counts(load_folder(hand))
    report = json.loads(result.stdout)
    return [
        label,
        "yes" if checked.returncode == 0 else "NO",
        f"{share:.1%}",
        *(f"{found[name]} / {value}" for name, value in wanted.items()),
        str(len(report["guesses"])),
        str(len(report["free_sections"])),
        f"{seconds:.1f} s",
    ]


def main() -> int:
    word = "--docx" in sys.argv[1:]
    rows = []
    with tempfile.TemporaryDirectory(prefix="import-seeds-") as folder:
        work = Path(folder)
        for key, hand in HAND_MADE.items():
            name = f"{key} → `{hand.relative_to(ROOT)}`"
            rows.append(measure(seed_file(key), key, hand, work / key / "txt", f"{name}: .txt"))
            if not word:
                continue
            os.environ["MANUAL_PDF"] = "1"  # the Word copies are made with the PDFs
            made = build(hand, work / key / "hand")
            os.environ["MANUAL_PDF"] = "0"
            if made.returncode:
                raise SystemExit(f"{hand}: build failed\n{made.stderr}")
            docx = work / key / "hand/docx/manual.docx"
            rows.append(measure(docx, key, hand, work / key / "docx", f"{name}: our .docx"))
            pdf = to_pdf(docx, work / key / "office")
            rows.append(measure(pdf, key, hand, work / key / "pdf", f"{name}: LibreOffice .pdf of it"))
    wanted = counts(load_folder(next(iter(HAND_MADE.values()))))
    head = ["source", "check", "seed text in site", *wanted, "guesses", "in free sections", "import time"]
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\ncounts are imported / hand-made")
    return 0


if __name__ == "__main__":
    sys.exit(main())
