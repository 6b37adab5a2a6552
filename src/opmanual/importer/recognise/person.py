"""A supervisor in the stream: where each person's manual (or chapter of a group manual) is, and its parts as the
model's `Person`.

A personal manual starts at its cover's name line (นางสาวรัญญา จำปามูล, then ศึกษานิเทศก์ชำนาญการพิเศษ and a คำนำ or a
"คู่มือ…" title close by); a person's chapter of a group manual starts at การปฏิบัติงานตามที่ได้รับมอบหมาย; our own
export's chapter of a person is a heading holding the full name over the profile table. Our export's person book
names the person twice — on its cover (with the approval, revisions and foreword after it) and at the head of their
chapter, the group's chapter between — so it gives two spans of one person: `same` tells, `merge` joins them.

Inside, the stream is cut at the headings of the person's parts — in the seeds' wordings and our labels
(`labels.py`), matched without numbering, spacing or digit style — and each body is read into its field. What no
field holds goes into a free section after the part it was found in (`sections:` with `after:`) and into
`part.unplaced`: nothing is dropped. Tables a PDF flattened into lines are rebuilt where the pattern is clear (a
work standard's numbered activities with their evidence under them; an aims table of three levels, whose last
column is the person's), each marked as a guess.

Cross-references are left as the source names them, for the orchestrator to turn into ids:
`learning_areas`, `clusters` and `networks` hold Thai names (ids of office.yml's lists once resolved), `processes`
holds process names (ids of processes/) and `bibliography` the entries of the บรรณานุกรม as written (sources of
references.yml once the orchestrator has read them; a personal manual's bibliography at the back of the book, after
the group's part and the processes, is a span of its own, which the orchestrator joins to her as a nameless part).
`people_named` lists the people an organisation chart or a signature names with a supervisor's position, for people
with no chapter of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ...data.model import PARTS
from ...data.parts import PAGES, wordings
from ...thai import ARABIC_DIGITS, MONTHS, join_lines, normalize
from ..blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Table
from ..draft import Guess, Part, Unplaced
from ..shape import cell, columns, free_section, grid, header_count, items, table, text_block
from . import bibliography
from .words import AIMS, LABELS, Place, body_only, key, line_of, matches, place_of

PREFIX = re.compile(r"^((?:(?:ว่าที่\s*(?:ร้อยตรี|ร\.\s*ต\.)(?:\s*หญิง)?|ดร\.|ผศ\.|รศ\.|ศ\.|นางสาว|น\.ส\.|นาง|นาย)\s*)+)")
RANKS = ("ชำนาญการพิเศษ", "ชำนาญการ", "เชี่ยวชาญพิเศษ", "เชี่ยวชาญ")  # longest first: a prefix of another
POSITION = re.compile(r"^(?:ตำแหน่ง\s*)?(ศึกษานิเทศก์|ผู้อำนวยการ|รองผู้อำนวยการ|นักวิชาการ|ครู)")
DEFAULT_POSITION = "ศึกษานิเทศก์"
NAME_LONGEST = 60  # characters of a line holding only a name
COVER_REACH = 5  # blocks after a name line within which a cover has its position and its คำนำ or title

# The headings of the parts of a person's page are data/parts.py's; these open pieces that are no part of it.
PART_WORDS = wordings("person")
PROFILE = next(found for found in PAGES["person"] if not found.heading)  # what stands before any heading
CONTENTS_WORDS = (LABELS.contents,)
BIBLIOGRAPHY_WORDS = (LABELS.bibliography, LABELS.references_page)
APPROVAL_WORDS = (LABELS.approval,)  # our export's page after the cover: the approval, and the revision record
# Parts of a group manual's chapter that are no field of a person's: each becomes a free section.
OTHER_WORDS = (
    "โครงสร้างการปฏิบัติงาน", "การปฏิบัติงานตามโครงสร้าง", "การปฏิบัติงานและพัฒนางานในหน้าที่", "แผนภูมิโครงสร้าง", "ภาคผนวก",
)  # fmt: skip
LEVEL_WORDS = ("ตนเอง", "ศึกษานิเทศก์", "ระดับบุคคล")  # the person's column of an aims table of three levels
ROLES = ("บทบาทและหน้าที่", "บทบาทหน้าที่", "หน้าที่และความรับผิดชอบ")
FORMS = ("แบบฟอร์มที่ใช้", "แบบฟอร์ม", "เครื่องมือที่ใช้")
FLOW = ("Flow Chart การปฏิบัติงาน", "Flowchart การปฏิบัติงาน", "Flow Chart")  # an empty title left by a drawing
# Headings of the office and group part: a personal manual's span ends where the group's part of it begins.
OFFICE_WORDS = ("แนวคิด", "หลักการและเหตุผล", "วัตถุประสงค์", "ขอบข่ายภารกิจ", "ขอบข่ายงาน", "บทนำ")
OFFICE_TITLE = re.compile(r"^\**\s*(?:คู่มือ|กลุ่มนิเทศ|สำนักงานเขตพื้นที่)")
DUTY_TITLE = re.compile(r"^งาน\S")
ACTIVITY_WORDS = ("กิจกรรม/วิธีปฏิบัติ", "กิจกรรม", "วิธีปฏิบัติ", "วิธีการปฏิบัติ", "ขั้นตอนการปฏิบัติงาน")
EVIDENCE_WORDS = ("มาตรฐาน/หลักฐานร่องรอย", "มาตรฐาน/หลักฐาน", "หลักฐานร่องรอย", "มาตรฐาน", "หลักฐาน", "ร่องรอย")
LABEL_COLUMN = ("ที่", "ลำดับ", "ลำดับที่", "ข้อ")
DEFAULT_HEADERS = (LABELS.standard_activity, LABELS.standard_evidence)  # the columns our books print by default
ORDER_NUMBER = re.compile(r"คำสั่ง\S*?\s*(?:ที่\s*)+([0-9๐-๙]+\s*/\s*[0-9๐-๙]+)")
ORDER_TITLE = re.compile(r"เรื่อง\s*(.+?)(?:\s*นั้น\b|\s*นั้น$|$)")
ORDER_DATE = re.compile(r"ลงวันที่\s*([0-9๐-๙]{1,2}\s*\S+\s*(?:พ\.ศ\.\s*)?[0-9๐-๙]{4})")
ORDER_ISSUER = re.compile(r"^ตามที่\s*(.+?)\s*ได้(?:มี)?คำสั่ง")
ASSIGNED = re.compile(r"มอบหมายให้\s*(.+?)\s*ตำแหน่ง\s*(\S+)")
APPROVED = re.compile(
    r"^อนุมัติให้ใช้เมื่อวันที่\s*(?P<date>[0-9๐-๙]{1,2}\s*\S+\s*[0-9๐-๙]{4})\s*โดย\s*(?P<by>\S+\s+\S+)\s+"
    r"(?P<position>.+?)(?:\s*ตาม(?P<order>(?:คำสั่ง|บันทึก).+))?$"
)
DEFINES = re.compile(r"^(.{2,80}?)\s+(หมายถึง|หมายความว่า)\s+(.+)$")
SCHOOLS = re.compile(r"\s*\(\s*[0-9๐-๙]+\s*โรงเรียน\s*\)\s*$")
CLUSTER = re.compile(r"กลุ่มโรงเรียนที่\s*[0-9๐-๙]+")
AREA = re.compile(r"กลุ่มสาระการเรียนรู้\s*(.+)")
OFFICE = "_office"  # a scratch key: the office of the profile's สังกัด
DUTY_CARE = "_care_from_duties"  # a scratch key of `part.data`, gone before `recognise` returns
NETWORK = re.compile(r"(ศูนย์พัฒนาวิชาการ.+|เครือข่าย.+)")


# --- names -------------------------------------------------------------------------------------------------------


def split_name(text: str) -> tuple[str, str, str] | None:
    """(prefix, name, surname) of a line that is a person's full name, such as "ว่าที่ร้อยตรี ดร.สมชาย ใจดี"; None
    when the line is not one."""
    line = normalize(text).strip(" *:")
    if not line or len(line) > NAME_LONGEST or "\n" in line:
        return None
    found = PREFIX.match(line)
    if not found:
        return None
    rest = line[found.end() :].split()
    if len(rest) < 2 or len(rest) > 3 or not all(re.fullmatch(r"[\u0e00-\u0e7f.]+", word) for word in rest):
        return None
    prefix = re.sub(r"\s+", "", found.group(1)).replace("ว่าที่ร.ต.", "ว่าที่ ร.ต.")
    return prefix, rest[0], " ".join(rest[1:])


def split_position(text: str) -> tuple[str, str | None] | None:
    """(position, rank) of a position line: "ศึกษานิเทศก์ชำนาญการพิเศษ" → ("ศึกษานิเทศก์", "ชำนาญการพิเศษ"); None when
    the line names no position."""
    line = normalize(text).strip()
    line = re.sub(r"^ตำแหน่ง\s*", "", line)
    if not line or len(line) > 90 or not POSITION.match(line):
        return None
    for rank in RANKS:
        at = line.find(rank)
        if at > 0:
            position = re.sub(r"\s*(?:วิทยฐานะ|ระดับ)\s*$", "", line[:at]).strip()
            return position or DEFAULT_POSITION, rank
    return line, None


def people_named(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Every person a line names with a supervisor's position under it (the boxes of an organisation chart, the
    signature of a foreword): prefix, name, surname, rank. The orchestrator can add those it has no file for."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for index, block in enumerate(blocks[:-1]):
        named = split_name(line_of(block) or "")
        if not named:
            continue
        after = next((b for b in blocks[index + 1 : index + 3] if line_of(b)), None)
        held = split_position(line_of(after) or "") if after is not None else None
        if not held or not held[0].startswith(DEFAULT_POSITION) or (named[1], named[2]) in seen:
            continue
        seen.add((named[1], named[2]))
        person: dict[str, Any] = {"prefix": named[0], "name": named[1], "surname": named[2]}
        if held[1]:
            person["rank"] = held[1]
        out.append(person)
    return out


# --- where the people are ----------------------------------------------------------------------------------------


def part_of(block: Block) -> str | None:
    """The person's part `block` is the heading of, or None."""
    found = place_of(block, PLACES)
    return found.name if found else None


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


def _cover_title(block: Block) -> bool:
    """A book's title on a cover: คู่มือ…, or มาตรฐานการปฏิบัติงาน."""
    text = normalize(line_of(block) or "")
    return bool(re.match(r"^คู่มือ|^มาตรฐานการปฏิบัติงาน$", text)) and len(text) <= 40


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


def _block_text(block: Block) -> str:
    return normalize(getattr(block, "text", ""))


def _title_line(block: Block) -> str:
    """The text of a block that could be a title line (one line, not too long), else ""."""
    text = normalize(getattr(block, "text", ""))
    return text if len(text) <= 160 and "\n" not in text else ""


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


# --- the parts -----------------------------------------------------------------------------------------------------


def recognise(blocks: Sequence[Block]) -> Part:
    """The person's file from the blocks of one span (see `spans`)."""
    part = Part()
    data = part.data
    pieces = _cut(blocks)
    front = _assignment(part, _profile_lines(part, pieces[0][2]))
    if front:
        _leftover(part, PROFILE.title, front, "profile")
    placed = "profile"  # the last part seen: where a free section of unknown content goes
    for name, heading, body in pieces[1:]:
        placed = _after(name, placed)
        if name == "duty" and heading is not None:
            _duty(part, heading, body)
            continue
        place = next((place for place in PLACES if place.name == name), None)
        rest = place.read(part, heading, body) if place is not None else list(body)
        if rest:
            title = normalize(line_of(heading) or "") if heading is not None else ""
            _leftover(part, title or "เพิ่มเติม", rest, placed)
    data.pop(OFFICE, None)
    for field, names in data.pop(DUTY_CARE, {}).items():
        if field not in data:  # a list of what the person cares for says it better than the duties' titles
            data[field] = names
            part.guess((field,), "อ่านจากชื่องานในหน้าที่ ตรวจว่าเป็นสิ่งที่รับผิดชอบ")
    _defaults(part)
    if not data.get("duties"):
        data.pop("duties", None)
    return part


def _after(name: str, previous: str) -> str:
    """The part a free section of piece `name` follows: its place's, its own part, or the one before it."""
    if name == "duty":
        return "duties"
    place = next((place for place in PLACES if place.name == name), None)
    if place is not None and place.after is not None:
        return place.after
    return name if name in PARTS["person"] else previous


def _cut(blocks: Sequence[Block]) -> list[tuple[str, Block | None, list[Block]]]:
    """(part name, heading, body) pieces; the first is what stands before any part heading ("profile"). A duty's
    title outside a duties part ("๓.๒.๒ งานกลุ่มโรงเรียน" in a group manual's chapter) opens a piece "duty"; a
    heading no part knows, as high as the parts' headings, opens a piece "other" (a free section)."""
    pieces: list[tuple[str, Block | None, list[Block]]] = [("profile", None, [])]
    named = next((b for b in blocks[:3] if isinstance(b, Heading) and split_name(b.text)), None)
    # the level of the parts' headings: under our export's chapter heading (the name), or as the first one seen
    level: int | None = named.level + 1 if named is not None and named.level is not None else None
    for index, block in enumerate(blocks):
        heading = pieces[-1][1]
        leveled = isinstance(heading, Heading) and heading.level is not None
        within = leveled and _toc_entry(block)
        if pieces[-1][0] == "contents" and (within or _contents_line(blocks, index)):
            pieces[-1][2].append(block)
            continue
        name = part_of(block)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _cover_title(block) and split_name(line_of(following) or ""):
            pieces[-1][2].append(block)  # the cover's title (มาตรฐานการปฏิบัติงาน) above the person's name
            continue
        if name is not None and isinstance(block, Heading) and block.level is not None:
            level = block.level if level is None else min(level, block.level)
        if name is None and _duty_title(block) and pieces[-1][0] not in ("duties", "work_standards", "processes"):
            name = "duty"
        if (
            name is None
            and isinstance(block, Heading)
            and block is not named
            and block.level is not None
            and level is not None
            and block.level <= level
        ):
            name = "other"
        if name is not None and not (name == "projects" and pieces[-1][0] in ("duties", "duty")):
            pieces.append((name, block, []))
        else:
            pieces[-1][2].append(block)
    return pieces


def _contents_line(blocks: Sequence[Block], index: int) -> bool:
    """A line of a printed สารบัญ: ending in a page number, the หน้า column's title, an entry under a title
    (— …), or a title whose entries follow."""
    text = normalize(line_of(blocks[index]) or "")
    if not text or isinstance(blocks[index], Table):
        return False
    if key(text) == "หน้า" or re.search(r"\s[0-9๐-๙ivxlc]{1,4}$", text) or re.match(r"^[—–\-•]", text):
        return True
    following = normalize(line_of(blocks[index + 1]) or "") if index + 1 < len(blocks) else ""
    return bool(re.match(r"^[—–\-•]", following))


def _duty_title(block: Block) -> bool:
    """A short numbered line starting with งาน under two or more levels of numbering ("๓.๒.๒ งานกลุ่มโรงเรียน")."""
    line = line_of(block)
    if line is None or len(line) > 90:
        return False
    label = getattr(block, "label", None) or ""
    text = normalize(line)
    found = re.match(r"^([0-9๐-๙]+(?:\.[0-9๐-๙]+)+)\.?\s*(.*)$", text)
    if found:
        label, text = found.group(1), found.group(2)
    return bool(DUTY_TITLE.match(text)) and label.count(".") >= 1 and not label.endswith(".")


def _profile(block: Table) -> dict[str, str] | None:
    """Our export's profile table (ตำแหน่ง | ศึกษานิเทศก์ชำนาญการพิเศษ …) as label → text, or None."""
    rows = {}
    for row in block.rows:
        if len(row) == 2:
            rows[key(row[0].text)] = normalize(row[1].text)
    return rows if key("ตำแหน่ง") in rows else None


def _profile_lines(part: Part, body: Sequence[Block]) -> list[Block]:
    """The cover and profile: name, position and rank, role, the cover's title; the office's lines (printed from
    office.yml) are left out. What else stands there is returned."""
    data = part.data
    rest: list[Block] = []
    for block in body:
        text = normalize(line_of(block) or "")
        if isinstance(block, Table) and (profile := _profile(block)) is not None:
            _position(part, profile.get(key("ตำแหน่ง"), ""))
            if profile.get(key("บทบาท")):
                data["role"] = profile[key("บทบาท")]
            if affiliation := profile.get(key("สังกัด")):
                data[OFFICE] = affiliation.split("\n")[-1]
            if profile.get(key("คำสั่งมอบหมายงาน")):
                _order_line(part, profile[key("คำสั่งมอบหมายงาน")])
            continue
        if not text:
            if not isinstance(block, PageBreak):
                rest.append(block)
            continue
        named = split_name(text)
        if named and "name" not in data:
            data["prefix"], data["name"], data["surname"] = named
        elif split_position(text) and "rank" not in data and "position" not in data:
            _position(part, text)
        elif re.match(r"^สำนักงานเขตพื้นที่|^กลุ่มนิเทศ|^เขต\s*[0-9๐-๙]", text) and len(text) <= 200:
            continue  # the office and group on the cover: printed from office.yml
        elif re.fullmatch(r"(?:ปี\s*)?(?:พ\.\s*ศ\.\s*)?[0-9๐-๙]{4}", text):
            continue  # the manual's year (manual.year in office.yml)
        elif _cover_title(block) and "cover_title" not in data:
            data["cover_title"] = text
            part.guess(("cover_title",), "ชื่อเล่มบนปกของบุคคล ลบออกถ้าตรงกับชื่อคู่มือทั้งเล่ม")
        else:
            rest.append(block)
    return rest


def _position(part: Part, text: str) -> None:
    held = split_position(text)
    if held is None:
        if text:
            part.data["position"] = text
            part.guess(("position",), "ตำแหน่งตามต้นฉบับ ตรวจแยกวิทยฐานะ")
        return
    position, rank = held
    if position != DEFAULT_POSITION:
        part.data["position"] = position
        part.guess(("position",), "ตำแหน่งอ่านจากบรรทัดใต้ชื่อ")
    if rank:
        part.data["rank"] = rank


def _foreword(part: Part, body: Sequence[Block]) -> list[Block]:
    """คำนำ: its paragraphs, then the signature (name, position, the line under them, a date) closing it."""
    texts = [block for block in body if isinstance(block, Paragraph | ListItem)]
    rest: list[Block] = [block for block in body if not isinstance(block, Paragraph | ListItem | PageBreak)]
    signature: list[str] = []
    while len(texts) > 1 and len(texts[-1].text) <= 90 and "\n" not in texts[-1].text:
        signature.insert(0, normalize(texts.pop().text))
        if split_name(signature[0]):
            break
    foreword: dict[str, Any] = {"text": text_block(texts)}
    lines = list(signature)
    if lines and (named := split_name(lines[0])):
        lines.pop(0)
        if "name" not in part.data:
            part.data["prefix"], part.data["name"], part.data["surname"] = named
    if lines and split_position(lines[0]):
        if "rank" not in part.data and "position" not in part.data:
            _position(part, lines[0])
        lines.pop(0)
    if lines and re.search(r"[0-9๐-๙]{4}\s*$", lines[-1]) and len(lines[-1]) <= 40:
        foreword["date"] = lines.pop()
    if lines and len(lines) == 1 and re.match(r"^สำนักงานเขตพื้นที่การศึกษา", lines[0]):
        lines = []  # the office, which the books print under the signature when nothing else is said
        part.guess(("foreword",), "บรรทัดท้ายลายมือชื่อเป็นชื่อสำนักงาน ระบบพิมพ์ชื่อสำนักงานให้เอง")
    if lines:
        foreword["signed_as"] = " ".join(lines)
        part.guess(("foreword", "signed_as"), "บรรทัดใต้ชื่อผู้ลงนามคำนำ ตรวจว่าเป็นตำแหน่งใต้ลายมือชื่อ")
    if foreword["text"]:
        part.data["foreword"] = foreword
        return rest
    return [*body]


def _contents(part: Part, body: Sequence[Block]) -> list[Block]:
    """สารบัญ is printed by the books themselves; its process lines (under คู่มือขั้นตอนการปฏิบัติงาน) name the
    processes this person runs."""
    under = False
    names: list[str] = []
    for block in body:
        text = normalize(line_of(block) or "")
        entry = re.sub(r"\s+[0-9๐-๙]{1,3}$", "", text.replace("\t", " ")).strip()
        if matches(block, PART_WORDS["processes"]):
            under = True
        elif under and re.match(r"^[—–\-•]", entry):
            names.append(entry.lstrip("—–-• ").strip())
        elif entry and not re.match(r"^[—–\-•]", entry):
            under = False
    if names:
        part.data["processes"] = [*part.data.get("processes", []), *names]
        part.guess(("processes",), "กระบวนงานจากสารบัญของคู่มือ ตรวจว่าเป็นผู้ปฏิบัติ")
    return []


def _order_line(part: Part, text: str) -> None:
    """The order named in `text` (คำสั่ง … ที่ …/… ลงวันที่ … เรื่อง … นั้น), filling what `order` lacks. The issuer
    is kept unless it is the office the profile names (the books print the office when there is none)."""
    number = ORDER_NUMBER.search(text) or re.search(r"([0-9๐-๙]+\s*/\s*[0-9๐-๙]{4})", text)
    title = ORDER_TITLE.search(text)
    if not (number and title):
        return
    found: dict[str, Any] = {"number": re.sub(r"\s+", "", number.group(1)), "title": title.group(1).strip()}
    if date := ORDER_DATE.search(text):
        found["date"] = date.group(1)
    if (issuer := ORDER_ISSUER.search(text)) and issuer.group(1) != part.data.get(OFFICE):
        found["issuer"] = issuer.group(1)
    part.data["order"] = {**found, **part.data.get("order", {})}


def _assignment(part: Part, body: Sequence[Block]) -> list[Block]:
    """การปฏิบัติงานตามที่ได้รับมอบหมาย: the order (คำสั่ง … ที่ …/… เรื่อง …) and the sentence naming the person and
    their position; both are printed again from the data. What follows them is returned."""
    rest: list[Block] = []
    for block in body:
        text = normalize(block.text).replace("\n", " ") if isinstance(block, Paragraph) else ""
        if text and ORDER_NUMBER.search(text) and "เรื่อง" in text:
            known = "order" in part.data
            _order_line(part, text)
            if "order" in part.data:
                if not known:
                    part.guess(("order",), "คำสั่งอ่านจากย่อหน้าการมอบหมายงาน ตรวจเลขที่และเรื่อง")
                if not ASSIGNED.search(text):
                    continue
        if text and (found := ASSIGNED.search(text)):
            named = split_name(found.group(1))
            if named and "name" not in part.data:
                part.data["prefix"], part.data["name"], part.data["surname"] = named
            if "rank" not in part.data and "position" not in part.data:
                _position(part, found.group(2))
            continue
        rest.append(block)
    return rest


def _aims(part: Part, body: Sequence[Block]) -> list[Block]:
    """Vision, mission and goals of the person. Where the source is a table of three levels (office, group,
    ตนเอง) the person's column is taken: a real table's last column, or in flattened text the last paragraph of
    the vision and the last run of each numbered list (each run starts again at ๑); the other columns are returned
    for a free section."""
    aims: dict[str, Any] = {}
    rest: list[Block] = []
    tables = [block for block in body if isinstance(block, Table)]
    if tables and not any(isinstance(block, ListItem) for block in body):
        for each in tables:
            taken = _aims_table(each)
            if taken:
                aims.update(taken)
                part.guess(("aims",), "อ่านจากคอลัมน์สุดท้าย (ตนเอง) ของตารางวิสัยทัศน์ ตรวจกับต้นฉบับ")
            else:
                rest.append(each)
        rest += [block for block in body if not isinstance(block, Table | PageBreak)]
        if aims:
            part.data["aims"] = aims
        return rest
    levels = any(key(line_of(block) or "") in {key(word) for word in LEVEL_WORDS} for block in body)
    field = "vision"
    pieces: dict[str, list[Block]] = {"vision": [], "mission": [], "goals": []}
    for block in body:
        found = _aims_heading(block)
        if found:
            field, inline = found
            if inline:
                pieces[field].append(Paragraph(inline, block.where))
            continue
        if levels and key(line_of(block) or "") in {key(word) for word in LEVEL_WORDS}:
            continue
        if field == "vision" and isinstance(block, ListItem):
            field = "mission"  # a flattened table loses the พันธกิจ row's title: the first list is the mission
        previous = pieces[field][-1] if pieces[field] else None
        if levels and isinstance(block, Paragraph) and isinstance(previous, ListItem):
            # a narrow column's item wrapped over several lines
            joined = join_lines([previous.text, block.text])
            pieces[field][-1] = ListItem(joined, previous.level, previous.where, previous.numbered, previous.label)
            continue
        pieces[field].append(block)
    vision = [block for block in pieces["vision"] if isinstance(block, Paragraph)]
    if vision:
        chosen = vision[-1] if levels else None
        aims["vision"] = normalize(chosen.text if chosen else " ".join(block.text for block in vision))
        aims["vision"] = aims["vision"].replace("\n", " ").strip('“”" ')
        rest += [block for block in pieces["vision"] if block is not chosen and chosen is not None]
    for name in ("mission", "goals"):
        listed = [block for block in pieces[name] if isinstance(block, ListItem)]
        runs = _runs(listed)
        if levels and len(runs) > 1:
            rest += [block for run in runs[:-1] for block in run]
            listed = runs[-1]
        if not listed:
            listed = [ListItem(block.text, 0, block.where) for block in pieces[name] if isinstance(block, Paragraph)]
            if listed:
                part.guess(("aims", name), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า")
        else:
            rest += [block for block in pieces[name] if not isinstance(block, ListItem | PageBreak)]
        if listed:
            aims[name] = items(listed)
    if levels:
        part.guess(("aims",), "ตารางวิสัยทัศน์สามระดับถูกแปลงเป็นบรรทัด นำคอลัมน์สุดท้าย (ตนเอง) มา ตรวจกับต้นฉบับ")
    if aims:
        part.data["aims"] = aims
    return rest


def _aims_heading(block: Block) -> tuple[str, str] | None:
    """(field, the text after the word) of a line opening the vision, mission or goals: the word alone (perhaps
    with its English name), or a paragraph starting with it ("วิสัยทัศน์ : …"); a list item is never one."""
    for name, words in AIMS.items():
        if matches(block, words):
            return name, ""
    if not isinstance(block, Paragraph | Heading):
        return None
    text = normalize(block.text).replace("\n", " ")
    for name, words in AIMS.items():
        for word in sorted(words, key=len, reverse=True):
            found = re.match(rf"{re.escape(word)}\s*(?:\([A-Za-z ]+\))?\s*(?:[:：]\s*|\s+|$)(.*)$", text)
            if found:
                return name, found.group(1).strip(' “”"')
    return None


def _runs(listed: Sequence[ListItem]) -> list[list[ListItem]]:
    """Top-level list items cut where the numbering starts again at ๑ (a new column of a flattened table)."""
    runs: list[list[ListItem]] = []
    for block in listed:
        first = block.level == 0 and _label_number(block) == 1
        if not runs or first:
            runs.append([])
        runs[-1].append(block)
    return runs


def _label_number(block: ListItem) -> int | None:
    label = (block.label or "").translate(ARABIC_DIGITS)
    found = re.match(r"\(?([0-9]+)", label)
    return int(found.group(1)) if found else None


def _aims_table(block: Table) -> dict[str, Any] | None:
    """The person's column (the last) of a table whose rows are วิสัยทัศน์, พันธกิจ, เป้าหมาย."""
    out: dict[str, Any] = {}
    for row in grid(block):
        cells = [value for value in row if value is not None]
        if len(cells) < 2:
            continue
        name = next((name for name, words in AIMS.items() if key(cells[0].text) in {key(w) for w in words}), None)
        if name is None:
            continue
        last = cells[-1]
        if name == "vision":
            out["vision"] = normalize(last.text).replace("\n", " ")
        else:
            listed = [b for b in last.blocks if isinstance(b, ListItem)] or [
                ListItem(b.text, 0, b.where) for b in last.blocks if b.text
            ]
            if listed:
                out[name] = items(listed)
    return out or None


def _duties(part: Part, body: Sequence[Block]) -> list[Block]:
    """งานในหน้าที่ที่รับผิดชอบ: each title (a deeper heading, or a top-level list item or short line after which
    text follows) opens a duty; the text before the first title is returned."""
    rest: list[Block] = []
    level = min((b.level for b in body if isinstance(b, Heading) and b.level is not None), default=None)
    titles: list[int] = []
    for index, block in enumerate(body):
        by_level = (
            isinstance(block, Heading)
            and (level is None or block.level == level)
            and not _duty_part(block, ROLES + FORMS + FLOW)
        )
        if by_level or (level is None and (_duty_title(block) or _list_title(body, index))):
            titles.append(index)
    if not titles:
        listed = [block for block in body if isinstance(block, ListItem) and block.level == 0]
        if listed and all(isinstance(block, ListItem | PageBreak) for block in body):
            # only a list: each item is a duty's title, its sub-items the duty's text
            for block in listed:
                _duty(
                    part, block, [b for b in body if isinstance(b, ListItem) and b.level > 0 and _under(body, block, b)]
                )
            return []
        return list(body)
    rest += body[: titles[0]]
    for number, start in enumerate(titles):
        end = titles[number + 1] if number + 1 < len(titles) else len(body)
        _duty(part, body[start], body[start + 1 : end])
    return [block for block in rest if not isinstance(block, PageBreak)]


def _under(body: Sequence[Block], parent: ListItem, child: ListItem) -> bool:
    """Whether `child` follows `parent` before the next top-level item."""
    start = body.index(parent)
    for block in body[start + 1 :]:
        if block is child:
            return True
        if isinstance(block, ListItem) and block.level == 0:
            return False
    return False


def _list_title(body: Sequence[Block], index: int) -> bool:
    """A top-level numbered item followed by paragraphs or a roles heading: a duty's title typed as a list."""
    block = body[index]
    if not isinstance(block, ListItem) or block.level != 0 or len(block.text) > 90:
        return False
    following = body[index + 1] if index + 1 < len(body) else None
    return isinstance(following, Paragraph) or (following is not None and matches(following, ROLES + FORMS))


def _duty_part(block: Block, words: tuple[str, ...]) -> bool:
    return matches(block, words) or (
        isinstance(block, Heading | Paragraph | ListItem)
        and any(normalize(block.text).endswith(word) for word in words)
        and len(block.text) <= 90
    )


def _retext(block: Block, text: str) -> Block:
    """`block` holding `text` instead of its own."""
    if isinstance(block, ListItem):
        return ListItem(text, block.level, block.where, block.numbered, block.label)
    return Paragraph(text, block.where)


def _before_word(block: Block, words: tuple[str, ...]) -> str:
    """The text of a block before the heading words it ends with ("" when it is only the words, or ends otherwise)."""
    text = normalize(getattr(block, "text", "")).replace("\n", " ")
    for word in sorted(words, key=len, reverse=True):
        if text.endswith(word):
            return text[: -len(word)].strip(" :")
    return ""


def _duty(part: Part, heading: Block, body: Sequence[Block]) -> None:
    """One duty: its title, text (with definitions "… หมายถึง …"), roles (บทบาทและหน้าที่) and forms (แบบฟอร์มที่ใช้)."""
    title = normalize(line_of(heading) or str(getattr(heading, "text", ""))).replace("\n", " ")
    title = re.sub(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*", "", title)
    field = "text"
    for word in ROLES:
        if title.endswith(word) and title != word:
            title, field = title[: -len(word)].strip(), "roles"
    duty: dict[str, Any] = {"title": title or "งาน"}
    pieces: dict[str, list[Block]] = {"text": [], "roles": [], "forms": [], "flow": []}
    for block in body:
        if _duty_part(block, ROLES) or (isinstance(block, Paragraph | ListItem) and _before_word(block, ROLES)):
            before = _before_word(block, ROLES)
            at = before.rfind(duty["title"]) if before else -1
            if at >= 0:
                # "งานกลุ่มโรงเรียนที่ ๒ บทบาทและหน้าที่" names the duty more closely; a PDF's line may have been run
                # into the text before it, which stays where it was
                duty["title"] = before[at:]
                if before[:at].strip():
                    pieces[field].append(_retext(block, before[:at].strip()))
            elif before:
                pieces[field].append(_retext(block, before))
            field = "roles"
        elif _duty_part(block, FORMS):
            field = "forms"
        elif matches(block, FLOW):
            field = "flow"
        else:
            pieces[field].append(block)
    text: list[Block] = []
    definitions: list[dict[str, Any]] = []
    for block in pieces["text"] + pieces["flow"]:
        found = DEFINES.match(normalize(block.text).replace("\n", " ")) if isinstance(block, Paragraph) else None
        if found:
            definitions.append({"term": found.group(1).strip(), "meaning": [found.group(3).strip()]})
            if found.group(2) != "หมายถึง":
                definitions[-1]["says"] = found.group(2)
        else:
            text.append(block)
    if definitions:
        duty["definitions"] = definitions
    headed = next((index for index, block in enumerate(text) if isinstance(block, Heading)), len(text))
    closing = headed
    while closing and _numbered_item(text[closing - 1]):
        closing -= 1
    if closing < headed and definitions:  # text, definitions, then the list: the order a Section prints them
        duty["items"] = items([block for block in text[closing:headed] if isinstance(block, ListItem)])
        text = [*text[:closing], *text[headed:]]
    duty.update(section_body(text))
    for name in ("roles", "forms"):
        listed = [block for block in pieces[name] if isinstance(block, ListItem)]
        others = [block for block in pieces[name] if not isinstance(block, ListItem | PageBreak)]
        if listed:
            duty[name] = items(listed) if name == "roles" else [block.text for block in listed]
        if others:
            duty["text"] = [*duty.get("text", []), *text_block(others)]
    part.data.setdefault("duties", []).append(duty)
    _care_from(part, duty["title"])


def _numbered_item(block: Block) -> bool:
    return isinstance(block, ListItem) and block.numbered


def section_body(blocks: Sequence[Block]) -> dict[str, Any]:
    """A section's `text`, `tables` and `sections` from its blocks: what stands before its first (deeper) heading
    is its text (tables in it kept in place), and each heading opens a table of that title (a heading over a table
    alone) or a sub-section, read the same way."""
    headed = [index for index, block in enumerate(blocks) if isinstance(block, Heading)]
    out: dict[str, Any] = {}
    text = text_block(blocks[: headed[0]] if headed else blocks)
    if text:
        out["text"] = text
    for number, start in enumerate(headed):
        end = headed[number + 1] if number + 1 < len(headed) else len(blocks)
        title = normalize(line_of(blocks[start]) or "").replace("\n", " ") or "เพิ่มเติม"
        inner = [block for block in blocks[start + 1 : end] if not isinstance(block, PageBreak)]
        if len(inner) == 1 and isinstance(inner[0], Table):
            out.setdefault("tables", []).append({"title": title, **table(inner[0])})
        elif inner:
            out.setdefault("sections", []).append({"title": title, **section_body(inner)})
        else:
            out.setdefault("sections", []).append({"title": title})
    return out


def _care_from(part: Part, title: str) -> None:
    """A duty named after a cluster, learning area or network names what the person cares for (a guess)."""
    for field, pattern in (("clusters", CLUSTER), ("learning_areas", AREA), ("networks", NETWORK)):
        found = pattern.search(title)
        if found:
            name = normalize(found.group(1) if field != "clusters" else found.group(0))
            names = part.data.setdefault(DUTY_CARE, {}).setdefault(field, [])
            if name not in names:
                names.append(name)
            return


def _care(part: Part, body: Sequence[Block]) -> list[Block]:
    """Clusters, networks and learning areas cared for, one per line: names for the orchestrator to resolve."""
    rest: list[Block] = []
    for block in body:
        text = normalize(line_of(block) or "")
        text = SCHOOLS.sub("", text).strip()
        if not text:
            if not isinstance(block, PageBreak):
                rest.append(block)
            continue
        if found := AREA.match(text):
            field, name = "learning_areas", found.group(1).strip()
        elif CLUSTER.match(text) or text.startswith("กลุ่มโรงเรียน"):
            field, name = "clusters", text
        elif isinstance(block, ListItem) or len(text) <= 60:
            field, name = "networks", text
        else:
            rest.append(block)
            continue
        names = part.data.setdefault(field, [])
        if name not in names:
            names.append(name)
    return rest


def _listing(field: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    """A list field (projects, process names): its list items, or each short paragraph as one (a guess)."""

    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        listed = [block for block in body if isinstance(block, ListItem)]
        rest: list[Block] = [
            block
            for block in body
            if not isinstance(block, ListItem | PageBreak) and not re.fullmatch(r"[•·▪■●○◦►\-–—]", _block_text(block))
        ]  # a PDF's bullet glyph alone on its line carries no text
        if not listed:
            listed = [ListItem(b.text, 0, b.where) for b in rest if isinstance(b, Paragraph) and len(b.text) <= 200]
            rest = [b for b in rest if not (isinstance(b, Paragraph) and len(b.text) <= 200)]
            if listed:
                part.guess((field,), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า")
        if listed:
            value = items(listed) if field == "projects" else [block.text for block in listed if block.level == 0]
            part.data[field] = [*part.data.get(field, []), *value]
        return rest

    return place


def _bibliography(part: Part, body: Sequence[Block]) -> list[Block]:
    """บรรณานุกรม: its entries as the source wrote them (`bibliography.entries` mends the reader's wrapping), for the
    orchestrator to make a source of references.yml of each; a table or a drawing's title found there is returned."""
    lines: list[str] = []
    rest: list[Block] = []
    for block in body:
        if isinstance(block, Table) or matches(block, FLOW):
            rest.append(block)
        elif isinstance(block, Paragraph | ListItem):
            lines.append(normalize(block.text).replace("\n", " "))
    found = bibliography.entries(lines)
    if found:
        part.data["bibliography"] = [*part.data.get("bibliography", []), *found]
    return rest


# --- work standards ------------------------------------------------------------------------------------------------


def _work_standards(part: Part, body: Sequence[Block]) -> list[Block]:
    """มาตรฐานการปฏิบัติงาน: topics (a deeper heading or a short line before a table or the table's header lines),
    each with its tables: two columns (or a label column and two) become `rows`, wider ones `tables`. A table that
    came flattened into lines is rebuilt where the pattern is clear (see `_rows_from_lines`)."""
    rest: list[Block] = []
    topics: list[tuple[Block, list[Block]]] = []
    level = min((b.level for b in body if isinstance(b, Heading) and b.level is not None), default=None)
    for index, block in enumerate(body):
        if _topic_at(body, index, level):
            topics.append((block, []))
        elif topics:
            topics[-1][1].append(block)
        elif not isinstance(block, PageBreak):
            rest.append(block)
    if not topics and any(isinstance(block, Table) for block in body):
        topics = [(Paragraph(PART_WORDS["work_standards"][0], body[0].where), list(body))]
        rest = []
    for heading, piece in topics:
        rest += _topic(part, heading, piece)
    return rest


def _topic_at(body: Sequence[Block], index: int, level: int | None) -> bool:
    block = body[index]
    if level is not None:
        return isinstance(block, Heading) and block.level == level
    line = line_of(block)
    if line is None or _header_line(block) or isinstance(block, Table):
        return False
    if isinstance(block, ListItem) and block.level > 0:
        return False
    following = body[index + 1 : index + 3]
    return any(isinstance(b, Table) or _header_line(b) for b in following[:2]) and not any(
        isinstance(b, ListItem) and b.level == 0 for b in following[:1] if not isinstance(b, Table)
    )


def _header_line(block: Block) -> bool:
    """A line holding a work-standard table's header: กิจกรรม/วิธีปฏิบัติ … มาตรฐาน/หลักฐาน."""
    line = normalize(line_of(block) or "")
    return bool(line) and any(w in line for w in ACTIVITY_WORDS) and any(w in line for w in EVIDENCE_WORDS[:3])


def _topic(part: Part, heading: Block, body: Sequence[Block]) -> list[Block]:
    """One topic: its subtitle (the short line right under it), its tables — each with the title (a deeper
    heading, or a short line) and subtitle standing above it — and rows rebuilt from lines where it has no table."""
    standards: list[dict[str, Any]] = part.data.setdefault("work_standards", [])
    title = re.sub(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*", "", normalize(line_of(heading) or "เรื่อง").replace("\n", " "))
    topic: dict[str, Any] = {"topic": title or "เรื่อง"}
    path: tuple[str | int, ...] = ("work_standards", len(standards))
    rest: list[Block] = []
    lines: list[Block] = []
    above: list[str] = []  # the title and subtitle of the next table
    for block in body:
        line = block.text if isinstance(block, Paragraph | Heading) else ""
        short = bool(line) and len(line) <= 90 and not _header_line(block)
        if isinstance(block, Table):
            _standard_table(part, topic, block, above, path)
            above = []
        elif isinstance(block, Heading) and short:
            above = [normalize(line)]
        elif short and not above and not lines and not ({"rows", "tables", "subtitle"} & topic.keys()):
            topic["subtitle"] = normalize(line)
        elif short and len(above) < 2 and not lines:
            above.append(normalize(line))
        elif not isinstance(block, PageBreak):
            lines.append(block)
    if lines:
        rows, headers, left = _rows_from_lines(lines)
        if rows:
            topic.setdefault("rows", []).extend(rows)
            if headers and headers != DEFAULT_HEADERS:
                topic.setdefault("headers", list(headers))
            part.guess((*path, "rows"), "ตารางถูกแปลงเป็นบรรทัดในต้นฉบับ สร้างแถวใหม่จากบรรทัด ตรวจการแบ่งแถวและช่อง")
        rest += left
    if above:
        rest += [Paragraph(text, heading.where) for text in above]
    if "rows" in topic or "tables" in topic:
        standards.append(topic)
    else:
        rest = [Paragraph(title, heading.where), *body] if title else list(body)
    if not standards:
        part.data.pop("work_standards", None)
    return rest


def _standard_table(
    part: Part, topic: dict[str, Any], block: Table, above: Sequence[str], path: tuple[str | int, ...]
) -> None:
    """A real table of a topic: activity and standard columns as `rows` (headers kept when they differ from our
    labels); a table with a title, a label column (ที่) or other columns as one of `tables`."""
    names = columns(block)
    labelled = len(names) > 1 and key(names[0]) in {key(w) for w in LABEL_COLUMN}
    data = names[1:] if labelled else names
    simple = len(data) == 2 and not any(" — " in name for name in data) and not above and not labelled
    if simple and "tables" not in topic:
        rows = []
        for row in grid(block)[header_count(block) :]:
            activity = _cell(row[0]) if row[0] is not None else ""
            standard = _cell(row[1]) if len(row) > 1 and row[1] is not None else ""
            if activity or standard:
                rows.append({"activity": activity, "standard": standard})
        topic.setdefault("rows", []).extend(rows)
        if tuple(data) != DEFAULT_HEADERS and "headers" not in topic:
            topic["headers"] = list(data)
        return
    value = table(block)
    if labelled:
        value["number_header"] = value["columns"].pop(0)
        body = [row for row in grid(block)[header_count(block) :] if any(c is not None and cell(c) for c in row)]
        labels = [_plain(row[0]) if row[0] is not None else "" for row in body]  # typed numbers a reader took
        if len(labels) != len(value["rows"]):
            labels = [row[0] if isinstance(row[0], str) else "" for row in value["rows"]]
        counted = [str(number) for number in range(1, len(labels) + 1)]
        if [label.translate(ARABIC_DIGITS) for label in labels] == counted:
            value["numbered"] = True  # ๑ ๒ ๓ …: numbers the system prints itself
            value["rows"] = [row[1:] for row in value["rows"]]
            if key(value["number_header"]) == key(LABEL_COLUMN[0]):
                del value["number_header"]
        else:
            value["rows"] = [
                {"label": label, "cells": row[1:]} if label else row[1:]
                for label, row in zip(labels, value["rows"], strict=True)
            ]
    titled: dict[str, Any] = dict(zip(("title", "subtitle"), above, strict=False))
    topic.setdefault("tables", []).append({**titled, **value})
    if any(" — " in name for name in value["columns"]):
        part.guess((*path, "tables"), "หัวตารางที่รวมช่องถูกแยกเป็นชื่อคอลัมน์ ตรวจชื่อคอลัมน์")


def _cell(value: Cell) -> Any:
    """A cell as an editor writes it: its text, the list alone when it holds only a numbered list, else a block."""
    if value.blocks and all(isinstance(b, ListItem) and b.numbered for b in value.blocks):
        return items([b for b in value.blocks if isinstance(b, ListItem)])
    return cell(value)


def _rows_from_lines(lines: Sequence[Block]) -> tuple[list[dict[str, Any]], tuple[str, str] | None, list[Block]]:
    """A two-column table a PDF flattened into lines, rebuilt: the header line(s) (กิจกรรม … หลักฐาน) give the
    headers; then each numbered line (a top-level item) is an activity, and the lines under it — bullets, deeper
    items or plain lines — its standard or evidence. Returns no rows unless the pattern holds throughout."""
    headers: tuple[str, str] | None = None
    rows: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    left: list[Block] = []
    for block in lines:
        text = normalize(line_of(block) or str(getattr(block, "text", "")))
        if _header_line(block):
            found = [w for w in ACTIVITY_WORDS if w in text][:1] + [w for w in EVIDENCE_WORDS if w in text][:1]
            if len(found) == 2:
                split = text.find(found[1])
                headers = (text[:split].strip() or found[0], text[split:].strip())
            continue
        if isinstance(block, ListItem) and block.level == 0 and block.numbered:
            current = {"activity": block.text, "standard": []}
            rows.append(current)
        elif current is not None and isinstance(block, ListItem | Paragraph):
            current["standard"].append(block.text)
        else:
            left.append(block)
    for row in rows:
        evidence = row["standard"]
        row["standard"] = evidence[0] if len(evidence) == 1 else evidence
        if not evidence:
            return [], None, list(lines)
    return rows, headers, left


# --- free sections and defaults ------------------------------------------------------------------------------------


def _leftover(part: Part, title: str, blocks: Sequence[Block], after: str) -> None:
    kept = [block for block in blocks if not isinstance(block, PageBreak)]
    if not kept:
        return
    section = {"title": title, "after": after, **section_body(kept)}
    if not ({"text", "tables", "sections"} & section.keys()):
        section = free_section(title, blocks, after)
    sections = part.data.setdefault("sections", [])
    sections.append(section)
    part.guess(("sections", len(sections) - 1), "เนื้อหาที่จัดเข้าหัวข้อของบุคคลไม่ได้ ย้ายไปไว้ในช่องที่ถูกต้อง")
    for block in blocks:
        if not isinstance(block, PageBreak):
            text = getattr(block, "text", "") or "ตาราง"
            part.unplaced.append(Unplaced(block.where, text[:60], section["title"]))


PLACEHOLDERS = {"prefix": "นาย", "name": "ไม่พบชื่อ", "surname": "ไม่พบนามสกุล"}


def _defaults(part: Part) -> None:
    """The three names a person's file must have; a placeholder to check where the source does not give them."""
    for field, value in PLACEHOLDERS.items():
        if not part.data.get(field):
            part.data[field] = value
            part.guess((field,), "ไม่พบในต้นฉบับ ใส่ให้ถูกต้อง")
    rest = dict(part.data)
    part.data.clear()
    for field in FIELD_ORDER:  # the order an editor would write them in
        if field in rest:
            part.data[field] = rest.pop(field)
    part.data.update(rest)


FIELD_ORDER = (
    "prefix", "name", "surname", "position", "rank", "role", "order", "foreword", "aims", "duties", "clusters",
    "networks", "learning_areas", "projects", "processes", "work_standards", "bibliography", "cover_title", "sections",
)  # fmt: skip


def _approval(part: Part, body: Sequence[Block]) -> list[Block]:
    """Our export's การอนุมัติ: "อนุมัติให้ใช้เมื่อวันที่ … โดย … ตาม…" as `approval`; the rest (a draft's note, the
    revision record, which the books make from the history or `revisions`) is returned."""
    rest: list[Block] = []
    for block in body:
        text = normalize(getattr(block, "text", "")).replace("\n", " ")
        found = APPROVED.match(text) if text else None
        day = _day(found.group("date")) if found else None
        if found and day:
            approval = {"status": "approved", "by": found.group("by"), "position": found.group("position")}
            approval["date"] = day
            if found.group("order"):
                approval["order"] = found.group("order")
            part.data["approval"] = approval
            part.guess(("approval",), "อ่านจากหน้าการอนุมัติ ตรวจผู้อนุมัติ ตำแหน่ง และวันที่")
        elif text.startswith("ฉบับร่าง"):
            continue  # labels.draft_note: the books print it for every part still a draft
        elif isinstance(block, Table) and (revisions := _revisions(block)):
            part.data["revisions"] = revisions
            part.guess(("revisions",), "บันทึกการแก้ไขจากต้นฉบับ ลบออกถ้าเป็นประวัติที่ระบบสร้างจาก git")
        elif not isinstance(block, PageBreak) and not matches(block, (LABELS.revision_record,)):
            rest.append(block)
    return rest


def _revisions(block: Table) -> list[dict[str, str]] | None:
    """The revision record (ฉบับที่ | วันที่ | รายการแก้ไข | ผู้อนุมัติ) as `revisions`; None if it is not one or a
    row does not read."""
    if [key(name) for name in columns(block)][:3] != [key(w) for w in ("ฉบับที่", "วันที่", "รายการแก้ไข")]:
        return None
    out = []
    for row in grid(block)[header_count(block) :]:
        texts = [_plain(value) if value is not None else "" for value in row]
        day = _day(texts[1])
        if not (texts[0] and day and texts[2]):
            return None
        revision = {"version": texts[0], "date": day, "change": texts[2]}
        if len(texts) > 3 and texts[3]:
            revision["approved_by"] = texts[3]
        out.append(revision)
    return out


def _plain(value: Cell) -> str:
    """A cell's text in one line, typed numbers kept ("๑.๐" a reader took for a numbered item)."""
    parts = [f"{b.label or ''}{b.text}" if isinstance(b, ListItem) else b.text for b in value.blocks]
    return normalize(" ".join(parts)).replace("\n", " ")


def _day(text: str) -> str | None:
    """ "๑๕ พฤษภาคม ๒๕๖๘" as the model's day, 2568-05-15; None when it is no such day."""
    found = re.match(r"^([0-9]{1,2})\s*(\S+)\s*([0-9]{4})$", normalize(text).translate(ARABIC_DIGITS))
    if not found or found.group(2) not in MONTHS:
        return None
    return f"{found.group(3)}-{MONTHS.index(found.group(2)) + 1:02d}-{int(found.group(1)):02d}"


# The pieces of a person's part and how each is read: the page's parts (in print order), then pieces of the source
# that are no part of the page: a printed contents page, the bibliography, our export's approval page, and the parts
# of a group manual's chapter that a person's page has not (free sections).
PLACES: tuple[Place, ...] = (
    *(
        Place(found.key, found.wordings, body_only(read))
        for found, read in zip(
            [found for found in PAGES["person"] if found.heading],
            (
                _foreword,
                _assignment,
                _aims,
                _duties,
                _care,
                _listing("projects"),
                _work_standards,
                _listing("processes"),
            ),
            strict=True,
        )
    ),
    Place("contents", CONTENTS_WORDS, body_only(_contents), after="profile"),
    Place("bibliography", BIBLIOGRAPHY_WORDS, body_only(_bibliography), after="processes"),
    Place("approval", APPROVAL_WORDS, body_only(_approval)),
    Place("other", OTHER_WORDS, lambda part, heading, body: list(body)),
)


__all__ = ["merge", "people_named", "recognise", "same", "spans", "split_name", "split_position"]
