"""PDF into blocks, with pdfplumber: lines from the characters' positions, paragraphs from the lines' spacing.

A PDF holds glyphs at positions, not paragraphs. This reader:

- takes each page's characters in the order the PDF draws them (a Thai mark is drawn after its letter, while
  sorting by position would put it before), splits them into lines where the baseline moves, and puts a space where
  a gap is wider than a sixth of the font size (a space in Thai fonts is about a fifth);
- drops running headers and footers (the same text, digits aside, near the top or bottom of most pages) and lone
  page numbers there;
- reads ruled tables with pdfplumber's table finder (cells' spans from their borders; their text is not repeated as
  paragraphs); a first row in bold is a header row;
- joins lines into paragraphs: a line starts a new paragraph when it is indented, when the gap above it is larger
  than the usual line spacing, when the line before ended short of the right margin, when it starts with a typed
  number or bullet (then it is a `ListItem`), or when its font differs; a paragraph carries on over a page break
  when the page ended with a full line;
- makes headings of short lines in a larger or bold font, with levels by font size (largest = 1);
- repairs Thai as PDFs break it (`thai.repair`, and SARA AM that some fonts' glyph tables mix up with SARA AA).

A PDF without a text layer (a scan) is refused with a `SourceError`, and so is one past the limits of `limits.py`:
more pages or objects than a manual has, or a stream that unpacks to more than any manual's (checked a piece at a
time, before pdfminer unpacks it whole). The whole reading runs in a process of its own with a ceiling on its
memory and time (`isolated.py`): qpdf and pdfminer cannot be bounded otherwise.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import thai
from ..blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Source, SourceError, Table, Where
from ..limits import (
    MAX_CHARS,
    MAX_DRAWN,
    MAX_OBJECTS,
    MAX_PAGE_CHARS,
    MAX_PAGE_DRAWN,
    MAX_PAGE_SHAPES,
    MAX_PAGES,
    MAX_PDF_MEMORY,
    MAX_PDF_SECONDS,
    MAX_STREAM,
    MAX_STREAMS,
    TooLarge,
    size,
)
from .format import Format
from .isolated import isolated
from .text import TypedLevels

# The top and bottom 2.2 cm of an A4 page, its margins: where running headers, footers and page numbers stand.
EDGE = 0.075
_CID = re.compile(r"\(cid:\d+\)")  # a glyph without a Unicode mapping, as pdfminer names it
# Bullets drawn from the Symbol or Wingdings fonts, which map them into the Private Use Area.
_SYMBOL_BULLETS = str.maketrans(dict.fromkeys("\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06c\uf06e", "•"))
_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, Table]] = field(default_factory=list)  # (top, table)


def _text(chars: list[dict[str, Any]]) -> str:
    """The text of characters in drawing order, with spaces where the gaps are wide (not where space characters are:
    LibreOffice draws those out of order), and the SARA AM that WeasyPrint and others draw as NIKHAHIT + SARA AA
    with an empty NIKHAHIT mapping."""
    out: list[str] = []
    right: float | None = None
    for index, char in enumerate(chars):
        text = _CID.sub("", char.get("text") or "").translate(_SYMBOL_BULLETS)
        if not text:
            following = chars[index + 1].get("text") if index + 1 < len(chars) else ""
            if following == thai.SARA_AA:
                out.append(thai.NIKHAHIT)
            continue
        mark = text in _MARKS
        if not mark and right is not None and char["x0"] - right > char["size"] * 0.15 and out and out[-1] != " ":
            out.append(" ")
        out.append(text)
        if not mark:
            right = char["x1"]
    return "".join(out)


def _lines(chars: list[dict[str, Any]], page: int) -> list[_Line]:
    """Characters in drawing order, cut into lines where the baseline moves by more than a third of the size."""
    groups: list[list[dict[str, Any]]] = []
    for char in chars:
        if (char.get("text") or "x").isspace():
            continue  # spaces may be drawn out of order (LibreOffice): they would break a line in two
        if groups:
            last = groups[-1][-1]
            same = abs(char["bottom"] - last["bottom"]) < max(char["size"], last["size"]) / 3
            if same and char["x0"] >= last["x0"] - 2 * char["size"]:
                groups[-1].append(char)
                continue
        groups.append([char])
    lines: list[_Line] = []
    for group in groups:
        text = thai.repair(_text(group)).strip()
        if not text:
            continue
        letters = [char for char in group if (char.get("text") or " ").strip() and char["text"] not in _MARKS]
        letters = letters or group
        lines.append(
            _Line(
                text=thai.restore_sara_aa(text),
                page=page,
                x0=min(char["x0"] for char in group),
                x1=max(char["x1"] for char in group),
                top=min(char["top"] for char in letters),
                bottom=max(char["bottom"] for char in letters),
                size=round(statistics.median(char["size"] for char in letters), 1),
                bold=all("bold" in str(char.get("fontname", "")).lower() for char in letters),
            )
        )
    return lines


def _inside(char: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _table(cells: list[tuple[float, float, float, float]], chars: list[dict[str, Any]], where: Where) -> Table:
    """A ruled table: each cell's text, and its spans counted in the grid of all cells' edges."""
    xs = sorted({round(cell[0], 1) for cell in cells} | {round(cell[2], 1) for cell in cells})
    ys = sorted({round(cell[1], 1) for cell in cells} | {round(cell[3], 1) for cell in cells})
    by_row: dict[int, list[tuple[int, Cell]]] = {}
    first_row_bold = True
    for bbox in cells:
        row = ys.index(round(bbox[1], 1))
        column = xs.index(round(bbox[0], 1))
        colspan = max(1, xs.index(round(bbox[2], 1)) - column)
        rowspan = max(1, ys.index(round(bbox[3], 1)) - row)
        inside = [char for char in chars if _inside(char, bbox)]
        lines = [line.text for line in _lines(inside, where.page or 0)]
        if row == 0:
            first_row_bold &= bool(inside) and all(
                "bold" in str(char.get("fontname", "")).lower() for char in inside if (char.get("text") or " ").strip()
            )
        blocks = tuple(_cell_block(text, where) for text in lines)
        by_row.setdefault(row, []).append((column, Cell(blocks, colspan, rowspan)))
    rows = tuple(tuple(cell for _, cell in sorted(by_row[row], key=lambda pair: pair[0])) for row in sorted(by_row))
    return Table(rows, where, header_rows=int(first_row_bold and len(rows) > 1))


def _cell_block(text: str, where: Where) -> Paragraph | ListItem:
    label, rest, depth = thai.split_label(text, bare=False)
    if label is None or not rest:
        return Paragraph(text, where)
    kind = thai.label_kind(label)
    return ListItem(rest, depth, where, kind != "bullet", label)


@contextmanager
def _damaged(name: str) -> Iterator[None]:
    """Around a call of pdfplumber's (and so pdfminer's): what they raise on a damaged file is one plain sentence.
    Nothing else is caught, so that a bug of this reader is reported as one, not as the user's damaged file."""
    from pdfminer.psexceptions import PSException  # every pdfminer error: PDFSyntaxError, PSEOF, PDFValueError …
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    try:
        yield
    except (PSException, PdfminerException, MalformedPDFException) as error:
        raise SourceError(f"{name} is a damaged PDF and cannot be read ({type(error).__name__}).") from None


def _pages(pdf: Any, name: str, images: list[int]) -> Iterator[_Page]:
    """Each page's lines and tables; the images of each page are counted into `images`. A page's objects are let go
    once it is read, so that memory holds one page at a time."""
    with _damaged(name):
        pages = pdf.pages
    for number, page in enumerate(pages, start=1):
        with _damaged(name):  # what pdfplumber finds on the page; the rest is this reader's own
            images.append(len(page.images))
            chars = list(page.chars)
            ruled = [(table.bbox, list(table.cells), len(table.rows)) for table in page.find_tables()]
            height = float(page.height)
            page.close()
        where = Where(name, page=number)
        tables: list[tuple[float, Table]] = []
        for bbox, cells, rows in ruled:
            if rows < 2 and len(cells) < 2:
                continue  # a single ruled box is a frame around text, not a table
            inside = [char for char in chars if _inside(char, bbox)]
            if not any((char.get("text") or " ").strip() for char in inside):
                continue  # ruled boxes with nothing in them: a drawing (a flowchart's frame), not a table
            tables.append((bbox[1], _table(cells, inside, where)))
            chars = [char for char in chars if not _inside(char, bbox)]
        yield _Page(number, height, _lines(chars, number), tables)


def _drop_running(pages: list[_Page], notes: list[str]) -> None:
    """Take out the lines near the top or bottom of a page that repeat on most pages (digits aside), and lone page
    numbers there."""

    def edge(line: _Line, page: _Page) -> bool:
        return bool(line.bottom < page.height * EDGE or line.top > page.height * (1 - EDGE))

    def key(line: _Line) -> str:
        return "".join("#" if char.isdigit() else char for char in line.text)

    seen = Counter(key(line) for page in pages for line in {key(x): x for x in page.lines if edge(x, page)}.values())
    repeated = {text for text, count in seen.items() if count >= max(2, len(pages) // 2)}
    dropped = 0
    for page in pages:
        kept = []
        for line in page.lines:
            lone = thai.is_page_number(line.text) or len(line.text) <= 2  # "12", or "ก" of a front matter page
            if edge(line, page) and (key(line) in repeated or lone):
                dropped += 1
            else:
                kept.append(line)
        page.lines = kept
    if dropped:
        notes.append(f"{dropped} running header, footer and page number lines dropped")


class _Builder:
    def __init__(self, name: str, lines: list[_Line]) -> None:
        self.name = name
        self.blocks: list[Block] = []
        self.levels = TypedLevels()
        sizes = Counter(line.size for line in lines for _ in line.text)
        self.body = sizes.most_common(1)[0][0] if sizes else 0.0
        self.left = Counter(round(line.x0) for line in lines).most_common(1)[0][0] if lines else 0.0
        # The right margin: where the longest lines end (most lines of a short document may end well before it).
        ends = sorted(line.x1 for line in lines)
        self.right = ends[int(len(ends) * 0.95)] if ends else 0.0
        # Heading levels by font size, largest first, counting only sizes that short lines have (a banner or a
        # caption in a larger font is not a heading level), at most six.
        width = self.right - self.left
        larger = sorted(
            {line.size for line in lines if line.size > self.body * 1.1 and line.x1 - line.x0 < width * 0.8},
            reverse=True,
        )
        self.ranks = {size: min(rank, 6) for rank, size in enumerate(larger, start=1)}
        gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and b.top > a.top]
        self.spacing = statistics.median(gaps) if gaps else self.body * 1.5
        self.open: list[_Line] = []
        self.pending_break: Where | None = None

    def heading_level(self, line: _Line) -> int | None:
        if line.size in self.ranks:
            return self.ranks[line.size]
        short = line.x1 < self.left + (self.right - self.left) * 0.7
        if line.bold and short and line.size >= self.body * 0.95:
            return min(len(self.ranks) + 1, 6)
        return None

    def starts(self, line: _Line) -> bool:
        """Whether `line` starts a new block rather than continuing the open one."""
        if not self.open:
            return True
        last = self.open[-1]
        if thai.split_label(line.text, bare=False)[0] is not None:
            return True
        level = self.heading_level(line)
        if level != self.heading_level(last) or line.size != last.size or line.bold != last.bold:
            return True
        if level is not None:  # a heading's lines are often centred and short: it goes on while they are close
            return line.page != last.page or line.top - last.bottom > line.size

        first = self.open[0]
        hanging = thai.split_label(first.text, bare=False)[0] is not None and line.x0 >= first.x0 + line.size * 0.5
        if line.x0 > self.left + line.size * 0.8 and not hanging:
            return True  # an indented first line (a list item's next lines hang under its text instead)
        # The line before ended short: its paragraph ended. Short by a fifth of the width at least, as a ragged
        # Thai line may end early when the next word is long ("กรุงเทพมหานคร" is a sixth of an A4 line).
        if last.x1 < self.right - max(line.size * 2, (self.right - self.left) / 5):
            return True
        if line.page != last.page:
            return False
        return line.top - last.top > self.spacing * 1.35

    def add(self, line: _Line) -> None:
        if self.starts(line):
            self.flush()
        self.open.append(line)

    def page_break(self, where: Where) -> None:
        if self.open:
            self.pending_break = where  # the open paragraph may carry on on the next page
        else:
            self.blocks.append(PageBreak(where))

    def flush(self) -> None:
        if not self.open:
            return
        first = self.open[0]
        where = Where(self.name, page=first.page)
        text = thai.join_lines([line.text for line in self.open])
        level = self.heading_level(first)
        label, rest, depth = thai.split_label(text, bare=False)
        if level is not None and len(text) <= 120:
            self.levels.reset()
            if label is not None and thai.label_kind(label) == "bullet":
                label, rest = None, text
            self.blocks.append(Heading(rest if label else text, level, where, label=label))
        elif label is not None and rest:
            kind = thai.label_kind(label)
            self.blocks.append(ListItem(rest, self.levels.level(kind, depth), where, kind != "bullet", label))
        else:
            self.levels.reset()
            self.blocks.append(Paragraph(text, where))
        self.open = []
        if self.pending_break is not None:
            self.blocks.append(PageBreak(self.pending_break))
            self.pending_break = None

    def table(self, table: Table) -> None:
        self.flush()
        self.levels.reset()
        self.blocks.append(table)


def read(path: Path, name: str | None = None) -> Source:
    """Read a PDF file into blocks (through `readers.read`, which opens it safely)."""
    from . import read as read_source

    return read_source(path, name)


def read_file(file: io.BufferedReader, name: str) -> Source:
    """Read an open PDF file into blocks, in a process of its own."""
    return isolated(_read, file, name, name=name, memory=MAX_PDF_MEMORY, seconds=MAX_PDF_SECONDS)


FORMAT = Format("PDF", (".pdf",), lambda head: head.startswith(b"%PDF-"), read_file)


def _read(file: io.BufferedReader, name: str) -> Source:
    import pdfplumber
    import pikepdf

    _check_structure(file.read(), name)
    file.seek(0)
    try:
        with pikepdf.open(file) as checked:
            count = len(checked.pages)
            if count <= MAX_PAGES:
                _check_objects(checked, name)
                _check_drawing(checked, name)
    except pikepdf.PasswordError:
        raise SourceError(
            f"{name} is encrypted (it needs a password to open): save an unprotected copy and import that."
        ) from None
    except pikepdf.PdfError as error:
        why = str(error).split(": ", 1)[-1] if str(error).startswith("/") else str(error)  # qpdf names the file
        raise SourceError(f"{name} is a damaged PDF and cannot be read ({why}).") from None
    if count > MAX_PAGES:
        raise TooLarge(
            f"{name} has {count} pages, more than the {MAX_PAGES} a manual can have: import each manual in it "
            "separately (split the PDF into its manuals)."
        )
    if count == 0:
        raise SourceError(f"{name} has no pages.")
    source = Source(name, [])
    counted: list[int] = []
    file.seek(0)
    with _damaged(name):
        pdf = pdfplumber.open(file)
    with pdf:
        pages = list(_pages(pdf, name, counted))
    images = sum(counted)
    if not any(page.lines or page.tables for page in pages):
        if images:
            raise SourceError(
                f"{name} has no text layer: it is a scan (pictures of pages). Run OCR on it first (for example "
                "`ocrmypdf --language tha {name} ocr.pdf`) and import the result."
            )
        raise SourceError(f"{name} has no text in it.")
    _drop_running(pages, source.notes)
    builder = _Builder(name, [line for page in pages for line in page.lines])
    for page in pages:
        if page.number > 1:
            builder.page_break(Where(name, page=page.number - 1))
        tables = sorted(page.tables, key=lambda pair: pair[0])
        for line in page.lines:
            while tables and tables[0][0] < line.top:
                builder.table(tables.pop(0)[1])
            builder.add(line)
        for _, table in tables:
            builder.table(table)
    builder.flush()
    source.blocks = builder.blocks
    if images:
        source.notes.append(f"{images} images skipped (pictures are not imported; add them again by hand)")
    return source


# --- limits ------------------------------------------------------------------------------------------------------


def _check_objects(pdf: Any, name: str) -> None:
    """The PDF's objects and every stream pdfminer may unpack (all but pictures, which it never unpacks), each
    unpacked here a piece at a time and refused past the limit before pdfminer would unpack it whole."""
    import pikepdf

    objects = pdf.objects
    if len(objects) > MAX_OBJECTS:
        raise TooLarge(
            f"{name} has {len(objects):,} objects, more than the {MAX_OBJECTS:,} of any manual's PDF: it is not a "
            "manual, or it is damaged."
        )
    total = 0
    for found in objects:
        if not isinstance(found, pikepdf.Stream) or found.get("/Subtype") == pikepdf.Name.Image:
            continue
        filters = found.get("/Filter")
        chain = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters else []
        unpacked = unpacked_size(found.read_raw_bytes(), chain, MAX_STREAM)
        if unpacked is None:
            raise TooLarge(
                f"{name} has a stream (object {found.objgen[0]}) that unpacks to more than {size(MAX_STREAM)}, more "
                "than any manual's PDF: it is made to fill the memory (a decompression bomb), or it is damaged."
            )
        total += unpacked
        if total > MAX_STREAMS:
            raise TooLarge(
                f"{name}: its streams unpack to more than {size(MAX_STREAMS)} together, more than any manual's PDF "
                "(pictures not counted): it is made to fill the memory, or it is damaged."
            )


_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")  # a drawing (form or picture) used by name


def _check_drawing(pdf: Any, name: str) -> None:
    """What pdfminer will interpret, page by page: a page's content and every form it draws, counted each time it
    draws it (a form drawn a million times is interpreted a million times), found by the `Do` operators in the
    content. A form that draws itself would never end."""
    import pikepdf

    costs: dict[tuple[int, int], tuple[int, int, int]] = {}
    total = chars = 0

    def cost(data: bytes, resources: Any, depth: int) -> tuple[int, int, int]:
        """(bytes interpreted, characters drawn at most, shapes drawn) for content `data`, its forms counted as
        often as they are drawn."""
        spent, text, shapes = len(data), string_bytes(data), len(_PATH.findall(data))
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        for found in _DRAW.finditer(data):
            form = xobjects.get("/" + found.group(1).decode("latin-1")) if xobjects is not None else None
            if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
                continue  # a picture: pdfminer does not unpack it
            key = form.objgen
            if key not in costs:
                if depth > 32:
                    raise SourceError(f"{name} is damaged: its drawings draw each other without end.")
                costs[key] = (MAX_PAGE_DRAWN + 1, 0, 0)  # while it is counted: a form drawing itself is too much
                costs[key] = cost(form.read_bytes(), form.get("/Resources", resources), depth + 1)
            spent, text, shapes = spent + costs[key][0], text + costs[key][1], shapes + costs[key][2]
            if spent > MAX_PAGE_DRAWN or text > MAX_PAGE_CHARS or shapes > MAX_PAGE_SHAPES:
                break
        return spent, text, shapes

    for number, page in enumerate(pdf.pages, start=1):
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
        data = b"\n".join(stream.read_bytes() for stream in streams if isinstance(stream, pikepdf.Stream))
        drawn, text, shapes = cost(data, page.resources, 0)  # the page's own or inherited resources
        if shapes > MAX_PAGE_SHAPES:
            raise TooLarge(
                f"{name}: its page {number} draws more than {MAX_PAGE_SHAPES:,} lines and shapes, more than any "
                "manual's page (a page of flowcharts draws about 7,000): it is made to fill the memory, or it is "
                "damaged."
            )
        if text > MAX_PAGE_CHARS:
            raise TooLarge(
                f"{name}: its page {number} draws more than {MAX_PAGE_CHARS:,} characters, more than any manual's "
                "page (a full page has about 3,000): it is made to fill the memory, or it is damaged."
            )
        if drawn > MAX_PAGE_DRAWN:
            raise TooLarge(
                f"{name}: its page {number} draws more than {size(MAX_PAGE_DRAWN)} of drawing instructions (its "
                "drawings counted each time they are drawn), more than any manual's page: it is made to keep the "
                "machine busy, or it is damaged."
            )
        total, chars = total + drawn, chars + text
        if chars > MAX_CHARS:
            raise TooLarge(
                f"{name}: its pages draw more than {MAX_CHARS:,} characters together, more than any manual (300 pages "
                "have about a million): import each manual in it separately."
            )
        if total > MAX_DRAWN:
            raise TooLarge(
                f"{name}: its pages draw more than {size(MAX_DRAWN)} of drawing instructions together, more than any "
                "manual: it is made to keep the machine busy, or it is damaged."
            )


# A path construction operator (moveto, lineto, curves, rectangle) standing alone: a shape pdfminer makes an object of.
_PATH = re.compile(rb"(?<![^\s\])>])(?:re|l|c|v|y|m)(?=[\s\[(/<%]|\Z)")
_STRING_START = re.compile(rb"[(<%]")
_LITERAL_SPECIAL = re.compile(rb"[()\\]")


def string_bytes(data: bytes) -> int:
    """The bytes of the strings in content `data`, literal `(…)` and hexadecimal `<…>`: at most the characters its
    text operators can draw. Comments are skipped; a string that does not end counts to the end. Linear: the scan
    jumps from one special character to the next."""
    total = at = 0
    while (start := _STRING_START.search(data, at)) is not None:
        kind = data[start.start() : start.start() + 1]
        at = start.end()
        if kind == b"%":  # a comment, to the end of its line
            newline = re.compile(rb"[\r\n]").search(data, at)
            at = newline.end() if newline else len(data)
        elif kind == b"<":
            if data[at : at + 1] == b"<":  # a dictionary
                at += 1
                continue
            end = data.find(b">", at)
            end = len(data) if end < 0 else end
            total += (end - at + 1) // 2
            at = end + 1
        else:
            depth = 1
            while depth and (special := _LITERAL_SPECIAL.search(data, at)) is not None:
                found = data[special.start() : special.start() + 1]
                at = special.end() + (1 if found == b"\\" else 0)
                depth += 1 if found == b"(" else -1 if found == b")" else 0
            if depth:
                at = len(data)
            total += at - start.end()
    return total


# A cross-reference or object stream's dictionary, up to the `stream` keyword its data follows.
_STRUCTURE = re.compile(rb"/Type\s*/(?:XRef|ObjStm)\b")
_STREAM_START = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
DICTIONARY = 4096  # bytes from a stream's /Type to its data, at most


def _check_structure(data: bytes, name: str) -> None:
    """The cross-reference and object streams, found in the file's bytes and unpacked a piece at a time: qpdf
    unpacks them whole as it opens the file, before any object can be looked at. (An object stream of an encrypted
    file does not unpack here; the process's ceiling bounds it.)"""
    view = memoryview(data)
    for found in _STRUCTURE.finditer(data):
        start = _STREAM_START.search(data, found.end(), found.end() + DICTIONARY)
        if start is None:
            continue
        dictionary = data[max(0, found.start() - DICTIONARY) : start.start()]
        dictionary = dictionary[dictionary.rfind(b"obj") + 1 :]
        filters = _FILTERS.search(dictionary)
        chain = [name.decode() for name in _NAME.findall(filters.group(1))] if filters else []
        if unpacked_size(view[start.end() :], chain, MAX_STREAM) is None:
            raise TooLarge(
                f"{name} has a cross-reference or object stream that unpacks to more than {size(MAX_STREAM)}, more "
                "than any manual's PDF: it is made to fill the memory (a decompression bomb), or it is damaged."
            )


Decoder = Callable[[Iterable[bytes], int], Iterator[bytes]]


def unpacked_size(raw: bytes | memoryview, filters: list[str], limit: int) -> int | None:
    """How many bytes `raw` unpacks to through `filters` (a PDF stream's), or None when it is more than `limit`;
    memory and time are bounded by `limit` whatever the data. Filters pdfminer does not unpack (pictures' DCT, JPX,
    JBIG2) count as they are."""
    view = memoryview(raw)
    chunks: Iterable[bytes] = (bytes(view[at : at + PIECE]) for at in range(0, len(view), PIECE))
    for name in filters:
        decoder = DECODERS.get(name.lstrip("/"))
        if decoder is not None:
            chunks = decoder(chunks, limit)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            return None
    return total


PIECE = 1 << 16  # bytes of packed data handed to a decoder at a time: what it has not used yet is copied


def _flate(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    unpacker = zlib.decompressobj()
    produced = 0
    try:
        for chunk in chunks:
            data = chunk
            while data and not unpacker.eof and produced <= limit:
                piece = unpacker.decompress(data, 1 << 20)
                produced += len(piece)
                yield piece
                data = unpacker.unconsumed_tail
            if unpacker.eof or produced > limit:
                return
    except zlib.error:
        return  # damaged data: pdfminer keeps what unpacked before the damage


def _lzw(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    from pdfminer.lzw import LZWDecoder

    produced = 0
    try:
        for piece in LZWDecoder(io.BytesIO(b"".join(chunks))).run():
            produced += len(piece)
            yield piece
            if produced > limit:
                return
    except (ValueError, IndexError, EOFError):
        return


def _run_length(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    data = b"".join(chunks)
    at = produced = 0
    while at < len(data) and data[at] != 128 and produced <= limit:
        length = data[at]
        piece = data[at + 1 : at + 2 + length] if length < 128 else data[at + 1 : at + 2] * (257 - length)
        at += 2 + length if length < 128 else 2
        produced += len(piece)
        yield piece


def _ascii(decode: Callable[[bytes], bytes]) -> Decoder:
    """ASCIIHex and ASCII85, which unpack to less than they are."""

    def decoder(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
        try:
            yield decode(b"".join(chunks))
        except ValueError:
            return

    return decoder


def _decoders() -> dict[str, Decoder]:
    from pdfminer.ascii85 import ascii85decode, asciihexdecode

    hexadecimal, base85 = _ascii(asciihexdecode), _ascii(ascii85decode)
    return {
        "FlateDecode": _flate,
        "Fl": _flate,
        "LZWDecode": _lzw,
        "LZW": _lzw,
        "RunLengthDecode": _run_length,
        "RL": _run_length,
        "ASCIIHexDecode": hexadecimal,
        "AHx": hexadecimal,
        "ASCII85Decode": base85,
        "A85": base85,
    }


DECODERS = _decoders()
