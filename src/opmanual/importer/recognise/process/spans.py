"""Where the processes are in the stream: from the line introducing each one (its title above ชื่องาน) to before
the next process, the end matter, or the text after its last part that is not its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ..words import key, matches
from .common import (
    BACK_MATTER,
    CLOSING,
    CLUSTER_GAP,
    END_WORDS,
    INTRO_LONGEST,
    SIMILAR_TITLE,
    _continues,
    _numbers,
    _profile,
    _similar,
    inline_name,
)
from .fields import part_of


def _is_end(block: Block, level: int | None) -> bool:
    """Whether `block` closes the process it follows: end matter, or a heading as high as the process's title."""
    if matches(block, END_WORDS):
        return True
    if isinstance(block, Paragraph | Heading) and (
        any(re.match(rf"{word}(?:\s|$)", block.text) for word in END_WORDS) or block.text.startswith(BACK_MATTER)
    ):
        return True  # the end matter's title run together with its first line
    return isinstance(block, Heading) and block.level is not None and level is not None and block.level <= level


def spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """[start, end) ranges of the processes in `blocks`: from the line introducing each one (its title above
    ชื่องาน) to before the next process, the end matter, or the text after its last part that is not its own."""
    heads = [part_of(block) for block in blocks]
    starts = _starts(blocks, heads)
    out: list[tuple[int, int]] = []
    for number, (start, first) in enumerate(starts):
        limit = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        title = blocks[start]
        level = title.level if isinstance(title, Heading) else None
        if level is not None and start == first:
            level -= 1  # the title is a part's own heading: only a heading above the parts' level ends the process
        end = _end(blocks, heads, first, limit, level)
        out.append((start, end))
    return out


def _starts(blocks: Sequence[Block], heads: list[str | None]) -> list[tuple[int, int]]:
    """(start including the introducing line, index of the first part heading) of every process."""
    found: list[int] = []
    for index, head in enumerate(heads):
        # "ชื่องาน : …" right above a table is the table's title (a schedule), not a new process; a ชื่องาน with
        # another part right under it is a line of a table of contents.
        if head == "name" and not _titles_table(blocks, index) and not _listed(blocks, heads, index):
            found.append(index)
    # Processes without a ชื่องาน heading: a ขั้นตอน heading over a list or a table, with at least two other parts
    # close around it (within its chapter, when the source has heading levels).
    named = [(start, _end(blocks, heads, start, _next_start(found, start, len(blocks)), None)) for start in found]
    for index, head in enumerate(heads):
        if head != "steps" or _listed(blocks, heads, index) or any(start <= index < end for start, end in named):
            continue
        if not _has_list(blocks, heads, index):
            continue  # a line of a table of contents, or a method's steps written as prose
        parts = _cluster(blocks, heads, index)
        if len(parts) >= 3:
            found.append(min(parts.values()))
    found.sort()
    return [(_intro(blocks, heads, first, found), first) for first in found]


def _has_list(blocks: Sequence[Block], heads: list[str | None], index: int) -> bool:
    """Whether a part heading's body (up to the next part heading) holds a list item or a table."""
    for block, head in zip(blocks[index + 1 :], heads[index + 1 :], strict=True):
        if head is not None:
            return False
        if isinstance(block, ListItem | Table):
            return True
    return False


def _cluster(blocks: Sequence[Block], heads: list[str | None], index: int) -> dict[str, int]:
    """The parts around the ขั้นตอน heading at `index` (part → index of its heading): each heading no further than
    CLUSTER_GAP blocks from the one before it, not past a heading above the ขั้นตอน heading's level."""
    level = _level(blocks[index])
    parts = {"steps": index}

    def take(at: int) -> bool:
        """Take the heading at `at` into the cluster; False where the chapter ends."""
        block_level = _level(blocks[at])
        if level is not None and block_level is not None and block_level < level:
            return False
        head = heads[at]
        if head and head not in parts and (level is None or block_level == level):
            parts[head] = at
        return True

    last = index
    for at in range(index - 1, -1, -1):
        if last - at > CLUSTER_GAP or not take(at):
            break
        last = at if heads[at] else last
    last = index
    for at in range(index + 1, len(blocks)):
        if at - last > CLUSTER_GAP or not take(at):
            break
        last = at if heads[at] else last
    return parts


def _level(block: Block) -> int | None:
    return block.level if isinstance(block, Heading) else None


def _listed(blocks: Sequence[Block], heads: list[str | None], index: int) -> bool:
    """Whether the part heading at `index` is an entry of a table of contents: another part heading right under it
    (a name on the heading's own line is a body)."""
    return index + 1 < len(blocks) and heads[index + 1] is not None and not inline_name(blocks[index])


def _titles_table(blocks: Sequence[Block], index: int) -> bool:
    return bool(inline_name(blocks[index])) and index + 1 < len(blocks) and isinstance(blocks[index + 1], Table)


def _next_start(found: list[int], start: int, length: int) -> int:
    later = [other for other in found if other > start]
    return min(later) if later else length


def _intro(blocks: Sequence[Block], heads: list[str | None], first: int, found: list[int]) -> int:
    """The line above a process's first part heading that titles it (our export's heading above its profile table,
    a PDF's title line that says the name), or `first` itself when there is none."""
    index = first - 1
    above = blocks[index] if index >= 0 else None
    profile = isinstance(above, Table) and _profile(above)
    if profile:
        index -= 1
    while index >= 0 and isinstance(blocks[index], PageBreak):
        index -= 1
    if index < 0 or heads[index] or index in found:
        return first
    block = blocks[index]
    if not isinstance(block, Heading | Paragraph | ListItem) or len(block.text) > INTRO_LONGEST:
        return first
    before = blocks[index - 1] if index > 0 else None
    # An item numbering on from the list before it ends the previous part; it does not title this one.
    if (
        isinstance(block, ListItem)
        and isinstance(before, ListItem)
        and block.label
        and before.label
        and _continues(_numbers(before.label), _numbers(block.label))
    ):
        return first
    name = _peek_name(blocks, heads, first)
    if profile or not name or key(name) in key(block.text) or _similar(block.text, name) >= SIMILAR_TITLE:
        return index
    return first


def _peek_name(blocks: Sequence[Block], heads: list[str | None], first: int) -> str:
    """The name under a ชื่องาน heading, before the part is read ("" for a process without that heading)."""
    if heads[first] != "name":
        return ""
    inline = inline_name(blocks[first])
    if inline:
        return inline
    after = blocks[first + 1] if first + 1 < len(blocks) else None
    return after.text if isinstance(after, Paragraph | ListItem | Heading) else ""


def _end(blocks: Sequence[Block], heads: list[str | None], first: int, limit: int, level: int | None) -> int:
    """Where a process starting at `first` ends, at the latest `limit` (the next process's start): at a part seen
    again, at end matter, or — after its last part, when that closes a process (forms, references …) — where that
    part's list stops numbering on or a paragraph follows it (the page's next piece of text)."""
    seen: set[str] = set()
    stop, last = limit, first
    for index in range(first, limit):
        head = heads[index]
        if head is not None:
            if head in seen and head != "name":
                stop = index  # a part again: another process (or a chapter) that this recogniser cannot name
                break
            seen.add(head)
            last = index
        elif index > first and _is_end(blocks[index], level):
            stop = index
            break
    if heads[last] not in CLOSING:
        return stop
    previous: tuple[int, ...] | None = None
    listed = False
    for index in range(last + 1, stop):
        block = blocks[index]
        if isinstance(block, ListItem):
            numbers = _numbers(block.label or "")
            if previous is not None and numbers and not _continues(previous, numbers):
                return index
            previous, listed = numbers or previous, True
        elif isinstance(block, Paragraph | Heading) and listed:
            return index
    return stop
