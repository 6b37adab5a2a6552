"""A work process (กระบวนงาน) in the stream: where each one is, and its standard parts as the model's `Process`.

A process is found by its part headings — ๑. ชื่องาน (กระบวนงาน), ๒. วัตถุประสงค์ … ๘. เอกสารอ้างอิง, and the extras
some manuals add (ระยะเวลา, ตัวชี้วัด, ติดตามประเมินผล, ความเสี่ยง) — matched by their words whatever the numbering,
spacing or digits, so a PDF's "๕. ข้ันตอนการปฏิบัติงาน" list item, a plain paragraph and our own exported Word
heading "๕. ขั้นตอนการปฏิบัติงาน" are the same part. Each part's body is read into its field; what a field cannot
hold goes into a free section after that part (and into `part.unplaced`), so nothing is dropped.

A schedule table's periods are read by `periods`. The flowchart is drawn from the steps, so a PDF's flattened
drawing under "Flow Chart" is placed when its texts are the steps' (or the chart's own words).

`references` holds the titles of the documents under เอกสารอ้างอิง, as plain strings: the orchestrator gives each
one an id in references.yml and puts the ids in their place. Likewise `workgroup` is a work group's name (from our
export's profile table), and a step's `responsible` lists people's names as the source wrote them; both must become
ids (or be dropped) there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from ...data.hygiene import NUMBERED, STEP, typed_mark
from ...data.parts import PAGES, wordings
from ...thai import ARABIC_DIGITS, join_lines, normalize
from ..blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table, Where
from ..draft import Part, Unplaced
from ..shape import columns, free_section, grid, header_count, items, table, text_block
from . import periods
from .periods import column
from .words import LABELS, Place, body_only, key, line_of, matches, place_of

# The parts of a process, in print order, with the wordings manuals use for their headings (data/parts.py).
NAME_WORDS = wordings("process")["name"]
TITLES = {found.key: found.title for found in PAGES["process"]}  # a free section after a part names it
# What a page prints under a part with nothing in it: the part is empty.
EMPTY_WORDS = (LABELS.not_given, LABELS.nothing, "-", "–", "—")
# Headings after which no process goes on: the end matter of a manual, or the next chapter.
END_WORDS = (LABELS.bibliography, LABELS.appendices, LABELS.foreword, LABELS.contents, LABELS.references_page)
BACK_MATTER = (LABELS.bibliography, LABELS.appendices)  # a title that may run together with its first line
PROFILE_WORDS = (LABELS.workgroup, LABELS.responsible, LABELS.unit)  # our export's first table: who runs it, where
FLOW_COLUMNS = (LABELS.flow_number, LABELS.flow_symbols, LABELS.flow_details)  # our export's flowchart table
# Our export's headings inside the flowchart part, over what is drawn from the steps.
FLOW_HEADINGS = (LABELS.diagram, LABELS.flow_text)
# The words a drawn flowchart adds to its boxes: its ends and the answers on a check's arrows.
CHART_STARTS = ("เริ่มต้น", "เริ่ม", "Start")
CHART_ENDS = ("สิ้นสุด", "จบ", "End")
CHART_WORDS = ("เริ่มต้น", "เริ่ม", "สิ้นสุด", "จบ", "ใช่", "ไม่ใช่", "ผ่าน", "ไม่ผ่าน", "อนุมัติ", "ไม่อนุมัติ", "Start", "End")
# Parts whose list closes a process: after them, a list item that does not number on is the next piece of text.
CLOSING = ("forms", "references", "schedule", "kpis", "monitoring", "risks")
CLUSTER_GAP = 40  # blocks: part headings further apart than this do not make one process without a ชื่องาน
INTRO_LONGEST = 160  # characters of a line that introduces a process (its title above ชื่องาน)
SIMILAR_TITLE = 0.6  # a title line this like the name (difflib's ratio) introduces the process
CONTINUATION_LONGEST = 160  # a shorter paragraph right after a list item is that item's wrapped tail

_NAME_HEAD = re.compile(r"ชื่อ\s*(?:งาน\s*\(\s*กระบวนงาน\s*\)|กระบวนงาน)\s*:?\s*")
_LETTER = re.compile(r"[A-Za-z\u0e01-\u0e4e]")
_DEFINES = re.compile(r"\s*(หมายถึง|หมายความว่า)\s*")
_BOLD = re.compile(r"\*\*|__")
_DURATION = re.compile(
    r"\(?\s*(?:ระยะเวลา|ใช้เวลา)\s*:?\s*([0-9๐-๙]+(?:\s*[-–]\s*[0-9๐-๙]+)?\s*(?:วัน|สัปดาห์|เดือน|ชั่วโมง)(?:ทำการ)?)\s*\)?"
)
# The details of a step as our export prints them after its text.
META_FIELDS = {LABELS.duration: "duration", LABELS.responsible: "responsible", LABELS.quality_standard: "standard"}
_META = re.compile(rf"\s*({'|'.join(META_FIELDS)})\s*:\s*")
_CHECK = re.compile(r"หรือไม่|ไม่ผ่าน|ไม่อนุมัติ|ไม่เห็นชอบ|ไม่ถูกต้อง")


# ----------------------------------------------------------------------------------------------------------------
# Where the processes are


def part_of(block: Block) -> str | None:
    """The process part `block` is the heading of, or None."""
    if found := place_of(block, PLACES):
        return found.name
    if inline_name(block) is not None:
        return "name"
    return None


def inline_name(block: Block) -> str | None:
    """The name written on the heading's own line — "ชื่องาน : งานนิเทศ", or "๑. ชื่องาน (กระบวนงาน) งานนิเทศ" where a
    PDF's lines ran together — else None."""
    if isinstance(block, Table | PageBreak):
        return None
    text = normalize(block.text).split("\n")[0]
    text = text[len(typed_mark(text, NUMBERED)) :]
    line = line_of(block)
    if line is not None and ":" in line:
        head, name = text.split(":", 1)
        if key(head) in {key(word) for word in NAME_WORDS} and name.strip():
            return name.strip()
    found = _NAME_HEAD.match(text)
    if (
        found
        and _LETTER.search(text[found.end() :])  # not a contents line's dot leader and page number
        and (not isinstance(block, ListItem) or _numbers(block.label or "1") == (1,))
    ):
        return text[found.end() :].strip(" :")
    return None


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


def _numbers(label: str) -> tuple[int, ...]:
    digits = re.findall(r"[0-9]+", label.translate(ARABIC_DIGITS))
    return tuple(int(digit) for digit in digits)


def _continues(previous: tuple[int, ...], numbers: tuple[int, ...]) -> bool:
    """Whether a list label follows the one before it: the next sibling at any depth, or a first child."""
    if numbers == (*previous, 1):
        return True
    for depth in range(1, len(previous) + 1):
        if numbers == (*previous[: depth - 1], previous[depth - 1] + 1):
            return True
    # Labels written inside a part's numbering ("๘.๑") against plain ones ("๑."): only the last number counts.
    return len(numbers) != len(previous) and numbers[-1:] in {(1,), (previous[-1] + 1,)}


def _similar(one: str, two: str) -> float:
    return SequenceMatcher(None, key(one), key(two)).ratio()


def _profile(block: Table) -> bool:
    first = [row[0].text for row in block.rows if row]
    return bool(first) and all(any(key(text) == key(word) for word in PROFILE_WORDS) for text in first)


# ----------------------------------------------------------------------------------------------------------------
# One process


def recognise(blocks: Sequence[Block]) -> tuple[str, Part]:
    """The process in `blocks` (one span): its Thai name and its file's values. `references` are document titles,
    `workgroup` a work group's name and a step's `responsible` people's names — the orchestrator turns them into
    ids."""
    part = Part()
    pieces = _cut(blocks)
    intro: list[Block] = []
    for name, heading, body in pieces:
        if name is None:
            intro = list(body)
            continue
        _place(part, name, heading, _merged([block for block in body if not _empty(block)]))
    _name(part, intro, pieces)
    _flow(part)
    _order(part)
    return str(part.data.get("name", "")), part


def _cut(blocks: Sequence[Block]) -> list[tuple[str | None, Block | None, list[Block]]]:
    """The span cut at its part headings: (part, heading, body); what comes before the first heading first."""
    pieces: list[tuple[str | None, Block | None, list[Block]]] = [(None, None, [])]
    for index, block in enumerate(blocks):
        head = part_of(block)
        if head == "name" and _titles_table(blocks, index):
            head = "schedule"  # "ชื่องาน : …" titling a table: the schedule's (or steps') table
        if head is not None:
            pieces.append((head, block, []))
        elif isinstance(block, Heading) and block.level is not None and pieces[-1][0] is not None:
            level = pieces[-1][1].level if isinstance(pieces[-1][1], Heading) else None
            if level is not None and block.level <= level:
                # A heading of our export at a part's level that no part knows: a free section of its own.
                pieces.append(("section", block, []))
            else:
                pieces[-1][2].append(block)
        else:
            pieces[-1][2].append(block)
    return pieces


def _empty(block: Block) -> bool:
    """A paragraph saying that a part has nothing (as our pages print an empty part)."""
    return isinstance(block, Paragraph) and key(block.text) in {key(word) for word in EMPTY_WORDS}


def _merged(body: Sequence[Block]) -> list[Block]:
    """The body with a list item's wrapped tail (a short paragraph right after it, as PDFs split them) joined back
    onto the item, and page breaks left out."""
    out: list[Block] = []
    for block in body:
        if isinstance(block, PageBreak):
            continue
        last = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(last, ListItem)
            and len(block.text) <= CONTINUATION_LONGEST
            and not _DEFINES.search(block.text)
            and not matches(block, END_WORDS)
        ):
            out[-1] = ListItem(join_lines([last.text, block.text]), last.level, last.where, last.numbered, last.label)
            continue
        out.append(block)
    return out


def _place(part: Part, name: str, heading: Block | None, body: list[Block]) -> None:
    if name == "section":
        if isinstance(heading, Heading):
            _leftover(part, _after(part), body, heading.text, heading.where)
        return
    part.data.setdefault("_parts", []).append(name)
    place = next(place for place in PLACES if place.name == name)
    _leftover(part, name, place.read(part, heading, body))


def _read_name(part: Part, heading: Block | None, body: Sequence[Block]) -> list[Block]:
    """ชื่องาน: the name on the heading's own line, or the first line under it; our export's profile table gives
    the work group."""
    data = part.data
    inline = inline_name(heading) if heading is not None else None
    texts = [block for block in body if isinstance(block, Paragraph | ListItem | Heading)]
    if inline:
        data.setdefault("name", inline)
    elif texts and "name" not in data:
        first = texts[0]
        body = [block for block in body if block is not first]
        data["name"] = _strip(first.text)
    return [block for block in body if not (isinstance(block, Table) and _profile(block) and _workgroup(part, block))]


def _read_flowchart(part: Part, heading: Block | None, body: Sequence[Block]) -> list[Block]:
    """The flowchart part is read once the steps are known (`_flow`): its body waits."""
    part.data.setdefault("_flowchart", []).extend(body)
    return []


def _monitoring(part: Part, body: Sequence[Block]) -> list[Block]:
    value = text_block(body)
    if value:
        part.data["monitoring"] = [*part.data.get("monitoring", []), *value]
    return []


def _drawing(part: Part, body: Sequence[Block]) -> list[Block]:
    """The body without a flowchart drawing's text that a PDF's reading order put here (from its เริ่มต้น box to
    its สิ้นสุด box): that text goes to the flowchart part, where it is read with the rest of the drawing."""
    keys = [key(block.text) if isinstance(block, Paragraph | ListItem | Heading) else "" for block in body]
    starts, ends = {key(word) for word in CHART_STARTS}, {key(word) for word in CHART_ENDS}
    first = next((index for index, found in enumerate(keys) if found in starts), None)
    last = next((index for index in range(len(keys) - 1, -1, -1) if keys[index] in ends), None)
    if first is None or last is None or last < first:
        return list(body)
    part.data.setdefault("_flowchart", []).extend(body[first : last + 1])
    return [*body[:first], *body[last + 1 :]]


def _after(part: Part) -> str:
    placed = part.data.get("_parts") or ["name"]
    return str(placed[-1])


def _strip(text: str) -> str:
    return _BOLD.sub("", normalize(text)).strip()


def _leftover(
    part: Part, after: str, blocks: Sequence[Block], title: str | None = None, where: Where | None = None
) -> None:
    """Blocks no field holds: a free section after `after`, titled by the source's heading when there is one."""
    blocks = [block for block in blocks if not isinstance(block, PageBreak)]
    if not blocks and title is None:
        return
    if title is None:
        first = blocks[0]
        if isinstance(first, Heading) or (isinstance(first, Paragraph) and line_of(first) and len(blocks) > 1):
            title, blocks = first.text, blocks[1:]
        else:
            title = f"{TITLES.get(after, after)} (เพิ่มเติม)"
    section = free_section(_strip(title), blocks, after)
    sections: list[dict[str, Any]] = part.data.setdefault("sections", [])
    sections.append(section)
    for block in blocks or []:
        text = block.text if not isinstance(block, Table | PageBreak) else _table_text(block)
        part.unplaced.append(Unplaced(block.where, text[:80], section["title"]))
    if not blocks:
        part.unplaced.append(Unplaced(where or Where(""), title[:80], section["title"]))


def _table_text(block: Block) -> str:
    if isinstance(block, Table):
        return " | ".join(cell.text for row in block.rows[:1] for cell in row)
    return ""


def _list(part: Part, path: tuple[str, ...], body: Sequence[Block]) -> list[Block]:
    """A list field from the body's list items; paragraphs only (no list) become one item each, as a guess."""
    listed = [block for block in body if isinstance(block, ListItem)]
    rest: list[Block] = [block for block in body if not isinstance(block, ListItem)]
    if not listed and rest and all(isinstance(block, Paragraph) for block in rest):
        listed = [ListItem(block.text, 0, block.where) for block in rest if isinstance(block, Paragraph)]  # guessed
        rest = []
        part.guess(path, "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า ตรวจว่าแบ่งข้อถูกต้อง")
    if listed:
        part.data[path[-1]] = [*part.data.get(path[-1], []), *items(_clean(listed))]
    return rest


def _clean(listed: Sequence[ListItem], kind: str = NUMBERED) -> list[ListItem]:
    """Items with their text repaired and any number still typed at its start taken off (numbers are generated)."""
    return [
        ListItem(_unmarked(block.text, kind), block.level, block.where, block.numbered, block.label) for block in listed
    ]


def _unmarked(text: str, kind: str = NUMBERED) -> str:
    text = _strip(text)
    return text[len(typed_mark(text, kind)) :]


def _objectives(part: Part, body: Sequence[Block]) -> list[Block]:
    return _list(part, ("objectives",), body)


def _scope(part: Part, body: Sequence[Block]) -> list[Block]:
    """ขอบเขตของงาน: its paragraphs as `scope`, its list as `scope_items`; a table stays in the text."""
    listed = [block for block in body if isinstance(block, ListItem)]
    other = [block for block in body if not isinstance(block, ListItem)]
    if other:
        part.data["scope"] = [*part.data.get("scope", []), *text_block(other)]
    if listed:
        part.data["scope_items"] = [*part.data.get("scope_items", []), *items(_clean(listed))]
    return []


def _definitions(part: Part, body: Sequence[Block]) -> list[Block]:
    """Definitions: "X หมายถึง Y" / "X หมายความว่า Y", each with the list that follows it; other text after a
    definition is more of its meaning; text before the first one is a free section."""
    found: list[dict[str, Any]] = []
    extra: list[list[ListItem]] = []
    leftovers: list[Block] = []
    for block in body:
        text = block.text if isinstance(block, Paragraph | ListItem | Heading) else ""
        split = _DEFINES.split(_strip(text), maxsplit=1) if text else []
        if len(split) == 3 and split[0] and len(split[0]) <= 200:
            term, says, meaning = split
            entry: dict[str, Any] = {"term": term.strip(), "meaning": meaning.strip()}
            if says != "หมายถึง":
                entry["says"] = says
            if not entry["meaning"]:
                del entry["meaning"]
            found.append(entry)
            extra.append([])
        elif found and isinstance(block, ListItem):
            extra[-1].append(block)
        elif found and isinstance(block, Paragraph):
            meaning = found[-1].get("meaning")
            found[-1]["meaning"] = [*([meaning] if isinstance(meaning, str) else meaning or []), _strip(block.text)]
        else:
            leftovers.append(block)
    for entry, listed in zip(found, extra, strict=True):
        if listed:
            entry["items"] = items(_clean(listed))
    if found:
        part.data["definitions"] = [*part.data.get("definitions", []), *found]
    return leftovers


def _steps(part: Part, body: Sequence[Block]) -> list[Block]:
    """Numbered steps, nested by their levels; a steps table (ที่ / ขั้นตอน / ระยะเวลา / ผู้รับผิดชอบ) by its
    columns; a paragraph between steps stays with the step before it as one of its sub-steps' texts."""
    listed = [block for block in body if isinstance(block, ListItem)]
    tables = [block for block in body if isinstance(block, Table)]
    rest = [block for block in body if not isinstance(block, ListItem | Table)]
    steps: list[Any] = list(part.data.get("steps", []))
    if listed:
        steps += [_step(value) for value in items(_clean(listed, STEP))]
    elif rest and all(isinstance(block, Paragraph) for block in rest):
        steps += [_step(_unmarked(block.text, STEP)) for block in rest if isinstance(block, Paragraph)]
        part.guess(("steps",), "ต้นฉบับเขียนขั้นตอนเป็นย่อหน้า นำมาเป็นขั้นตอนทีละย่อหน้า ตรวจว่าแบ่งขั้นตอนถูกต้อง")
        rest = []
    leftovers: list[Block] = list(rest)
    for block in tables:
        found = _steps_table(part, block, len(steps))
        if found:
            steps += found
        elif not _flow_table(block):
            leftovers.append(block)
    if steps:
        part.data["steps"] = steps
    return leftovers


def _step(value: Any) -> Any:
    """An item as a step: sub-items become sub-steps; a duration typed in the text ("(ระยะเวลา ๓ วัน)") or the
    details our export prints after it ("ระยะเวลา: … ผู้รับผิดชอบ: … มาตรฐานคุณภาพงาน: …") its fields."""
    if isinstance(value, str):
        text, children = value, []
    else:
        text, children = value["text"], value.get("items", [])
    step: dict[str, Any] = {}
    pieces = _META.split(text)
    text = pieces[0].strip()
    for name, said in zip(pieces[1::2], pieces[2::2], strict=True):
        said = said.strip()
        if said:
            field = META_FIELDS[name]
            step[field] = [part.strip() for part in said.split(",") if part.strip()] if field == "responsible" else said
    found = _DURATION.search(text)
    if found and _DURATION.sub("", text).strip() and "duration" not in step:
        step["duration"] = found.group(1).strip()
        text = _DURATION.sub(" ", text).strip()
    step = {"text": text, **step}
    if children:
        step["steps"] = [_step(child) for child in children]
    return step["text"] if list(step) == ["text"] else step


def _steps_table(part: Part, block: Table, before: int = 0) -> list[Any]:
    """A table of steps: one step per body row, its columns mapped onto the step's fields."""
    names = columns(block)
    text = column(names, "ขั้นตอน", "กิจกรรม", "วิธีการ", "กระบวนการ")
    if text is None or len(names) < 2 or _flow_table(block):
        return []
    details = column(names, "รายละเอียด")
    duration = column(names, "ระยะเวลา", "เวลา")
    responsible = column(names, "ผู้รับผิดชอบ", "ผู้ปฏิบัติ")
    standard = column(names, "มาตรฐาน")
    if details == text:
        details = None
    full = grid(block)
    steps: list[Any] = []
    for row in full[header_count(block) :]:
        cells = [cell.text.strip() if cell is not None else "" for cell in row]
        if not cells[text]:
            continue
        step: dict[str, Any] = {"text": _strip(cells[text].replace("\n", " "))}
        if details is not None and cells[details]:
            step["steps"] = [_strip(line) for line in cells[details].split("\n") if line.strip()]
        if duration is not None and cells[duration]:
            step["duration"] = _strip(cells[duration].replace("\n", " "))
        if responsible is not None and cells[responsible]:
            step["responsible"] = [_strip(name) for name in re.split(r"[\n,]", cells[responsible]) if name.strip()]
            part.guess(("steps", before + len(steps), "responsible"), "ชื่อผู้รับผิดชอบตามต้นฉบับ ตรวจว่าเป็นรหัสบุคลากรที่ถูกต้อง")
        if standard is not None and cells[standard]:
            step["standard"] = _strip(cells[standard].replace("\n", " "))
        steps.append(step)
    return steps


def _flow_table(block: Table) -> bool:
    """Our export's flowchart table (ลำดับที่ / ผังขั้นตอน / รายละเอียดงาน), drawn from the steps."""
    names = {key(cell.text) for cell in (block.rows[0] if block.rows else ())}
    return sum(key(word) in names for word in FLOW_COLUMNS) >= 2


def _forms(part: Part, heading: Block | None, body: Sequence[Block]) -> list[Block]:
    """แบบฟอร์มที่ใช้: the paragraph leading the list as `forms_text`, each item a form (sub-items kept in its
    name); paragraphs alone are one form each."""
    body = _drawing(part, body)
    listed = [block for block in body if isinstance(block, ListItem)]
    other: list[Block] = [block for block in body if not isinstance(block, ListItem)]
    if listed:
        part.data["forms"] = [*part.data.get("forms", []), *_flat(listed)]
        if other:
            part.data["forms_text"] = [*part.data.get("forms_text", []), *text_block(other)]
    elif other and all(isinstance(block, Paragraph) for block in other):
        part.data["forms"] = [*part.data.get("forms", []), *[_strip(b.text) for b in other if isinstance(b, Paragraph)]]
        part.guess(("forms",), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นแบบฟอร์มทีละย่อหน้า ตรวจว่าแบ่งถูกต้อง")
    elif other:
        return other
    return []


def _flat(listed: Sequence[ListItem]) -> list[str]:
    """List items as one entry each: an item's sub-items are separate entries (forms and documents do not nest)."""
    return [text for text in (_unmarked(block.text) for block in listed) if text]


def _references(part: Part, heading: Block | None, body: Sequence[Block]) -> list[Block]:
    """เอกสารอ้างอิง: each item a document's title (plain strings; the orchestrator makes references.yml)."""
    body = _drawing(part, body)
    listed = [block for block in body if isinstance(block, ListItem)]
    other: list[Block] = [block for block in body if not isinstance(block, ListItem)]
    titles = _flat(listed)
    if not listed and other and all(isinstance(block, Paragraph) for block in other):
        titles = [_strip(block.text) for block in other if isinstance(block, Paragraph)]
        part.guess(("references",), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นเอกสารอ้างอิงทีละย่อหน้า ตรวจว่าแบ่งถูกต้อง")
        other = []
    if titles:
        part.data["references"] = [*part.data.get("references", []), *titles]
    return other


def _schedule(part: Part, heading: Block | None, body: Sequence[Block]) -> list[Block]:
    """ระยะเวลา: a table of activities and their months (a period column, or one column per month) as schedule
    rows; a table that cannot be read so, or a table of steps, goes where it belongs."""
    leftovers: list[Block] = []
    if heading is not None and inline_name(heading) and "name" not in part.data:
        part.data["name"] = inline_name(heading)
        part.guess(("name",), "ชื่องานจากหัวตาราง ตรวจชื่อกระบวนงาน")
    for block in body:
        if not isinstance(block, Table):
            leftovers.append(block)
            continue
        rows = periods.rows(block)
        if rows:
            part.data["schedule"] = [*part.data.get("schedule", []), *rows]
            continue
        steps = _steps_table(part, block) if not part.data.get("steps") else []
        if steps:
            part.data["steps"] = steps
            continue
        leftovers.append(block)
        part.guess(("sections",), "ตารางระยะเวลาที่อ่านเป็นเดือน ปี ไม่ได้ เก็บไว้เป็นตาราง ตรวจและกรอก schedule เอง")
    title = _strip(heading.text) if isinstance(heading, Heading | Paragraph | ListItem) and leftovers else None
    _leftover(part, "schedule", leftovers, title if leftovers and title else None)  # under the source's title
    return []


def _kpis(part: Part, body: Sequence[Block]) -> list[Block]:
    tables = [block for block in body if isinstance(block, Table)]
    listed = [block for block in body if isinstance(block, ListItem)]
    other: list[Block] = [block for block in body if not isinstance(block, ListItem | Table)]
    if len(tables) == 1 and not listed and not part.data.get("kpis"):
        part.data["kpis"] = table(tables[0])
        return other
    return [*tables, *_list(part, ("kpis",), [*listed, *other])]


def _risks(part: Part, body: Sequence[Block]) -> list[Block]:
    """ความเสี่ยง: a two-column table as risk and control; other tables as tables; a list as risks alone."""
    tables = [block for block in body if isinstance(block, Table)]
    listed = [block for block in body if isinstance(block, ListItem)]
    other: list[Block] = [block for block in body if not isinstance(block, ListItem | Table)]
    if len(tables) == 1 and not listed:
        value = table(tables[0])
        if len(value["columns"]) == 2 and all(isinstance(cell, str) for row in value["rows"] for cell in row):
            part.data["risks"] = [
                {"risk": row[0], **({"control": row[1]} if row[1] else {})} for row in value["rows"] if row[0]
            ]
        else:
            part.data["risks"] = value
        return other
    if listed:
        part.data["risks"] = [{"risk": text} for text in _flat(listed)]
    return [*tables, *other]


def _workgroup(part: Part, block: Table) -> bool:
    """Our export's profile table: the work group's name (the orchestrator turns it into its id); the rest of it
    (who runs the process, the office) is drawn from other files."""
    for row in block.rows:
        if len(row) >= 2 and key(row[0].text) == key("กลุ่มงาน") and row[1].text.strip():
            part.data["workgroup"] = _strip(row[1].text)
    return True


# ----------------------------------------------------------------------------------------------------------------
# Name, flowchart and order


def _name(part: Part, intro: list[Block], pieces: list[tuple[str | None, Block | None, list[Block]]]) -> None:
    """The process's name: from ชื่องาน, else the line introducing it (a guess). The introducing line is kept (in a
    free section before the parts) when it says more than the name, or says it in other words."""
    data = part.data
    lines = [block for block in intro if isinstance(block, Heading | Paragraph | ListItem)]
    other = [block for block in intro if not isinstance(block, Heading | Paragraph | ListItem | PageBreak)]
    other = [block for block in other if not (isinstance(block, Table) and _profile(block) and _workgroup(part, block))]
    title = _strip(lines[0].text) if lines else ""
    if not data.get("name"):
        data["name"] = title or "กระบวนงาน"
        part.guess(("name",), "ไม่พบหัวข้อชื่องาน ใช้ข้อความหัวเรื่องเป็นชื่อ ตรวจชื่อกระบวนงาน")
        lines = lines[1:]
    elif lines and key(data["name"]) == key(title):
        lines = lines[1:]
    elif lines and _similar(title, data["name"]) >= 0.85:  # the same name in other words: the reader sees both
        part.guess(("name",), f"หัวเรื่องในต้นฉบับเขียนว่า {title} (อยู่ในหัวข้อเพิ่มเติม) ลบเมื่อซ้ำกับชื่องาน")
    if lines or other:
        _leftover(part, "name", [*lines, *other], "ข้อความก่อนชื่องาน")


def _flow(part: Part) -> None:
    """The flowchart part: a text extraction's flattened drawing repeats the steps, in full or shortened (placed:
    the chart is drawn from them), and the chart's own words (เริ่มต้น, ใช่ …); one line that is neither is the
    chart's caption; more such text is a free section after the flowchart."""
    body: list[Block] = part.data.pop("_flowchart", [])
    if not body:
        return
    said = _squeeze(" ".join(_texts(part.data.get("steps", []))))
    chart = {_squeeze(word) for word in CHART_WORDS}
    leftovers: list[Block] = []
    for block in body:
        if (isinstance(block, Table) and _flow_table(block)) or matches(block, FLOW_HEADINGS):
            continue
        if isinstance(block, Table):
            text = " ".join(cell.text for row in block.rows for cell in row)  # a drawing's boxes read as a table
        else:
            text = block.text if isinstance(block, Paragraph | ListItem | Heading) else ""
        if any(key(text) == key(f"{heading}{part.data.get('name', '')}") for heading in FLOW_HEADINGS):
            continue  # our export's caption of the drawing: ผังงาน and the name
        words = [_squeeze(word) for word in normalize(text).split()]
        if all(word in said or word in chart for word in words):
            continue  # (a drawing's frame without text has nothing to keep)
        leftovers.append(block)
    first = leftovers[0] if leftovers else None
    if (
        len(leftovers) == 1
        and isinstance(first, Paragraph)
        and len(first.text) <= INTRO_LONGEST
        and not _CHECK.search(first.text)  # a check of the drawing is no caption
    ):
        part.data["flowchart"] = {"title": _strip(first.text)}
        return
    if leftovers:
        part.guess(("sections",), "ข้อความในผังงานที่ไม่ตรงกับขั้นตอน ตรวจว่าควรเป็นขั้นตอนหรือจุดตัดสินใจ")
    _leftover(part, "flowchart", leftovers)


def _order(part: Part) -> None:
    """Keys in the model's order, internal notes dropped, and the flow's decisions guessed from the steps."""
    data = part.data
    data.pop("_parts", None)
    steps = data.get("steps", [])
    for index, step in enumerate(steps):
        text = step if isinstance(step, str) else step["text"]
        if index and _CHECK.search(text):
            target = steps[index - 1]
            if isinstance(target, str):
                target = steps[index - 1] = {"text": target}
            target.setdefault("id", f"step-{index}")
            if isinstance(step, str):
                step = steps[index] = {"text": step}
            question = text if text.endswith("หรือไม่") else f"{text} หรือไม่"
            step["decision"] = {"question": question, "no_to": target["id"]}
            part.guess(("steps", index, "decision"), "ขั้นตอนนี้ดูเป็นการตรวจสอบ ใส่จุดตัดสินใจย้อนกลับขั้นก่อน ตรวจทางแยก")
    order = ["name", "workgroup", "objectives", "scope", "scope_items", "definitions", "steps", "flowchart"]
    order += ["forms_text", "forms", "references", "schedule", "kpis", "monitoring", "risks", "sections"]
    part.data = {field: data[field] for field in order if field in data and data[field] not in ([], {}, "")}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text).translate(ARABIC_DIGITS))


# The parts of a process and how each is read, in print order.
PLACES = tuple(
    Place(found.key, found.wordings, read)
    for found, read in zip(
        PAGES["process"],
        (
            _read_name,
            body_only(_objectives),
            body_only(_scope),
            body_only(_definitions),
            body_only(_steps),
            _read_flowchart,
            _forms,
            _references,
            _schedule,
            body_only(_kpis),
            body_only(_monitoring),
            body_only(_risks),
        ),
        strict=True,
    )
)


__all__ = ["PLACES", "inline_name", "part_of", "recognise", "spans"]
