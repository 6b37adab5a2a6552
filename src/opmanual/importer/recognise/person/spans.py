"""Where each person's manual (or chapter of a group manual) is in the stream, and the two spans of one person
that our export's person book gives (`same`, `merge`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ....thai import normalize
from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ...draft import Guess, Part
from ..words import line_of, matches
from .common import (
    ASSIGNED,
    COVER_REACH,
    OFFICE_TITLE,
    OFFICE_WORDS,
    ORDER_NUMBER,
    PART_WORDS,
    _contents_line,
    _cover_title,
    _defaults,
    _profile,
    _title_line,
)
from .names import split_name, split_position
from .places import part_of


def _cover_at(blocks: Sequence[Block], index: int) -> bool:
    """Whether the name line at `index` opens a person: our export's heading of the person's book (a level and a
    position or profile table right after), or a cover (a position line, then a คำนำ or a manual's title)."""
    block = blocks[index]
    if split_name(line_of(block) or "") is None:
        return False
    near = blocks[index + 1 : index + 1 + COVER_REACH]
    if isinstance(block, Heading) and block.level is not None and near and isinstance(near[0], Table):
        return _profile(near[0]) is not None
    if not near or split_position(line_of(near[0]) or "") is None:
        return False
    if normalize(line_of(near[0]) or "").startswith("ตำแหน่ง"):
        return True  # our export's cover: the name, then "ตำแหน่ง …" (labels.position)
    if index and _cover_title(blocks[index - 1]):
        return True
    for other in near[1:]:
        if part_of(other) == "foreword":
            return True
        if _cover_title(other):
            return True
        if split_name(line_of(other) or ""):
            return False  # another name: an organisation chart or a list of signatures
    return False


def _glued(blocks: Sequence[Block], index: int) -> bool:
    """Whether the assignment's heading was run into the end of the block before `index` (a PDF's line joined to
    the list item above it) and `index` is the order's paragraph."""
    previous, block = (blocks[index - 1], blocks[index]) if index else (None, None)
    if not isinstance(previous, Paragraph | ListItem | Heading) or not isinstance(block, Paragraph):
        return False
    before = normalize(previous.text).replace("\n", " ")
    text = normalize(block.text)
    glued = any(before.endswith(word) and before != word for word in PART_WORDS["assignment"])
    return glued and bool(ORDER_NUMBER.search(text) or ASSIGNED.search(text))


def _named(blocks: Sequence[Block]) -> str:
    """The name the assignment at the start of `blocks` gives (ได้มอบหมายให้ …), plain, or ""."""
    for block in blocks[:6]:
        if isinstance(block, Paragraph) and (found := ASSIGNED.search(normalize(block.text))):
            named = split_name(found.group(1))
            return "".join(named[1:]) if named else ""
    return ""


def spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """[start, end) ranges of the people in `blocks`: a personal manual from its cover's name line, a chapter of a
    group manual from its การปฏิบัติงานตามที่ได้รับมอบหมาย, our export's book from its name heading; each to before
    the next person, a heading above its own, or the office's part (แนวคิด, วัตถุประสงค์ …). A personal manual's
    บรรณานุกรม at the back of the book is one more span (`_back_bibliography`)."""
    starts: list[int] = []
    names: list[str] = []  # whom each start names: one name throughout is a personal manual
    current = ""
    for index in _past_contents(blocks, range(len(blocks))):
        block = blocks[index]
        named = split_name(line_of(block) or "")
        if named and "".join(named[1:]) == current and not isinstance(block, Heading):
            continue  # the person's name again (a signature), not a new person
        if _cover_at(blocks, index):
            current = "".join(named[1:]) if named else ""
            # the book's title just above the name is the person's cover title
            starts.append(index - 1 if index and _cover_title(blocks[index - 1]) else index)
            names.append(current)
        elif part_of(block) == "assignment" or _glued(blocks, index):
            named_here = _named(blocks[index if _glued(blocks, index) else index + 1 :])
            if not starts or (named_here and named_here != current):
                current = named_here
                starts.append(index)
                names.append(current)
    out: list[tuple[int, int]] = []
    for number, start in enumerate(starts):
        limit = starts[number + 1] if number + 1 < len(starts) else len(blocks)
        out.append((start, _end(blocks, start, limit)))
    back = _back_bibliography(blocks, out[-1][1]) if len(set(names)) == 1 else None
    return [*out, back] if back else out


def _back_bibliography(blocks: Sequence[Block], after: int) -> tuple[int, int] | None:
    """The span of the last บรรณานุกรม after `after` (a personal manual's, at the back of the book after the group's
    part and the processes: hers), to the next heading of a part or the end; None when there is none."""
    found = [index for index in range(after, len(blocks)) if part_of(blocks[index]) == "bibliography"]
    if not found:
        return None
    start = found[-1]  # a contents page may name it before
    heading = blocks[start]
    level = heading.level if isinstance(heading, Heading) else None
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        higher = isinstance(block, Heading) and level is not None and block.level is not None and block.level <= level
        if higher or part_of(block) is not None or matches(block, OFFICE_WORDS):
            return start, index
    return start, len(blocks)


def _end(blocks: Sequence[Block], start: int, limit: int) -> int:
    """Where the person starting at `start` ends: a heading as high as their chapter's (when it is one), or the
    group's part of a personal manual (its title lines and first heading); a printed สารบัญ names those headings
    too, and is passed over."""
    first = blocks[start]
    chapter = isinstance(first, Heading) and first.level is not None and not _cover_title(first)
    level = first.level if chapter and isinstance(first, Heading) else None
    for index in _past_contents(blocks, range(start + 1, limit)):
        block = blocks[index]
        leveled = isinstance(block, Heading) and block.level is not None
        if leveled and level is not None and getattr(block, "level", 0) <= level:
            return index
        if matches(block, OFFICE_WORDS) and level is None and not _contents_line(blocks, index):
            while index - 1 > start and OFFICE_TITLE.match(_title_line(blocks[index - 1])):
                index -= 1  # the group part's title lines above its first heading
            return index
    return limit


def _past_contents(blocks: Sequence[Block], indexes: range) -> Iterator[int]:
    """The `indexes` of `blocks` outside a printed สารบัญ: its heading and its lines name the people and the parts
    too, and start or end no one."""
    within = False
    for index in indexes:
        block = blocks[index]
        if within and _toc_entry(block):
            continue
        within = part_of(block) == "contents" and isinstance(block, Heading) and block.level is not None
        if not within:
            yield index


def _toc_entry(block: Block) -> bool:
    """A line of a contents page under a heading: a plain paragraph (Word's TOC entries have no page numbers until
    Word fills them in), a line with dot leaders (a PDF's), or a page break between its pages."""
    if isinstance(block, PageBreak | Paragraph):
        return True
    return isinstance(block, Heading | ListItem) and ("...." in block.text or block.level is None)


def same(one: Part, other: Part) -> bool:
    """Whether two parts are the same person (our export's person book names them on its cover and again at the
    head of their chapter, with the group's chapter between: two spans)."""
    return all(one.data.get(field) == other.data.get(field) for field in ("prefix", "name", "surname"))


def merge(first: Part, second: Part) -> Part:
    """One person from two parts of them: what the second says that the first does not, lists joined (the
    second's guesses re-pointed to where its items now are)."""
    data = dict(first.data)
    shift: dict[str, int] = {}
    for field, value in second.data.items():
        if field not in data or field in ("prefix", "name", "surname"):
            data[field] = value
        elif isinstance(value, list) and isinstance(data[field], list):
            shift[field] = len(data[field])
            data[field] = [*data[field], *value]
    guesses = list(first.guesses)
    for guess in second.guesses:
        head, *tail = guess.path
        if isinstance(head, str) and head in shift and tail and isinstance(tail[0], int):
            guesses.append(Guess((head, tail[0] + shift[head], *tail[1:]), guess.note))
        elif not (isinstance(head, str) and head in first.data and head not in shift):
            guesses.append(guess)
    ordered = Part(data=data, guesses=guesses, unplaced=[*first.unplaced, *second.unplaced])
    _defaults(ordered)
    return ordered
