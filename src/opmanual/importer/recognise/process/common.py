"""The words a process's recogniser knows (our books' labels, the manuals' wordings) and the small readings its
modules share: a name on a heading's own line, list numbers, free sections of what no field holds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from ....data.hygiene import NUMBERED, typed_mark
from ....data.parts import PAGES, wordings
from ....thai import ARABIC_DIGITS, normalize
from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table, Where
from ...draft import Part, Unplaced
from ...shape import free_section, items
from ..words import LABELS, key, line_of

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


def _flat(listed: Sequence[ListItem]) -> list[str]:
    """List items as one entry each: an item's sub-items are separate entries (forms and documents do not nest)."""
    return [text for text in (_unmarked(block.text) for block in listed) if text]


def _workgroup(part: Part, block: Table) -> bool:
    """Our export's profile table: the work group's name (the orchestrator turns it into its id); the rest of it
    (who runs the process, the office) is drawn from other files."""
    for row in block.rows:
        if len(row) >= 2 and key(row[0].text) == key("กลุ่มงาน") and row[1].text.strip():
            part.data["workgroup"] = _strip(row[1].text)
    return True


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
