"""Word files as offices save them: variants of data/'s Word copy of the whole manual, each imported and compared
with the import of the clean copy.

    .venv/bin/python scripts/import_variants.py [--pdf] [--keep DIR]

Each variant changes one thing a real file has (tests/variants.py: hard line breaks inside paragraphs, one paragraph
per printed line, numbering typed as text, Markdown marks around bold text, tracked changes, tables drawn with tabs,
text boxes, headers and footers, footnotes, comments). The table says, for each, what the import found and the share
of the clean import's texts (every text value of its YAML files, without spaces) that the variant's import holds
too. `--pdf` prints each variant to PDF with LibreOffice (tests/libreoffice.py) and imports the PDF instead, compared
with the clean copy's PDF: what a printed manual of each shape gives. `--keep DIR` keeps the files.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from importing import run  # noqa: E402 - the tests' helpers, found through the path set above
from libreoffice import to_pdf  # noqa: E402
from opmanual.importer import command  # noqa: E402
from variants import VARIANTS, texts  # noqa: E402


def main() -> int:
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    printed = "--pdf" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="import-variants-"))
    site = work / "site"
    os.environ["MANUAL_WORD"] = "1"  # the Word copies, without the PDFs
    built = run("build", ROOT / "data", "--site", site, "--no-pdf")
    if built.returncode:
        raise SystemExit(built.stderr)
    clean_source = site / "docx/manual.docx"
    rows, baseline = [], set()
    for name, change in VARIANTS.items():
        document = docx.Document(str(clean_source))
        change(document)
        source = work / f"{name.replace(' ', '-')}.docx"
        document.save(str(source))
        if printed:
            source = to_pdf(source, work / "pdf")
        target = work / f"{name.replace(' ', '-')}-data"
        report = io.StringIO()
        code = command.run([source], target, out=report, output="json")
        if code:
            rows.append(f"| {name} | import failed | | |")
            continue
        found = json.loads(report.getvalue())["found"]
        mine = texts(target)
        if name == "clean":
            baseline = mine
        share = len(mine & baseline) / len(baseline) if baseline else 0.0
        counts = f"{found['people']} / {found['processes']} / {found['steps']} / {found['duties']}"
        rows.append(f"| {name} | {counts} | {share:.1%} |")
    print("| variant | people / processes / steps / duties | the clean import's texts held |")
    print("| --- | --- | ---: |")
    print("\n".join(rows))
    if keep:
        shutil.copytree(work, keep, dirs_exist_ok=True)
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
