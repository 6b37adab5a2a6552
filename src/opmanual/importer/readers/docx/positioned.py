"""Word files whose text stands in positioned frames, as PDF-to-Word converters write them (LibreOffice's PDF
import: every run of glyphs a text box anchored at its place on the page, a tone mark in a box of its own, the
whole document one paragraph). Read as paragraphs they are thousands of fragments ("คู", "่", "มือ"); read here
as the page's lines, they go through the plain-text reader, which joins wrapped lines into paragraphs and drops
running headers and page numbers, as it does for a PDF's text.

Pages: a frame that stands far above the one before it starts a new page. Lines: frames at one height. A frame
holding only marks (a tone mark, a vowel above or below) belongs after the last letters of the frame that starts
just before it: the converter puts it at the end of its base letter, which may be a hair after the start of the
next frame.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MIN_FRAMES = 20  # fewer positioned frames than this: a document with a few text boxes, read as Word paragraphs
SHARE = 0.8  # the share of the document's text in positioned frames that makes it a converted page layout
SAME_LINE = 60_000  # EMU (about 1.7 pt): frames this close in height are on one line
SPACE = 40_000  # EMU: a gap wider than this between frames is a space
NEXT_PAGE = 0.4  # a frame this share of the page's height above the one before starts a new page
BOUNDARY = 5_000  # EMU: a frame starting this little before a mark starts after the mark's letter


@dataclass
class _Frame:
    y: int
    x: int
    width: int
    text: str


def _frames(document: Any) -> tuple[list[_Frame], int]:
    """The positioned frames that hold text, in document order, and the length of all the document's text."""
    frames: list[_Frame] = []
    fallback = f"{{{MC}}}Fallback"
    for anchor in document.iter(f"{{{WP}}}anchor"):
        if any(parent.tag == fallback for parent in anchor.iterancestors()):
            continue  # the same frame again, for programs that cannot read the first
        text = "".join(node.text or "" for node in anchor.iter(f"{{{W}}}t"))
        across, down = (
            anchor.find(f"{{{WP}}}positionH/{{{WP}}}posOffset"),
            anchor.find(f"{{{WP}}}positionV/{{{WP}}}posOffset"),
        )
        if not text.strip() or across is None or down is None:
            continue
        extent = anchor.find(f"{{{WP}}}extent")
        width = extent.get("cx", "0") if extent is not None else "0"
        try:  # a number that is not one: the frame has no place, and is left to the Word paragraphs' reading
            frames.append(_Frame(int(down.text), int(across.text), int(width), text))
        except (TypeError, ValueError):
            continue
    total = sum(len(node.text or "") for node in document.iter(f"{{{W}}}t"))
    return frames, total


def text_of(document: Any) -> str | None:
    """The document's text as pages (`\\f`) of lines, when it is a converted page layout; None otherwise."""
    frames, total = _frames(document)
    framed = sum(len(frame.text) for frame in frames)
    # Both copies of an AlternateContent count in `total`; the frames are counted once.
    if len(frames) < MIN_FRAMES or framed < SHARE * (total - framed):
        return None
    lowest = max(frame.y for frame in frames)
    pages: list[list[_Frame]] = [[]]
    for frame in frames:
        if pages[-1] and frame.y < pages[-1][-1].y - NEXT_PAGE * lowest:
            pages.append([])
        pages[-1].append(frame)
    return "\f".join("\n".join(_lines(page)) for page in pages)


def _marks_only(text: str) -> bool:
    return all(unicodedata.category(char) in ("Mn", "Me") for char in text)


def _lines(page: list[_Frame]) -> list[str]:
    rows: list[list[_Frame]] = []
    for frame in sorted(page, key=lambda frame: (frame.y, frame.x)):
        if rows and abs(frame.y - rows[-1][0].y) <= SAME_LINE:
            rows[-1].append(frame)
        else:
            rows.append([frame])
    return [line for row in rows if (line := _line(row))]


def _line(row: list[_Frame]) -> str:
    row.sort(key=lambda frame: frame.x)
    letters = [frame for frame in row if not _marks_only(frame.text)]
    starts = [frame.x for frame in letters]
    for mark in (frame for frame in row if _marks_only(frame.text)):
        at = bisect.bisect_left(starts, mark.x - BOUNDARY) - 1
        if at >= 0:
            letters[at].text += mark.text
    out = ""
    end: int | None = None
    for frame in letters:
        if end is not None and frame.x - end > SPACE and not out.endswith(" "):
            out += " "
        out += frame.text
        end = frame.x + frame.width if end is None else max(end, frame.x + frame.width)
    return " ".join(out.split())
