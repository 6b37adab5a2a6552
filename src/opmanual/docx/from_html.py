"""Print HTML to Word: the subset of HTML our print templates make, as Word paragraphs, lists, tables and images.

Headings keep their text as the PDF prints it (with a part's printed number, "๑. ชื่องาน (กระบวนงาน)"). A numbered
list's typed labels (`<span class="num">1.2</span>`) become Word numbering that prints the same labels, so a reader
of the .docx finds real lists with plain item texts. Labels in Thai digits stay typed (with a hanging indent): Word
would count in Thai digits (`thaiNumbers`), but LibreOffice has no Thai-digit numbering and shows Arabic digits;
so does a list whose labels Word could not count the same way, so that no number ever changes.

A flowchart table is a Word table whose numbers and texts are editable, with its symbol column as one picture per
row (`flow_table`). The flowchart diagram, the organisation chart and any SVG are pictures made by `figures`;
everything else stays editable text.

Text marked as a name (`<span class="name">`: a person's title and name, a position) never breaks inside: its
spaces become no-break spaces and a zero-width joiner stands between its Thai letters' clusters (`unbroken`).

This module walks the HTML and writes (`Writer`); what it decides from the HTML alone is beside it: `lists` (which
Word numbering a list gets), `grids` (a table's cells on Word's grid, its column widths and header rows, a
flowchart table's strips), `cells` (Word tables in raw OOXML) and `html` (reading classes and text).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Emu, Length, Pt

from .. import measures
from . import cells, grids, lists, word
from .figures import HEIGHT_CM, Drawing
from .grids import strips
from .html import SPACE, classes_of, text_of

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {"p", "div", "section", "ol", "ul", "table", "figure", "details", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "hr", "svg", "figcaption"}  # fmt: skip
SKIPPED = {"chart-text", "pdf-link"}  # hidden in print (print.css: display none)
# Printed as images: the charts, and anything drawn (SVG) rather than written. A flowchart table (in
# `flowchart-wrap`) is a Word table with its symbols drawn, one picture per row.
CHARTS = {"flowchart-wrap", "flowchart-figure", "org-figure", "cover-qr"}
# Text printed in the small size (print.css: --type-small), and the type role of a table's text, by its class.
SMALL = {"note", "step-meta"}
TYPED = "typed-label"  # the class a list item's label gets when it stays typed
TABLE_ROLES = {"matrix": "matrix", "flow": "chart"}
NO_BREAK_SPACE = "\u00a0"
# ZERO WIDTH JOINER: Word's own "no-width non break" (Insert ▸ Symbol ▸ Special Characters), and a character no line
# may break after in LibreOffice (Unicode's line breaking, rule LB8a).
JOINER = "\u200d"
# Where a line may break inside Thai text: before a consonant or a leading vowel (เ แ โ ใ ไ) that follows a Thai
# letter, other than a leading vowel (which belongs to the consonant after it). Never before a mark or a following
# vowel, so a joiner never stands inside a cluster (SARA AM, tone marks and vowels stay with their consonant).
_THAI_BREAK = re.compile("(?<=[\u0e01-\u0e4e])(?<![\u0e40-\u0e44])(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
EMU_PER_CM = 360000
SHORT_ROW = 400  # characters

# A figure's drawing (its pictures: one per page it fills, or one per row of a table of strips), given its HTML and
# the width it may take, in cm.
Pictures = Callable[[str, float], Drawing]
# An image of the site (an attachment) by its address in the print HTML, or None when it is not there.
Images = Callable[[str], bytes | None]


@dataclass
class Style:
    bold: bool = False
    italic: bool = False
    name: bool = False  # a name or position, never broken inside
    small: bool = False


@dataclass
class _Item:
    """A list item being written: the paragraph its number goes on is the first one made inside it."""

    num_id: int | None
    level: int
    numbered: bool = False
    typed: bool = False  # its label is typed in its first paragraph, which hangs (no Word numbering)


@dataclass
class Writer:
    """Writes the HTML of one book part into a python-docx document, one container (body, cell) at a time."""

    document: Any
    numbering: word.Numbering
    pictures: Pictures
    images: Images
    width: list[int] = field(default_factory=list)  # EMU available, innermost last
    cell_style: str | None = None  # the paragraph style of the table cell being written
    items: list[_Item] = field(default_factory=list)
    break_next: bool = False  # the next paragraph starts a page (a chapter, a part of the front matter)
    style_ids: dict[str, str] = field(default_factory=dict)
    level_of: dict[int, int] = field(default_factory=dict)  # a list item's Word level, by id(), once planned

    # Blocks ---------------------------------------------------------------------------------------------------

    def blocks(self, node: Tag, container: Any, style: str | None = None) -> None:
        """Every child of `node` into `container`: runs of inline content become paragraphs, blocks their own."""
        inline: list[Any] = []
        for child in list(node.children):
            if isinstance(child, Tag) and (child.name in BLOCKS or (child.name == "img" and _alone(child))):
                self._paragraph_of(inline, container, style)
                inline = []
                self.block(child, container)
            elif isinstance(child, Tag) and child.name == "br" and not inline:
                continue
            else:
                inline.append(child)
        self._paragraph_of(inline, container, style)

    def _paragraph_of(self, nodes: list[Any], container: Any, style: str | None) -> None:
        if not any(_has_content(n) for n in nodes):
            return
        paragraph = self.paragraph(container, style)
        for node in nodes:
            self.inline(node, paragraph, Style())
        _trim(paragraph)

    def paragraph(self, container: Any, style: str | None = None) -> Any:
        """A new paragraph; the first one inside a list item carries the item's number."""
        paragraph = self.styled(container, style)
        if self.break_next:
            paragraph.paragraph_format.page_break_before = True
            self.break_next = False
        if self.items:
            item = self.items[-1]
            if not item.numbered and item.num_id is not None:
                word.number_paragraph(paragraph, item.num_id, item.level)
            elif not item.numbered and item.typed:
                word.hang_as_level(paragraph, item.level)
            else:
                word.indent_as_level(paragraph, item.level)
            item.numbered = True
        return paragraph

    def styled(self, container: Any, style: str | None) -> Any:
        """A new paragraph in a style, named by its id: python-docx looks a name up among all styles every time."""
        paragraph = container.add_paragraph()
        if style is not None:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        return paragraph

    def block(self, node: Tag, container: Any) -> None:
        classes = set(node.get("class") or [])
        if classes & SKIPPED or node.name == "hr":
            return
        table = node.find("table", class_="flow-table") if "flowchart-wrap" in classes else None
        if isinstance(table, Tag):
            self.flow_table(table, container)
        elif classes & CHARTS or node.name == "svg":
            self.figure(node, container)
        elif node.name in HEADINGS:
            paragraph = self.paragraph(container, f"Heading {HEADINGS[node.name]}")
            paragraph.add_run(text_of(node))
            if "new-page" in classes:  # `new_page: true` in the data, as print.css breaks the PDF's page
                paragraph.paragraph_format.page_break_before = True
        elif node.name in ("ol", "ul"):
            self.list(node, container)
        elif node.name == "table":
            self.table(node, container)
        elif node.name == "img":
            self.image(node, container)
        elif node.name == "p":
            self.p(node, container, classes)
        elif node.name == "figcaption":
            self.blocks(node, container, "Caption")
        elif node.name == "div" and "signature" in classes:
            for line in node.find_all("p"):
                paragraph = self.paragraph(container)
                paragraph.paragraph_format.left_indent = Emu(int(self.width[-1] * measures.SIGNATURE_INDENT))
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.inline(line, paragraph, Style())
                _trim(paragraph)
        else:
            self.blocks(node, container)

    def p(self, node: Tag, container: Any, classes: set[str]) -> None:
        cover = {"cover-kind": "Cover Title", "cover-main": "Cover Name", "cover-line": "Cover Line"}
        style = next((cover[c] for c in ("cover-kind", "cover-main", "cover-line") if c in classes), None)
        if style is None and node.find_parent(class_="cover-office") is not None:
            style = "Cover Office"
        if style is None and not self.items:
            style = self.cell_style
        paragraph = self.paragraph(container, style)
        self.inline(node, paragraph, Style(bold="draft-note" in classes, small=bool(classes & SMALL)))
        _trim(paragraph)
        fmt = paragraph.paragraph_format
        if "indent" in classes:
            fmt.first_line_indent = word.em(measures.FIRST_LINE_INDENT)
        previous = node.find_previous_sibling()
        if "subtitle" in classes and previous is not None and previous.name == "h1":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if classes & {"cover-kind"}:
            fmt.space_after = Pt(measures.sarabun("cover_kind") * measures.COVER_KIND_SPACE)  # ems of its size
        if classes & {"toc-head"}:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _bold(paragraph)
        if node.find_parent(class_="cover") is not None:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    # Inline ---------------------------------------------------------------------------------------------------

    def inline(self, node: Any, paragraph: Any, style: Style) -> None:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment
                text = SPACE.sub(" ", str(node))
                if text:
                    self.run(paragraph, text, style)
            return
        classes = set(node.get("class") or []) if isinstance(node, Tag) else set()
        if not isinstance(node, Tag) or classes & SKIPPED:
            return
        if node.name == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            return
        if node.name == "img":
            self.image(node, None, paragraph)
            return
        if TYPED in classes:  # a list item's typed label, and the tab to the item's text
            self.run(paragraph, text_of(node), style)
            paragraph.add_run().add_tab()
            return
        if node.name in BLOCKS:  # a block inside inline content (a <p> in a <span>): its text, on a new line
            self.run(paragraph, " ", style)
        inner = Style(
            bold=style.bold or node.name in ("strong", "b", "th"),
            italic=style.italic or node.name in ("em", "i", "cite"),
            name=style.name or "name" in classes,
            small=style.small or bool(classes & SMALL),
        )
        for child in node.children:
            self.inline(child, paragraph, inner)

    def run(self, paragraph: Any, text: str, style: Style) -> None:
        run = paragraph.add_run(unbroken(text) if style.name else text)
        if style.bold:
            word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)
        if style.small:
            word.thai_run_properties(run._r.get_or_add_rPr(), size=word.type_size("small"))
        if style.italic:
            word.italic(run._r.get_or_add_rPr())

    # Lists ----------------------------------------------------------------------------------------------------

    def list(self, node: Tag, container: Any) -> None:
        """A list and the lists inside it as one Word list, one level per nesting; typed labels when Word's
        counting would print other numbers than the book, or Thai digits."""
        if "bibliography" in (node.get("class") or []):
            self.bibliography(node, container)
            return
        first = node.find("li", recursive=False)
        num_id: int | None
        if self.items and self.items[-1].num_id is not None and first is not None and id(first) in self.level_of:
            num_id = self.items[-1].num_id  # inside a list planned with this one
        else:
            planned = lists.plan(node)
            num_id = self.numbering.add(planned[0]) if planned is not None else None
            self.level_of.update(planned[1] if planned is not None else {})
        nested = self.items[-1].level + 1 if self.items else 0  # for labels kept typed: indented by nesting
        for li in node.find_all("li", recursive=False):
            label = li.find("span", class_="num", recursive=False)
            level = self.level_of.get(id(li), nested) if num_id is not None else nested
            self.items.append(_Item(num_id, level, typed=num_id is None and label is not None))
            if num_id is not None and label is not None:
                label.extract()  # Word prints it
            elif label is not None:
                classes = label.get_attribute_list("class")
                classes.append(TYPED)
                label["class"] = classes
                after = label.next_sibling  # the label is followed by a tab, not by the space the HTML has
                if isinstance(after, NavigableString) and type(after) is NavigableString:
                    after.replace_with(after.lstrip())
            self.blocks(li, container, self.cell_style if container is not self.document else None)
            self.items.pop()

    def bibliography(self, node: Tag, container: Any) -> None:
        """Sources as the book lists them: no bullets, each with a hanging indent."""
        for li in node.find_all("li", recursive=False):
            start = len(container.paragraphs)
            self.blocks(li, container)
            for paragraph in container.paragraphs[start:]:
                paragraph.paragraph_format.left_indent = word.em(measures.BIBLIOGRAPHY_INDENT)
                paragraph.paragraph_format.first_line_indent = -word.em(measures.BIBLIOGRAPHY_INDENT)

    # Tables ---------------------------------------------------------------------------------------------------

    def table(self, node: Tag, container: Any) -> None:
        rows = [tr for tr in node.find_all("tr") if tr.find_parent("table") is node]
        if not rows:
            return
        grid, count = grids.grid(rows)
        table = container.add_table(rows=len(rows), cols=count)
        table.autofit = False
        cells.borders(table)
        widths = grids.widths(grid, count, self.width[-1])
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
        head = grids.header_rows(node, rows)
        for index, (row, tr) in enumerate(zip(table.rows, rows, strict=True)):
            if index < head:
                cells.repeat_header(row)
            # A row is kept on one page (print.css: break-inside avoid) unless it is long: Word would leave most
            # of a page empty before a row that fills the next.
            if len(text_of(tr)) < SHORT_ROW:
                cells.no_split(row)
        for tr in table._tbl.tr_lst:
            for c, tc in enumerate(tr.tc_lst):
                tc.width = Emu(widths[c])
        for placed in grid:
            for _, (r0, c0, rowspan, colspan) in placed:
                if rowspan > 1 or colspan > 1:
                    table.cell(r0, c0).merge(table.cell(r0 + rowspan - 1, c0 + colspan - 1))
        merged = table._cells  # the grid's cells once merged, row by row: looked up once, for it is slow
        role = next((TABLE_ROLES[name] for name in node.get("class") or [] if name in TABLE_ROLES), "table")
        saved_style, self.cell_style = self.cell_style, word.TABLE_STYLES[role]
        for placed in grid:
            for cell_node, (r0, c0, _, colspan) in placed:
                self.cell(cell_node, merged[r0 * count + c0], sum(widths[c0 : c0 + colspan]))
        self.cell_style = saved_style
        if container is self.document:
            # A table ends with an empty line: two tables in a row would otherwise be joined into one by Word.
            self.styled(container, "Table Text")

    def cell(self, node: Tag, cell: Any, width: int) -> None:
        """A table cell's content, in the cell style of its table; a header cell shaded and bold."""
        if node.name == "th":
            cells.shade_header(cell)
        self.width.append(width - int(Cm(0.4)))
        saved, self.items = self.items, []
        self.blocks(node, cell, self.cell_style)
        self.items = saved
        self.width.pop()
        first = cell.paragraphs[0]
        if not first.runs and len(cell.paragraphs) > 1:
            first._p.getparent().remove(first._p)
        if node.name == "th":
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)

    def flow_table(self, node: Tag, container: Any) -> None:
        """A flowchart table (ลำดับที่ | ผังขั้นตอน | รายละเอียดงาน …) as a Word table like the PDF's: the header
        row repeated on every page, the numbers and texts editable, and the symbol column one picture per row.

        Each row of the chart is two Word rows: the first as tall as its picture, the second as tall as the row's
        text needs (the text cells span both). A line that leaves a picture at the bottom (to the next symbol, or
        in a lane beside them) goes on through the second row as the border between two halves of its column, so
        the chart stays joined however long the text beside it."""
        head = [tr for tr in node.find_all("tr") if tr.find_parent("thead") is not None]
        rows = [grids.flow_cells(tr) for tr in node.find_all("tr") if tr.find_parent("thead") is None]
        if not rows or any(not drawn for _, drawn, _ in rows):
            self.table(node, container)
            return
        drawing = self.pictures(strips(node), self.width[-1] / EMU_PER_CM)
        total = self.width[-1]
        symbols = [int(Cm(width)) for width in drawing.columns]
        scale = min(1.0, total * MOST_SYMBOLS / max(1, sum(symbols)))
        halves = [half for width in symbols for half in (int(width * scale) // 2,) * 2]
        before, after = len(rows[0][0]), len(rows[0][2])
        texts = [[*first, *last] for first, _, last in rows]
        for tr in head:  # the header's labels: a column is as wide as they need to stay on one line
            labels = [th for th in tr.find_all(["th", "td"], recursive=False) if "flow-symbols" not in classes_of(th)]
            if len(labels) == before + after:
                texts.append(labels)
        grid = [[(cell, (r, c, 1, 1)) for c, cell in enumerate(cells)] for r, cells in enumerate(texts)]
        text_widths = grids.widths(grid, before + after, total - sum(halves)) if before + after else []
        table = cells.grid_table(container, [*text_widths[:before], *halves, *text_widths[before:]])
        saved_style, self.cell_style = self.cell_style, word.TABLE_STYLES["chart"]
        for tr in head:
            row = cells.add_row(table, header=True)
            column = 0  # of the text columns
            for cell_node in tr.find_all(["th", "td"], recursive=False):
                if "flow-symbols" in classes_of(cell_node):
                    widths = halves
                else:
                    widths = [text_widths[column]]
                    column += 1
                self.cell(cell_node, cells.add_cell(table, row, widths, cells.HEADER_BORDERS), sum(widths))
        for (first, drawn, last), picture, down in zip(rows, drawing.pictures, drawing.down, strict=True):
            top = cells.add_row(table, height=_height(picture, scale), keep=True)
            rest = cells.add_row(table)
            # The number stands beside its symbol, in the first row only; the texts span both rows. As in the PDF,
            # rules stand left of the numbers and of the texts. None separates the steps (the PDF's dotted one): a
            # border at the top of a row moves its picture down by the border's width in Word and LibreOffice,
            # which would break the chart's lines.
            for cell_node, width in zip(first, text_widths[:before], strict=True):
                self.cell(cell_node, cells.add_cell(table, top, [width], cells.LEFT_RULE, middle=True), width)
                word.tiny(cells.add_cell(table, rest, [width], cells.LEFT_RULE).paragraphs[0])
            cell = cells.add_cell(table, top, halves, cells.NO_BORDERS, tight=True)
            word.tiny(cell.paragraphs[0], keep=True)  # a picture is never the last thing on a page
            shape = next((td for td in drawn if "shape-cell" in classes_of(td)), drawn[0])
            self._picture(cell.paragraphs[0], picture, text_of(shape), scale=scale)
            for half, width in enumerate(halves):
                line = down[half // 2] if half // 2 < len(down) else False
                spacer = cells.add_cell(table, rest, [width], cells.line_borders(line, half % 2 == 1), tight=True)
                word.tiny(spacer.paragraphs[0])
            for cell_node, width in zip(last, text_widths[before:], strict=True):
                self.cell(cell_node, cells.add_cell(table, top, [width], cells.COLUMN_BORDERS, "restart", True), width)
                word.tiny(cells.add_cell(table, rest, [width], cells.COLUMN_BORDERS, "continue", True).paragraphs[0])
        self.cell_style = saved_style
        if container is self.document:
            self.styled(container, "Table Text")

    # Pictures -------------------------------------------------------------------------------------------------

    def figure(self, node: Tag, container: Any) -> None:
        """A chart as pictures (one per page it fills when long), its caption as text below."""
        html, caption, description = chart(node)
        for png in self.pictures(html, self.width[-1] / EMU_PER_CM).pictures:
            paragraph = self.paragraph(container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._picture(paragraph, png, description)
        if caption is not None:
            self.blocks(caption, container, "Caption")

    def image(self, node: Tag, container: Any, paragraph: Any = None) -> None:
        data = self.images(str(node.get("src", "")))
        if data is None:
            return
        if not data.startswith((b"\x89PNG", b"\xff\xd8", b"GIF8")):  # SVG and others: drawn by WeasyPrint
            self.figure(node, container) if paragraph is None else None
            return
        if paragraph is None:
            paragraph = self.paragraph(container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._picture(paragraph, data, str(node.get("alt", "")), limit=node.find_parent(class_="cover") is not None)

    def _picture(
        self, paragraph: Any, data: bytes, description: str, *, limit: bool = False, scale: float | None = None
    ) -> None:
        """A picture at its own size (`scale` of it), or as large as fits the width and a page."""
        width, height = _size(data)
        if scale is None:
            scale = min(1.0, self.width[-1] / width, (word.COVER_LOGO_HEIGHT if limit else Cm(HEIGHT_CM)) / height)
        run = paragraph.add_run()
        shape = run.add_picture(io.BytesIO(data), width=Emu(int(width * scale)))
        shape._inline.docPr.set("descr", description)
        for side in ("distT", "distB", "distL", "distR"):  # as Word writes it: else LibreOffice adds 1/8 inch
            shape._inline.set(side, "0")


def unbroken(text: str) -> str:
    """Text that Word and LibreOffice never break inside: no-break spaces, a joiner between Thai clusters."""
    return _THAI_BREAK.sub(JOINER, text).replace(" ", NO_BREAK_SPACE)


def _size(data: bytes) -> tuple[int, int]:
    """A picture's width and height in EMU, at its resolution."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        dpi = float(picture.info.get("dpi", (96, 96))[0] or 96)
        return int(picture.width / dpi * 914400), int(picture.height / dpi * 914400)


def _height(picture: bytes, scale: float) -> Length:
    """The height a flowchart table's row of symbols takes: its picture's."""
    return Emu(int(_size(picture)[1] * scale))


def chart(node: Tag) -> tuple[str, Tag | None, str]:
    """A chart's HTML as it is drawn (without its caption, which stays text, and without the ids that differ from
    book to book), its caption, and the words that describe it (the picture's alternative text)."""
    caption = node.find("figcaption")
    if caption is not None:
        caption.extract()
    for tag in [node, *node.find_all(True)]:
        tag.attrs.pop("id", None)
    description = node.get("alt") or (caption.get_text(" ", strip=True) if caption else "") or text_of(node)[:200]
    return str(node), caption, str(description)


MOST_SYMBOLS = 0.5  # of a page's width that a flowchart table's symbols may take; narrower pictures beyond


def charts(soup: BeautifulSoup, width_cm: float) -> list[tuple[str, float]]:
    """The charts a part of a book will ask `Pictures` for, when it stands at full width: to draw them beforehand."""
    found = []
    for node in soup.find_all(lambda tag: _is_chart(tag)):
        if any(_is_chart(parent) or _skipped(parent) for parent in node.parents):
            continue
        table = node.find("table", class_="flow-table") if "flowchart-wrap" in classes_of(node) else None
        found.append((strips(table) if isinstance(table, Tag) else chart(node)[0], width_cm))
    return found


def _is_chart(node: Any) -> bool:
    return isinstance(node, Tag) and (bool(set(node.get("class") or []) & CHARTS) or node.name == "svg")


def _skipped(node: Any) -> bool:
    return isinstance(node, Tag) and bool(set(node.get("class") or []) & SKIPPED)


def _alone(node: Tag) -> bool:
    """An image that is a paragraph of its own (not inside a line of text)."""
    return node.parent is not None and node.parent.name in ("section", "div", "figure", "body", "td", "li")


def _has_content(node: Any) -> bool:
    if isinstance(node, NavigableString):
        return type(node) is NavigableString and bool(str(node).strip())
    return isinstance(node, Tag) and (bool(node.get_text(strip=True)) or node.find("img") is not None)


def _trim(paragraph: Any) -> None:
    """HTML drops the spaces at a line's ends; so does the paragraph."""
    runs = [run for run in paragraph.runs if run.text]
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()


def _bold(paragraph: Any) -> None:
    for run in paragraph.runs:
        word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


__all__ = ["Pictures", "Writer", "parse"]
