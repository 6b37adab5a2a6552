"""Each part of a process read into its fields (`PLACES`, in print order): the name, objectives, scope,
definitions, steps (a list, paragraphs or a table of steps), forms, documents, schedule, indicators, monitoring and
risks; the flowchart's text waits for the steps (see `_flow`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....data.hygiene import STEP
from ....data.parts import PAGES
from ...blocks import Block, Heading, ListItem, Paragraph, Table
from ...draft import Part
from ...shape import columns, grid, header_count, items, table, text_block
from .. import periods
from ..periods import column
from ..words import Place, body_only, key, place_of
from .common import (
    _DEFINES,
    _DURATION,
    _META,
    CHART_ENDS,
    CHART_STARTS,
    FLOW_COLUMNS,
    META_FIELDS,
    _clean,
    _flat,
    _leftover,
    _list,
    _profile,
    _strip,
    _unmarked,
    _workgroup,
    inline_name,
)


def part_of(block: Block) -> str | None:
    """The process part `block` is the heading of, or None."""
    if found := place_of(block, PLACES):
        return found.name
    if inline_name(block) is not None:
        return "name"
    return None


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
