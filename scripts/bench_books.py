"""Measure the printed books of one synthetic office (15 supervisors, 30 processes: the national average) two ways
in one run: each book printed whole by WeasyPrint (the pipeline before chapters were shared, kept as the reference
in `pdf.printer.print_prepared`), and each chapter laid out once then every book assembled (the build's).

Usage: `.venv/bin/python scripts/bench_books.py [--people 15] [--processes 30]` (from `scripts/bench --books`).

Every figure is a real run in a child process with the PDF cache off unless said; the Word copies are left out
(MANUAL_WORD=0). Printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

WHOLE = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from opmanual.data.dataset import load
from opmanual.pdf import printer
from opmanual.render.book import Binder, books

printer.install()
data, site, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
manual = load(data)
binder = Binder(manual)
prepared = sorted((binder.prepare(book) for book in books(manual)), key=lambda p: -len(p.body))

def one(index):
    p = prepared[index]
    return printer.print_prepared(p, site, out / p.path).pages

started = time.perf_counter()
with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
    pages = sum(pool.map(one, range(len(prepared))))
print(f"{len(prepared)} {pages} {time.perf_counter() - started:.2f}", file=sys.stderr)
"""

# Chapters laid out and written with some of the WeasyPrint patches: t the text layer, g the tagging, w the Thai
# word breaks (sys.argv[3]); the time per page of the first 30 chapters of the office.
FEATURES = """
import sys, time
from pathlib import Path
from opmanual.data.dataset import load
from opmanual.pdf import pango_words, printer, tagging, textlayer
from opmanual.render.book import Binder, books

data, site, flags = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
for flag, patch in (("t", textlayer), ("g", tagging), ("w", pango_words)):
    if flag in flags:
        patch.install()
manual = load(data)
binder = Binder(manual)
unique = {}
for book in books(manual):
    for chapter in binder.prepare(book).chapters:
        unique.setdefault(chapter.html, chapter)
chapters = list(unique.values())[:30]
printer._render(chapters[0].html, site)  # fonts and stylesheets loaded before the clock starts
pages, started = 0, time.perf_counter()
for chapter in chapters:
    document = printer._render(chapter.html, site)
    document.write_pdf("/dev/null", pdf_variant=tagging.VARIANT if "g" in flags else None)
    pages += len(document.pages)
print(f"{pages} {time.perf_counter() - started:.3f}", file=sys.stderr)
"""

PLAIN = """
import sys, time
from weasyprint import HTML
from opmanual.pdf import printer
from opmanual.render.book import stylesheets, url_fetcher, SITE_URL
from pathlib import Path

printer.install()
paragraph = "<p>" + " ".join(["การนิเทศการศึกษาเป็นกระบวนการที่ช่วยพัฒนาครูให้จัดการเรียนรู้ได้มีคุณภาพ"] * 6) + "</p>"
sheets = "".join(f'<link rel="stylesheet" href="{s}">' for s in stylesheets())
head = f'<html lang="th"><head>{sheets}</head><body class="body"><div class="md-typeset">'
html = head + paragraph * 900 + "</div></body></html>"
started = time.perf_counter()
document = HTML(string=html, base_url=SITE_URL, url_fetcher=url_fetcher(Path(sys.argv[1]))).render()
document.write_pdf("/dev/null")
print(f"{len(document.pages)} {time.perf_counter() - started:.2f}", file=sys.stderr)
"""


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """A child's wall time, the peak memory of its largest process (MB) and its stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)  # noqa: S603
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{log[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, log


def build(data: Path, site: Path, env: dict[str, str], **settings: str) -> tuple[float, float, str]:
    return run([PYTHON, "-m", "opmanual", "build", str(data), "--site", str(site)], {**env, **settings})


def stage(log: str) -> tuple[int, int, float, str]:
    """Books, pages, seconds of the PDF stage and its chapters' line, from a build's log."""
    line = re.search(r"PDFs: (\d+) rendered.*?, ([\d.]+) s \((\d+) chapters laid out, (\d+) from cache\)", log)
    pages = sum(int(n) for n in re.findall(r"PDF: \S+ \((\d+) pages", log))
    if line is None:
        raise SystemExit(f"no PDF stage in the log:\n{log[-2000:]}")
    return int(line[1]), pages, float(line[2]), f"{line[3]} laid out, {line[4]} from cache"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=15)
    parser.add_argument("--processes", type=int, default=30)
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MANUAL_WORD": "0", "SOURCE_DATE_EPOCH": "1735689600"}
    with tempfile.TemporaryDirectory(prefix="bench-books-") as folder:
        work = Path(folder)
        data = work / "data"
        subprocess.run(  # noqa: S603
            [PYTHON, str(ROOT / "scripts/synth.py"), str(data), "--people", str(args.people),
             "--processes", str(args.processes), "--seed", "1"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        site = work / "site"
        build(data, site, env, MANUAL_PDF="0")
        rows = []
        _, peak, log = run([PYTHON, "-c", WHOLE, str(data), str(site), str(work / "whole"), "2"], env)
        books, pages, took = log.split()[-3:]
        rows.append(("each book printed whole (before)", "2", f"{books} books, {pages} pages", f"{float(took):.1f} s",
                     "—", f"{peak:.0f} MB"))  # fmt: skip
        for jobs in ("2", "1"):
            _, peak, log = build(data, work / f"new{jobs}", env, MANUAL_PDF_CACHE="off", MANUAL_PDF_JOBS=jobs)
            books_, pages_, took_, chapters = stage(log)
            rows.append(("chapters laid out once, books assembled (now)", jobs, f"{books_} books, {pages_} pages",
                         f"{took_:.1f} s", chapters, f"{peak:.0f} MB"))  # fmt: skip
        cache = work / "cache"
        build(data, work / "warm", env, MANUAL_PDF_CACHE=str(cache))
        process = sorted((data / "processes").glob("*.yml"))[0]
        text = process.read_text(encoding="utf-8")
        new = "เพื่อทดลองแก้ไขหนึ่งกระบวนงาน"
        edited = re.sub(r"\nobjectives:\n( *)- ", lambda m: f"\nobjectives:\n{m[1]}- {new}\n{m[1]}- ", text, count=1)
        if edited == text:
            raise SystemExit(f"{process}: no objectives to add one to")
        process.write_text(edited, encoding="utf-8")
        _, peak, log = build(data, work / "warm", env, MANUAL_PDF_CACHE=str(cache))
        books_, pages_, took_, chapters = stage(log)
        rows.append(("after editing one process (cache on)", "2", f"{books_} books, {pages_} pages",
                     f"{took_:.1f} s", chapters, f"{peak:.0f} MB"))  # fmt: skip
        features = []
        for flags, name in (
            ("tgw", "everything (as built)"),
            ("tw", "without the PDF/UA tagging (pdf/tagging.py)"),
            ("tg", "without Thai lines broken between words (pdf/pango_words.py)"),
            ("gw", "without the exact Thai text layer (pdf/textlayer.py)"),
            ("-", "none of the three"),
        ):
            _, _, log = run([PYTHON, "-c", FEATURES, str(data), str(site), flags], env)
            count, took = log.split()[-2:]
            features.append((name, f"{1000 * float(took) / int(count):.0f}"))
        _, _, log = run([PYTHON, "-c", PLAIN, str(site)], env)
        plain_pages, plain_took = log.split()[-2:]
        floor = int(plain_pages) / float(plain_took)
    print("| PDFs | processes | books printed | PDF stage | chapters | peak memory (largest process) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\n| one page of 30 chapters, one core, laid out and written | ms ({count} pages) |\n| --- | --- |")
    for name, ms in features:
        print(f"| {name} | {ms} |")
    print(f"\nWeasyPrint alone, one plain long Thai document (the floor): {plain_pages} pages in {plain_took} s "
          f"on one core, {floor:.1f} pages/s.")  # fmt: skip


if __name__ == "__main__":
    main()
