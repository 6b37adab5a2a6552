"""Print HTML to Word: the subset of HTML our print templates make, as Word paragraphs, lists, tables and images.

Headings keep their text as the PDF prints it (with a part's printed number, "๑. ชื่องาน (กระบวนงาน)"). A numbered
list's typed labels (`<span class="num">๑.๒</span>`) become Word numbering that prints the same labels, so a reader
of the .docx finds real lists with plain item texts; a list whose labels Word could not count the same way keeps
them typed, so that no number ever changes. Charts (the flowchart table, the flowchart, the organisation chart, any
SVG) are images made by `figures`; everything else stays editable text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from . import word

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {"p", "div", "section", "ol", "ul", "table", "figure", "details", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "hr", "svg", "figcaption"}  # fmt: skip
SKIPPED = {"chart-text", "pdf-link"}  # hidden in print (print.css: display none)
# Printed as images: the charts, and anything drawn (SVG) rather than written.
CHARTS = {"flowchart-wrap", "flowchart-figure", "org-figure", "cover-qr"}
THAI = "๐๑๒๓๔๕๖๗๘๙"
_NUMBER = re.compile(f"[0-9{THAI}]+")
_SPACE = re.compile(r"\s+")
EMU_PER_CM = 360000
SHORT_ROW = 400  # characters

# A figure's pictures (one per page it fills), given its HTML and the width it may take, in cm.
Pictures = Callable[[str, float], list[bytes]]
# An image of the site (an attachment) by its address in the print HTML, or None when it is not there.
Images = Callable[[str], bytes | None]


@dataclass
class Style:
    bold: bool = False
    italic: bool = False


@dataclass
class _Item:
    """A list item being written: the paragraph its number goes on is the first one made inside it."""

    num_id: int | None
    level: int
    numbered: bool = False


@dataclass
class Writer:
    """Writes the HTML of one book part into a python-docx document, one container (body, cell) at a time."""

    document: Any
    numbering: word.Numbering
    font: word.Font
    pictures: Pictures
    images: Images
    width: list[int] = field(default_factory=list)  # EMU available, innermost last
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
        if classes & CHARTS or node.name == "svg":
            self.figure(node, container)
        elif node.name in HEADINGS:
            paragraph = self.paragraph(container, f"Heading {HEADINGS[node.name]}")
            paragraph.add_run(_text(node))
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
                paragraph.paragraph_format.left_indent = Emu(int(self.width[-1] * 0.45))
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.inline(line, paragraph, Style())
                _trim(paragraph)
        else:
            self.blocks(node, container)

    def p(self, node: Tag, container: Any, classes: set[str]) -> None:
        cover = {"cover-kind": "Cover Title", "cover-main": "Cover Name", "cover-line": "Cover Line"}
        style = next((cover[c] for c in ("cover-kind", "cover-main", "cover-line") if c in classes), None)
        if style is None and container is not self.document and not self.items:
            style = "Table Text"
        paragraph = self.paragraph(container, style)
        self.inline(node, paragraph, Style(bold="draft-note" in classes))
        _trim(paragraph)
        fmt = paragraph.paragraph_format
        if "indent" in classes:
            fmt.first_line_indent = self.font.em(2.5)
        previous = node.find_previous_sibling()
        if "subtitle" in classes and previous is not None and previous.name == "h1":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if classes & {"cover-kind"}:
            fmt.space_after = self.font.em(2.6 * 1.2)
        if classes & {"toc-head"}:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _bold(paragraph)
        if node.find_parent(class_="cover") is not None:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if node.find_parent(class_="cover-office") is not None:
                for run in paragraph.runs:
                    word.thai_run_properties(run._r.get_or_add_rPr(), size=self.font.em(1.3), bold=True)

    # Inline ---------------------------------------------------------------------------------------------------

    def inline(self, node: Any, paragraph: Any, style: Style) -> None:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment
                text = _SPACE.sub(" ", str(node))
                if text:
                    self.run(paragraph, text, style)
            return
        if not isinstance(node, Tag) or set(node.get("class") or []) & SKIPPED:
            return
        if node.name == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            return
        if node.name == "img":
            self.image(node, None, paragraph)
            return
        if node.name in BLOCKS:  # a block inside inline content (a <p> in a <span>): its text, on a new line
            self.run(paragraph, " ", style)
        inner = Style(
            bold=style.bold or node.name in ("strong", "b", "th"),
            italic=style.italic or node.name in ("em", "i", "cite"),
        )
        for child in node.children:
            self.inline(child, paragraph, inner)

    def run(self, paragraph: Any, text: str, style: Style) -> None:
        run = paragraph.add_run(text)
        if style.bold:
            word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)
        if style.italic:
            run.italic = True
            run._r.get_or_add_rPr().append(word.element("w:iCs"))

    # Lists ----------------------------------------------------------------------------------------------------

    def list(self, node: Tag, container: Any) -> None:
        """A list and the lists inside it as one Word list, one level per nesting; typed labels when Word's
        counting would print other numbers than the book."""
        if "bibliography" in (node.get("class") or []):
            self.bibliography(node, container)
            return
        first = node.find("li", recursive=False)
        num_id: int | None
        if self.items and self.items[-1].num_id is not None and first is not None and id(first) in self.level_of:
            num_id = self.items[-1].num_id  # inside a list planned with this one
        else:
            planned = _plan(node)
            num_id = self.numbering.add(planned[0]) if planned is not None else None
            self.level_of.update(planned[1] if planned is not None else {})
        nested = self.items[-1].level + 1 if self.items else 0  # for labels kept typed: indented by nesting
        for li in node.find_all("li", recursive=False):
            label = li.find("span", class_="num", recursive=False)
            self.items.append(_Item(num_id, self.level_of.get(id(li), nested) if num_id is not None else nested))
            if num_id is not None and label is not None:
                label.extract()  # Word prints it
            self.blocks(li, container, "Table Text" if container is not self.document else None)
            self.items.pop()

    def bibliography(self, node: Tag, container: Any) -> None:
        """Sources as the book lists them: no bullets, each with a hanging indent."""
        for li in node.find_all("li", recursive=False):
            start = len(container.paragraphs)
            self.blocks(li, container)
            for paragraph in container.paragraphs[start:]:
                paragraph.paragraph_format.left_indent = self.font.em(3)
                paragraph.paragraph_format.first_line_indent = -self.font.em(3)

    # Tables ---------------------------------------------------------------------------------------------------

    def table(self, node: Tag, container: Any) -> None:
        rows = [tr for tr in node.find_all("tr") if tr.find_parent("table") is node]
        if not rows:
            return
        grid, count = _grid(rows)
        table = container.add_table(rows=len(rows), cols=count)
        table.autofit = False
        word.borders(table)
        widths = _widths(grid, count, self.width[-1])
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
        head = _header_rows(node, rows)
        for index, (row, tr) in enumerate(zip(table.rows, rows, strict=True)):
            if index < head:
                word.repeat_header(row)
            # A row is kept on one page (print.css: break-inside avoid) unless it is long: Word would leave most
            # of a page empty before a row that fills the next.
            if len(_text(tr)) < SHORT_ROW:
                word.no_split(row)
        for tr in table._tbl.tr_lst:
            for c, tc in enumerate(tr.tc_lst):
                tc.width = Emu(widths[c])
        for placed in grid:
            for _, (r0, c0, rowspan, colspan) in placed:
                if rowspan > 1 or colspan > 1:
                    table.cell(r0, c0).merge(table.cell(r0 + rowspan - 1, c0 + colspan - 1))
        cells = table._cells  # the grid's cells once merged, row by row: looked up once, for it is slow
        for placed in grid:
            for cell_node, (r0, c0, _, colspan) in placed:
                cell = cells[r0 * count + c0]
                if cell_node.name == "th":
                    word.shade(cell, "EEF0F8")
                self.width.append(sum(widths[c0 : c0 + colspan]) - int(Cm(0.4)))
                saved, self.items = self.items, []
                self.blocks(cell_node, cell, "Table Text")
                self.items = saved
                self.width.pop()
                first = cell.paragraphs[0]
                if not first.runs and len(cell.paragraphs) > 1:
                    first._p.getparent().remove(first._p)
                if cell_node.name == "th":
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)
        if container is self.document:
            # A table ends with an empty line: two tables in a row would otherwise be joined into one by Word.
            self.styled(container, "Table Text")

    # Pictures -------------------------------------------------------------------------------------------------

    def figure(self, node: Tag, container: Any) -> None:
        """A chart as pictures (one per page it fills when long), its caption as text below."""
        html, caption, description = chart(node)
        for png in self.pictures(html, self.width[-1] / EMU_PER_CM):
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

    def _picture(self, paragraph: Any, data: bytes, description: str, *, limit: bool = False) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as picture:
            dpi = picture.info.get("dpi", (96, 96))[0] or 96
            width = int(picture.width / float(dpi) * 914400)
            height = int(picture.height / float(dpi) * 914400)
        scale = min(1.0, self.width[-1] / width, (Cm(3.5) if limit else Cm(23)) / height)
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Emu(int(width * scale)))
        shape._inline.docPr.set("descr", description)


def chart(node: Tag) -> tuple[str, Tag | None, str]:
    """A chart's HTML as it is drawn (without its caption, which stays text, and without the ids that differ from
    book to book), its caption, and the words that describe it (the picture's alternative text)."""
    caption = node.find("figcaption")
    if caption is not None:
        caption.extract()
    for tag in [node, *node.find_all(True)]:
        tag.attrs.pop("id", None)
    description = node.get("alt") or (caption.get_text(" ", strip=True) if caption else "") or _text(node)[:200]
    return str(node), caption, str(description)


def charts(soup: BeautifulSoup, width_cm: float) -> list[tuple[str, float]]:
    """The charts a part of a book will ask `Pictures` for, when it stands at full width: to draw them beforehand."""
    found = []
    for node in soup.find_all(lambda tag: _is_chart(tag)):
        if any(_is_chart(parent) or _skipped(parent) for parent in node.parents):
            continue
        found.append((chart(node)[0], width_cm))
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


def _text(node: Tag) -> str:
    return _SPACE.sub(" ", node.get_text()).strip()


def _trim(paragraph: Any) -> None:
    """HTML drops the spaces at a line's ends; so does the paragraph."""
    runs = [run for run in paragraph.runs if run.text]
    if runs:
        runs[0].text = runs[0].text.lstrip()
        runs[-1].text = runs[-1].text.rstrip()


def _bold(paragraph: Any) -> None:
    for run in paragraph.runs:
        word.thai_run_properties(run._r.get_or_add_rPr(), bold=True)


def _labels(li: Tag) -> str | None:
    label = li.find("span", class_="num", recursive=False)
    return label.get_text().strip() if label is not None else None


def _plan(node: Tag) -> tuple[list[word.Level], dict[int, int]] | None:
    """Word's levels for a list and the lists inside it, and each item's level; None when Word's counting would
    print other labels than the book.

    An item's level is its nesting, plus the extra numbers of its label in a list that flattens levels (`๒.`, then
    `๒.๑` in the same list). A level's text is its first item's label with the last number replaced by the counter,
    and any earlier number that is an ancestor's counter by that counter (`๑.๒` under item ๑ → `%1.%2`); Word's
    counting (a level restarts after an item above it) is then checked against every typed label."""
    levels: list[word.Level] = []
    level_of: dict[int, int] = {}
    if node.name == "ul" or node.find("span", class_="num") is None:
        # Bullets, or numbers the browser draws (1. 2. 3.): one level per nesting.
        bullet = node.name == "ul"
        start = _span(node, "start")
        for level in range(9):
            text = ("•" if level == 0 else "◦") if bullet else f"%{level + 1}."
            levels.append(word.Level("bullet" if bullet else "decimal", text, 1 if bullet else start))
        for li in [node, *node.find_all(["ol", "ul"])]:
            for item in li.find_all("li", recursive=False):
                level_of[id(item)] = min(
                    8, len(item.find_parents(["ol", "ul"])) - len(node.find_parents(["ol", "ul"])) - 1
                )
        return levels, level_of
    counters: list[int] = []

    def walk(lst: Tag, base: int) -> bool:
        items = lst.find_all("li", recursive=False)
        labels = [_labels(li) or "" for li in items]
        numbers = [_NUMBER.findall(label) for label in labels]
        if not items or any(not found for found in numbers):
            return False
        least = min(len(found) for found in numbers)
        for li, typed, found in zip(items, labels, numbers, strict=True):
            level = base + len(found) - least
            if level > len(levels) or level > 8:
                return False
            del counters[level + 1 :]
            if level == len(levels):
                thai = any(ch in THAI for ch in typed)
                text = _level_text(typed, level, counters[:level])
                levels.append(word.Level("thaiNumbers" if thai else "decimal", text, _int(found[-1])))
            if len(counters) > level:
                counters[level] += 1
            else:
                if len(counters) < level:
                    return False
                counters.append(levels[level].start)
            if _format(levels, level, counters) != typed:
                return False
            level_of[id(li)] = level
            for child in li.find_all(["ol", "ul"], recursive=False):
                if child.name != "ol" or not walk(child, level + 1):
                    return False
        return True

    return (levels, level_of) if walk(node, 0) else None


def _int(number: str) -> int:
    return int(number.translate(str.maketrans(THAI, "0123456789")))


def _level_text(typed: str, depth: int, parents: list[int]) -> str:
    """`๑.๒` at depth 1 under item 1 → `%1.%2`; a number that is not an ancestor's stays as typed."""
    pieces = _NUMBER.split(typed)
    numbers = _NUMBER.findall(typed)
    out = pieces[0]
    for position, number in enumerate(numbers):
        last = position == len(numbers) - 1
        ancestor = depth - (len(numbers) - 1 - position)
        if last:
            out += f"%{depth + 1}"
        elif 0 <= ancestor < depth and _int(number) == parents[ancestor]:
            out += f"%{ancestor + 1}"
        else:
            out += number
        out += pieces[position + 1]
    return out


def _format(levels: list[word.Level], depth: int, counters: list[int]) -> str:
    """The label Word prints for an item, from its level's text and the counters of its level and those above."""

    def number(level: int) -> str:
        text = str(counters[level])
        return (
            text.translate(str.maketrans("0123456789", THAI)) if levels[level].number_format == "thaiNumbers" else text
        )

    return re.sub(r"%(\d)", lambda m: number(int(m.group(1)) - 1), levels[depth].text)


def _grid(rows: list[Tag]) -> tuple[list[list[tuple[Tag, tuple[int, int, int, int]]]], int]:
    """Each row's cells with their place in the grid (row, column, rowspan, colspan), and the number of columns."""
    taken: set[tuple[int, int]] = set()
    grid: list[list[tuple[Tag, tuple[int, int, int, int]]]] = []
    count = 0
    for r, tr in enumerate(rows):
        placed = []
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in taken:
                c += 1
            rowspan = max(1, min(_span(cell, "rowspan"), len(rows) - r))
            colspan = _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            placed.append((cell, (r, c, rowspan, colspan)))
            c += colspan
        count = max(count, c, *(col + 1 for row, col in taken if row == r))
        grid.append(placed)
    return grid, max(count, 1)


def _span(cell: Tag, name: str) -> int:
    value = str(cell.get(name) or "1").strip()
    return max(1, int(value)) if value.isdigit() else 1


def _widths(grid: list[list[tuple[Tag, tuple[int, int, int, int]]]], count: int, total: int) -> list[int]:
    """Column widths in EMU, by how much each column has to say (its longest line, within limits), and wide enough
    that a short label (a row's header, a number) stays on one line: Thai has no spaces to break it at."""
    weight = [4.0] * count
    least = [0] * count
    for row in grid:
        for cell, (_, c, _, colspan) in row:
            if colspan == 1:
                lines = [_SPACE.sub(" ", line).strip() for line in cell.get_text("\n").split("\n")]
                longest = max((len(line) for line in lines), default=0)
                weight[c] = max(weight[c], min(float(longest), 45.0))
                if longest <= 16:
                    least[c] = max(least[c], int(Cm(0.2 * longest + 0.5)))
    whole = sum(weight)
    widths = [int(total * w / whole) for w in weight]
    short = [c for c in range(count) if widths[c] < least[c]]
    if short and sum(least[c] for c in short) < total * 0.6:
        rest = total - sum(least[c] for c in short)
        others = sum(widths[c] for c in range(count) if c not in short) or 1
        widths = [least[c] if c in short else int(widths[c] * rest / others) for c in range(count)]
    return widths


def _header_rows(table: Tag, rows: list[Tag]) -> int:
    """The rows repeated on every page: the table head, or the leading rows of header cells only."""
    head = table.find("thead")
    if head is not None and head.find_parent("table") is table:
        return len([tr for tr in rows if tr.find_parent("thead") is head])
    count = 0
    for tr in rows:
        cells = tr.find_all(["td", "th"], recursive=False)
        if cells and all(cell.name == "th" for cell in cells) and len(cells) > 1:
            count += 1
        else:
            break
    return count if count < len(rows) else 0


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def sections(soup: BeautifulSoup) -> Iterator[Tag]:
    body = soup.body
    return iter(body.find_all(True, recursive=False) if body is not None else [])


__all__ = ["Pictures", "Writer", "parse", "qn"]
