"""One book as a .docx: its cover, front matter and body, from the HTML prepared for WeasyPrint, in Word sections
numbered as the PDF numbers its pages (the cover none, the front matter ก ข ค, the body ๑ ๒ ๓ or 1 2 3).

The contents is Word's own (a TOC field over Heading 1–2), shown with the book's entries until Word fills in the
page numbers; the revision record, the foreword and every chapter start on a new page, as in the PDF.
"""

from __future__ import annotations

import base64
import datetime
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

from bs4 import Tag
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .. import __version__
from ..data import formats
from ..render.book import ASSETS_URL, SITE_URL, ContentsEntry, Prepared
from ..render.theme import ASSETS
from . import from_html, word
from .from_html import Pictures, Writer, parse

BODY = "body"  # the bookmark around the chapters, which the contents lists
FONT_TABLE = "word/fontTable.xml"


@dataclass(frozen=True)
class Meta:
    """What the document properties and the running header say (from the book)."""

    title: str
    author: str
    subject: str
    running_title: str
    thai_digits: bool


def export(prepared: Prepared, meta: Meta, site: Path, target: Path, pictures: Pictures) -> Path:
    """Write the book `prepared` as a .docx at `target`; `pictures` draws its charts."""
    document = Document()
    word.setup_styles(document)
    numbering = word.Numbering(document)
    _properties(document, meta)
    writer = Writer(document, numbering, pictures, _images(site))

    cover = document.sections[0]
    word.page(cover)
    writer.width.append(word.text_width(cover))
    for node in parse(prepared.cover).select("section.cover"):
        start = len(document.paragraphs)
        writer.blocks(node, document)
        _cover_spacing(document.paragraphs[start:])

    front = document.add_section(WD_SECTION.NEW_PAGE)
    word.page(front)
    word.page_numbers(front, "thaiLetters", 1)
    _header_footer(front, meta, "thaiLetters", dashes=False)
    for index, node in enumerate(parse(prepared.front(toc=prepared.contents)).select("section.front-matter")):
        writer.break_next = index > 0
        if "toc" in (node.get("class") or []):
            _contents(writer, node, prepared.contents)
        else:
            writer.blocks(node, document)

    body = document.add_section(WD_SECTION.NEW_PAGE)
    word.page(body)
    digits = "thaiNumbers" if meta.thai_digits else "decimal"
    word.page_numbers(body, digits, 1)
    _header_footer(body, meta, digits, dashes=True)
    wide = False
    first = len(document.element.body)  # the body's first paragraph, once written
    for index, chapter in enumerate(parse(prepared.body).select("section.chapter")):
        chapter_wide = "wide" in (chapter.get("class") or [])
        if chapter_wide != wide:
            section = document.add_section(WD_SECTION.NEW_PAGE)
            word.page(section, wide=chapter_wide)
            word.page_numbers(section, digits, None)
            writer.width[-1] = word.text_width(section)
            wide = chapter_wide
        elif index:
            writer.break_next = True
        writer.blocks(chapter, document)
    word.bookmark(document.element.body, first, BODY)
    word.update_fields_on_open(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = io.BytesIO()
    document.save(written)
    target.write_bytes(_reproducible(written.getvalue(), _moment()))
    return target


def _reproducible(package: bytes, moment: datetime.datetime) -> bytes:
    """The same file for the same book: python-docx stamps each part of the zip with the time it is saved. The
    font table is the book's own (`word.font_table`): python-docx's template lists Calibri, Cambria and others."""
    out = io.BytesIO()
    stamp = max(moment, datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)).timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = word.font_table() if info.filename == FONT_TABLE else source.read(info)
            copy.writestr(zipfile.ZipInfo(info.filename, date_time=stamp), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _moment() -> datetime.datetime:
    """The build's time: SOURCE_DATE_EPOCH (set by `python -m opmanual build`), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


def charts(prepared: Prepared) -> list[tuple[str, float]]:
    """The charts of a book's cover and body with the width each is drawn at (the portrait page's text width)."""
    width = word.TEXT_WIDTH_CM
    return from_html.charts(parse(prepared.cover), width) + from_html.charts(parse(prepared.body), width)


def _cover_spacing(paragraphs: list[Any]) -> None:
    """The title part `measures.COVER_TOP` down, the office at the foot of the page, as print.css places them."""
    if paragraphs:
        paragraphs[0].paragraph_format.space_before = word.COVER_TOP
    foot = next((p for p in paragraphs if p.style.name == "Cover Office"), None)
    if foot is not None:
        foot.paragraph_format.space_before = Cm(5)
    for paragraph in paragraphs:
        paragraph.paragraph_format.space_after = paragraph.paragraph_format.space_after or Pt(0)


PROPERTY_LIMIT = 255  # characters python-docx (and Word's dialog) allow in a document property


def _property(text: str) -> str:
    """A long title or office name cut to a property's length; the full text stays on the cover."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(document: Any, meta: Meta) -> None:
    props = document.core_properties
    props.title = _property(meta.title)
    props.author = _property(meta.author)
    props.subject = _property(meta.subject)
    props.last_modified_by = _property(meta.author)
    props.language = "th-TH"
    props.keywords = "คู่มือการปฏิบัติงาน"
    props.comments = f"opmanual {__version__} (data format {formats.CURRENT})"  # as the PDFs' Creator
    props.revision = 1
    props.created = props.modified = _moment().replace(tzinfo=None)


def _header_footer(section: Any, meta: Meta, number_format: str, *, dashes: bool) -> None:
    """The running title at the top, the page number at the bottom (a PAGE field in the section's digits)."""
    section.header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(meta.running_title)
    word.thai_run_properties(run._r.get_or_add_rPr(), size=word.type_size("small"))
    run.font.color.rgb = word.RUNNING_TITLE_COLOR
    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # No format switch: the section's numFmt gives the digits. (`\* ThaiArabic` would say the same to Word, but
    # LibreOffice reads it as Thai letters. LibreOffice has no Thai-digit page numbers: it shows 1 2 3 for
    # thaiNumbers, whatever the document says.)
    shown = {"thaiNumbers": "๑", "thaiLetters": "ก"}.get(number_format, "1")
    if dashes:
        footer.add_run("- ")
    word.field(footer, "PAGE", shown)
    if dashes:
        footer.add_run(" -")
    for run in footer.runs:
        word.thai_run_properties(run._r.get_or_add_rPr(), size=word.type_size("page_number"))


def _contents(writer: Writer, node: Tag, entries: list[ContentsEntry]) -> None:
    """The contents: its heading as in the PDF, then Word's TOC field, showing the book's entries until updated."""
    document = writer.document
    for child in node.find_all(["h1", "p"], recursive=False):
        writer.block(child, document)
    levels = max((entry.level for entry in entries), default=1)
    shown = []
    for entry in entries:
        shown.append(writer.styled(document, f"TOC {min(entry.level, 2)}"))
        shown[-1].add_run(entry.title)
    if not shown:
        shown = [writer.styled(document, "TOC 1")]
    first = shown[0]
    # Of the body only, as the PDF's: the front matter's headings are in Word's outline, not in its contents.
    instruction = f'TOC \\o "1-{max(levels, 2)}" \\b {BODY} \\h \\z \\u'
    holder = first.insert_paragraph_before()
    word.field_start(holder, instruction)
    # The field's result starts in the first entry's paragraph: move the begin/separate runs there.
    runs = list(holder._p.iterchildren())
    for child in reversed(runs):
        if child.tag.endswith("}r"):
            first._p.insert(1 if first._p.pPr is not None else 0, child)
    holder._p.getparent().remove(holder._p)
    word.field_end(shown[-1])


def _images(site: Path) -> Any:
    """An image of the book by its address: the site's attachments, the shipped assets or a data: URL."""

    def read(src: str) -> bytes | None:
        if src.startswith("data:"):
            head, _, data = src.partition(",")
            return base64.b64decode(data) if head.endswith(";base64") else unquote(data).encode()
        url = urljoin(SITE_URL, src)
        for prefix, root in ((SITE_URL, site.resolve()), (ASSETS_URL, ASSETS.resolve())):
            if url.startswith(prefix):
                path = (root / unquote(url.removeprefix(prefix).split("?")[0])).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return path.read_bytes()
        return None

    return read
