"""What an import finds wrong instead of passing it on: each is a guess (a `# ตรวจสอบ:` comment above the value and a
line of the report), so the person who imported sees it where it is.

- Characters of another script (two Bengali letters in an author's name, from a PDF whose font maps glyphs to the
  wrong code points), private-use glyphs no repair knows, the replacement character: none is Thai, Latin, a digit
  or common punctuation, and a reader's page would show a box or a wrong letter.
- A manual's title that holds two headings (คู่มือการปฏิบัติงาน คู่มือขั้นตอนการปฏิบัติงาน).
- A text that is only a heading's words (คู่มือขั้นตอนการปฏิบัติงาน as a work group's task).
- A process with no work group, a person with no duties: the books print them with a part missing.
"""

from __future__ import annotations

import re
import unicodedata

from ..data.placeholders import strings
from .draft import Draft, Part

Loc = tuple[str | int, ...]

# What a Thai manual's text is written with: Thai, Latin (with accents), digits, spaces, punctuation and symbols
# of the common blocks (dashes, quotes, bullets, ellipsis, «», ฿, arrows, ✓); anything else is flagged.
_ALLOWED = re.compile(
    r"[\u0e00-\u0e7f\u0020-\u007e\u00a0-\u024f\u2010-\u205f\u20a0-\u20bf\u2100-\u21ff\u2212\u2460-\u24ff"
    r"\u25a0-\u25ff\u2610-\u2612\u2713-\u2718\n\t]"
)
# Headings a manual's text may hold alone by mistake: a chapter's or a part's title landed in a field.
_HEADINGS = re.compile(r"(คู่มือ(ขั้นตอน)?การปฏิบัติงาน\S*|บทที่\s*[0-9๐-๙]+.*|สารบัญ|คำนำ|บรรณานุกรม|ภาคผนวก)")


def _foreign(text: str) -> list[str]:
    """The characters of `text` that a Thai manual is not written with, each once, named."""
    found = dict.fromkeys(char for char in text if not _ALLOWED.match(char))
    return [f"{char} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})" for char in found]


def flag(draft: Draft) -> None:
    """Add a guess for everything wrong that the draft holds."""
    parts: list[Part] = [draft.office, draft.references, *draft.people.values(), *draft.processes.values()]
    for part in parts:
        for loc, text in list(strings(part.data)):
            foreign = _foreign(text)
            if foreign:
                part.guess(
                    loc,
                    "มีอักขระที่ไม่ใช่อักษรไทย อังกฤษ ตัวเลข หรือเครื่องหมายทั่วไป มักมาจากฟอนต์ของ PDF ที่แปลงอักษรผิด "
                    f"แก้ให้ตรงกับต้นฉบับ; {', '.join(foreign[:3])}",
                )
            elif loc[-1:] != ("title",) and _HEADINGS.fullmatch(text.strip()) and loc[:1] != ("labels",):
                part.guess(loc, "ข้อความนี้เป็นหัวข้อของต้นฉบับ ไม่ใช่เนื้อหา ลบออกหรือย้ายไปช่องที่ถูกต้อง")
    title = str(draft.office.data.get("manual", {}).get("title", ""))
    if len(re.findall("คู่มือ", title)) > 1:
        draft.office.guess(("manual", "title"), "ชื่อคู่มือมีหัวเรื่องสองหัวต่อกัน เลือกไว้ชื่อเดียว")
    for part in draft.processes.values():
        if not part.data.get("workgroup"):
            part.guess(("name",), "กระบวนงานนี้ยังไม่ระบุกลุ่มงาน ใส่ workgroup: รหัสกลุ่มงานที่รับผิดชอบ")
    for part in draft.people.values():
        if not part.data.get("duties"):
            part.guess(("name",), "ยังไม่มีงานในหน้าที่ (duties:) ของบุคคลนี้ เพิ่มจากคำสั่งมอบหมายงาน")
