"""PDF into blocks, with pdfplumber: lines from the characters' positions, paragraphs from the lines' spacing.

A PDF holds glyphs at positions, not paragraphs. This reader:

- takes each page's characters in the order the PDF draws them (a Thai mark is drawn after its letter, while
  sorting by position would put it before), splits them into lines where the baseline moves, and puts a space where
  a gap is wider than a sixth of the font size (a space in Thai fonts is about a fifth);
- drops running headers and footers (the same text, digits aside, near the top or bottom of most pages) and lone
  page numbers there;
- reads ruled tables with pdfplumber's table finder (cells' spans from their borders; their text is not repeated as
  paragraphs); a first row in bold is a header row; a table whose body is ruled only upright (a flowchart's table)
  goes on down to where those rules end; a table that a page break cut is one table again (`_join_cut_tables`);
- joins lines into paragraphs: a line starts a new paragraph when it is indented, when the gap above it is larger
  than the usual line spacing, when the line before ended short of the right margin, when it starts with a typed
  number or bullet (then it is a `ListItem`), or when its font differs; a paragraph carries on over a page break
  when the page ended with a full line; a short text in a column of its own beside a paragraph (a step's number)
  is read before it, not into it;
- makes headings of short lines in a larger or bold font, with levels by font size (largest = 1);
- repairs Thai as PDFs break it (`thai.repair`, and SARA AM that some fonts' glyph tables mix up with SARA AA).

A PDF without a text layer (a scan) is refused with a `SourceError`, and so is one past the limits of `limits.py`:
more pages or objects than a manual has, or a stream that unpacks to more than any manual's (checked a piece at a
time, before pdfminer unpacks it whole). The checks run in a process of its own, and the pages are read in parts
side by side, each in a process of its own, each with a ceiling on its memory and time (`isolated.py`): qpdf and
pdfminer cannot be bounded otherwise.

The limits checked before pdfminer reads the file (objects, streams unpacked a piece at a time, what the pages
draw) are in `limits.py`.
"""

from __future__ import annotations

import bisect
import io
import itertools
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from .... import thai
from ....data.hygiene import label_kind, split_label
from ...blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Source, SourceError, Table, Where
from ...limits import (
    MAX_CELLS,
    MAX_PAGES,
    MAX_PDF_MEMORY,
    MAX_PDF_SECONDS,
    TooLarge,
)
from ..format import Format
from ..isolated import isolated, side_by_side
from ..text import TypedLevels, display_width, first_word, tab_rows, table_of, unmarked, untabbed
from .limits import _check_drawing, _check_objects, _check_structure

# The top and bottom 2.2 cm of an A4 page, its margins: where running headers, footers and page numbers stand.
EDGE = 0.075
MAX_PARTS = 4  # pages are read in at most this many processes side by side (each may hold MAX_PDF_MEMORY)
PAGES_PER_PART = 8  # and each reads this many pages at least: a process costs about a tenth of a second
TAB = 1.15  # a gap this many times the size or wider between two words of a line is a tab (a word space is 0.2-0.9)
RAISED = 0.7  # a footnote's raised number: a digit this share of the body's size or smaller
NOTE = 0.85  # a footnote's text: this share of the body's size or smaller, below the page's last line of body text
_DIGITS = set("0123456789๐๑๒๓๔๕๖๗๘๙")
_NOTE_NUMBER = re.compile(r"^[0-9๐-๙]{1,3}[.)]?\s*(?=\S)")
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
    stops: tuple[float, ...] = ()  # where each of its parts apart by tabs begins


@dataclass
class _Ruled:
    """A ruled table where it stands on its page."""

    table: Table
    top: float
    bottom: float
    edges: tuple[float, ...]  # where its columns begin, and its right edge


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Ruled] = field(default_factory=list)
    body: float = 0.0  # the size most of the page's text is in
    notes: list[str] = field(default_factory=list)  # its footnotes' texts


def _take_footnotes(pages: list[_Page], notes: list[str]) -> None:
    """Take each page's footnotes out of its lines: the lines below its last line of body text, in a smaller size,
    in the lower half of the page; a note starts at a line that starts with its number."""
    found = 0
    for page in pages:
        lines = page.lines
        end = len(lines)
        while end and lines[end - 1].size <= page.body * NOTE and lines[end - 1].top > page.height / 2:
            end -= 1
        below = lines[end:]
        if not below or not _NOTE_NUMBER.match(below[0].text):
            continue
        page.lines = lines[:end]
        texts: list[list[str]] = []
        for line in below:
            number = _NOTE_NUMBER.match(line.text)
            if number or not texts:
                texts.append([])
            texts[-1].append(line.text[number.end() :] if number else line.text)
        page.notes = [thai.join_lines(text) for text in texts]
        found += len(page.notes)
    if found:
        notes.append(f"อ่านเชิงอรรถ {found} รายการเป็นย่อหน้าต่อจากย่อหน้าที่จบในหน้านั้น ตรวจว่าอยู่ในที่ที่ควร")


def _text(chars: list[dict[str, Any]], stops: list[float] | None = None) -> str:
    """The text of characters in drawing order, with spaces where the gaps are wide (not where space characters are:
    LibreOffice draws those out of order) and tabs where they are wider than a word space, and the SARA AM that
    WeasyPrint and others draw as NIKHAHIT + SARA AA with an empty NIKHAHIT mapping. `stops` gets where the text
    and each part after a tab begin."""
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
        gap = char["x0"] - right if right is not None and not mark else 0.0
        if gap > char["size"] * TAB and out:
            if out[-1] == " ":
                out.pop()
            out.append("\t")  # a tab's gap: the cells of a table drawn with tabs, or an item's number and its text
            if stops is not None:
                stops.append(char["x0"])
        elif gap > char["size"] * 0.15 and out and out[-1] not in " \t":
            out.append(" ")
        if stops is not None and not stops:
            stops.append(char["x0"])
        out.append(text)
        if not mark:
            right = char["x1"]
    return "".join(out)


def _lines(chars: list[dict[str, Any]], page: int, body: float = 0.0) -> list[_Line]:
    """Characters in drawing order, cut into lines where the baseline moves by more than a third of the size. Digits
    much smaller than the `body` size are the raised numbers of footnotes: left out."""
    groups: list[list[dict[str, Any]]] = []
    for char in chars:
        if (char.get("text") or "x").isspace():
            continue  # spaces may be drawn out of order (LibreOffice): they would break a line in two
        if char["size"] < body * RAISED and (char.get("text") or "x") in _DIGITS:
            continue
        if groups:
            last = groups[-1][-1]
            same = abs(char["bottom"] - last["bottom"]) < max(char["size"], last["size"]) / 3
            if same and char["x0"] >= last["x0"] - 2 * char["size"]:
                groups[-1].append(char)
                continue
        groups.append([char])
    lines: list[_Line] = []
    for group in groups:
        stops: list[float] = []
        pieces = [thai.repair(unmarked(piece)).strip() for piece in _text(group, stops).split("\t")]
        kept = [(piece, stop) for piece, stop in zip(pieces, stops, strict=False) if piece]
        text = "\t".join(piece for piece, _ in kept)
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
                stops=tuple(stop for _, stop in kept),
            )
        )
    return lines


def _aligned(rows: list[_Line]) -> int:
    """How many of `rows` have half their parts after the first or more beginning where a part of another row
    begins (within half a letter): the columns of a table. In time linear in the parts, whatever a page holds."""
    width = max(rows[0].size / 2, 1.0)
    begins: dict[int, set[int]] = {}
    for index, row in enumerate(rows):
        for stop in row.stops:
            begins.setdefault(int(stop // width), set()).add(index)

    def shared(stop: float, index: int) -> bool:
        near = (begins.get(int(stop // width) + step, set()) for step in (-1, 0, 1))
        return any(len(there) > (index in there) for there in near)

    found = 0
    for index, row in enumerate(rows):
        parts = [shared(stop, index) for stop in row.stops[1:]]
        found += bool(parts) and sum(parts) * 2 >= len(parts)
    return found


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
        lines = _paragraphs(_lines(inside, where.page or 0), bbox)
        if row == 0:
            first_row_bold &= bool(inside) and all(
                "bold" in str(char.get("fontname", "")).lower() for char in inside if (char.get("text") or " ").strip()
            )
        blocks = tuple(_cell_block(text, where) for text in lines)
        by_row.setdefault(row, []).append((column, Cell(blocks, colspan, rowspan)))
    rows = tuple(tuple(cell for _, cell in sorted(by_row[row], key=lambda pair: pair[0])) for row in sorted(by_row))
    return Table(rows, where, header_rows=int(first_row_bold and len(rows) > 1))


WORD_WIDTH = 0.5  # a Thai letter's width, a share of the size, to judge whether a word would have fitted


def _paragraphs(lines: list[_Line], bbox: tuple[float, float, float, float]) -> list[str]:
    """A ruled cell's printed lines as its paragraphs: a line goes on the one before where that one was cut for the
    cell's width (the next line's first word would not have fitted after it, the cell's padding on the right as on
    its left), unless it starts an item."""
    if not lines:
        return []
    right = bbox[2] - max(0.0, min(line.x0 for line in lines) - bbox[0])
    out = [lines[0].text]
    for before, line in itertools.pairwise(lines):
        cut = before.x1 + display_width(first_word(line.text)) * line.size * WORD_WIDTH > right
        if cut and (split_label(line.text, bare=False)[0] is None or _closes_bracket(out[-1], line.text)):
            out[-1] = thai.join_lines([out[-1], line.text])
        else:
            out.append(line.text)
    return out


def _closes_bracket(text: str, line: str) -> bool:
    """Whether `line`, though it starts like an item ("๒) พ.ศ." or "– ๒๕๖๕)"), closes a bracket that `text` left open
    ("… (ฉบับที่", "(พ.ศ. ๒๕๖๓"): the wrapped end of that text."""
    label, rest, _ = split_label(line, bare=False)
    return text.count("(") > text.count(")") and (bool(label and label.endswith(")")) or ")" in rest.split("(")[0])


def _cell_block(text: str, where: Where) -> Paragraph | ListItem:
    label, rest, depth = split_label(text, bare=False)
    if label is None or not rest:
        return Paragraph(text, where)
    kind = label_kind(label)
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


def _unstruck(chars: list[dict[str, Any]], rules: list[tuple[float, float, float]]) -> list[dict[str, Any]]:
    """The characters no horizontal rule crosses through their middle: a struck-through character is deleted text,
    as a file printed with its tracked changes shows it (an underline runs below the letters, a table's border
    between lines)."""
    if not rules:
        return chars
    rules.sort()
    heights = [rule[0] for rule in rules]
    kept = []
    for char in chars:
        top, bottom = float(char["top"]), float(char["bottom"])
        middle = (float(char["x0"]) + float(char["x1"])) / 2
        # A strike runs through 0.47 (WeasyPrint) to 0.70 (LibreOffice) of the box's height, an underline at 0.87
        # and lower.
        low, high = top + (bottom - top) * 0.3, top + (bottom - top) * 0.8
        start, end = bisect.bisect_left(heights, low), bisect.bisect_right(heights, high)
        if not any(x0 <= middle <= x1 for _, x0, x1 in rules[start:end]):
            kept.append(char)
    return kept


def _pages(pdf: Any, name: str, first: int, last: int, images: list[int], struck: list[int]) -> Iterator[_Page]:
    """The lines and tables of pages `first` to `last` (1-based); the images of each page are counted into `images`,
    its struck-through characters into `struck`. A page's objects are let go once it is read, so that memory holds
    one page at a time."""
    with _damaged(name):
        pages = pdf.pages[first - 1 : last]
    for number, page in enumerate(pages, start=first):
        with _damaged(name):  # what pdfplumber finds on the page; the rest is this reader's own
            images.append(len(page.images))
            chars = list(page.chars)
            rules = [
                (float(edge["top"]), float(edge["x0"]), float(edge["x1"]))
                for edge in (*page.lines, *page.rects)
                if float(edge["bottom"]) - float(edge["top"]) < 1.5 and float(edge["x1"]) - float(edge["x0"]) > 1
            ]
            upright = [
                (float(edge["x0"]), float(edge["top"]), float(edge["bottom"]))
                for edge in (*page.lines, *page.rects)
                if float(edge["x1"]) - float(edge["x0"]) < 1.5 and float(edge["bottom"]) - float(edge["top"]) > 1
            ]
            ruled = [_ruled_below(table.bbox, list(table.cells), upright) for table in page.find_tables()]
            height = float(page.height)
            page.close()
        where = Where(name, page=number)
        kept = _unstruck(chars, rules)
        struck.append(len(chars) - len(kept))
        chars = kept
        sizes = Counter(round(float(char["size"]), 1) for char in chars if (char.get("text") or " ").strip())
        body = sizes.most_common(1)[0][0] if sizes else 0.0
        tables: list[_Ruled] = []
        for bbox, cells in ruled:
            rows = len({round(cell[1], 1) for cell in cells})
            if rows < 2 and len(cells) < 2:
                continue  # a single ruled box is a frame around text, not a table
            inside = [char for char in chars if _inside(char, bbox)]
            if not any((char.get("text") or " ").strip() for char in inside):
                continue  # ruled boxes with nothing in them: a drawing (a flowchart's frame), not a table
            edges = tuple(sorted({round(cell[0], 1) for cell in cells} | {round(bbox[2], 1)}))
            tables.append(_Ruled(_table(cells, inside, where), bbox[1], bbox[3], edges))
            chars = [char for char in chars if not _inside(char, bbox)]
        lines = _reading_order(_lines(chars, number, body))
        yield _Page(number, height, lines, tables, body=body)


def _ruled_below(
    bbox: tuple[float, float, float, float],
    cells: list[tuple[float, float, float, float]],
    upright: list[tuple[float, float, float]],
) -> tuple[tuple[float, float, float, float], list[tuple[float, float, float, float]]]:
    """A table whose rules below its ruled rows go on only upright, at its left and right edges (its body's rows not
    ruled, as a flowchart's table often is): the body down to where those rules end, in rows where both rules are
    drawn in pieces that end at the same height (each row's borders drawn apart), else as one row; its cells are the
    last ruled row's columns."""
    left, top, right, bottom = bbox

    def pieces(x: float) -> list[float]:
        """Where the pieces of the upright rule at `x` below the table end, one after the other."""
        ends = [bottom]
        for start, end in sorted((start, end) for at, start, end in upright if abs(at - x) < 1.5):
            if end <= ends[-1] + 2:
                continue
            if start - ends[-1] > 2:
                break
            ends.append(end)
        return ends[1:]

    on_left, on_right = pieces(left), pieces(right)
    if not on_left or not on_right or min(on_left[-1], on_right[-1]) - bottom < 12:
        return bbox, cells
    end = min(on_left[-1], on_right[-1])
    cuts = [bottom, *(y for y in on_left if y < end - 2 and any(abs(y - z) < 2 for z in on_right)), end]
    last = [cell for cell in cells if abs(cell[3] - bottom) < 1]
    edges = sorted({round(cell[0], 1) for cell in last} | {round(right, 1)})
    body = [(x0, y0, x1, y1) for y0, y1 in itertools.pairwise(cuts) for x0, x1 in itertools.pairwise(edges)]
    return (left, top, right, end), cells + body


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """A page's lines from top to bottom. Drawing order is reading order in flowing text, but a word processor may
    draw a text box or a frame after the text around it: its lines go back to where they stand. Lines on one
    baseline (an item's number and its text, things side by side) keep their drawing order."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda line: line.bottom):
        if rows and line.bottom - rows[-1][0].bottom < line.size / 3:
            rows[-1].append(line)
        else:
            rows.append([line])
    drawn = {id(line): index for index, line in enumerate(lines)}
    return [line for row in rows for line in sorted(row, key=lambda line: drawn[id(line)])]


def _join_cut_tables(pages: list[_Page]) -> None:
    """A ruled table that page breaks cut, as one table again: the last thing on its page, and the first on the next
    a table with the same column edges (within a point and a half), over as many pages as it runs. A header row
    printed again on the next page is left out; a row the break cut (its first cell empty on the next page) goes on
    cell by cell."""
    cut: _Ruled | None = None  # a table that reached the end of its page
    for page in pages:
        if cut is not None and page.tables:
            first = min(page.tables, key=lambda ruled: ruled.top)
            same = len(first.edges) == len(cut.edges) and all(
                abs(a - b) <= 1.5 for a, b in zip(first.edges, cut.edges, strict=True)
            )
            if same and not any(line.bottom < first.top for line in page.lines):
                cut.table = _joined_tables(cut.table, first.table)
                page.tables.remove(first)
                if not page.tables and not any(line.top > first.bottom for line in page.lines):
                    continue  # it runs on to the end of this page too
        cut = None
        if page.tables:
            last = max(page.tables, key=lambda ruled: ruled.top)
            if not any(line.top > last.bottom for line in page.lines):
                cut = last


def _joined_tables(above: Table, below: Table) -> Table:
    rows, more = list(above.rows), list(below.rows)
    if more and [cell.text for cell in more[0]] == [cell.text for cell in rows[0]]:
        more = more[1:]  # the header printed again
    if rows and more and len(more[0]) == len(rows[-1]) and not more[0][0].blocks:
        rows[-1] = tuple(_joined_cells(a, b) for a, b in zip(rows[-1], more[0], strict=True))
        more = more[1:]
    return Table(tuple(rows + more), above.where, header_rows=above.header_rows)


def _joined_cells(above: Cell, below: Cell) -> Cell:
    """A cell the page break cut: its last paragraph goes on with the first below, unless that starts an item."""
    if not below.blocks or not above.blocks:
        return above if above.blocks else replace(below, colspan=above.colspan, rowspan=above.rowspan)
    last, first = above.blocks[-1], below.blocks[0]
    if isinstance(first, ListItem):
        return replace(above, blocks=above.blocks + below.blocks)
    joined = replace(last, text=thai.join_lines([last.text, first.text]))
    return replace(above, blocks=(*above.blocks[:-1], joined, *below.blocks[1:]))


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
        notes.append(f"ตัดหัวกระดาษ ท้ายกระดาษ และเลขหน้า {dropped} บรรทัด")


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
        self.open_left = float("inf")  # where the open paragraph's leftmost line begins
        self.aside: list[_Line] = []  # short lines beside the open paragraph (`beside`)
        self.pending_break: Where | None = None
        self.notes: list[Paragraph | ListItem] = []  # footnotes, read after the paragraph open where their page ended
        self.rows: list[_Line] = []  # lines of a table drawn with tabs, their cells apart by tabs
        self.rows_break: Where | None = None  # the page break among them
        self.cells = 0  # cells of such tables so far, for MAX_CELLS

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
        label = split_label(line.text, bare=False)[0]
        if label is not None and not self.wrapped_number(line, label):
            return True
        if line.size != last.size or line.bold != last.bold:
            return True
        if self.full_line_above(line):
            return False  # a bold paragraph's short last line is not a heading
        level = self.heading_level(line)
        if level != self.heading_level(last):
            return True
        if level is not None:  # a heading's lines are often centred and short: it goes on while they are close
            return line.page != last.page or line.top - last.bottom > line.size

        first = self.open[0]
        hanging = split_label(first.text, bare=False)[0] is not None and line.x0 >= first.x0 + line.size * 0.5
        # A full line's text going on at its own indent (a block set in, or an item whose lines a converter made
        # paragraphs of, each starting where the item did).
        goes_on = last.x1 >= self.right - line.size * 2 and abs(line.x0 - last.x0) < line.size * 0.5
        if line.x0 > self.left + line.size * 0.8 and not hanging and not goes_on:
            return True  # an indented first line (a list item's next lines hang under its text instead)
        # The line before ended short: its paragraph ended. Short by a fifth of the width at least, as a ragged
        # Thai line may end early when the next word is long ("กรุงเทพมหานคร" is a sixth of an A4 line).
        if last.x1 < self.right - max(line.size * 2, (self.right - self.left) / 5):
            return True
        if line.page != last.page:
            return False
        return line.top - last.top > self.spacing * 1.35

    def beside(self, line: _Line) -> bool:
        """Whether `line` is a short text in a column of its own left of the open paragraph, among its lines (a
        step's number beside its text in a table without rules): read before the paragraph, not into it."""
        last = self.open[-1] if self.open else None
        if last is None or line.page != last.page or line.size != last.size or line.top >= last.bottom:
            return False  # beside means level with the paragraph's last line so far, not below it
        return line.x1 < self.open_left - line.size * 2 and display_width(line.text) <= 8

    def full_line_above(self, line: _Line) -> bool:
        """Whether the line above `line` is a full line of text (not a heading) at its usual distance: `line` goes on
        its paragraph."""
        last = self.open[-1]
        return (
            self.heading_level(last) is None
            and last.x1 >= self.right - line.size * 2
            and last.x1 - last.x0 > (self.right - self.left) * 0.6
            and abs(line.x0 - last.x0) < line.size * 0.5  # left-aligned, not a centred title's next line
            and line.page == last.page
            and 0 < line.top - last.top <= self.spacing * 1.35
        )

    def wrapped_number(self, line: _Line, label: str) -> bool:
        """Whether a line that starts like a list item ("๒) พ.ศ. ๒๕๕๓") is the wrapped end of a full line whose
        bracket it closes ("… (ฉบับที่")."""
        last = self.open[-1]
        return (
            _closes_bracket(" ".join(part.text for part in self.open), line.text)
            and last.x1 >= self.right - line.size * 2
            and line.x0 > self.left + line.size * 0.5
        )

    def add(self, line: _Line) -> None:
        row = self.row(line)
        if row is not None:  # the open paragraph ends where the rows turn out to be a table
            self.rows.append(replace(line, text=row))
            return
        self.end_rows()
        self.add_text(line)

    def add_text(self, line: _Line) -> None:
        parts = line.text.split("\t")
        aside = None
        justified = line.x1 >= self.right - 1.0  # its wide gap a stretched space
        if len(parts) > 1 and len(line.stops) == len(parts) and display_width(parts[0]) <= 8 and not justified:
            # A short first part far left of the rest, a column of its own: read before the rest, not into it.
            width = line.size * display_width(parts[0]) * WORD_WIDTH
            if line.stops[1] - line.x0 - width > line.size * 3:
                aside = replace(line, text=parts[0], x1=line.x0 + width)
                line = replace(line, text="\t".join(parts[1:]), x0=line.stops[1], stops=line.stops[1:])
        line = replace(line, text=untabbed(line.text))
        if self.beside(line):
            self.aside.append(line)
            return
        if self.starts(line):
            self.flush()
        if aside is not None:
            self.aside.append(aside)
        self.open.append(line)
        self.open_left = min(self.open_left, line.x0)

    def row(self, line: _Line) -> str | None:
        """`line` as a row of a table drawn with tabs (its cells apart by tabs), or None. A line whose only tab follows
        its number is an item; a line set in under a row is that row going on, its first cell empty."""
        if "\t" in line.text:
            label, rest, _ = split_label(line.text, bare=False)
            if label is not None and "\t" not in rest:
                return None
            # A line that ends at the right margin is justified text: its few spaces stretched into wide gaps.
            justified = line.x1 >= self.right - 1.0
            if not justified and sum(1 for cell in line.text.split("\t") if cell.strip()) > 1:
                return line.text
        if self.rows and self.goes_on(line):
            return line.text
        return None

    def goes_on(self, line: _Line) -> bool:
        """Whether `line` goes on the table of the rows read so far: set in under its last row, its first cell empty;
        or on the next page, its parts beginning where the table's columns do."""
        last, set_in = self.rows[-1], line.x0 > self.rows[0].x0 + line.size
        if line.page == last.page:
            return set_in and line.top - last.bottom < line.size
        stops = line.stops or (line.x0,)
        columns = [stop for row in self.rows for stop in row.stops or (row.x0,)]
        placed = all(any(abs(stop - column) < line.size / 2 for column in columns) for stop in stops)
        return placed and (set_in or (len(stops) > 1 and line.x1 < self.right - 1.0))

    def end_rows(self) -> None:
        """The rows read so far as a table, two of them at least; one alone is a line of text."""
        rows, self.rows = self.rows, []
        where, self.rows_break = self.rows_break, None
        if len(rows) < 2 or _aligned(rows) < 2:
            for before, line in zip([None, *rows], rows, strict=False):
                if where is not None and before is not None and line.page != before.page:
                    self.broken(where)
                self.add_text(line)  # one row, or lines whose gaps fall anywhere (a justified line's wide spaces)
            if where is not None and rows[-1].page == rows[0].page:
                self.broken(where)
            return
        # The columns: where the rows' parts begin, those within half a letter of each other one column.
        starts: list[float] = []
        for stop in sorted(stop for row in rows for stop in row.stops or (row.x0,)):
            if not starts or stop - starts[-1] > rows[0].size / 2:
                starts.append(stop)
        lines: list[list[str]] = []
        for row in rows:
            texts = [""] * len(starts)
            for part, stop in zip(row.text.split("\t"), row.stops or (row.x0,), strict=False):
                column = bisect.bisect_right(starts, stop + row.size / 2) - 1
                texts[column] = f"{texts[column]} {part}".strip()
            lines.append(texts)
        cells = tab_rows(lines)
        self.cells += max(map(len, cells)) * len(cells)
        if self.cells > MAX_CELLS:
            raise TooLarge(
                f"{self.name} has more than {MAX_CELLS:,} table cells drawn with tabs, more than a manual has (an "
                "80-page manual has about 2,000): import each manual in it separately."
            )
        place = Where(self.name, page=rows[0].page)
        self.flush()
        self.levels.reset()
        self.blocks.append(table_of(cells, place, block=lambda text: _cell_block(text, place)))
        if where is not None:
            self.blocks.append(PageBreak(where))

    def finish(self) -> None:
        self.end_rows()
        self.flush()

    def page_break(self, where: Where) -> None:
        if self.rows:
            self.rows_break = where  # the table may go on on the next page
            return
        self.broken(where)

    def broken(self, where: Where) -> None:
        if self.open:
            self.pending_break = where  # the open paragraph may carry on on the next page
        else:
            self.blocks.append(PageBreak(where))

    def flush(self) -> None:
        for line in self.aside:
            self.blocks.append(_cell_block(line.text, Where(self.name, page=line.page)))
        self.aside = []
        if not self.open:
            return
        first = self.open[0]
        where = Where(self.name, page=first.page)
        text = thai.join_lines([line.text for line in self.open])
        level = self.heading_level(first)
        label, rest, depth = split_label(text, bare=False)
        if level is not None and len(text) <= 120:
            self.levels.reset()
            if label is not None and label_kind(label) == "bullet":
                label, rest = None, text
            self.blocks.append(Heading(rest if label else text, level, where, label=label))
        elif label is not None and rest:
            kind = label_kind(label)
            self.blocks.append(ListItem(rest, self.levels.level(kind, depth), where, kind != "bullet", label))
        else:
            self.levels.reset()
            self.blocks.append(Paragraph(text, where))
        self.open = []
        self.open_left = float("inf")
        self.blocks.extend(self.notes)
        self.notes = []
        if self.pending_break is not None:
            self.blocks.append(PageBreak(self.pending_break))
            self.pending_break = None

    def footnotes(self, page: _Page) -> None:
        """The page's footnotes, read once the paragraph open at its end ends (now, if none is open)."""
        self.notes.extend(_cell_block(text, Where(self.name, page=page.number)) for text in page.notes)
        if not self.open:
            self.blocks.extend(self.notes)
            self.notes = []

    def table(self, table: Table) -> None:
        self.end_rows()
        self.flush()
        self.levels.reset()
        self.blocks.append(table)


def read_file(file: io.BufferedReader, name: str) -> Source:
    """Read an open PDF file into blocks. The file is checked in a process of its own (`_checked`), then its pages
    are read in parts side by side, each part in a process of its own (`_read_pages`): an 80-page manual in half the
    time on two cores."""
    # Loaded here once, so that each reading process starts with them (a tenth of a second each, every process).
    import pdfplumber  # noqa: F401
    import pikepdf  # noqa: F401

    data = file.read()
    count = isolated(_checked, data, name, name=name, memory=MAX_PDF_MEMORY, seconds=MAX_PDF_SECONDS)
    parts = max(1, min(os.cpu_count() or 1, MAX_PARTS, count // PAGES_PER_PART))
    bounds = [(count * part // parts + 1, count * (part + 1) // parts) for part in range(parts)]
    jobs = [(_read_pages, (data, name, first, last)) for first, last in bounds]
    read = side_by_side(jobs, name=name, memory=MAX_PDF_MEMORY, seconds=MAX_PDF_SECONDS)
    pages = [page for part, _, _ in read for page in part]
    return _source(name, pages, sum(images for _, images, _ in read), sum(struck for _, _, struck in read))


FORMAT = Format("PDF", (".pdf",), lambda head: head.startswith(b"%PDF-"), read_file)


def _checked(data: bytes, name: str) -> int:
    """The number of pages of a PDF that passes the checks of `limits.py`; a `SourceError` for one that does not."""
    import pikepdf

    _check_structure(data, name)
    try:
        with pikepdf.open(io.BytesIO(data)) as checked:
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
    return count


def _read_pages(data: bytes, name: str, first: int, last: int) -> tuple[list[_Page], int, int]:
    """Pages `first` to `last`: their lines and tables, the images on them and the characters struck through."""
    import pdfplumber

    images: list[int] = []
    struck: list[int] = []
    with _damaged(name):
        pdf = pdfplumber.open(io.BytesIO(data))
    with pdf:
        pages = list(_pages(pdf, name, first, last, images, struck))
    return pages, sum(images), sum(struck)


def _source(name: str, pages: list[_Page], images: int, struck: int) -> Source:
    """The blocks of a PDF's pages, read."""
    source = Source(name, [])
    if not any(page.lines or page.tables for page in pages):
        if images:
            raise SourceError(
                f"{name} has no text layer: it is a scan (pictures of pages). Run OCR on it first (for example "
                "`ocrmypdf --language tha {name} ocr.pdf`) and import the result."
            )
        raise SourceError(f"{name} has no text in it.")
    _drop_running(pages, source.notes)
    _take_footnotes(pages, source.notes)
    _join_cut_tables(pages)
    builder = _Builder(name, [line for page in pages for line in page.lines])
    for page in pages:
        if page.number > 1:
            builder.page_break(Where(name, page=page.number - 1))
        tables = sorted(page.tables, key=lambda ruled: ruled.top)
        for line in page.lines:
            while tables and tables[0].top < line.top:
                builder.table(tables.pop(0).table)
            builder.add(line)
        for ruled in tables:
            builder.table(ruled.table)
        builder.footnotes(page)
    builder.finish()
    source.blocks = builder.blocks
    if images:
        source.notes.append(f"ไม่นำเข้ารูปภาพ {images} รูป ใส่รูปเองภายหลัง")
    if struck:
        source.notes.append(f"ไม่นำเข้าตัวอักษรที่มีเส้นขีดฆ่า {struck} ตัว (ข้อความที่ลบในการแก้ไขที่ติดตามไว้ซึ่งพิมพ์ติดมา) ตรวจกับต้นฉบับ")
    return source
