"""The group's schools page: the learning areas of the curriculum, the school clusters and the networks, each an entry
of `office.yml` with an id that people refer to.

Manuals give them as lists under a heading (กลุ่มสาระการเรียนรู้, กลุ่มโรงเรียน, เครือข่าย …), as lines or table rows
with a number of schools ("กลุ่มโรงเรียนที่ ๑ จำนวน ๑๒ โรงเรียน"), as a cluster's heading with its schools listed
under it, or inside a sentence ("… แบ่งเป็น ๘ กลุ่ม ได้แก่ ๑) ภาษาไทย ๒) คณิตศาสตร์ …"). Each place function takes
the entries and returns the rest, which the office part keeps (general text of the clusters as `clusters_text`,
the rest as a free section); a line after an entry that is no entry is that entry's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...thai import ARABIC_DIGITS, normalize
from ..blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ..draft import Part
from ..ids import slug, unique
from ..shape import grid
from .words import key, line_of, plain

# The curriculum's learning areas by the ids the hand-made data gives them, each with the wordings manuals use.
LEARNING_AREAS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("thai", re.compile(r"ภาษาไทย")),
    ("math", re.compile(r"คณิตศาสตร์")),
    ("science", re.compile(r"วิทยาศาสตร์(?:\s*และ\s*เทคโนโลยี)?")),
    ("social", re.compile(r"สังคมศึกษา(?:\s*,?\s*ศาสนา\s*และ\s*วัฒนธรรม)?")),
    ("health", re.compile(r"สุขศึกษา\s*และ\s*พลศึกษา")),
    ("arts", re.compile(r"ศิลปะ")),
    ("career", re.compile(r"(?:พื้นฐาน)?การงานอาชีพ(?:\s*และ\s*เทคโนโลยี)?")),
    ("foreign", re.compile(r"ภาษาต่างประเทศ")),
    ("student-activities", re.compile(r"กิจกรรมพัฒนาผู้เรียน")),
)
AREA_IDS = frozenset(area_id for area_id, _ in LEARNING_AREAS)
# Their names as the curriculum spells them: a name the source wrapped over two lines comes back with its space.
AREA_NAMES = (
    "วิทยาศาสตร์และเทคโนโลยี", "สังคมศึกษา ศาสนาและวัฒนธรรม", "สุขศึกษาและพลศึกษา", "การงานอาชีพและเทคโนโลยี",
    "การงานอาชีพ", "ภาษาต่างประเทศ", "กิจกรรมพัฒนาผู้เรียน",
)  # fmt: skip
AREA_WORDS = re.compile(r"^(?:กลุ่มสาระ(?:การเรียนรู้)?|สาระการเรียนรู้)\s*")
# "๑) ภาษาไทย", "2. คณิตศาสตร์": a number inside a sentence that enumerates (not part of a longer number)
ENUMERATED = re.compile(r"(?<![0-9๐-๙.])([0-9๐-๙]{1,2})\s*[.)]\s*(?=[^\s0-9๐-๙.)])")
LISTED_AREA_LONGEST = 40  # characters: an enumerated entry longer than this is a sentence, not an area's name
NUMBERED_CLUSTER = re.compile(r"กลุ่มโรงเรียนที่\s*([0-9๐-๙]+)")
# "… (มี)(จำนวน) ๑๒ โรงเรียน …": an entry's number of schools, what stands before it the entry's name
COUNTED = re.compile(
    r"^(?P<name>.+?)[\s(:–—-]*(?:มี)?\s*(?:จำนวน)?\s*(?P<count>[0-9๐-๙]+)\s*(?:โรงเรียน|โรง|แห่ง)(?=$|[\s)])\s*\)?\s*(?P<rest>.*)$"
)
# Words that open the name of a cluster or network on a line of its own (a line of another kind is text).
ENTRY_WORDS = ("กลุ่ม", "เครือข่าย", "ศูนย์", "สหวิทยาเขต", "ภาคี")
SCHOOL = re.compile(r"^(?:โรงเรียน|ร\.ร\.|รร\.)")
TOTAL = re.compile(r"^รวม")
# An entry's (column header, names) of the supervisors a table says are responsible for it, for the orchestrator to
# turn into the people's references to the entry (the books print that column from them)
SUPERVISORS = "_supervisors"
RESPONSIBLE_AFTER = re.compile(r"^(?P<entry>.+?)\s+[—–-]\s*(?P<header>\S*ผู้รับผิดชอบ)\s*:\s*(?P<names>.+)$")
CLUSTERS_TITLE = "กลุ่มโรงเรียน"  # the clusters' heading on the schools page
ENTRY_LONGEST = 120  # characters: a longer line is a paragraph about the entries, not one of them


def number_of(digits: str) -> int:
    return int(digits.translate(ARABIC_DIGITS))


def standard_area(text: str) -> tuple[str, str] | None:
    """(id, name) of the curriculum's learning area that `text` starts with, or None."""
    found = _area(text)
    if found is None:
        return None
    said = plain(found[1].group())
    return found[0], next((name for name in AREA_NAMES if plain(name) == said), found[1].group())


def _area(text: str) -> tuple[str, re.Match[str]] | None:
    text = AREA_WORDS.sub("", " ".join(normalize(text).split()))
    for area_id, wording in LEARNING_AREAS:
        found = wording.match(text)
        if found:
            return area_id, found
    return None


def entry_id(kind: str, name: str) -> str:
    """The id of the office's `kind` entry named `name`: one of the curriculum's learning areas by its standard id
    (a remark in brackets after it is no other area), a numbered school cluster as `cluster-N`, anything else
    romanised. The group's lists and a person's references to them both take their ids from here, so a person's
    learning area is the group's entry, not a second one."""
    text = " ".join(normalize(name).split())
    area = _area(text) if kind == "learning_areas" else None
    if area and re.fullmatch(r"\s*(?:\([^()]*\))?", area[1].string[area[1].end() :]):
        return area[0]
    numbered = NUMBERED_CLUSTER.fullmatch(text)
    if numbered:
        return f"cluster-{number_of(numbered.group(1))}"
    return slug(text, 4)


def areas_listed(text: str) -> list[tuple[str, str]]:
    """The learning areas a sentence enumerates after the words กลุ่มสาระ…: (id, name) in its order, or [] when the
    sentence lists no run ๑, ๒, ๓ … of which most are the curriculum's areas."""
    start = text.find("กลุ่มสาระ")
    if start < 0:
        return []
    marks: list[re.Match[str]] = []
    for found in ENUMERATED.finditer(text, start):
        if number_of(found.group(1)) == len(marks) + 1:
            marks.append(found)
    if len(marks) < 3:
        return []
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    pieces = [text[mark.end() : end] for mark, end in zip(marks, ends, strict=True)]
    out: list[tuple[str, str]] = []
    standard = 0
    for index, piece in enumerate(pieces):
        piece = re.sub(r"[\s,]*(?:และ(?:เพิ่มเติม)?)?[\s,]*$", "", " ".join(piece.split()))
        area = standard_area(piece)
        if area:
            standard += 1
            out.append(area)
        elif len(piece) <= LISTED_AREA_LONGEST and index < len(pieces) - 1:
            out.append((slug(piece, 4), piece))
    return out if standard * 2 >= len(pieces) else []


def add_entry(part: Part, kind: str, name: str) -> dict[str, Any]:
    """The group's `kind` entry named `name` (found by its name or its id), added when there is none."""
    entries: list[dict[str, Any]] = part.data.setdefault("group", {}).setdefault(kind, [])
    name = " ".join(normalize(name).split())
    wanted = entry_id(kind, name)
    for entry in entries:
        if plain(entry["name"]) == plain(name) or entry["id"] == wanted:
            return entry
    entry = {"id": unique(wanted, {entry["id"] for entry in entries}), "name": name}
    entries.append(entry)
    if wanted not in AREA_IDS and not NUMBERED_CLUSTER.fullmatch(name):
        part.guess(("group", kind, len(entries) - 1, "id"), "รหัสสร้างจากชื่อ")
    return entry


def learning_areas(part: Part, titled: Sequence[Block]) -> list[Block]:
    """กลุ่มสาระการเรียนรู้: each item of its list an area when most of them are the curriculum's (a list of the
    work's duties is not), and a line that is an area's name; a sentence that enumerates them gives them too, and
    stays, with the rest, for the office part to keep."""
    body, after = _own(titled)
    rest: list[Block] = []
    top = min((block.level for block in body if isinstance(block, ListItem)), default=0)
    listed = [block for block in body if isinstance(block, ListItem) and block.level == top]
    areas = sum(1 for block in listed if standard_area(block.text)) * 2 >= len(listed)
    for block in body:
        text = block.text if isinstance(block, Paragraph | ListItem) else ""
        name = AREA_WORDS.sub("", normalize(text))
        if areas and block in listed and len(name) <= LISTED_AREA_LONGEST:
            add_entry(part, "learning_areas", name)
            continue
        area = standard_area(text) if line_of(block) else None
        if area and plain(name) == plain(area[1]):
            add_entry(part, "learning_areas", area[1])
            continue
        for _, name in areas_listed(normalize(text)):
            add_entry(part, "learning_areas", name)
        if not isinstance(block, PageBreak):
            rest.append(block)
    return rest + after


def clusters(part: Part, titled: Sequence[Block]) -> list[Block]:
    """กลุ่มโรงเรียน: its entries, and its other paragraphs as the clusters' general text, under the source's own
    title when that is not the one the page prints (งานกลุ่มเครือข่ายสถานศึกษา)."""
    body, after = _own(titled)
    rest = _entries(part, "clusters", body)
    title = (line_of(titled[0]) or "").split(":", 1)[0].strip()
    texts = [block.text for block in rest if isinstance(block, Paragraph)]
    if title and key(title) != key(CLUSTERS_TITLE):
        texts.insert(0, title)
    if texts:
        group = part.data.setdefault("group", {})
        group["clusters_text"] = [*group.get("clusters_text", []), *texts]
    return [block for block in rest if not isinstance(block, Paragraph)] + after


def networks(part: Part, titled: Sequence[Block]) -> list[Block]:
    """เครือข่าย / ศูนย์พัฒนาวิชาการ: its entries; the rest for the office part to keep."""
    body, after = _own(titled)
    return _entries(part, "networks", body) + after


def _own(titled: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """The body under a part's heading (the first block) split where a heading not under it starts: a Word file's
    next chapter goes on to the next heading this module knows, and is none of this part's entries."""
    heading, *body = titled
    level = heading.level if isinstance(heading, Heading) else None
    for index, block in enumerate(body):
        if isinstance(block, Heading) and (level is None or block.level is None or block.level <= level):
            return body[:index], body[index:]
    return body, []


def _entries(part: Part, kind: str, body: Sequence[Block]) -> list[Block]:
    """The entries of a list of clusters or networks, in any of the shapes the module's docstring names; returns
    the blocks that are none, nor any entry's text or schools."""
    rest: list[Block] = []
    current: dict[str, Any] | None = None
    depth: int | None = None  # the list level of the current entry's item; None for a heading or a line
    for block in body:
        if isinstance(block, Table):
            if not _table(part, kind, block, rest):
                rest.append(block)
            current = None
            continue
        if not isinstance(block, Heading | Paragraph | ListItem):
            continue
        text = normalize(block.text)
        if isinstance(block, ListItem) and current is not None and _school(block, text, depth):
            _add_school(part, kind, current, text)
        elif isinstance(block, Heading) or (len(text) <= ENTRY_LONGEST and _entry_line(block, text)):
            current = _entry(part, kind, text)
            depth = block.level if isinstance(block, ListItem) else None
        elif current is not None:
            current["text"] = [*current.get("text", []), text]
        else:
            rest.append(block)
    return rest


def _entry_line(block: Block, text: str) -> bool:
    """A line that is an entry: a list item, a line that counts its schools, or a numbered cluster's name."""
    counted = COUNTED.match(text)
    return (
        isinstance(block, ListItem)
        or bool(counted and counted["name"].startswith(ENTRY_WORDS))
        or bool(NUMBERED_CLUSTER.fullmatch(text))
    )


def _school(block: ListItem, text: str, depth: int | None) -> bool:
    """A list item under an entry that is one of its schools: under a heading or line naming the entry, deeper than
    the entry's item, or a line saying โรงเรียน…"""
    if SCHOOL.match(text):
        return True
    if depth is None:
        return not COUNTED.match(text) and not text.startswith(ENTRY_WORDS)
    return block.level > depth


def _entry(part: Part, kind: str, text: str) -> dict[str, Any]:
    """The entry a line names, with its number of schools and what follows the number as its text, and the
    supervisors a trailing "— ผู้รับผิดชอบ: …" names (as our books print a network)."""
    said = RESPONSIBLE_AFTER.match(text)
    if said:
        entry = _entry(part, kind, said["entry"])
        entry.setdefault(SUPERVISORS, []).append((said["header"], said["names"]))
        return entry
    counted = COUNTED.match(text)
    name = counted["name"].strip(" (:–—-") if counted else text
    entry = add_entry(part, kind, name)
    if counted:
        entry["schools"] = number_of(counted["count"])
        after = counted["rest"].strip(" –—-")
        if after:
            entry["text"] = [*entry.get("text", []), after]
    return entry


def _add_school(part: Part, kind: str, entry: dict[str, Any], name: str) -> None:
    """A school listed under an entry: the names replace a number of schools (the site counts the names)."""
    stated = entry.get("schools")
    names = stated if isinstance(stated, list) else []
    entry["schools"] = [*names, name]
    if isinstance(stated, int):
        index = next(i for i, other in enumerate(part.data["group"][kind]) if other is entry)
        part.guess(("group", kind, index, "schools"), f"ต้นฉบับระบุจำนวน {stated} โรงเรียน ตรวจรายชื่อโรงเรียนให้ครบ")


def _table(part: Part, kind: str, block: Table, rest: list[Block]) -> bool:
    """A table of entries: a column of names, a column of numbers of schools (headed จำนวน…), a column of the
    supervisors responsible (`SUPERVISORS`), any other column kept in each entry's text as "header: value"; a total
    row is kept as a paragraph. False for a table that is not
    one of entries (no column of names, or neither a count nor a header naming them)."""
    cells = [[value.text.replace("\n", " ").strip() if value else "" for value in row] for row in grid(block)]
    width = max((len(row) for row in cells), default=0)
    cells = [row + [""] * (width - len(row)) for row in cells]
    heads = block.header_rows or int(len(cells) > 1 and not any(_digits(value) for value in cells[0]))
    header, rows = (cells[heads - 1] if heads else [""] * width), cells[heads:]
    numeric = [bool(rows) and all(_digits(row[c]) for row in rows if row[c]) for c in range(width)]
    names = next((c for c in range(width) if not numeric[c] and any(row[c] for row in rows)), None)
    if names is None or width < 2:
        return False
    count = next((c for c in range(width) if numeric[c] and c > names and ("จำนวน" in header[c] or not heads)), None)
    if count is None and not re.search("กลุ่ม|เครือข่าย|ศูนย์|ชื่อ", header[names]):
        return False
    others = [c for c in range(width) if c not in (names, count) and not (numeric[c] and c < names)]
    named = [c for c in others if "ผู้รับผิดชอบ" in header[c]]  # the supervisors responsible: people's references
    for row in rows:
        if not row[names]:
            continue
        if TOTAL.match(row[names]):
            rest.append(Paragraph(" ".join(value for value in row if value), block.where))
            continue
        entry = add_entry(part, kind, row[names])
        if count is not None and row[count]:
            entry["schools"] = number_of(row[count])
        extra = [f"{header[c]}: {row[c]}" if header[c] else row[c] for c in others if row[c] and c not in named]
        if extra:
            entry["text"] = [*entry.get("text", []), *extra]
        for c in named:
            if row[c]:
                entry.setdefault(SUPERVISORS, []).append((header[c], row[c]))
    return True


def _digits(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9๐-๙]+", text.strip()))
