"""The one stream every reader turns its file into, and the recogniser reads: headings, paragraphs, list items,
tables and page breaks, each knowing where in the source it came from.

Readers keep format quirks to themselves: a Word reader knows Word's list numbering and heading styles, a PDF
reader knows lines and page headers, a text reader knows that a typed "๑.๒" starts a list item. What comes out is
plain text in these few shapes, already repaired (`opmanual.thai.repair`), with typed numbering taken off and kept
in `label` so the recogniser can still see that a heading was "ส่วนที่ ๒" or a step "๓.๑".
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Where:
    """A place in a source file, as the import report names it: `manual.pdf p. 12`, `manual.docx ¶ 40`."""

    source: str  # the file's name as given on the command line
    page: int | None = None  # 1-based page of a PDF (or of a text file with form feeds)
    paragraph: int | None = None  # 1-based paragraph of a Word file, or line of a text file

    def __str__(self) -> str:
        if self.page is not None:
            return f"{self.source} p. {self.page}"
        if self.paragraph is not None:
            return f"{self.source} ¶ {self.paragraph}"
        return self.source


@dataclass(frozen=True)
class Heading:
    text: str
    level: int | None  # 1 = a chapter; None where the source does not say (plain text, most PDFs)
    where: Where
    label: str | None = None  # typed numbering taken off the text: "ส่วนที่ ๒", "๓.", "1.2"


@dataclass(frozen=True)
class Paragraph:
    text: str  # one paragraph, lines joined where the source had wrapped them
    where: Where


@dataclass(frozen=True)
class ListItem:
    text: str
    level: int  # 0 = a top-level item
    where: Where
    numbered: bool = True  # False for bullets
    label: str | None = None  # the number as the source showed it ("๑.๒", "ก."), None for Word's own numbering


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Paragraph | ListItem, ...]  # a cell holds paragraphs and lists, in order
    colspan: int = 1
    rowspan: int = 1

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]  # a merged cell appears once, at its top-left, with its spans
    where: Where
    header_rows: int = 0  # rows marked as repeating headers (Word) or drawn as a header; 0 when unknown


@dataclass(frozen=True)
class PageBreak:
    where: Where


Block = Heading | Paragraph | ListItem | Table | PageBreak


@dataclass
class Source:
    """One read file: its blocks, and what the reader noticed on the way (shown in the import report)."""

    name: str
    blocks: list[Block]
    notes: list[str] = field(default_factory=list)


class SourceError(Exception):
    """A file that cannot be read: encrypted, damaged, empty, not what its name says, too large. The message is
    a plain sentence naming the file; the command prints it and exits with an error, writing nothing."""
