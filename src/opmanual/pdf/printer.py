"""Printing a book with WeasyPrint: the body first, its pages give the contents' numbers, then cover and front.

WeasyPrint is patched before anything is printed (`textlayer`, `tagging`, `pango_words`, each guarded by the
version it was written for), so that the text layer equals the source text, the PDF is tagged, and Thai lines
break between words.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import aside
from ..render.book import SITE_URL, ChapterDocument, ContentsEntry, Prepared, links_out, print_styles
from . import assemble, pango_words, tagging, textlayer


@dataclass
class Printed:
    """What was printed: the file, its page count, and its contents with the page of each entry."""

    path: Path
    pages: int
    contents: list[ContentsEntry] = field(default_factory=list)


def install() -> None:
    """Patch WeasyPrint for Thai and tagging; refused (UnsupportedWeasyPrint) by a version not checked."""
    textlayer.install()
    tagging.install()
    pango_words.install()


def print_prepared(prepared: Prepared, site: Path, target: Path | None = None) -> Printed:
    """Render a prepared book whole: the body first, its pages give the contents' numbers, then cover and front.
    The build assembles books from chapters (`bind`); this is the reference tests/test_assembly.py compares with."""

    def render(html: str) -> Any:
        return _render(html, site)

    body = render(prepared.body)
    page_of: dict[str, int] = {}
    for number, page in enumerate(body.pages, start=1):
        for anchor in page.anchors:
            page_of.setdefault(anchor, number)
    contents = [ContentsEntry(e.level, e.title, e.anchor, page_of.get(e.anchor, 0)) for e in prepared.contents]
    cover = render(prepared.cover)
    front = render(prepared.front(toc=contents))
    target = target or site / prepared.path
    target.parent.mkdir(parents=True, exist_ok=True)
    document = body.copy(cover.pages + front.pages + body.pages)
    document.write_pdf(target, pdf_variant=tagging.VARIANT)
    return Printed(target, len(document.pages), contents)


def _render(html: str, site: Path) -> Any:
    """Lay out one printed document with the stylesheets of every printed page (`render.book.print_styles`)."""
    from weasyprint import HTML

    styles = print_styles(site)
    return HTML(string=html, base_url=SITE_URL, url_fetcher=styles.fetcher).render(
        stylesheets=styles.sheets, font_config=styles.fonts, counter_style=styles.counters
    )


def print_chapter(chapter: ChapterDocument, site: Path, target: Path) -> int:
    """Print one chapter alone (tagged, no furniture), as every book that holds it will copy it; its page count."""
    document = _render(chapter.html, site)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant=tagging.VARIANT)
    return len(document.pages)


# Page numbers are printed in blocks of this many, each the same in every book (and every build), and kept by the
# process that printed them for the next book it binds.
NUMBERS_BLOCK = 50
_shared: dict[str, bytes] = {}


def _numbers_block(prepared: Prepared, wide: bool, block: int, site: Path, store: Store | None) -> bytes:
    """The PDF of page numbers `block` × NUMBERS_BLOCK + 1 … on pages of one kind, printed once a process."""
    if prepared.numbers is None:
        raise ValueError(f"{prepared.path}: prepared without its page numbers")
    first = block * NUMBERS_BLOCK + 1
    html = prepared.numbers([(wide, number) for number in range(first, first + NUMBERS_BLOCK)])
    return _printed_once(html, site, store)


@dataclass(frozen=True)
class Store:
    """Where the parts every book shares are kept between processes and builds (the PDF cache, or the build's
    scratch folder), and the key of the code and files that print them (`stage.engine_key`)."""

    folder: Path
    engine: bytes


def _printed_once(html: str, site: Path, store: Store | None) -> bytes:
    """An untagged PDF of `html` that is the same in every book (page numbers, a draft's mark): printed once a
    process, and kept in `store` for the other processes and the next builds."""
    if html in _shared:
        return _shared[html]
    entry = None
    if store is not None:
        entry = store.folder / f"{hashlib.sha256(store.engine + b'shared' + html.encode()).hexdigest()}.pdf"
    if entry is not None and assemble.readable(entry, tagged=False):
        data = entry.read_bytes()
    else:
        data = _render(html, site).write_pdf()
        if entry is not None:
            temporary = aside(entry)
            try:
                temporary.write_bytes(data)
                os.replace(temporary, entry)  # whole or not at all
            finally:
                temporary.unlink(missing_ok=True)
    if len(_shared) > 64:
        _shared.clear()
    _shared[html] = data
    return data


def bind(prepared: Prepared, chapters: list[Path], site: Path, target: Path, store: Store | None = None) -> Printed:
    """Assemble a book from its chapters printed alone (`chapters`, the files of `prepared.chapters` in order):
    the contents' page numbers from the chapters' pages, then cover and front matter printed for this book, and
    what `assemble` draws on the chapters' pages: the book's running title, page numbers, a draft's mark."""
    import pikepdf

    if prepared.heads is None:
        raise ValueError(f"{prepared.path}: prepared without its running title")
    parts = [pikepdf.open(path) for path in chapters]
    opened: dict[tuple[bool, int], pikepdf.Pdf] = {}
    try:
        page_of: dict[str, int] = {}
        wide: list[bool] = []
        for part in parts:
            for anchor, index in assemble.anchors(part).items():
                page_of.setdefault(anchor, len(wide) + index + 1)
            wide += assemble.wide_pages(part)
        contents = [ContentsEntry(e.level, e.title, e.anchor, page_of.get(e.anchor, 0)) for e in prepared.contents]
        cover = _render(prepared.cover, site)
        front = _render(links_out(prepared.front(toc=contents)), site)
        front_pdf = front.copy(cover.pages + front.pages).write_pdf(pdf_variant=tagging.VARIANT)
        heads = pikepdf.open(io.BytesIO(_render(prepared.heads(), site).write_pdf()))
        over = []
        for index, landscape in enumerate(wide):
            block, place = divmod(index, NUMBERS_BLOCK)
            if (landscape, block) not in opened:
                numbers = _numbers_block(prepared, landscape, block, site, store)
                opened[landscape, block] = pikepdf.open(io.BytesIO(numbers))
            if index == 0 and not landscape:  # the first page: its number is the heads' own (see render.book.HEADS)
                over.append([(heads, 0)])
            else:
                over.append([(heads, 2 if landscape else 1), (opened[landscape, block], place)])
        mark = _printed_once(prepared.mark(), site, store) if prepared.mark else None
        target.parent.mkdir(parents=True, exist_ok=True)
        pages = assemble.assemble(front_pdf, parts, over, target, mark)
    finally:
        for part in [*parts, *opened.values()]:
            part.close()
    return Printed(target, pages, contents)
