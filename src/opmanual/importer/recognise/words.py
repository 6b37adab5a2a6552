"""How the recognisers compare a line with the words of a heading: without numbering, spaces, digit style or
punctuation, so "๒. วัตถุประสงค์", "2.วัตถุ ประสงค์" and "วัตถุประสงค์ :" are the same heading.

Also the one shape of every recogniser's table of places (`Place`: the headings that open a piece of a page and the
function that reads it, found by `place_of`), and the words more than one recogniser knows: what our books print
(`LABELS`, the labels' defaults) and the headings of the vision, mission and goals (`AIMS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...data import hygiene
from ...data.labels import Labels
from ...thai import ARABIC_DIGITS, normalize
from ..blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ..draft import Part
from ..limits import MAX_LINES, MAX_PARAGRAPHS

LABELS = Labels()  # the words our own books print by default: a book we made imports back
# The headings of an aims table's or an aims part's three pieces, in the wordings of the group's and the people's
# pages alike (the labels' words first).
AIMS = {
    "vision": (LABELS.vision, "วิสัยทัศน์ (Vision)"),
    "mission": (LABELS.mission, "พันธกิจ (Mission)"),
    "goals": (
        LABELS.goals, "เป้าประสงค์", "เป้าหมายการปฏิบัติงาน", "เป้าประสงค์ (Goals)", "เป้าประสงค์ เป้าหมาย เป้าหมายการปฏิบัติงาน"
    ),
}  # fmt: skip

_PART_WORDS = re.compile(r"^(?:ส่วนที่|บทที่|ตอนที่|หัวข้อที่|ข้อ)\s*[0-9๐-๙]+\s*[.:)]?\s*")
_NOISE = re.compile(r"[\s\u200b.:：()\-–—/]+")
LONGEST_HEADING = 80  # characters: a longer line is a sentence, not a heading


def key(text: str) -> str:
    """`text` reduced to what identifies a heading: no numbering, no spaces or punctuation, Arabic digits."""
    # Every recogniser asks for the key of the same lines and of the same heading words, dozens of times a block:
    # short texts are remembered (a bounded number of them), long ones are no heading and are rarely asked twice.
    return _short_key(text) if len(text) <= LONGEST_HEADING else _key(text)


def _key(text: str) -> str:
    text = normalize(text).split("\n")[0]
    text = _PART_WORDS.sub("", text)
    text = text[len(hygiene.typed_mark(text, hygiene.NUMBERED)) :]
    return _NOISE.sub("", text.translate(ARABIC_DIGITS)).lower()


# Every line of the largest source the readers let through: a cache that can hold fewer is emptied by each pass of
# the recognisers over the blocks, and saves nothing.
_short_key = lru_cache(maxsize=max(MAX_PARAGRAPHS, MAX_LINES))(_key)


def plain(text: str) -> str:
    """`text` without its spaces: how a name said in one part is matched with the same name said in another."""
    return "".join(normalize(str(text)).split())


def line_of(block: Block) -> str | None:
    """The text of a block that could be a heading: a heading, or a short paragraph or list item."""
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph | ListItem) and len(block.text) <= LONGEST_HEADING and "\n" not in block.text:
        return block.text
    return None


def matches(block: Block, words: Iterable[str], *, prefix: bool = False) -> bool:
    """Whether `block` is a heading saying one of `words` (or starting with one, when `prefix`)."""
    line = line_of(block)
    if line is None:
        return False
    found = key(line)
    if not found:
        return False
    wanted = _keys(tuple(words))
    return found in wanted or (prefix and found.startswith(tuple(wanted)))


@lru_cache(maxsize=1 << 10)
def _keys(words: tuple[str, ...]) -> frozenset[str]:
    """The keys of a recogniser's heading words (a constant tuple each): worked out once."""
    return frozenset(key(word) for word in words)


Read = Callable[[Part, Block | None, Sequence[Block]], list[Block]]


@dataclass(frozen=True)
class Place:
    """A place of a recogniser's page: the headings that open it in a source, and how its body is read."""

    name: str  # a part of the page (data/parts.py), or a piece the recogniser reads itself (contents, approval …)
    words: tuple[str, ...]  # the headings that open it
    read: Read  # (part, heading, body) → the body put in its fields; returns the blocks it could not place
    after: str | None = None  # the part a free section of those blocks follows; None: its own, if it is a part


def place_of(block: Block, places: Sequence[Place], *, prefix: bool = False) -> Place | None:
    """The first of `places` whose heading `block` is (or, `prefix`, starts with), or None."""
    if isinstance(block, Table | PageBreak):
        return None
    return next((place for place in places if matches(block, place.words, prefix=prefix)), None)


def body_only(read: Callable[[Part, Sequence[Block]], list[Block]]) -> Read:
    """A reader of a body alone (its heading says nothing more) as a `Place`'s reader."""
    return lambda part, heading, body: read(part, body)
