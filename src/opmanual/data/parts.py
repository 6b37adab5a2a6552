"""The parts of each kind of page (the group's pages, a person's, a process's) in print order, declared once.

A part has a key (what a free section names in `after:`), the heading the pages and books print for it (the default
of its label in `labels.py`, when office.yml may reword it) and the other wordings manuals use for that heading, which
the importer recognises. The model's `PARTS`, those labels' defaults and the importer's tables of part headings are
all made from `PAGES`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PagePart:
    """One part of a kind of page."""

    key: str
    title: str  # the heading printed by default
    label: str | None = None  # the key of labels.py that prints `title` (rewordable), if there is one
    words: tuple[str, ...] = ()  # other wordings of the heading in the manuals the importer reads
    heading: bool = True  # False: a source has no heading for it (a person's profile stands before any heading)

    @property
    def wordings(self) -> tuple[str, ...]:
        """The headings that open this part in a source: the printed title first, so our own books import back."""
        return (self.title, *self.words)


PAGES: dict[str, tuple[PagePart, ...]] = {
    "group": (
        PagePart("concept", "แนวคิด", "concept", ("หลักการและเหตุผล",)),
        PagePart("objectives", "วัตถุประสงค์", "objectives"),
        PagePart("scope", "ขอบข่ายภารกิจ", "scope", ("ขอบข่ายงาน", "ภารกิจ", "โครงสร้างการบริหารงาน")),
        PagePart("aims", "วิสัยทัศน์ พันธกิจ และเป้าหมาย", "aims_page"),
        PagePart("organization", "โครงสร้างการปฏิบัติงาน", "organization"),
        PagePart("standard", "สาระความรู้ของตำแหน่ง", "knowledge_page"),
        PagePart(  # the method page is titled by its own `title`
            "method",
            "การปฏิบัติงานและพัฒนางานในหน้าที่",
            None,
            ("การปฏิบัติงานและพัฒนางานในหน้าที่ตามวงจรคุณภาพ PDCA", "วงจรคุณภาพ PDCA", "วิธีการทำงาน"),
        ),
        PagePart("schools", "โรงเรียนและกลุ่มสาระการเรียนรู้", "schools_page"),
        PagePart("areas", "งานอื่นของกลุ่มนิเทศ", "areas_page"),
    ),
    "person": (
        PagePart("profile", "ข้อมูลบุคคล", heading=False),
        PagePart("foreword", "คำนำ", "foreword"),
        PagePart("assignment", "การปฏิบัติงานตามที่ได้รับมอบหมาย", "assignment", ("คำสั่งมอบหมายงาน", "การมอบหมายงาน")),
        PagePart(
            "aims",
            "วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน",
            "personal_aims",
            (
                "วิสัยทัศน์ พันธกิจ และเป้าหมาย", "วิสัยทัศน์ พันธกิจ เป้าหมาย", "วิสัยทัศน์ พันธกิจ และเป้าหมายการปฏิบัติงาน",
                "วิสัยทัศน์ พันธกิจ เป้าประสงค์",
            ),
        ),
        PagePart(
            "duties",
            "งานในหน้าที่ที่รับผิดชอบ",
            "duties",
            (
                "งานในหน้าที่", "ภาระงานที่รับผิดชอบ", "งานที่รับผิดชอบ", "ภารกิจที่รับผิดชอบ", "งานในหน้าที่ความรับผิดชอบ",
                "งานในหน้าที่รับผิดชอบ", "หน้าที่ความรับผิดชอบ",
            ),
        ),
        PagePart(
            "care",
            "โรงเรียนและกลุ่มสาระการเรียนรู้ที่รับผิดชอบ",
            "care",
            ("โรงเรียนที่รับผิดชอบ", "กลุ่มโรงเรียนที่รับผิดชอบ", "กลุ่มสาระการเรียนรู้ที่รับผิดชอบ", "สถานศึกษาที่รับผิดชอบ"),
        ),
        PagePart("projects", "โครงการ", "projects", ("โครงการที่รับผิดชอบ", "แผนงาน/โครงการ")),
        PagePart("work_standards", "มาตรฐานการปฏิบัติงาน", "work_standards", ("มาตรฐานการปฏิบัติงานของศึกษานิเทศก์",)),
        PagePart("processes", "กระบวนงานที่รับผิดชอบ", "person_processes", ("คู่มือขั้นตอนการปฏิบัติงาน", "กระบวนงาน")),
    ),
    "process": (
        PagePart(
            "name",
            "ชื่องาน (กระบวนงาน)",
            "part_name",
            ("ชื่องาน", "ชื่อกระบวนงาน", "ชื่องาน/กระบวนงาน", "ชื่อกระบวนการ"),
        ),
        PagePart("objectives", "วัตถุประสงค์", "part_objectives", ("วัตถุประสงค์ของงาน",)),
        PagePart(
            "scope", "ขอบเขตของงาน", "part_scope", ("ขอบเขตงาน", "ขอบเขต", "ขอบข่ายงาน", "ขอบเขตการปฏิบัติงาน")
        ),
        PagePart(
            "definitions",
            "คำจำกัดความ",
            "part_definitions",
            ("คำนิยาม", "นิยามศัพท์", "นิยามศัพท์เฉพาะ", "คำนิยามศัพท์", "ความหมาย"),
        ),
        PagePart(
            "steps",
            "ขั้นตอนการปฏิบัติงาน",
            "part_steps",
            (
                "ขั้นตอนการดำเนินงาน", "ขั้นตอนการทำงาน", "ขั้นตอนการปฏิบัติ", "ขั้นตอน", "วิธีการและขั้นตอนการปฏิบัติงาน",
                "วิธีการขั้นตอนการปฏิบัติงาน", "ขั้นตอนและวิธีการปฏิบัติงาน", "วิธีการปฏิบัติงาน",
            ),
        ),
        PagePart(
            "flowchart",
            "Flow Chart การปฏิบัติงาน",
            "part_flowchart",
            (
                "Flowchart การปฏิบัติงาน", "Flow Chart", "Flowchart", "ผังงานการปฏิบัติงาน", "แผนผังการปฏิบัติงาน",
                "ผังขั้นตอนการปฏิบัติงาน", "แผนภูมิขั้นตอนการปฏิบัติงาน",
            ),
        ),
        PagePart("forms", "แบบฟอร์มที่ใช้", "part_forms", ("แบบฟอร์ม", "แบบฟอร์มที่ใช้ในการปฏิบัติงาน", "เครื่องมือที่ใช้")),
        PagePart(
            "references",
            "เอกสาร/หลักฐานอ้างอิง",
            "part_references",
            (
                "เอกสารอ้างอิง", "หลักฐานอ้างอิง", "เอกสารที่เกี่ยวข้อง", "กฎหมายที่เกี่ยวข้อง", "เอกสารและกฎหมายที่เกี่ยวข้อง",
                "กฎหมายและเอกสารอ้างอิง", "เอกสาร/กฎหมายที่เกี่ยวข้อง", "กฎหมาย/เอกสารอ้างอิง",
                "เอกสาร/หลักฐานอ้างอิง/กฎหมายที่เกี่ยวข้อง",
            ),
        ),
        PagePart("schedule", "ระยะเวลาการปฏิบัติงาน", "schedule", ("ระยะเวลา", "ปฏิทินการปฏิบัติงาน", "ระยะเวลาดำเนินการ")),
        PagePart(
            "kpis", "มาตรฐานงานและตัวชี้วัด", "kpis", ("มาตรฐานงาน", "ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ", "มาตรฐานคุณภาพงาน")
        ),
        PagePart(
            "monitoring",
            "ระบบติดตามประเมินผล",
            "monitoring",
            ("ระบบการติดตามประเมินผล", "การติดตามประเมินผล", "การติดตามและประเมินผล"),
        ),
        PagePart("risks", "ความเสี่ยงและจุดควบคุม", "risks", ("ความเสี่ยง", "จุดควบคุมความเสี่ยง", "การควบคุมความเสี่ยง")),
    ),
}  # fmt: skip


def part(owner: str, key: str) -> PagePart:
    """The part `key` of an `owner`'s page."""
    return next(found for found in PAGES[owner] if found.key == key)


def title(label: str) -> str:
    """The printed title of the part whose heading labels.py's `label` words: that label's default."""
    return next(found.title for parts in PAGES.values() for found in parts if found.label == label)


def wordings(owner: str) -> dict[str, tuple[str, ...]]:
    """The headings that open each part of an `owner`'s page in a source, in print order (parts with a heading)."""
    return {found.key: found.wordings for found in PAGES[owner] if found.heading}
