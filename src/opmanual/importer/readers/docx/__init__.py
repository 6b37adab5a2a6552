"""Word (.docx) into blocks: the body in order, with what Word knows about it.

The file is a zip of XML parts and pictures, and may be built to unpack to gigabytes: `_Package` reads its
directory first and refuses a file past the limits of `limits.py` (parts, their unpacked sizes and ratio, the
pixels a picture declares) before anything is unpacked, then unpacks only the XML parts the reader needs (the
document, its styles and numbering), each counted as it is unpacked, and parses them without entities, DTDs or
network. Pictures are never unpacked beyond their headers. The body is walked as XML (lxml), counting paragraphs,
tables and cells as it goes.

- A paragraph is a `Heading` when its style (or a style it is based on) is a heading — "Heading N", "Title", a
  localised name ("หัวเรื่อง 1") — or has an outline level (`w:outlineLvl`, on the paragraph or its style).
- It is a `ListItem` when Word numbers it (`w:numPr` on the paragraph or its style): level = `w:ilvl`, numbered
  unless the level's format is a bullet; the number itself is Word's to draw, so `label` is None. A number typed
  into a plain paragraph ("๑.๒ ศึกษา…") makes a `ListItem` too, with the typed label (as the text reader does).
- A soft line break (Shift+Enter) ends a line, and each line is its own paragraph (a cell often lists items a line
  each; a numbered step puts its details on lines of their own): in a Word list item the first line is the item and
  the others paragraphs after it; only a heading's lines are one text (joined with a space). Lines broken where the
  page's line ended (a typist's Shift+Enter, a converter's paragraph per printed line) are joined again
  (`_Wrapping`).
- Plain paragraphs in a row whose cells are parted by tabs are a table (`tab_tables`); other tabs are spaces.
- Tables keep `gridSpan`/`vMerge` as colspan/rowspan and the repeating header rows (`w:tblHeader`) as header_rows;
  a table inside a cell is read into that cell as paragraphs.
- Page breaks (`w:br w:type="page"`, `pageBreakBefore`, a section break) become `PageBreak`s; text boxes' text is
  kept as paragraphs after the paragraph that anchors them; images are skipped and counted in `Source.notes`;
  headers and footers are not part of the body and are not read, nor are the lines of a table of contents (styles
  "toc N"): Word's copy of the headings, counted in the notes.
- A footnote or an endnote is read after the paragraph that first cites it, like a text box; comments are not read,
  tracked changes are read as accepted (inserted text kept, deleted text left out); each is counted in the notes.

The zip is opened and its parts unpacked within the limits by `package.py`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from .... import thai
from ....data.hygiene import label_kind, split_label
from ...blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Source, SourceError, Table, Where
from ...limits import (
    MAX_CELLS,
    MAX_PARAGRAPHS,
    MAX_TABLES,
    TooLarge,
)
from .. import text
from ..format import Format
from ..text import FIT, NUMBER_ONLY, TypedLevels, first_word, untabbed
from . import positioned
from .package import _Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADING_NAME = re.compile(r"(?:heading|หัวเรื่อง|überschrift|titre|título|titolo|заголовок)\s*(\d)", re.I)
_IMAGES = ("{http://schemas.openxmlformats.org/drawingml/2006/main}blip", "{urn:schemas-microsoft-com:vml}imagedata")
_TITLE_NAME = re.compile(r"^(?:title|ชื่อเรื่อง|titel|titre|título|titolo)$", re.I)
# Word's styles of a table of contents' lines ("toc 1" … "toc 9", localised): a copy of the headings that Word
# makes again, which the books print themselves with their own page numbers
_CONTENTS_NAME = re.compile(r"^(?:toc|contents|สารบัญ|verzeichnis|tdm|tabla de contenido)\s*\d$", re.I)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: Any, default: str | None = None) -> str | None:
    if element is None:
        return default
    value = element.get(_w("val"))
    return default if value is None else str(value)


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # w:outlineLvl (0 = level 1)
    num: tuple[str, int] | None  # (numId, ilvl) of w:numPr
    page_break_before: bool


@dataclass
class _Numbering:
    formats: dict[tuple[str, int], str] = field(default_factory=dict)  # (numId, ilvl) → numFmt

    def numbered(self, num_id: str, level: int) -> bool:
        return self.formats.get((num_id, level), "decimal") != "bullet"


class _Reader:
    def __init__(self, name: str, styles: Any, numbering: Any, notes: list[Any] | None = None) -> None:
        self.name = name
        self.source = Source(name, [])
        self.styles = self._styles(styles)
        self.numbering = self._numbering(numbering)
        self.notes = self._notes(notes or [])  # (kind, id) of a footnote or an endnote → its paragraphs
        self.count = 0  # paragraphs seen, in document order: the ¶ of `Where`
        self.pieces = 0  # paragraphs and lines of paragraphs read, for MAX_PARAGRAPHS
        self.tables = 0
        self.cells = 0
        self.images = 0
        self.contents = 0  # lines of a table of contents passed over
        self.footnotes = 0  # footnotes and endnotes read
        self.comments = 0  # comments passed over
        self.changes = 0  # tracked insertions and deletions, read as accepted
        self.levels = TypedLevels()

    # --- the styles and numbering parts ---------------------------------------------------------------------

    def _styles(self, root: Any) -> dict[str, _Style]:
        styles: dict[str, _Style] = {}
        if root is None:
            return styles
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if not style_id:
                continue
            ppr = style.find(_w("pPr"))
            styles[style_id] = _Style(
                name=_val(style.find(_w("name")), "") or "",
                based_on=_val(style.find(_w("basedOn"))),
                outline=_int(_val(ppr.find(_w("outlineLvl")))) if ppr is not None else None,
                num=_num(ppr),
                page_break_before=ppr is not None and _on(ppr.find(_w("pageBreakBefore"))),
            )
        return styles

    def _numbering(self, root: Any) -> _Numbering:
        numbering = _Numbering()
        if root is None:
            return numbering  # a document without lists
        abstract: dict[str, dict[int, str]] = {}
        for definition in root.iter(_w("abstractNum")):
            levels = {
                _int(level.get(_w("ilvl"))) or 0: _val(level.find(_w("numFmt")), "decimal") or "decimal"
                for level in definition.iter(_w("lvl"))
            }
            abstract[definition.get(_w("abstractNumId")) or ""] = levels
        for num in root.iter(_w("num")):
            levels = dict(abstract.get(_val(num.find(_w("abstractNumId")), "") or "", {}))
            for override in num.iter(_w("lvlOverride")):
                level = override.find(_w("lvl"))
                if level is not None:
                    levels[_int(override.get(_w("ilvl"))) or 0] = _val(level.find(_w("numFmt")), "decimal") or ""
            for ilvl, fmt in levels.items():
                numbering.formats[(num.get(_w("numId")) or "", ilvl)] = fmt
        return numbering

    @staticmethod
    def _notes(roots: list[Any]) -> dict[tuple[str, str], list[Any]]:
        """The footnotes and endnotes parts' notes: their paragraphs, by kind and id (not the separator lines Word
        keeps there as notes of their own)."""
        found: dict[tuple[str, str], list[Any]] = {}
        for root in roots:
            for note in root:
                if note.tag in (_w("footnote"), _w("endnote")) and note.get(_w("type")) in (None, "normal"):
                    found[(note.tag, note.get(_w("id")) or "")] = list(_paragraphs(note))
        return found

    def _style_chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    # --- the body -------------------------------------------------------------------------------------------

    def where(self) -> Where:
        return Where(self.name, paragraph=self.count)

    def body(self, element: Any) -> None:
        for child in element:
            if child.tag == _w("p"):
                self.source.blocks.extend(self.paragraph(child, in_cell=False))
            elif child.tag == _w("tbl"):
                self.levels.reset()
                self.source.blocks.append(self.table(child))
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.body(content)

    def paragraph(self, p: Any, in_cell: bool) -> list[Block]:
        """The blocks of one Word paragraph: usually one, more when it has line breaks, page breaks or text boxes."""
        self.count += 1
        where = self.where()
        ppr = p.find(_w("pPr"))
        style_id = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        chain = list(self._style_chain(style_id or "Normal"))
        level = self._heading_level(ppr, chain)
        num = _num(ppr) or next((style.num for style in chain if style.num), None)
        if num is not None and num[0] == "0":
            num = None  # numId 0 switches a style's numbering off
        lines, page_breaks, boxes = self._runs(p)
        self.pieces += len(lines)
        if self.pieces > MAX_PARAGRAPHS:
            raise TooLarge(
                f"{self.name} has more than {MAX_PARAGRAPHS:,} paragraphs (lines of a paragraph counted), more than "
                "a manual has (an 80-page manual has about 3,000): import each manual in it separately."
            )
        blocks: list[Block] = []
        before = (ppr is not None and _on(ppr.find(_w("pageBreakBefore")))) or any(s.page_break_before for s in chain)
        if not in_cell and any(_CONTENTS_NAME.match(style.name.strip()) for style in chain):
            self.contents += 1
            return [PageBreak(where)] if before or page_breaks else []
        if before and not in_cell:
            blocks.append(PageBreak(where))
        # Tabs are kept between the repaired pieces of a line: a plain paragraph's tabs may draw a table's cells (a
        # line of more tabs than a row of a manual's table has is text, its tabs spaces).
        repaired = (
            "\t".join(_plain(thai.repair(piece)).strip() for piece in line.split("\t"))
            if line.count("\t") <= MAX_ROW_CELLS
            else _plain(thai.repair(line))
            for line in lines
        )
        texts = _unwrap([text for text in (line.strip(" ") for line in repaired) if text.strip()])
        if texts and (level is not None or num is not None or in_cell):
            texts = [untabbed(text) for text in texts]
        if texts:
            if level is not None and not in_cell:
                # A line break in a heading is a deliberate break in a long title, at a phrase: a space.
                label, rest, _ = split_label(" ".join(texts))
                if label is not None and label_kind(label) == "bullet":
                    label, rest = None, " ".join(texts)
                blocks.append(Heading(rest, level, where, label=label))
                self.levels.reset()
            elif num is not None:
                # Word numbers the paragraph; the lines after a line break in it are its details ("ระยะเวลา: …").
                blocks.append(ListItem(texts[0], num[1], where, self.numbering.numbered(*num)))
                blocks.extend(Paragraph(text, where) for text in texts[1:])
            else:
                blocks.extend(self._typed(text, where) for text in texts)
        for box in boxes:
            for inner in box if isinstance(box, list) else _paragraphs(box):
                blocks.extend(block for block in self.paragraph(inner, in_cell=True) if not isinstance(block, Table))
        if not in_cell:
            section = ppr is not None and ppr.find(_w("sectPr")) is not None
            if page_breaks or (section and _val(_find(ppr, "sectPr", "type")) != "continuous"):
                blocks.append(PageBreak(where))
        return blocks

    def _typed(self, text: str, where: Where) -> Paragraph | ListItem:
        label, rest, depth = split_label(text)
        # A line with a tab other than the one after its number may be a row of a table drawn with tabs ("๐.๑<tab>
        # ๒๒ พ.ย.<tab>…", "<tab>๒. …<tab><tab>"): a paragraph with its tabs, for `tab_tables`.
        row = "\t" in rest or text.startswith("\t") or text.endswith("\t")
        if label is None or not rest or row or NUMBER_ONLY.fullmatch(rest):
            self.levels.reset()
            return Paragraph(text, where)
        kind = label_kind(label)
        return ListItem(untabbed(rest), self.levels.level(kind, depth), where, kind != "bullet", label)

    def _heading_level(self, ppr: Any, chain: list[_Style]) -> int | None:
        outline = _int(_val(ppr.find(_w("outlineLvl")))) if ppr is not None else None
        if outline is not None and outline < 9:
            return outline + 1
        for style in chain:
            found = _HEADING_NAME.search(style.name)
            if found:
                return int(found.group(1))
            if _TITLE_NAME.match(style.name.strip()):
                return 1
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return None

    def _runs(self, p: Any) -> tuple[list[str], int, list[Any]]:
        """The paragraph's lines of text (split at soft line breaks), its page breaks, and what is read after it:
        its text boxes and the notes it cites (`w:txbxContent` elements and lists of a note's paragraphs)."""
        lines: list[list[str]] = [[]]  # each line's pieces, joined at the end (a paragraph may have many runs)
        page_breaks = 0
        boxes: list[Any] = []
        for element in _walk(p):
            tag = element.tag
            if tag in (_w("ins"), _w("del")):
                self.changes += 1
            elif tag == _w("commentReference"):
                self.comments += 1
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                kind = _w("footnote") if tag == _w("footnoteReference") else _w("endnote")
                note = self.notes.pop((kind, element.get(_w("id")) or ""), None)  # a note is read once
                if note is not None:
                    self.footnotes += 1
                    boxes.append(note)
            elif tag == _w("t"):
                lines[-1].append(element.text or "")
            elif tag == _w("tab") and element.getparent().tag == _w("r"):
                # A tab typed in the text (the paragraph's tab stops are `w:tab`s too, under `w:tabs`): it may part
                # two cells of a table drawn with tabs.
                self.count_cells(1)
                lines[-1].append("\t")
            elif tag in (_w("br"), _w("cr")):
                kind = element.get(_w("type"))
                if kind == "page":
                    page_breaks += 1
                elif kind != "column":
                    lines.append([])
            elif tag == _w("noBreakHyphen"):
                lines[-1].append("-")
            elif tag == _w("sym"):
                lines[-1].append(" ")
            elif tag == _w("txbxContent"):
                boxes.append(element)
            elif tag in _IMAGES:
                self.images += 1
        return ["".join(line) for line in lines], page_breaks, boxes

    def table(self, tbl: Any) -> Table:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise TooLarge(
                f"{self.name} has more than {MAX_TABLES:,} tables, more than a manual has (an 80-page manual has "
                "about 50): import each manual in it separately."
            )
        where = Where(self.name, paragraph=self.count + 1)
        grid: list[list[tuple[int, list[Any]] | None]] = []  # per row: per grid column, (row of origin, cell) or None
        rows: list[list[tuple[int, int, list[Paragraph | ListItem]]]] = []  # per row: (column, colspan, blocks)
        spans: dict[tuple[int, int], list[int]] = {}  # (row, column) of a cell → [rowspan]
        # The cell a vertical merge continues: the latest one that starts at its column (looking back row by row
        # made a merge down a long table cost its rows squared).
        above: dict[int, tuple[int, int]] = {}
        header_rows = 0
        counting_headers = True
        for r, tr in enumerate(tbl.iterchildren(_w("tr"))):
            trpr = tr.find(_w("trPr"))
            is_header = trpr is not None and _on(trpr.find(_w("tblHeader")))
            if counting_headers and is_header:
                header_rows += 1
            else:
                counting_headers = False
            column = 0
            row: list[tuple[int, int, list[Paragraph | ListItem]]] = []
            grid.append([])
            trpr_before = _int(_val(_find(trpr, "gridBefore"))) if trpr is not None else None
            column += trpr_before or 0
            for tc in tr.iterchildren(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                colspan = _int(_val(_find(tcpr, "gridSpan"))) or 1
                merge = _find(tcpr, "vMerge")
                if merge is not None and _val(merge, "continue") != "restart":
                    origin = above.get(column)
                    if origin is not None:
                        spans[origin][0] += 1
                    column += colspan
                    continue
                spans[(r, column)] = [1]
                above[column] = (r, column)
                row.append((column, colspan, self.cell(tc)))
                column += colspan
            rows.append(row)
        built = tuple(
            tuple(Cell(tuple(blocks), colspan, spans[(r, column)][0]) for column, colspan, blocks in row)
            for r, row in enumerate(rows)
        )
        return Table(tuple(row for row in built if row), where, header_rows=header_rows)

    def count_cells(self, count: int) -> None:
        self.cells += count
        if self.cells > MAX_CELLS:
            raise TooLarge(
                f"{self.name} has more than {MAX_CELLS:,} table cells, more than a manual has (an 80-page manual "
                "has about 2,000): import each manual in it separately."
            )

    def tab_tables(self, blocks: list[Block]) -> list[Block]:
        """Plain paragraphs in a row whose cells are drawn with tabs, as a table of two rows or more; any other
        paragraph with tabs is read again with spaces for its tabs (an item, if it starts with a number)."""
        out: list[Block] = []
        rows: list[Paragraph] = []

        def flush() -> None:
            if len(rows) > 1:
                cells = text.tab_rows([[cell.strip() for cell in row.text.split("\t")] for row in rows])
                self.count_cells(max(map(len, cells)) * len(cells))
                where = rows[0].where
                self.levels.reset()
                out.append(text.table_of(cells, where, block=lambda line: self._typed(line, where)))
            else:
                out.extend(self._typed(untabbed(row.text), row.where) for row in rows)
            rows.clear()

        for block in blocks:
            if isinstance(block, Paragraph) and "\t" in block.text:
                cells = block.text.split("\t")
                # A row: two cells or more, not an item indented with a tab ("<tab>๑.<tab>ศึกษา…"); or, under a row,
                # a row going on, its first cell empty.
                label, rest, _ = split_label(block.text)
                item = label is not None and "\t" not in rest
                if (sum(1 for cell in cells if cell.strip()) > 1 and not item) or (rows and not cells[0].strip()):
                    rows.append(block)
                    continue
            flush()
            if isinstance(block, Paragraph) and "\t" in block.text:
                out.append(self._typed(untabbed(block.text), block.where))
            else:
                out.append(block)
        flush()
        return out

    def cell(self, tc: Any) -> list[Paragraph | ListItem]:
        self.count_cells(1)
        blocks: list[Paragraph | ListItem] = []
        self.levels.reset()
        for child in tc:
            if child.tag == _w("p"):
                blocks.extend(b for b in self.paragraph(child, in_cell=True) if isinstance(b, Paragraph | ListItem))
            elif child.tag == _w("tbl"):
                # A table inside a cell: its cells' text, row by row, as paragraphs of this cell.
                inner = self.table(child)
                blocks.extend(b for row in inner.rows for c in row for b in c.blocks)
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    for p in _paragraphs(content):
                        blocks.extend(b for b in self.paragraph(p, in_cell=True) if isinstance(b, Paragraph | ListItem))
        return blocks


# Markdown's bold and italic marks typed around words (text pasted from a Markdown editor or a chat): the books set
# their own emphasis, and the marks would print as they are.
_MARKDOWN = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _plain(text: str) -> str:
    return _MARKDOWN.sub(r"\2", text)


# A paragraph's line that holds a detail of its own (ระยะเวลา: ๑ วัน) starts with a short name and a colon; a
# definition (นิยามศัพท์) starts with the term and หมายถึง.
_DETAIL = re.compile(r"\S{1,24}\s*:")
_DEFINITION = re.compile(r"\S.{0,40}?\sหมายถึง(?:\s|$)")
MAX_ROW_CELLS = 100  # a row of a table drawn with tabs has fewer cells
MIN_WRAPPED = 30  # lines shorter than this are not taken for a page's lines


class _Wrapping:
    """Whether a line continues the paragraph of the line before it, in a text broken at its printed lines.

    A line continues when the line before was cut where the page's line ended — the first word of the next line
    would not have fitted after it, `width` being the page's line in characters — or inside parentheses, and it does
    not start an item, a detail or a definition of its own. After a cut line, a number without a dot or a Thai
    letter that reads as an item's label ("ตอนที่ / ๕ ก", "การปฏิบัติงา / น. ค้นเมื่อ") starts an item only in
    order (ก, or a letter soon after the last item's), and a definition (คำ หมายถึง …) only after a definition."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.letter = -1  # the place in the alphabet of the last Thai letter item, -1 before any
        self.defining = False  # the paragraph the line would continue is a definition

    def start(self, line: str) -> None:
        """`line` starts a paragraph."""
        self.defining = bool(_DEFINITION.match(line))

    def continues(self, before: str, line: str) -> bool:
        if before.count("(") > before.count(")"):
            return True
        full = text.display_width(before) + text.display_width(first_word(line)) > FIT * self.width
        label = split_label(line, bare=not full)[0]
        if label is not None:
            if label_kind(label) != "letter":
                return False
            letter = ord(label.strip("(")[0]) - ord("ก")
            if letter == 0 or (0 < letter - self.letter <= 2) or not full:
                self.letter = letter
                return False
        return full and not _DETAIL.match(line) and not (self.defining and _DEFINITION.match(line))


def _unwrap(lines: list[str]) -> list[str]:
    """The lines of a paragraph split by line breaks (Shift+Enter) where its printed lines ended, as a PDF-to-Word
    converter or a typist at the end of each line writes them, joined again (`_Wrapping`); a line break after a
    short line, or before an item or a detail (`ระยะเวลา: …`), is kept."""
    longest = max((text.display_width(line) for line in lines), default=0)
    if len(lines) < 2 or longest < MIN_WRAPPED:
        return lines
    wrapping = _Wrapping(longest)
    wrapping.start(lines[0])
    out = [lines[0]]
    for before, line in itertools.pairwise(lines):
        if wrapping.continues(before, line):
            out[-1] = thai.join_lines([out[-1], line])
        else:
            wrapping.start(line)
            out.append(line)
    return out


# A document saved one paragraph per printed line has many paragraphs as long as a page's line (FULL_LINE of it or
# more): at least LINE_PER_PARAGRAPH of them, and most of those (TIGHT) close to the line, where a wrapped line ends.
# Measured (share / close): data/'s Word copy saved one paragraph per line 0.58 / 0.88; our own Word copies 0.18 /
# 0.30 for data/, 0.47 / 0.31 and 0.42 / 0.50 for the short texts of tests/fixtures/varied.
LINE_PER_PARAGRAPH = 0.4
FULL_LINE = 0.7
CLOSE = 0.85  # a paragraph between this share of the page's line and a little over it is close to it
TIGHT = 0.7
MIN_LINES = 20
MAX_LINE = 120  # characters: a page's line of a manual is shorter


def _rejoined(blocks: list[Block]) -> list[Block]:
    """A document saved one paragraph per printed line (a PDF-to-Word converter, a retyped manual) has its lines
    joined into paragraphs again (`_Wrapping`). A document whose paragraphs are paragraphs is left as it is."""
    lengths = sorted(text.display_width(block.text) for block in blocks if isinstance(block, Paragraph))
    if len(lengths) < MIN_LINES:
        return blocks
    width = lengths[int(0.9 * (len(lengths) - 1))]  # the page's line
    full = sum(length >= FULL_LINE * width for length in lengths)
    close = sum(CLOSE * width <= length <= 1.05 * width for length in lengths)
    if width > MAX_LINE or width < MIN_WRAPPED or full < LINE_PER_PARAGRAPH * len(lengths) or close < TIGHT * full:
        return blocks
    wrapping = _Wrapping(width)
    out: list[Block] = []
    last = ""  # the last line joined into out[-1], as printed
    for block in blocks:
        previous = out[-1] if out else None
        # A line read as a typed item ("๓ ด้าน ให้…") may be a cut line's next line.
        line = _printed(block) if isinstance(block, Paragraph) or (isinstance(block, ListItem) and block.label) else ""
        if line and isinstance(previous, Paragraph | ListItem) and wrapping.continues(last, line):
            out[-1] = replace(previous, text=thai.join_lines([previous.text, line]))
        else:
            if isinstance(block, Paragraph | ListItem):
                wrapping.start(block.text)
            out.append(block)
        last = _printed(block)
    return out


def _printed(block: Block) -> str:
    """The block's line as the page showed it: a list item with its number (Word's own about four characters)."""
    if isinstance(block, ListItem):
        return f"{block.label} {block.text}" if block.label else f"{'0' * 4}{block.text}"
    return block.text if isinstance(block, Paragraph) else ""


def _walk(element: Any) -> Iterator[Any]:
    """The paragraph's descendants in document order, without what Word does not show: Fallback copies of drawings
    (`mc:Fallback` repeats `mc:Choice`), deleted text, hidden runs, field codes, and the inside of text boxes (read
    as paragraphs of their own)."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in (f"{{{MC}}}Fallback", _w("instrText"), _w("delText")):
            continue
        if tag == _w("del"):
            yield child  # counted, its text not read
            continue
        if tag == _w("r"):
            rpr = child.find(_w("rPr"))
            if rpr is not None and _on(rpr.find(_w("vanish"))):
                continue
        yield child
        if tag != _w("txbxContent"):
            yield from _walk(child)


def _paragraphs(element: Any) -> Iterator[Any]:
    """The paragraphs inside a text box or a content control, in order, but not those inside them (a text box of
    one of these paragraphs is read with it): each paragraph is read once, however deep the boxes nest."""
    for child in element:
        if child.tag == _w("p"):
            yield child
        elif isinstance(child.tag, str):
            yield from _paragraphs(child)


def _find(parent: Any, *path: str) -> Any:
    element = parent
    for tag in path:
        if element is None:
            return None
        element = element.find(_w(tag))
    return element


def _on(element: Any) -> bool:
    """A Word on/off property: present and not switched off."""
    return element is not None and _val(element, "true") not in ("false", "0", "off")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _num(ppr: Any) -> tuple[str, int] | None:
    numpr = _find(ppr, "numPr")
    if numpr is None:
        return None
    num_id = _val(numpr.find(_w("numId")))
    if num_id is None:
        return None
    return num_id, _int(_val(numpr.find(_w("ilvl")))) or 0


def read_file(file: BinaryIO, name: str) -> Source:
    """Read an open .docx file into blocks."""
    package = _Package(file, name)
    main = package.main()
    document = package.xml(main)
    if document.tag != _w("document") or document.find(_w("body")) is None:
        raise SourceError(f"{name} is a zip file but not a Word document (its main part is not a Word body).")
    laid_out = positioned.text_of(document)
    if laid_out is not None:  # a PDF converted to Word: frames at their places on the page, read as lines
        source = text.parse(laid_out, name)
        source.notes.append(
            "ข้อความของไฟล์นี้เป็นกรอบวางตามตำแหน่งบนหน้า (แปลงมาจาก PDF) ระบบเรียงเป็นบรรทัดตามตำแหน่งแล้วอ่านแบบข้อความ"
        )
        return source
    styles, numbering, footnotes, endnotes = (
        package.xml(part) if part else None
        for part in package.related(main, "styles", "numbering", "footnotes", "endnotes")
    )
    package.check_pictures()
    reader = _Reader(name, styles, numbering, [root for root in (footnotes, endnotes) if root is not None])
    try:
        reader.body(document.find(_w("body")))
    except RecursionError:
        raise SourceError(f"{name} nests tables or text boxes too deeply to be a manual.") from None
    source = reader.source
    source.blocks = _rejoined(reader.tab_tables(source.blocks))
    if reader.images:
        source.notes.append(f"ไม่นำเข้ารูปภาพ {reader.images} รูป ใส่รูปเองภายหลัง")
    if reader.contents:
        source.notes.append(f"ตัดสารบัญ {reader.contents} บรรทัด ระบบทำสารบัญให้เอง")
    if reader.footnotes:
        source.notes.append(f"อ่านเชิงอรรถ {reader.footnotes} รายการเป็นย่อหน้าต่อจากย่อหน้าที่อ้างถึง ตรวจว่าอยู่ในที่ที่ควร")
    if reader.changes:
        source.notes.append(
            f"ไฟล์มีการแก้ไขที่ติดตามไว้ (Track Changes) {reader.changes} แห่ง ระบบอ่านข้อความตามที่แก้แล้ว "
            "(เหมือนยอมรับการแก้ไขทั้งหมด) ข้อความที่ลบไม่นำเข้า"
        )
    if reader.comments:
        source.notes.append(f"ไม่นำเข้าความคิดเห็น (Comment) {reader.comments} รายการ อ่านเฉพาะเนื้อความ")
    if not any(isinstance(block, Heading | Paragraph | ListItem | Table) for block in source.blocks):
        raise SourceError(f"{name} has no text in it.")
    return source


FORMAT = Format("Word", (".docx",), lambda head: head.startswith(b"PK"), read_file)  # a zip
