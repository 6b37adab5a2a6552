"""The office and group part of a manual: what is left of the stream once the people and processes are taken out.

The cover gives the office's name and the manual's title; then the stream is cut at the headings this module
knows (คำนำ, แนวคิด, วัตถุประสงค์, วิสัยทัศน์ …, ขอบข่ายภารกิจ …) and each piece is placed into its field. What a
field cannot hold, and every piece under a heading no field knows, becomes a free section of the group page,
titled as the source titled it: nothing is dropped, and the report lists each such section.

It is one module of some 680 lines because its readers share one small vocabulary (`_get`/`_set` of nested paths,
`_leftover` into the group's free sections) and one table (`PLACES`), each reader being a dozen to forty lines;
the two that grew large on their own are modules already (`schools.py`, `bibliography.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ...data.parts import wordings
from ...thai import normalize
from ..blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ..draft import Part, Unplaced
from ..ids import workgroup_id
from ..shape import free_section, grid, items, table, text_block
from . import bibliography, schools
from .words import AIMS, LABELS, Place, Read, body_only, key, line_of, matches, place_of, plain

OFFICE = re.compile(r"^สำนักงานเขตพื้นที่การศึกษา")
GROUP = re.compile(r"^กลุ่มนิเทศ")
DISTRICT = re.compile(r"เขต\s*[0-9๐-๙]+\s*$")  # "… เขต ๖": the end of an office's name
TITLE = re.compile(r"^คู่มือ")
DEFAULT_GROUP = "กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"
PHONE = re.compile(r"(?:โทร(?:ศัพท์)?|เบอร์โทร|Tel\.?)\s*:?\s*([0-9๐-๙][0-9๐-๙ \-,ต่อ]+)", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
SIGNATURE_LINES = 3  # short lines closing a foreword: the signer's name, position, office
# "ผู้ปฏิบัติงาน: …": the words that open a line saying who works in a work group
MEMBERS = re.compile(r"^(?:ผู้ปฏิบัติงาน|ผู้รับผิดชอบ|บุคลากร|สมาชิก)(?:ในกลุ่มงาน|ประจำกลุ่มงาน|ของกลุ่มงาน)?\s*[:：]?\s*")
# A person as a list of members names them: a prefix, a name and a surname (a position may follow).
PERSON = re.compile(
    r"(?:^|(?<=[\s,(/])|(?<=และ))(?P<prefix>(?:ว่าที่\s*(?:ร้อยตรี|ร\.\s*ต\.)(?:\s*หญิง)?\s*)?"
    r"(?:ดร\.|นางสาว|น\.ส\.|นาง|นาย)(?:\s*ดร\.)?)\s*(?P<name>[\u0e01-\u0e4e]+)\s+(?P<surname>[\u0e01-\u0e4e]+)"
)
MEMBER_POSITION = re.compile(
    r"^(?:ตำแหน่ง\s*)?(?:ศึกษานิเทศก์|ผู้อำนวยการ|รองผู้อำนวยการ|นักวิชาการ|ครู|เจ้าหน้าที่|นักจัดการ|พนักงาน|หัวหน้า)|^[(\-–—]"
)


def _paragraphs(*path: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        value = text_block(body)
        if value:
            _set(part.data, path, [*_get(part.data, path, []), *value])
        return []

    return place


def _items(*path: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    """A list field: its list items; when the source has no list, each paragraph is one item (a guess)."""

    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        listed = [block for block in body if isinstance(block, ListItem)]
        rest: list[Block] = [block for block in body if not isinstance(block, ListItem | PageBreak)]
        if not listed and rest and all(isinstance(block, Paragraph) for block in rest):
            listed = [ListItem(block.text, 0, block.where) for block in rest if isinstance(block, Paragraph)]
            part.guess(path, "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า ตรวจว่าแบ่งข้อถูกต้อง")
            rest = []
        if listed:
            _set(part.data, path, [*_get(part.data, path, []), *items(listed)])
        return rest

    return place


def _aims(*path: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    """Vision, mission and goals: the body is cut again at its own three headings."""

    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        leftovers: list[Block] = []
        for heading, piece in _cut(body, AIMS.values()):
            if heading is None:
                leftovers += piece
                continue
            name = next(name for name, words in AIMS.items() if matches(heading, words))
            if name == "vision":
                texts = [block.text for block in piece if isinstance(block, Paragraph | ListItem)]
                inline = _after_colon(heading)
                if inline:
                    texts.insert(0, inline)
                if texts:
                    _set(part.data, (*path, "vision"), " ".join(texts))
                leftovers += [block for block in piece if isinstance(block, Table)]
            else:
                leftovers += _items(*path, name)(part, piece)
        return leftovers

    return place


def _after_colon(block: Block) -> str:
    line = line_of(block) or ""
    return line.split(":", 1)[1].strip() if ":" in line else ""


def _workgroups(part: Part, body: Sequence[Block]) -> list[Block]:
    """ขอบข่ายภารกิจ: the paragraphs before the list, then each top-level item a work group, its sub-items tasks.
    Lines under a work group that name people (a name with its position, or ผู้ปฏิบัติงาน: …) are its members, by
    name for the orchestrator to make ids of, and so are the rows of a table of work groups and names. A work group
    named again (members listed per work group after the scope) is the same work group."""
    group: dict[str, Any] = part.data.setdefault("group", {})
    workgroups: list[dict[str, Any]] = group.setdefault("workgroups", [])
    taken = {workgroup["id"] for workgroup in workgroups}
    leftovers: list[Block] = []
    current: dict[str, Any] | None = None
    header: str | None = None  # a line saying ผู้ปฏิบัติงาน: the members' heading, kept as text when no names follow
    member = False  # the block before named a member: a position on the next line is that member's
    for block in body:
        text = block.text if isinstance(block, Paragraph | ListItem) else ""
        named = members_of(text) if current is not None and text else None
        if current is not None and header is not None and not named:
            current.setdefault("text", []).append(header)
            header = None
        if current is not None and named is not None:
            current.setdefault("members", []).extend(named)
            header, member = (None if named else text), bool(named)
            continue
        if current is not None and member and len(text) <= 80 and MEMBER_POSITION.match(text):
            current["members"][-1] += f" {text}"
            continue
        header, member = None, False
        again = _named_again(workgroups, block)
        if again is not None:
            current = again
        elif isinstance(block, ListItem) and block.level == 0:
            current = {"id": workgroup_id(block.text, taken), "name": block.text}
            workgroups.append(current)
            part.guess(("group", "workgroups", len(workgroups) - 1, "id"), "รหัสสร้างจากชื่อกลุ่มงาน")
        elif isinstance(block, ListItem) and current is not None:
            current.setdefault("tasks", []).append(block.text)
        elif isinstance(block, Paragraph) and current is None:
            group.setdefault("scope_text", []).append(block.text)
        elif isinstance(block, Paragraph) and current is not None:
            current.setdefault("text", []).append(block.text)
        elif isinstance(block, Table) and _staffing(workgroups, block):
            continue
        elif not isinstance(block, PageBreak):
            leftovers.append(block)
    if current is not None and header is not None:
        current.setdefault("text", []).append(header)
    if not workgroups:
        del group["workgroups"]
    return leftovers


def members_of(text: str) -> list[str] | None:
    """The people a line under a work group names as its members: a line that is a name (with the position after
    it, kept), or names after ผู้ปฏิบัติงาน / ผู้รับผิดชอบ …; [] for such a word alone (the members' heading);
    None for a line of any other kind."""
    text = " ".join(normalize(text).split())
    label = MEMBERS.match(text)
    said = text[label.end() :] if label else text
    names = [found.group() for found in PERSON.finditer(said)]
    if not names:
        return [] if label and not said else None
    if not re.sub(r"[\s,;/]|และ", "", PERSON.sub("", said)):
        return names
    if len(names) == 1 and said.startswith(names[0]) and MEMBER_POSITION.match(said[len(names[0]) :].strip()):
        return [said]
    return None


def member_name(text: str) -> tuple[str, str] | None:
    """(prefix, "name surname") of a member as `members_of` found them, for matching with the people."""
    found = PERSON.search(normalize(text))
    return (re.sub(r"\s+", "", found["prefix"]), f"{found['name']} {found['surname']}") if found else None


def _named_again(workgroups: list[dict[str, Any]], block: Block) -> dict[str, Any] | None:
    """The work group a top-level item or a line names when it is one already listed."""
    if not ((isinstance(block, ListItem) and block.level == 0) or isinstance(block, Paragraph)):
        return None
    said = plain(block.text)
    return next((workgroup for workgroup in workgroups if plain(workgroup["name"]) == said), None)


def _staffing(workgroups: list[dict[str, Any]], block: Table) -> bool:
    """A table of who works in which work group: a row names a listed work group (or its cell is merged down over
    the rows of its people) and people by name, or a chart of work groups by people (`_membership`). Their
    members; False, adding nothing, for any other table."""
    by_name = {plain(workgroup["name"]): workgroup for workgroup in workgroups}
    if _membership(by_name, block):
        return True
    found: list[tuple[dict[str, Any], list[str]]] = []
    current: dict[str, Any] | None = None
    column: int | None = None
    for row in _cells(block):
        texts = [value or "" for value in row]
        at = next((index for index, text in enumerate(texts) if plain(text) in by_name), None)
        if at is not None:
            current, column = by_name[plain(texts[at])], at
        elif column is None or texts[column]:
            current = None
        people = [person.group() for text in texts for person in PERSON.finditer(text)]
        if people and current is None:
            return False
        if people and current is not None:
            found.append((current, people))
    for workgroup, people in found:
        workgroup.setdefault("members", []).extend(people)
    return bool(found)


def _cells(block: Table) -> list[list[str | None]]:
    """A table's rows as the texts of their cells, each on one line; None where a merged cell covers the grid."""
    return [
        [" ".join(normalize(value.text).split()) if value is not None else None for value in row] for row in grid(block)
    ]


def _membership(by_name: dict[str, dict[str, Any]], block: Table) -> bool:
    """A chart of work groups (rows) by people (columns, a name heading each), a mark where one is a member — the
    books' สมาชิกของกลุ่มงาน: each marked person a member of the row's work group. False, adding nothing, unless
    every column after the first names a person and every row a listed work group."""
    rows = [[value or "" for value in row] for row in _cells(block)]
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    people = rows[0][1:]
    if not all(PERSON.fullmatch(name) for name in people):
        return False
    if not all(row[0] and plain(row[0]) in by_name for row in rows[1:]):
        return False
    for row in rows[1:]:
        workgroup = by_name[plain(row[0])]
        marked = [name for name, mark in zip(people, row[1:], strict=False) if mark.strip()]
        workgroup.setdefault("members", []).extend(marked)
    return True


# "โทรศัพท์: …" under ติดต่อ: the contact each label names
CONTACT_LABELS = {
    "โทรศัพท์": "phone", "โทร": "phone", "อีเมล": "email", "อีเมล์": "email", "e-mail": "email", "email": "email",
    "facebook": "facebook", "เฟซบุ๊ก": "facebook", "เว็บไซต์": "website", "website": "website", "ที่อยู่": "address",
}  # fmt: skip


def _contact_list(part: Part, body: Sequence[Block]) -> list[Block]:
    """ติดต่อ: lines of a label and its value (โทรศัพท์: …, อีเมล: …, ที่อยู่: …), or a phone number, an e-mail or a
    web address alone; a line of another kind is returned."""
    contacts: dict[str, str] = part.data.setdefault("group", {}).setdefault("contacts", {})
    rest: list[Block] = []
    for block in body:
        text = " ".join(normalize(block.text).split()) if isinstance(block, Paragraph | ListItem) else ""
        label, _, value = text.partition(":")
        name = CONTACT_LABELS.get(label.strip().lower())
        if name and value.strip() and name not in contacts:
            contacts[name] = value.strip()
        elif not (text and _contacts(part, text)) and not isinstance(block, PageBreak):
            rest.append(block)
    return rest


@dataclass
class Chart:
    """A responsibility chart as the books print it (ตารางความรับผิดชอบ: processes × people): what its marks say,
    for the orchestrator to compare with the people's and processes' own parts, and the table itself."""

    table: Table
    runs: list[tuple[str, str]]  # (process, person) of each mark รับผิดชอบ
    steps: list[tuple[str, str]]  # (process, person) of each mark ขั้นตอน …
    more: bool  # it says what no part imports: an approver's name, a mark in other words


def _responsibility_chart(part: Part, body: Sequence[Block]) -> list[Block]:
    """ตารางความรับผิดชอบ: a chart of the books' shape is left to the orchestrator (`Chart`), and so is the books'
    own line above it; anything else is returned."""
    rest: list[Block] = []
    for block in body:
        chart = _chart(block) if isinstance(block, Table) else None
        if chart is not None:
            part.data.setdefault("_charts", []).append(chart)
        elif not (isinstance(block, Paragraph) and plain(block.text) == plain(LABELS.matrix_intro)):
            rest.append(block)
    return rest


def _chart(block: Table) -> Chart | None:
    """The marks of a chart headed กระบวนงาน, a person's name a column, ผู้อนุมัติ; None for any other table."""
    texts = _cells(block)
    if len(texts) < 2 or len(texts[0]) < 3:
        return None
    first, *people, last = texts[0]
    if first != LABELS.processes or last != LABELS.revision_approver:
        return None
    if not all(name and PERSON.fullmatch(name) for name in people):
        return None
    chart = Chart(block, [], [], more=False)
    ours = re.compile(rf"(?:{LABELS.matrix_runs})?\s*(?:{LABELS.matrix_steps}\s*[0-9๐-๙., ]+)?")
    for row in texts[1:]:
        if all(value is None for value in row[1:]):
            continue  # a work group's row across the chart
        process_name, *marks, approver = [value or "" for value in row]
        for person, mark in zip(people, marks, strict=False):
            if LABELS.matrix_runs in mark:
                chart.runs.append((process_name, str(person)))
            if LABELS.matrix_steps in mark:
                chart.steps.append((process_name, str(person)))
            chart.more |= not ours.fullmatch(mark)
        chart.more |= bool(approver) and approver != LABELS.not_approved
    return chart


def keep_chart(part: Part, chart: Chart) -> None:
    """A chart that says more than the parts: kept whole, as a free section of its title, to check."""
    _leftover(part, LABELS.matrix_page, [chart.table], "scope")


def _members_chart(part: Part, body: Sequence[Block]) -> list[Block]:
    """สมาชิกของกลุ่มงาน: a table of who works in which of the work groups listed before; the rest is returned."""
    workgroups = part.data.get("group", {}).get("workgroups", [])
    return [block for block in body if not (isinstance(block, Table) and _staffing(workgroups, block))]


def _page_title(part: Part, body: Sequence[Block]) -> list[Block]:
    """A page's title over parts that have headings of their own (เอกสารอ้างอิงและบรรณานุกรม): no field of its own,
    and what stands under it before them is returned, to be kept under its title."""
    return list(body)


def _references(part: Part, body: Sequence[Block]) -> list[Block]:
    """กฎหมายและเอกสารอ้างอิง of the whole manual: the documents (title, web address), from a list or the document
    column of a table (its number and cited-by columns are what the books print from the data), for the
    orchestrator to join with the documents the processes cite; a table with other columns is returned."""
    documents = [_document([block.text]) for block in body if isinstance(block, Paragraph | ListItem)]
    rest: list[Block] = []
    for block in body:
        if isinstance(block, Table):
            found = _documents_table(block)
            if found is None:
                rest.append(block)
            documents += found or []
        elif not isinstance(block, Paragraph | ListItem | PageBreak):
            rest.append(block)
    if documents:
        part.data["documents"] = [*part.data.get("documents", []), *documents]
    return rest


def _documents_table(block: Table) -> list[dict[str, str]] | None:
    """The documents in a table of them: the column headed เอกสาร (or ชื่อ…), beside a number column and one of
    the processes that cite them at most; None for a table of another shape."""
    rows = grid(block)
    if not rows:
        return None
    header = [plain(value.text) if value is not None else "" for value in rows[0]]
    column = next((i for i, text in enumerate(header) if "เอกสาร" in text or text.startswith("ชื่อ")), None)
    others = [text for i, text in enumerate(header) if i != column]
    if column is None or not all(text in ("ที่", "ลำดับ", "ลำดับที่", "อ้างถึงใน", "กระบวนงาน") for text in others):
        return None
    cells = [row[column] for row in rows[block.header_rows or 1 :] if column < len(row)]
    return [_document([line.text for line in cell.blocks]) for cell in cells if cell and cell.text]


def _document(lines: Sequence[str]) -> dict[str, str]:
    """A document's title, and its web address when a line of its own (or the title's end) gives one."""
    text = " ".join(normalize(line) for line in lines)
    found = WEB.search(text)
    if found and found.end() == len(text.rstrip()) and text[: found.start()].strip():
        return {"title": text[: found.start()].strip(), "url": found.group()}
    return {"title": " ".join(text.split())}


def _bibliography(part: Part, body: Sequence[Block]) -> list[Block]:
    """บรรณานุกรม of the whole manual: its entries as written, for the orchestrator to make references.yml's
    sources of (with those its people and processes cite); anything else found there is returned."""
    lines = [normalize(block.text) for block in body if isinstance(block, Paragraph | ListItem)]
    found = bibliography.entries(lines)
    if found:
        part.data["bibliography"] = [*part.data.get("bibliography", []), *found]
    return [block for block in body if not isinstance(block, Paragraph | ListItem | PageBreak)]


def _foreword(part: Part, body: Sequence[Block]) -> list[Block]:
    """คำนำ: its paragraphs; the short lines closing it are the signature, kept as `signed_as` (the signer's name
    is printed from the data, so the lines after it are what the foreword must keep)."""
    texts = [block for block in body if isinstance(block, Paragraph | ListItem)]
    signature: list[str] = []
    while texts and len(signature) < SIGNATURE_LINES and len(texts[-1].text) <= 60 and len(texts) > 1:
        signature.insert(0, texts.pop().text)
    foreword: dict[str, Any] = {"text": text_block(texts)}
    if signature:
        foreword["signed_as"] = " ".join(signature)
        part.guess(("manual", "foreword", "signed_as"), "บรรทัดท้ายคำนำ (ผู้ลงนาม) ตรวจว่าเป็นตำแหน่งใต้ลายมือชื่อ")
    if foreword["text"]:
        part.data.setdefault("manual", {})["foreword"] = foreword
    return [block for block in body if not isinstance(block, Paragraph | ListItem | PageBreak)]


def _section(*path: str, many: bool = False) -> Callable[[Part, Sequence[Block]], list[Block]]:
    """A part the model holds as a section (or a list of them): titled as the source titled it, its body a text
    block. The heading's text is given as the first block by `recognise`."""

    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        heading, *rest = body
        section = free_section(line_of(heading) or "", rest)
        section.pop("after", None)
        if many:
            _set(part.data, path, [*_get(part.data, path, []), section])
        elif _get(part.data, path, None) is None:
            _set(part.data, path, section)
        else:
            return rest
        return []

    return place


def _method(part: Part, body: Sequence[Block]) -> list[Block]:
    """วิธีการทำงาน (e.g. the PDCA cycle): its title, paragraphs and the steps of its list; a second heading of the
    same method (a manual may title it twice) adds to the first."""
    heading, *rest = body
    method: dict[str, Any] = part.data.setdefault("group", {}).setdefault("method", {})
    method.setdefault("title", line_of(heading) or "วิธีการทำงาน")
    listed = [block for block in rest if isinstance(block, ListItem)]
    texts = [block.text for block in rest if isinstance(block, Paragraph)]
    if texts:
        method["text"] = [*method.get("text", []), *texts]
    if listed:
        method["steps"] = [*method.get("steps", []), *items(listed)]
    return [block for block in rest if not isinstance(block, ListItem | Paragraph | PageBreak)]


def _tables(*path: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        found = [block for block in body if isinstance(block, Table)]
        if len(found) == 1:
            _set(part.data, path, table(found[0]))
            return [block for block in body if block is not found[0] and not isinstance(block, PageBreak)]
        return list(body)

    return place


def _titled(read: Callable[[Part, Sequence[Block]], list[Block]]) -> Read:
    """A reader that keeps the source's heading as the title of what it reads (the heading leads its body)."""
    return lambda part, heading, body: read(part, [*([heading] if heading is not None else []), *body])


GROUP_WORDS = wordings("group")  # the headings of the group page's parts (data/parts.py)
# The places of the office and group part, each with the part of the group page it belongs to (`after:` of a free
# section of what it could not place); the first whose words a heading starts with reads the piece under it.
PLACES: tuple[Place, ...] = (
    Place("foreword", (LABELS.foreword,), body_only(_foreword), "concept"),
    Place("concept", GROUP_WORDS["concept"], body_only(_paragraphs("group", "concept")), "concept"),
    Place("objectives", GROUP_WORDS["objectives"], body_only(_items("group", "objectives")), "objectives"),
    Place("aims", AIMS["vision"], body_only(_aims("group", "aims")), "aims"),
    Place("scope", GROUP_WORDS["scope"], body_only(_workgroups), "scope"),
    Place("schedule", (LABELS.group_schedule,), body_only(_tables("group", "schedule")), "scope"),
    Place(
        "position_standard",
        (
            "งานตามมาตรฐานตำแหน่งศึกษานิเทศก์",
            "งานตามหน้าที่ ความรับผิดชอบตามมาตรฐานตำแหน่ง",
            "มาตรฐานตำแหน่ง",
            "มาตรฐานตำแหน่งศึกษานิเทศก์",
        ),
        _titled(_section("group", "position_standard")),
        "standard",
    ),
    Place("knowledge", (LABELS.knowledge,), _titled(_section("group", "knowledge", many=True)), "standard"),
    Place("method", GROUP_WORDS["method"], _titled(_method), "method"),
    Place(
        "members",
        ("ผู้ปฏิบัติงานในกลุ่มงาน", "บุคลากรในกลุ่มงาน", "ผู้ปฏิบัติงานประจำกลุ่มงาน", "รายชื่อผู้ปฏิบัติงาน"),
        body_only(_workgroups),
        "scope",
    ),
    Place(
        "learning_areas",
        (
            LABELS.schools_page,
            LABELS.learning_areas,
            "กลุ่มสาระการเรียนรู้ ๘ กลุ่ม",
            "๘ กลุ่มสาระการเรียนรู้",
            "งานกลุ่มสาระการเรียนรู้",
            "งานกลุ่มสาระการเรียนรู้และกิจกรรมพัฒนาผู้เรียน",
        ),
        _titled(schools.learning_areas),
        "schools",
    ),
    Place(
        "clusters",
        (LABELS.clusters, "งานกลุ่มโรงเรียน", "กลุ่มเครือข่ายสถานศึกษา", "งานกลุ่มเครือข่ายสถานศึกษา"),
        _titled(schools.clusters),
        "schools",
    ),
    Place(
        "networks",
        (
            "เครือข่าย",
            LABELS.networks,
            "ศูนย์พัฒนาวิชาการ",
            "งานศูนย์พัฒนาวิชาการ",
            "ศูนย์พัฒนาวิชาการกลุ่มสาระการเรียนรู้",
            "เครือข่ายสถานศึกษา",
            "เครือข่ายการนิเทศ",
            "ภาคีเครือข่าย",
        ),
        _titled(schools.networks),
        "schools",
    ),
    Place("contacts", (LABELS.contacts, "การติดต่อ", "ช่องทางการติดต่อ", "ติดต่อกลุ่มนิเทศ"), body_only(_contact_list), "scope"),
    Place("chart", (LABELS.matrix_page,), body_only(_responsibility_chart), "scope"),
    Place("memberships", (LABELS.matrix_memberships,), body_only(_members_chart), "scope"),
    Place("references_page", (LABELS.references_page,), body_only(_page_title), "schools"),
    Place("references", (LABELS.laws, "เอกสารอ้างอิง", "กฎหมายที่เกี่ยวข้อง"), body_only(_references), "schools"),
    Place("bibliography", (LABELS.bibliography,), body_only(_bibliography), "schools"),
)


def _cut(blocks: Sequence[Block], known: Iterable[tuple[str, ...]]) -> list[tuple[Block | None, list[Block]]]:
    """`blocks` cut at every heading saying one of the `known` wordings: (heading, body) pairs, the first heading
    `None` for what comes before any. A heading the source styled above the part's own heading (or as high as an
    unknown one's), saying none of them, starts a piece too: a part of its own, not more of the part before it
    (unless nothing stands under it)."""
    words = [word for group in known for word in group]
    pieces: list[tuple[Block | None, list[Block]]] = [(None, [])]
    level: int | None = None  # the level of the heading of the piece being filled, when the source styled one
    recognised = True  # whether that heading says one of the known words

    def settle() -> None:
        """An unknown heading with nothing under it stays with the part before it."""
        heading, body = pieces[-1]
        if heading is not None and not body and not matches(heading, words, prefix=True):
            pieces.pop()
            pieces[-1][1].append(heading)

    for block in blocks:
        styled = block.level if isinstance(block, Heading) else None
        known_heading = matches(block, words, prefix=isinstance(block, Paragraph) and ":" in block.text)
        # a part's own headings may go on at its level (วิสัยทัศน์, พันธกิจ … under the aims); an unknown one's not
        above = level is not None and styled is not None and (styled < level or (styled == level and not recognised))
        if known_heading or above:
            settle()
            pieces.append((block, []))
            level, recognised = styled, known_heading
        else:
            pieces[-1][1].append(block)
    settle()
    return pieces


def _get(data: dict[str, Any], path: Sequence[str], default: Any) -> Any:
    for step in path[:-1]:
        data = data.get(step, {})
    return data.get(path[-1], default)


def _set(data: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for step in path[:-1]:
        data = data.setdefault(step, {})
    data[path[-1]] = value


def _cover(part: Part, blocks: Sequence[Block]) -> list[Block]:
    """The cover and what stands before the first known heading: the office's name (a line of its own, or two
    when the district is on the next), the group, the manual's title, contacts. The rest is returned."""
    rest: list[Block] = []
    lines = list(blocks)
    index = 0
    while index < len(lines):
        block = lines[index]
        text = normalize(block.text) if isinstance(block, Paragraph | Heading | ListItem) else ""
        office = part.data.setdefault("office", {})
        if text and OFFICE.match(text) and "name" not in office and len(text) <= 90:
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            # the province and district on a line of their own: "นครราชสีมา เขต ๖", or "เขต ๖"
            after = nxt.text if isinstance(nxt, Paragraph | Heading) and len(nxt.text) < 40 else ""
            if DISTRICT.search(after) and not DISTRICT.search(text):
                text = f"{text} {normalize(after)}" if after.startswith("เขต") else text + normalize(after)
                index += 1
            office["name"] = text
        elif text and GROUP.match(text) and "name" not in part.data.get("group", {}) and len(text) <= 90:
            part.data.setdefault("group", {})["name"] = text
        elif text and TITLE.match(text) and "title" not in part.data.get("manual", {}) and len(text) <= 120:
            part.data.setdefault("manual", {})["title"] = text
        elif text and _contacts(part, text):
            pass
        elif not isinstance(block, PageBreak):
            rest.append(block)
        index += 1
    return rest


def _contacts(part: Part, text: str) -> bool:
    """A contact line of the cover (phone, e-mail, web page) into `group.contacts`; False if it is none."""
    contacts: dict[str, str] = part.data.setdefault("group", {}).setdefault("contacts", {})
    if len(text) > 80:
        return False
    if (found := EMAIL.search(text)) and "email" not in contacts:
        contacts["email"] = found.group()
        return True
    if (found := WEB.search(text)) and not ({"website", "facebook"} & contacts.keys()):
        contacts["facebook" if "facebook" in found.group().lower() else "website"] = found.group()
        return True
    if (found := PHONE.search(text)) and "phone" not in contacts:
        contacts["phone"] = found.group(1).strip()
        return True
    return False


def recognise(blocks: Sequence[Block]) -> Part:
    """The office file's part from the blocks of the stream that belong to no person and no process."""
    part = Part()
    pieces = _cut(_skip_contents(blocks), [place.words for place in PLACES])
    front = _cover(part, pieces[0][1])
    if front:
        _leftover(part, "หน้าปกและส่วนนำ", front, None)
    after: str | None = None  # the part of the last known heading: where a free section of the pieces after it goes
    for heading, body in pieces[1:]:
        if heading is None:  # only the first piece has no heading
            continue
        place = place_of(heading, PLACES, prefix=True)
        if place is None:  # a heading of no known part: a free section of its own title
            _leftover(part, line_of(heading) or "เพิ่มเติม", body, after)
            continue
        after = place.after
        inline = _after_colon(heading)
        if inline:
            body = [Paragraph(inline, heading.where), *body]
        rest = place.read(part, heading, body)
        if rest:
            _leftover(part, line_of(heading) or "เพิ่มเติม", rest, place.after)
    _defaults(part)
    return part


def _skip_contents(blocks: Sequence[Block]) -> list[Block]:
    """The stream without the printed table of contents (สารบัญ and its lines ending in page numbers): the books
    print their own, with the right page numbers."""
    out: list[Block] = []
    inside = False
    for block in blocks:
        text = line_of(block) or ""
        if key(text) in ("สารบัญ", "สารบัญตาราง", "สารบัญภาพ"):
            inside = True
            continue
        if inside and (re.search(r"[0-9๐-๙ก-ฮ]$", text.strip()) and re.search(r"\s[0-9๐-๙ก-ฮ]{1,3}$", text.strip())):
            continue
        if inside and key(text) == "หน้า":
            continue
        inside = False
        out.append(block)
    return out


def _leftover(part: Part, title: str, blocks: Sequence[Block], after: str | None) -> None:
    section = free_section(normalize(title) or "เพิ่มเติม", blocks, after)
    if "text" not in section:
        return
    sections = part.data.setdefault("group", {}).setdefault("sections", [])
    sections.append(section)
    part.guess(("group", "sections", len(sections) - 1), "เนื้อหาที่จัดเข้าหัวข้อมาตรฐานไม่ได้ ย้ายไปไว้ในช่องที่ถูกต้อง")
    for block in blocks:
        text = getattr(block, "text", "") or ("ตาราง" if isinstance(block, Table) else "")
        part.unplaced.append(Unplaced(block.where, text[:60], section["title"]))


def _defaults(part: Part) -> None:
    """The two names the office file must have; when the source does not say them, a placeholder to check."""
    office = part.data.setdefault("office", {})
    if "name" not in office:
        office["name"] = "สำนักงานเขตพื้นที่การศึกษา"
        part.guess(("office", "name"), "ไม่พบชื่อสำนักงานในต้นฉบับ ใส่ชื่อเต็มของสำนักงาน")
    group = part.data.setdefault("group", {})
    if "name" not in group:
        group["name"] = DEFAULT_GROUP
        part.guess(("group", "name"), "ไม่พบชื่อกลุ่มในต้นฉบับ ใช้ชื่อมาตรฐาน")
    if not group.get("contacts"):
        group.pop("contacts", None)
