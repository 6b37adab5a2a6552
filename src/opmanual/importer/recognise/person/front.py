"""The front of a person's part: the profile (our export's table, or the cover's lines), the foreword with its
signature, a printed contents page, the assignment by order, and our export's approval page and revision record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....thai import normalize
from ...blocks import Block, ListItem, PageBreak, Paragraph, Table
from ...draft import Part
from ...shape import columns, grid, header_count, text_block
from ..words import LABELS, key, line_of, matches
from .common import (
    APPROVED,
    ASSIGNED,
    OFFICE,
    ORDER_DATE,
    ORDER_ISSUER,
    ORDER_NUMBER,
    ORDER_TITLE,
    PART_WORDS,
    _cover_title,
    _day,
    _plain,
    _profile,
)
from .names import DEFAULT_POSITION, split_name, split_position


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
