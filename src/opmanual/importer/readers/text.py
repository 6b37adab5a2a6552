"""Plain text (.txt) and Markdown (.md) into blocks: what a PDF's text layer or a copy from Word looks like.

Text extracted from a PDF keeps the page's layout and loses its structure: lines wrapped mid-paragraph (often with a
blank line between them), running headers with the page number, lone page numbers, a table of contents with page
numbers after a tab, tables flattened into tab-separated lines, and numbering typed into the text ("๑.", "1.2.3",
"(๑)", "ก.", "-"). This reader undoes that:

- a line continues the paragraph (or list item) before it when that one ends in a *full* line — as wide as the
  file's usual wrap width — and it does not start with a number or bullet; blank lines are ignored for this in files
  that are double-spaced, and separate paragraphs otherwise. A number that carries on the sentence is no label: one
  the word before asks for ("กลุ่มโรงเรียนที่ / ๒ มีจำนวน"), a bare one that is not the next of the items numbered
  that way, or the next of an enumeration running inside the paragraph ("… ๓) วิทยาศาสตร์ / ๔) สังคมศึกษา");
- typed numbering becomes a `ListItem` (`split_label`): "1." → level 0, "1.2" → 1, "1.2.3" → 2, and a bullet,
  "(๑)" or "ก." one level under the item of another kind just before it;
- a line repeated on several pages with only its trailing page number changing is a running header, and a line
  that is only a number next to a page break is a page number: both are dropped, and so is a table of contents
  (tab-separated lines ending in page numbers), each noted in `Source.notes`;
- two or more tab-separated lines are a `Table` (header_rows=1 when the first row has no number-only cell);
- a form feed is a `PageBreak`.

Headings: a plain text file does not say which lines are headings, and a short line alone between blank lines is as
often a name, a signature or a paragraph's last wrapped line as it is a heading. So a .txt never yields `Heading`:
short lines are `Paragraph`s and the recognisers decide from their words (แนวคิด, วัตถุประสงค์, …). A .md file's
`#` lines are `Heading`s with their level; `-`/`*`/`1.` lists with indentation, and pipe tables, are read as
Markdown writes them.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from ... import thai
from ...data.hygiene import label_kind, split_label
from ..blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Source, SourceError, Table, Where
from ..limits import MAX_CELLS, MAX_LINES, MAX_TEXT_BYTES, TooLarge, size
from .format import Format
from .safe import read_at_most

_TRAILING_NUMBER = re.compile(r"\s+[0-9๐-๙]{1,4}$")
_BOLD = re.compile(r"\*\*|(?<!_)__(?!_)")  # a run of underscores is text: "_____" stands for the author above


def unmarked(text: str) -> str:
    """`text` without Markdown's bold marks (`**`, `__`), which a text pasted from a chat or an editor carries and a
    PDF printed from it shows: the books set their own emphasis."""
    return _BOLD.sub("", text)


_MD_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"( *)([-*+]|[0-9]{1,3}[.)])\s+(.*)")
_MD_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
NUMBER_ONLY = re.compile(r"[0-9๐-๙.,\s]+")  # a number, or numbers: no words
_LINE_NUMBER = re.compile(r"([0-9๐-๙]{1,3})([.)]?)")  # a number as a line's label: "๒", "๒.", "๒)"
# Words a number follows in a sentence (a count, a year, an ordinal): a line ending in one goes on with the number on
# the next line. Not "ที่" alone: หน้าที่ and พื้นที่ end lines too.
_NUMBER_WORDS = ("จำนวน", "พ.ศ.", "กลุ่มที่", "โรงเรียนที่", "ครั้งที่", "ฉบับที่", "ข้อที่", "ลำดับที่", "ปีที่", "รุ่นที่")


@dataclass
class _Line:
    number: int  # 1-based line of the file
    page: int  # 1-based page (form feeds)
    text: str  # repaired, without ** markup; tabs kept
    blanks_before: int  # blank lines between this line and the one before (a page break counts as 3)
    run_width: int = 0  # the widest line of the run of lines around this one with no blank line between them

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t")]


def decode(data: bytes, name: str) -> str:
    """The file's text: UTF-8 (with or without a BOM), else the Thai Windows code page that old files use."""
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError(f"{name} is not a text file that can be read (neither UTF-8 nor Thai Windows-874 text).")


def read_file(file: io.BufferedReader, name: str) -> Source:
    """Read an open text file into blocks: Markdown unless its name ends in .txt. A file larger than any manual's
    text is refused before it is read whole."""
    data = read_at_most(file, MAX_TEXT_BYTES)
    if data is None:
        raise TooLarge(
            f"{name} is {size(os.fstat(file.fileno()).st_size)} of text, more than a manual's "
            f"{size(MAX_TEXT_BYTES)} (a 300-page manual is about 1 MB): check that it is the right file."
        )
    return parse(decode(data, name), name, markdown=PurePath(name).suffix.lower() != ".txt")


# Text has no mark of its own: a file is read as text by its name's ending, when no other reader claims it.
FORMAT = Format("text", (".txt", ".md"), None, read_file, also=(".markdown",))


def parse(text: str, name: str, markdown: bool = False) -> Source:
    """Blocks of a text already decoded; `name` is what `Where` and the notes call the file."""
    source = Source(name, [])
    breaks = text.count("\n") + text.count("\r") + text.count("\f")
    if breaks > 2 * MAX_LINES:  # CR LF counts twice; the lines are counted exactly below
        raise TooLarge(_too_many_lines(name))
    # Cells are repaired one by one as the lines are read, and padded to the widest row as tables are made.
    if text.count("\t") + (text.count("|") if markdown else 0) > MAX_CELLS:
        raise TooLarge(_too_many_cells(name))
    lines = _lines(text)
    if len(lines) > MAX_LINES:
        raise TooLarge(_too_many_lines(name))
    paged = "\f" in text
    lines = _drop_running_lines(lines, source.notes)
    builder = _Builder(source, paged, markdown, _wrap_width(lines), _double_spaced(lines))
    index = 0
    while index < len(lines):
        index = builder.take(lines, index)
    builder.flush()
    if not any(isinstance(block, Paragraph | ListItem | Heading | Table) for block in source.blocks):
        raise SourceError(f"{name} has no text in it.")
    return source


def _too_many_cells(name: str) -> str:
    return (
        f"{name} has more than {MAX_CELLS:,} table cells, more than a manual has (an 80-page manual has about "
        "2,000): check that it is the right file."
    )


def _too_many_lines(name: str) -> str:
    return (
        f"{name} has more than {MAX_LINES:,} lines, more than a manual has (a 300-page manual has about 10,000): "
        "check that it is the right file."
    )


def _lines(text: str) -> list[_Line]:
    found: list[_Line] = []
    blanks = 0
    number = 0
    for page, chunk in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f"), start=1):
        if page > 1:
            blanks = max(blanks, 3)
            found.append(_Line(number, page, "\f", blanks))
            blanks = 0
        for piece, raw in enumerate(chunk.split("\n")):
            number += page == 1 or piece > 0  # a form feed splits a line: its two sides share the number
            cells = [thai.repair(unmarked(cell)).strip() for cell in raw.split("\t")]
            while len(cells) > 1 and not cells[0]:
                del cells[0]  # an indent typed with tabs
            text_ = "\t".join(cells) if len(cells) > 1 else cells[0]
            if not text_.strip():
                blanks += 1
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            found.append(_Line(number, page, " " * indent + text_ if indent else text_, blanks))
            blanks = 0
    _measure_runs(found)
    return found


def _measure_runs(lines: list[_Line]) -> None:
    start = 0
    for end in range(1, len(lines) + 1):
        if end == len(lines) or lines[end].blanks_before or lines[end].text == "\f" or lines[end - 1].text == "\f":
            widest = max(display_width(line.text.strip()) for line in lines[start:end])
            for line in lines[start:end]:
                line.run_width = widest
            start = end


def display_width(text: str) -> int:
    """How wide a line is on the page: Thai marks above and below a letter take no width."""
    return sum(1 for char in text if unicodedata.category(char) != "Mn")


def _wrap_width(lines: list[_Line]) -> int:
    """The width at which the source wrapped its paragraphs: the densest 15-character band of line widths (from 40
    up); 0 when the file has too few lines to tell."""
    widths = Counter(display_width(line.text.strip()) for line in lines if "\t" not in line.text and line.text != "\f")
    best, best_count = 0, 0
    for top in range(40, 400):
        count = sum(widths[width] for width in range(top - 14, top + 1))
        if count >= best_count:
            best, best_count = top, count
    return best if best_count >= 5 else 0


def _double_spaced(lines: list[_Line]) -> bool:
    """Whether most lines have a blank line after them, as a PDF's text extraction often gives."""
    text_lines = [line for line in lines if line.text != "\f"]
    spaced = sum(1 for line in text_lines[1:] if line.blanks_before >= 1)
    return len(text_lines) > 10 and spaced / (len(text_lines) - 1) >= 0.35


def _drop_running_lines(lines: list[_Line], notes: list[str]) -> list[_Line]:
    """Lines without running headers and footers (a line repeated with only its trailing page number changing) and
    lone page numbers next to a page break."""
    numbered: dict[str, set[str]] = {}
    for line in lines:
        found = _TRAILING_NUMBER.search(line.text)
        key = line.text[: found.start()] if found else ""
        if found and display_width(key) >= 15:
            numbered.setdefault(key, set()).add(found.group().strip())
    running = {key for key, numbers in numbered.items() if len(numbers) >= 2}
    kept: list[_Line] = []
    dropped_running = dropped_numbers = 0
    for index, line in enumerate(lines):
        found = _TRAILING_NUMBER.search(line.text)
        after = lines[index + 1].blanks_before if index + 1 < len(lines) else 3
        if index + 1 < len(lines) and lines[index + 1].text == "\f":
            after = 3
        before = 3 if index == 0 or lines[index - 1].text == "\f" else line.blanks_before
        if found and line.text[: found.start()] in running:
            dropped_running += 1
        elif thai.is_page_number(line.text) and (before >= 2 or after >= 2):
            dropped_numbers += 1
        else:
            kept.append(line)
            continue
        # What the dropped line stood between is still a page boundary.
        if index + 1 < len(lines):
            lines[index + 1].blanks_before = max(lines[index + 1].blanks_before, line.blanks_before, 2)
    if dropped_running:
        notes.append(f"ตัดหัวกระดาษหรือท้ายกระดาษ {dropped_running} บรรทัด")
    if dropped_numbers:
        notes.append(f"ตัดเลขหน้า {dropped_numbers} บรรทัด")
    return kept


class TypedLevels:
    """Levels of typed numbering in a run of list items: a dotted or plain number says its own level ("1." → 0,
    "1.2" → 1); a bullet, "(๑)" or "ก." is one under the item of another kind before it, or at the level of the
    last item of its own kind."""

    def __init__(self) -> None:
        self.kinds: list[tuple[str, int]] = []  # (label kind, level) of the items since the run began

    def reset(self) -> None:
        self.kinds = []

    def level(self, kind: str, depth: int) -> int:
        if kind in ("dotted", "number"):
            self.kinds = [(kind, depth)]
            return depth
        for position, (seen, level) in enumerate(self.kinds):
            if seen == kind:
                del self.kinds[position + 1 :]
                return level
        level = self.kinds[-1][1] + 1 if self.kinds else 0
        self.kinds.append((kind, level))
        return level


class _Builder:
    """Turns lines into blocks, keeping the paragraph being built and the numbering seen in the current list."""

    def __init__(self, source: Source, paged: bool, markdown: bool, width: int, double_spaced: bool) -> None:
        self.source = source
        self.paged = paged
        self.markdown = markdown
        self.width = width
        self.double_spaced = double_spaced
        self.parts: list[str] = []  # the lines of the open paragraph or list item
        self.open: _Line | None = None  # its first line
        self.item: tuple[str | None, int, bool] | None = None  # (label, level, numbered) when it is a list item
        self.last: _Line | None = None  # its last line
        self.levels = TypedLevels()
        self.counted: int | None = None  # the number of the last item numbered with a bare number ("๒ งาน")
        self.cells = 0  # table cells made so far, for MAX_CELLS

    def where(self, line: _Line) -> Where:
        return Where(self.source.name, page=line.page if self.paged else None, paragraph=line.number)

    def emit(self, block: Block) -> None:
        self.source.blocks.append(block)

    def flush(self) -> None:
        if self.open is None:
            return
        text = thai.join_lines(self.parts)
        where = self.where(self.open)
        if self.item is None:
            self.emit(Paragraph(text, where))
        else:
            label, level, numbered = self.item
            self.emit(ListItem(text, level, where, numbered=numbered, label=label))
        self.open = self.last = self.item = None
        self.parts = []

    def continues(self, lines: list[_Line], index: int) -> bool:
        """Whether `lines[index]` is a wrapped continuation of the open paragraph or list item: the line before it
        is full — nearly as wide as the widest line of its run of lines without blank lines between them, or (in a
        double-spaced file, or over a page break) as the file's wrap width — or the open block is a list item whose
        line is at least half full and the line after this one starts the next item."""
        line = lines[index]
        if self.last is None or _is_heading_word(line.text):
            return False
        last = display_width(self.last.text.strip())
        if line.blanks_before == 0 and last >= max(25, 0.8 * self.last.run_width):
            return True
        if (line.blanks_before in (1, 2) and not self.double_spaced) or self.width == 0:
            return False
        if self.width - 20 <= last <= self.width + 5:
            return True
        following = lines[index + 1] if index + 1 < len(lines) else None
        return bool(
            self.item is not None
            and last >= self.width / 2
            and following is not None
            and following.blanks_before < 3
            and split_label(following.text)[0] is not None
        )

    def carries_on(self, label: str) -> bool:
        """Whether the number `label` that starts a line (after a full one) is the open paragraph's sentence going on
        rather than a new item's number: a bare number that the paragraph's last word asks for, or that is not the
        next of the items numbered that way; or a marked one ("๔)") that is the next of an enumeration inside the
        paragraph's own text. A PDF's text wraps a sentence wherever the line is full, numbers included."""
        found = _LINE_NUMBER.fullmatch(label)
        if not found:
            return False
        number, mark = _number(found.group(1)), found.group(2)
        text = thai.join_lines(self.parts)
        if not mark:
            return text.endswith(_NUMBER_WORDS) or number not in (1, (self.counted or 0) + 1)
        inline = rf"(?:^|\s){number - 1}\s*{re.escape(mark)}"
        return number > 1 and re.search(inline, text.translate(thai.ARABIC_DIGITS)) is not None

    def take(self, lines: list[_Line], index: int) -> int:
        """Read the block that starts at `lines[index]`; the index after it."""
        line = lines[index]
        if line.text == "\f":
            self.flush()
            self.emit(PageBreak(self.where(line)))
            return index + 1
        if "\t" in line.text or (self.markdown and line.text.lstrip().startswith("|")):
            end = self._table_end(lines, index)
            if end - index >= 2 or (self.markdown and end > index):
                self.flush()
                if self._table(lines[index:end]):
                    return end
                # The lines listed under the last entry of a table of contents belong to it.
                while end < len(lines) and lines[end].blanks_before == 0 and lines[end].text != "\f":
                    end += 1
                return end
            line.text = " ".join(line.cells)
        if self.markdown and self._markdown(line):
            return index + 1
        stripped = line.text.strip()
        label, rest, depth = split_label(stripped)
        if self.open is not None and (label is None or self.carries_on(label)) and self.continues(lines, index):
            if label is None:
                self.parts.append(stripped)
            else:  # a number is a word of its own: "กลุ่มโรงเรียนที่ ๒", not "ที่๒"
                self.parts[-1] = f"{self.parts[-1]} {stripped}"
            self.last = line
            return index + 1
        self.flush()
        self.open = self.last = line
        if label is None or not rest:
            self.parts = [stripped]
            self.levels.reset()
            self.counted = None
            return index + 1
        bare = _LINE_NUMBER.fullmatch(label)
        if bare and not bare.group(2):
            self.counted = _number(bare.group(1))
        kind = label_kind(label)
        self.parts = [rest]
        self.item = (label, self._level(kind, depth), kind != "bullet")
        return index + 1

    def _level(self, kind: str, depth: int) -> int:
        return self.levels.level(kind, depth)

    def _markdown(self, line: _Line) -> bool:
        """Markdown's own headings and lists; False for a line that is plain text."""
        heading = _MD_HEADING.fullmatch(line.text.strip())
        if heading:
            self.flush()
            self.levels.reset()
            label, rest, _ = split_label(heading.group(2))
            if label is not None and label_kind(label) == "bullet":
                label, rest = None, heading.group(2)
            self.emit(Heading(rest, len(heading.group(1)), self.where(line), label=label))
            return True
        listed = _MD_LIST.fullmatch(line.text)
        if listed and not NUMBER_ONLY.fullmatch(listed.group(3)):
            self.flush()
            marker = listed.group(2)
            label, rest, _ = split_label(listed.group(3))
            text = rest if label is not None and label_kind(label) != "bullet" else listed.group(3)
            self.open = self.last = line
            self.parts = [text]
            level = len(listed.group(1)) // 2
            self.item = (label if label and text is rest else None, level, marker[0].isdigit())
            return True
        if line.blanks_before == 0 and self.open is not None:
            self.parts.append(line.text.strip())
            self.last = line
            return True
        return False

    def _table_end(self, lines: list[_Line], index: int) -> int:
        end = index
        while end < len(lines) and ("\t" in lines[end].text or self._pipe_row(lines[end])):
            if end > index and lines[end].blanks_before >= 2:
                break
            end += 1
        return end

    def _pipe_row(self, line: _Line) -> bool:
        return self.markdown and line.text.lstrip().startswith("|")

    def _table(self, rows: list[_Line]) -> bool:
        """Emit the table of `rows`; False when they were a table of contents, dropped."""
        where = self.where(rows[0])
        if self.markdown and rows[0].text.lstrip().startswith("|"):
            cells = [[cell.strip() for cell in row.text.strip().strip("|").split("|")] for row in rows]
            header = 1 if len(rows) > 1 and _MD_RULE.fullmatch(rows[1].text.strip()) else 0
            if header:
                del cells[1]
        else:
            cells = [row.cells for row in rows]
            if _is_contents(cells):
                self.source.notes.append(f"ตัดสารบัญ ({where}) ระบบทำสารบัญให้เอง")
                last = self.source.blocks[-1] if self.source.blocks else None
                if isinstance(last, Paragraph) and last.text in ("หน้า", "page"):
                    self.source.blocks.pop()  # the contents' column title
                return False
            header = None
        columns = max(len(row) for row in cells)
        # Every row is padded to the widest: one line of a million tabs over a thousand lines is a billion cells.
        self.cells += columns * len(cells)
        if self.cells > MAX_CELLS:
            raise TooLarge(_too_many_cells(self.source.name))
        self.emit(table_of(cells, where, header))
        return True


# A line was cut for its width (a page's line, a cell's) when the next line's first word would have made it this
# share of the width wide: characters are only roughly as wide as each other, and a cut line loses its last space.
FIT = 0.9


def first_word(line: str) -> str:
    """The first word of `line`: a Thai word as the page's line breaking sees it, else up to the first space."""
    return next((token for token in thai.segments(line[:40]) if not token.isspace()), "")


MIN_WRAPPED_CELL = 8  # a column whose longest line is shorter holds words, not wrapped text
FULL_CELL = 0.8  # a line this share of its column's longest or more is close to the column's width
WRAPPED_LINES = 3  # a column with this many such lines holds wrapped text


def untabbed(text: str) -> str:
    """A line drawn with tabs read as text: each tab and the spaces around it one space."""
    return re.sub(r"\s*\t\s*", " ", text).strip()


def tab_rows(lines: list[list[str]]) -> list[list[str]]:
    """The cells of a table drawn with tabs, line by line, as its rows: a line whose first cell is empty is the row
    above going on, each of its cells the next line of the cell above it — the same paragraph where the line above
    was cut for its column's width (the first word of the next would not have fitted after it, the column as wide
    as its longest line), another paragraph of the cell where it ended short."""
    widths = []
    for column in range(max(map(len, lines), default=0)):
        sizes = [display_width(line[column]) for line in lines if column < len(line) and line[column]]
        widest = max(sizes, default=0)
        # A column of wrapped text has lines cut close to its width, several of them; one long entry is no sign.
        wrapped = sum(1 for size in sizes if size >= FULL_CELL * widest) >= WRAPPED_LINES
        widths.append(widest if wrapped else 0)
    rows: list[list[str]] = []
    before: list[str] = []  # each column's last line, as printed
    for line in lines:
        if rows and not line[0]:
            above = rows[-1] + [""] * (len(line) - len(rows[-1]))
            line = line + [""] * (len(above) - len(line))
            before += [""] * (len(line) - len(before))
            pairs = enumerate(zip(above, line, strict=True))
            rows[-1] = [_goes_on(cell, before[column], more, widths[column]) for column, (cell, more) in pairs]
            before = [more or last for more, last in zip(line, before, strict=True)]
        else:
            rows.append(line)
            before = list(line)
    return rows


def _goes_on(cell: str, before: str, more: str, width: int) -> str:
    """A cell's text with its next line `more`: joined where the line `before` was cut for the column's `width`."""
    if not more or not cell:
        return cell or more
    first = first_word(more)
    item = split_label(more, bare=False)[0] is not None
    if not item and width >= MIN_WRAPPED_CELL and display_width(before) + display_width(first) > FIT * width:
        return thai.join_lines([cell, more])
    return f"{cell}\n{more}"


def table_of(
    cells: list[list[str]],
    where: Where,
    header_rows: int | None = None,
    block: Callable[[str], Paragraph | ListItem] | None = None,
) -> Table:
    """A table of rows of cell texts (lines drawn with tabs), each row padded to the widest; a cell's lines are its
    paragraphs, each made by `block` (a plain paragraph unless given). Without `header_rows`, a first row with no
    number in it is the header."""
    if header_rows is None:
        header_rows = int(len(cells) > 1 and not any(NUMBER_ONLY.fullmatch(cell) for cell in cells[0] if cell))
    make = block or (lambda text: Paragraph(text, where))
    columns = max(len(row) for row in cells)
    rows = tuple(
        tuple(
            Cell(tuple(make(line) for line in text.split("\n") if line)) for text in row + [""] * (columns - len(row))
        )
        for row in cells
    )
    return Table(rows, where, header_rows=header_rows)


def _number(digits: str) -> int:
    return int(digits.translate(thai.ARABIC_DIGITS))


@cache
def _heading_words() -> frozenset[str]:
    """The headings our books print (`labels.py` defaults), spaces taken out: a line that is one of them starts a
    part, whatever the line before it looks like."""
    from ...data.labels import Labels

    return frozenset(
        re.sub(r"\s+", "", value)
        for value in Labels().model_dump().values()
        if isinstance(value, str) and "{" not in value and len(value) <= 40
    )


def _is_heading_word(text: str) -> bool:
    return re.sub(r"\s+", "", text) in _heading_words()


def _is_contents(rows: list[list[str]]) -> bool:
    """A table of contents: most rows end in a page number (or nothing), and the other cells are short titles."""
    ends = sum(1 for row in rows if not row[-1] or NUMBER_ONLY.fullmatch(row[-1]) or row[-1] in ("หน้า", "page"))
    return len(rows) >= 3 and ends >= 0.8 * len(rows) and all(len(row) <= 3 for row in rows)
