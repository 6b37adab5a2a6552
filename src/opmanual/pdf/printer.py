"""Printing a book with WeasyPrint: the body first, its pages give the contents' numbers, then cover and front.

WeasyPrint is patched before anything is printed (`textlayer`, `tagging`, `pango_words`, each guarded by the
version it was written for), so that the text layer equals the source text, the PDF is tagged, and Thai lines
break between words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..render.book import SITE_URL, ContentsEntry, Prepared, url_fetcher
from . import pango_words, tagging, textlayer


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
