"""Printing a book with WeasyPrint: the body first, its pages give the contents' numbers, then cover and front.

WeasyPrint is patched before anything is printed (`textlayer`, `tagging`, `pango_words`, each guarded by the
version it was written for), so that the text layer equals the source text, the PDF is tagged, and Thai lines
break between words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..render.book import SITE_URL, ChapterDocument, ContentsEntry, Prepared, links_out, url_fetcher
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
    """Render a prepared book: the body first, its pages give the contents' numbers, then cover and front."""
    from weasyprint import HTML

    fetcher = url_fetcher(site)

    def render(html: str) -> Any:
        return HTML(string=html, base_url=SITE_URL, url_fetcher=fetcher).render()

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
    from weasyprint import HTML

    return HTML(string=html, base_url=SITE_URL, url_fetcher=url_fetcher(site)).render()


def print_chapter(chapter: ChapterDocument, site: Path, target: Path) -> int:
    """Print one chapter alone (tagged, no furniture), as every book that holds it will copy it; its page count."""
    document = _render(chapter.html, site)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant=tagging.VARIANT)
    return len(document.pages)


def bind(prepared: Prepared, chapters: list[Path], site: Path, target: Path) -> Printed:
    """Assemble a book from its chapters printed alone (`chapters`, the files of `prepared.chapters` in order):
    the contents' page numbers from the chapters' pages, then cover, front matter, furniture and (for a draft) the
    draft's mark printed for this book, all joined by `assemble`."""
    import pikepdf

    if prepared.furniture is None:
        raise ValueError(f"{prepared.path}: prepared without its furniture")
    parts = [pikepdf.open(path) for path in chapters]
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
        furniture = _render(prepared.furniture(pages=wide), site).write_pdf()
        mark = _render(prepared.mark(), site).write_pdf() if prepared.mark else None
        target.parent.mkdir(parents=True, exist_ok=True)
        pages = assemble.assemble(front_pdf, parts, furniture, target, mark)
    finally:
        for part in parts:
            part.close()
    return Printed(target, pages, contents)
