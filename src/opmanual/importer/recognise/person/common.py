"""The words a person's recogniser knows (our books' labels, the manuals' wordings) and the small readings its
modules share: a block's text, a cell's line, a Thai date, free sections of what no field holds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....data.parts import PAGES, wordings
from ....thai import ARABIC_DIGITS, MONTHS, normalize
from ...blocks import Block, Cell, Heading, ListItem, PageBreak, Table
from ...draft import Part, Unplaced
from ...shape import free_section, table, text_block
from ..words import LABELS, key, line_of

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


def _cover_title(block: Block) -> bool:
    """A book's title on a cover: คู่มือ…, or มาตรฐานการปฏิบัติงาน."""
    text = normalize(line_of(block) or "")
    return bool(re.match(r"^คู่มือ|^มาตรฐานการปฏิบัติงาน$", text)) and len(text) <= 40


def _block_text(block: Block) -> str:
    return normalize(getattr(block, "text", ""))


def _title_line(block: Block) -> str:
    """The text of a block that could be a title line (one line, not too long), else ""."""
    text = normalize(getattr(block, "text", ""))
    return text if len(text) <= 160 and "\n" not in text else ""


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
