"""A work process (กระบวนงาน) in the stream: where each one is, and its standard parts as the model's `Process`.

A process is found by its part headings — ๑. ชื่องาน (กระบวนงาน), ๒. วัตถุประสงค์ … ๘. เอกสารอ้างอิง, and the extras
some manuals add (ระยะเวลา, ตัวชี้วัด, ติดตามประเมินผล, ความเสี่ยง) — matched by their words whatever the numbering,
spacing or digits, so a PDF's "๕. ข้ันตอนการปฏิบัติงาน" list item, a plain paragraph and our own exported Word
heading "๕. ขั้นตอนการปฏิบัติงาน" are the same part. Each part's body is read into its field; what a field cannot
hold goes into a free section after that part (and into `part.unplaced`), so nothing is dropped.

    spans.py   where each process is in the stream
    fields.py  each part's body read into its fields (`PLACES`: the parts, their headings and readers)
    common.py  the words and small readings the others share
    here       one process: the span cut at its part headings, each piece placed; its name, flowchart and order

A schedule table's periods are read by `periods`. The flowchart is drawn from the steps, so a PDF's flattened
drawing under "Flow Chart" is placed when its texts are the steps' (or the chart's own words).

`references` holds the titles of the documents under เอกสารอ้างอิง, as plain strings: the orchestrator gives each
one an id in references.yml and puts the ids in their place. Likewise `workgroup` is a work group's name (from our
export's profile table), and a step's `responsible` lists people's names as the source wrote them; both must become
ids (or be dropped) there.
"""

from __future__ import annotations

from collections.abc import Sequence

from ....thai import join_lines, normalize
from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ...draft import Part
from ..words import key, matches
from .common import (
    _CHECK,
    _DEFINES,
    CHART_WORDS,
    CONTINUATION_LONGEST,
    EMPTY_WORDS,
    END_WORDS,
    FLOW_HEADINGS,
    INTRO_LONGEST,
    _leftover,
    _profile,
    _similar,
    _squeeze,
    _strip,
    _texts,
    _workgroup,
    inline_name,
)
from .fields import PLACES, _flow_table, part_of
from .spans import _titles_table, spans

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


def _after(part: Part) -> str:
    placed = part.data.get("_parts") or ["name"]
    return str(placed[-1])


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


__all__ = ["PLACES", "inline_name", "part_of", "recognise", "spans"]
