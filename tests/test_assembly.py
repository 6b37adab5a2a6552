"""Books assembled from chapters printed once (`pdf.assemble`) read as books printed whole: every book of data/ and
both examples, as the session built them, against the same book printed at once by WeasyPrint
(`printer.print_prepared`, the pipeline before chapters were shared, kept as the reference): the same pages and
their sizes, the same text on each page (the running title and page numbers among it), the same outline, the same
links to the same places (the contents' page numbers are text of the contents pages)."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pikepdf
import pytest

from conftest import DATASETS
from opmanual.data.dataset import load
from opmanual.pdf import printer
from opmanual.render.book import Binder, books
from opmanual.stage import print_books

pytestmark = [pytest.mark.pdf, pytest.mark.slow]


def reading(path: Path) -> dict[str, object]:
    """What a reader gets of a PDF: each page's size and text (as laid out), the outline with the page of each
    entry, and each link with its page, its place and where it goes."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    with pikepdf.open(path) as pdf:
        index = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        dests = pdf.Root.Names.Dests.Names
        places = {str(dests[i]): index.get(dests[i + 1][0].objgen) for i in range(0, len(dests), 2)}
        outline: list[tuple[int, str, int | None]] = []
        with pdf.open_outline() as tree:

            def walk(items: list[pikepdf.OutlineItem], depth: int) -> None:
                for item in items:
                    destination = item.destination
                    page = index.get(destination[0].objgen) if isinstance(destination, pikepdf.Array) else None
                    outline.append((depth, item.title, page))
                    walk(item.children, depth + 1)

            walk(tree.root, 0)
        links = []
        for number, page in enumerate(pdf.pages):
            for annotation in page.obj.get("/Annots", []):
                target = annotation.get("/Dest")
                goes = places.get(str(target)) if target is not None else str(annotation.A.URI)
                links.append((number, tuple(round(float(v)) for v in annotation.Rect), goes))
        sizes = [tuple(round(float(v)) for v in page.mediabox) for page in pdf.pages]
    return {"pages": sizes, "text": text.stdout.split("\f"), "outline": outline, "links": sorted(links)}


# The site's address: each book's cover carries a QR code to its page, and its first body page the address.
SITE_URL = "https://supervision.example.go.th/manual/"


def _print_whole(data: Path, site: Path, book_path: str, target: Path) -> int:
    printer.install()
    manual = load(data)
    book = next(book for book in books(manual, site_url=SITE_URL) if book.path == book_path)
    return printer.print_prepared(Binder(manual).prepare(book), site, target).pages


@pytest.mark.parametrize("name", ["data", "chiangmai5", "korat6"])
def test_every_assembled_book_reads_as_the_book_printed_whole(
    name: str, built_sites: dict[str, Path], tmp_path: Path
) -> None:
    # The session's site holds what the books show (images, charts); the PDF stage prints into a copy of it.
    site = tmp_path / "site"
    shutil.copytree(built_sites[name], site, ignore=shutil.ignore_patterns("pdf", "docx"))
    manual = load(DATASETS[name])
    report = print_books(manual, site, cache=None, jobs=2, site_url=SITE_URL, word=False, scratch=tmp_path / "scratch")
    paths = [book.path for book in books(manual)]
    assert sorted(report.rendered) == sorted(paths)
    whole = tmp_path / "whole"
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        count = len(paths)
        pages = list(
            pool.map(_print_whole, [DATASETS[name]] * count, [site] * count, paths, [whole / p for p in paths])
        )
    assert sum(pages) == report.pages
    for path in paths:
        expected, got = reading(whole / path), reading(site / path)
        for part in ("pages", "outline", "links"):
            assert got[part] == expected[part], f"{name} {path}: {part}"
        # Each page's text: the running title, the page number, the site's address on the first body page, and on
        # the contents pages each entry's page.
        for number, (old, new) in enumerate(zip(expected["text"], got["text"], strict=True), start=1):
            assert new == old, f"{name} {path}, page {number}"
