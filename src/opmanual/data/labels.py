"""Every fixed heading and label that the pages and books print, rewordable per manual under `labels:` in office.yml.

Offices word the same parts differently ("งานในหน้าที่รับผิดชอบ" or "งานในหน้าที่ที่รับผิดชอบ"); each label here has
today's wording as its default, its place in the help, and an unknown key is an error like any other. A few labels
are sentences with `{placeholders}` that the pages fill in; they may use only their own placeholders.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .parts import title as part_title


def _one_line(text: str) -> str:
    if "\n" in text:
        raise PydanticCustomError("one_line", "a label is one line; remove the line break (ถ้อยคำต้องอยู่บรรทัดเดียว)")
    return text


# The longest one-line text of a manual: a label here, a title, name, heading or address in the model. Far above real
# manuals (the longest title of the seeds has 244 characters; the importer reads whole task descriptions of seed 000,
# up to 1,199, as titles), and short enough that no value printed in several places (the contents, the navigation of
# every page of the site) costs more than a moment. What the top of every printed page repeats is shorter (model.py).
MAX_LINE = 4000
# The draft watermark is drawn as outlines on every page of a draft: each character costs about half a kilobyte a
# page, so it is a mark, not a sentence (the default has 8 characters).
MAX_MARK = 50

Label = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_one_line)]
Mark = Annotated[str, StringConstraints(min_length=1, max_length=MAX_MARK), AfterValidator(_one_line)]
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


_DEFAULT = " — ค่าเริ่มต้น: "


def label(default: str, where: str) -> Any:
    """A label: its default wording (also its title in the JSON Schema) and where it is printed."""
    return Field(default=default, title=default, description=f"{where}{_DEFAULT}{default}")


class Labels(BaseModel, title="ถ้อยคำของหัวข้อและป้ายที่ระบบพิมพ์ (ใส่เฉพาะคำที่ต้องการเปลี่ยน)"):
    """Headings, column headers and fixed words of the site and the printed books."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The placeholders each sentence label may use (and must keep, where its sense needs them).
    PLACEHOLDERS: ClassVar[dict[str, set[str]]] = {
        "download_person": {"title", "name"},
        "approved_text": {"date", "name", "position", "order"},
        "approved_order": {"order"},
        "approved_change": {"version", "by", "order"},
        "revision_older": {"count"},
        "ita_intro": {"group"},
        "ita_missing": {"count"},
        "ita_complete": {"complete", "total"},
        "ita_incomplete": {"missing"},
        "ita_untimed": {"steps"},
        "order_line": {"number", "title"},
        "order_dated": {"date"},
        "assignment_text": {"issuer", "number", "dated", "title", "name", "position", "group"},
        "position_with_rank": {"position", "rank"},
        "tasks_count": {"count"},
        "schools_count": {"count"},
        "schools_total": {"office", "clusters", "schools"},
    }

    # Books: covers and front matter.
    foreword: Label = label(part_title("foreword"), "หัวข้อคำนำ")
    contents: Label = label("สารบัญ", "หัวข้อสารบัญของเล่ม PDF")
    contents_page: Label = label("หน้า", "หัวคอลัมน์เลขหน้าในสารบัญ")
    year: Label = label("พ.ศ.", "คำหน้าปีบนปก")
    bibliography: Label = label("บรรณานุกรม", "หัวข้อบรรณานุกรม")
    appendices: Label = label("ภาคผนวก", "หัวข้อภาคผนวก")
    # Status, approval and revisions.
    draft_banner: Label = label("ฉบับร่าง: เนื้อหาในหน้านี้ยังไม่ได้รับการอนุมัติ", "แถบเตือนบนหน้าเว็บที่เป็นฉบับร่าง")
    draft_mark: Mark = label("ฉบับร่าง", f"ลายน้ำแนวทแยงบนทุกหน้าของ PDF ที่เป็นฉบับร่าง (ไม่เกิน {MAX_MARK} ตัวอักษร)")
    draft_note: Label = label("ฉบับร่าง ยังไม่ได้รับการอนุมัติ", "ข้อความในส่วนการอนุมัติของเล่ม PDF ที่เป็นฉบับร่าง")
    approval: Label = label("การอนุมัติ", "หัวข้อส่วนการอนุมัติและบันทึกการแก้ไขหลังปก PDF")
    approved_text: Label = label(
        "อนุมัติให้ใช้เมื่อวันที่ {date} โดย {name} {position}{order}",
        "ข้อความการอนุมัติ: {date} วันที่ {name} ผู้อนุมัติ {position} ตำแหน่ง {order} คำสั่ง (ถ้ามี)",
    )
    approved_order: Label = label(" ตาม{order}", "ส่วนของคำสั่งในข้อความการอนุมัติ: {order} คำสั่งหรือบันทึก")
    approved_change: Label = label(
        "อนุมัติฉบับที่ {version} โดย {by}{order}",
        "รายการในบันทึกการแก้ไขเมื่ออนุมัติ: {version} ฉบับที่ {by} ผู้อนุมัติ {order} คำสั่ง (ถ้ามี)",
    )
    revision_record: Label = label("บันทึกการแก้ไข", "หัวข้อบันทึกการแก้ไขของเล่ม PDF")
    revision_version: Label = label("ฉบับที่", "หัวคอลัมน์ฉบับในบันทึกการแก้ไข")
    revision_change: Label = label("รายการแก้ไข", "หัวคอลัมน์รายการในบันทึกการแก้ไข")
    revision_approver: Label = label("ผู้อนุมัติ", "หัวคอลัมน์ผู้อนุมัติในบันทึกการแก้ไข")
    revision_none: Label = label("ไม่พบประวัติการแก้ไข: ข้อมูลไม่ได้อยู่ในที่เก็บ git", "หมายเหตุเมื่ออ่านประวัติจาก git ไม่ได้")
    revision_shallow: Label = label("ประวัติการแก้ไขก่อนหน้านี้ไม่ได้ดึงมา (shallow clone)", "หมายเหตุเมื่อประวัติ git ไม่ครบ")
    revision_older: Label = label("และการแก้ไขก่อนหน้านี้อีก {count} ครั้ง", "หมายเหตุจำนวนการแก้ไขที่เก่ากว่าที่แสดง: {count} จำนวน")
    approved_line: Label = label("อนุมัติเมื่อ", "คำหน้าวันที่อนุมัติบนหน้าเว็บ")
    history_link: Label = label("ประวัติการแก้ไข", "ลิงก์ไปยังประวัติของไฟล์ข้อมูลของหน้า")
    online_copy: Label = label("ฉบับออนไลน์", "คำหน้าที่อยู่เว็บและรหัส QR บนปก PDF")
    # The site around the pages.
    home: Label = label("หน้าแรก", "เมนูหน้าแรก")
    group_section: Label = label("กลุ่มนิเทศ", "เมนูของหน้าต่าง ๆ ของกลุ่ม")
    last_changed: Label = label("แก้ไขข้อมูลล่าสุด", "คำหน้าวันที่แก้ไขข้อมูลล่าสุดของหน้า")
    download_manual: Label = label("ดาวน์โหลดคู่มือการปฏิบัติงานทั้งเล่ม (PDF)", "ลิงก์ดาวน์โหลด PDF ทั้งเล่มในหน้าแรก")
    download_person: Label = label(
        "ดาวน์โหลด{title}ของ{name} (PDF)", "ลิงก์ดาวน์โหลด PDF ส่วนบุคคล: {title} ชื่อเล่ม {name} ชื่อเจ้าของ"
    )
    not_given: Label = label("ไม่ได้ระบุ", "ข้อความเมื่อหัวข้อไม่มีข้อมูล")
    nothing: Label = label("ไม่มี", "ข้อความเมื่อไม่มีแบบฟอร์ม")
    number_column: Label = label("ที่", "หัวคอลัมน์ลำดับหรือป้ายของแถวในตาราง")
    # The home page and the group.
    concept: Label = label(part_title("concept"), "หัวข้อแนวคิดของกลุ่ม")
    objectives: Label = label(part_title("objectives"), "หัวข้อวัตถุประสงค์ของกลุ่ม")
    vision: Label = label("วิสัยทัศน์", "หัวข้อวิสัยทัศน์")
    mission: Label = label("พันธกิจ", "หัวข้อพันธกิจ")
    goals: Label = label("เป้าหมาย", "หัวข้อเป้าหมาย")
    all_aims: Label = label("วิสัยทัศน์ พันธกิจ และเป้าหมายทั้งหมด", "ลิงก์ไปหน้าวิสัยทัศน์ในหน้าแรก")
    scope: Label = label(part_title("scope"), "หัวข้อและหน้าขอบข่ายภารกิจ")
    tasks_count: Label = label("({count} งาน)", "จำนวนงานของกลุ่มงานในหน้าแรก")
    people: Label = label("บุคลากร", "หัวข้อ หน้า และเมนูบุคลากร")
    processes: Label = label("กระบวนงาน", "หัวข้อ หน้า และเมนูกระบวนงาน")
    contacts: Label = label("ติดต่อ", "หัวข้อช่องทางติดต่อ")
    address: Label = label("ที่อยู่", "ป้ายที่อยู่")
    phone: Label = label("โทรศัพท์", "ป้ายโทรศัพท์")
    email: Label = label("อีเมล", "ป้ายอีเมล")
    website: Label = label("เว็บไซต์", "ป้ายเว็บไซต์")
    manual_year: Label = label("ปีพุทธศักราช", "คำหน้าปีของคู่มือในหน้าแรก")
    logo: Label = label("ตราสัญลักษณ์", "คำอธิบายภาพตราสัญลักษณ์")
    group_schedule: Label = label("ปฏิทินการปฏิบัติงาน", "หัวข้อตาราง schedule ของกลุ่ม")
    aims_page: Label = label(part_title("aims_page"), "หน้าวิสัยทัศน์ พันธกิจ และเป้าหมาย")
    office_goals: Label = label("เป้าประสงค์", "หัวข้อเป้าประสงค์ของสำนักงาน")
    aims_terms: Label = label("ความหมายของวิสัยทัศน์", "หัวข้อความหมายของคำในวิสัยทัศน์")
    aims_source: Label = label("อ้างอิงข้อมูล", "คำหน้าแหล่งที่มาของวิสัยทัศน์")
    operational_aims: Label = label("การปฏิบัติงานตามโครงสร้าง", "หัวข้อวิสัยทัศน์การปฏิบัติงานของกลุ่ม")
    operational_goals: Label = label("เป้าหมายการปฏิบัติงาน", "หัวข้อเป้าหมายการปฏิบัติงาน")
    organization: Label = label(part_title("organization"), "หน้าแผนภูมิโครงสร้าง")
    organization_text: Label = label("โครงสร้างในรูปข้อความ", "หัวข้อแผนภูมิโครงสร้างในรูปข้อความ")
    acting: Label = label("ปฏิบัติหน้าที่", "คำหน้าตำแหน่งของผู้ปฏิบัติหน้าที่แทน")
    knowledge_page: Label = label(part_title("knowledge_page"), "หน้ามาตรฐานตำแหน่งเมื่อไม่มี position_standard")
    knowledge: Label = label("สาระความรู้ ความสามารถและลักษณะงานที่ปฏิบัติ", "หัวข้อสาระความรู้")
    method_steps: Label = label("ขั้นตอนการปฏิบัติงาน", "หัวข้อขั้นตอนของวิธีการทำงาน")
    schools_page: Label = label(part_title("schools_page"), "หน้าโรงเรียนและกลุ่มสาระ")
    learning_areas: Label = label("กลุ่มสาระการเรียนรู้", "หัวข้อและคำหน้ากลุ่มสาระการเรียนรู้")
    clusters: Label = label("กลุ่มโรงเรียน", "หัวข้อและหัวคอลัมน์กลุ่มโรงเรียน")
    schools_count: Label = label("({count} โรงเรียน)", "จำนวนโรงเรียนของกลุ่มโรงเรียนหรือเครือข่าย")
    schools_total: Label = label(
        "{office} ประกอบด้วย {clusters} กลุ่มโรงเรียน รวม {schools} โรงเรียน", "ประโยคสรุปจำนวนกลุ่มโรงเรียน"
    )
    school_count: Label = label("จำนวนโรงเรียน", "หัวคอลัมน์จำนวนโรงเรียน")
    cluster_supervisors: Label = label("ศึกษานิเทศก์ผู้รับผิดชอบ", "หัวคอลัมน์ผู้รับผิดชอบกลุ่มโรงเรียน")
    networks: Label = label("เครือข่ายและศูนย์พัฒนาวิชาการ", "หัวข้อเครือข่าย")
    areas_page: Label = label(part_title("areas_page"), "หน้างานอื่นของกลุ่ม")
    workgroup_tasks: Label = label("งานในกลุ่มงาน", "หัวข้อรายการงาน เมื่อกลุ่มงานไม่มี tasks_title")
    members: Label = label("ผู้ปฏิบัติงาน", "หัวข้อผู้ปฏิบัติงานของกลุ่มงาน")
    no_members: Label = label("ยังไม่ได้ระบุผู้ปฏิบัติงานในกลุ่มงานนี้", "ข้อความเมื่อกลุ่มงานไม่มีสมาชิก")
    details_of: Label = label("รายละเอียดของ", "คำหน้าลิงก์รายละเอียดของกลุ่มงาน")
    # People.
    name: Label = label("ชื่อ", "หัวคอลัมน์ชื่อในหน้าบุคลากร")
    position: Label = label("ตำแหน่ง", "ป้ายตำแหน่งของบุคลากร")
    position_with_rank: Label = label("{position}{rank}", "ตำแหน่งกับวิทยฐานะ เช่น {position} ระดับ{rank}")
    workgroup: Label = label("กลุ่มงาน", "ป้ายกลุ่มงาน")
    structure_role: Label = label("หน้าที่ในโครงสร้าง", "ป้ายตำแหน่งในแผนภูมิโครงสร้าง")
    role: Label = label("บทบาท", "ป้ายบทบาท")
    affiliation: Label = label("สังกัด", "ป้ายสังกัด")
    order: Label = label("คำสั่งมอบหมายงาน", "ป้ายคำสั่งมอบหมายงาน")
    order_line: Label = label("คำสั่งที่ {number} เรื่อง {title}", "เลขที่และเรื่องของคำสั่ง")
    order_dated: Label = label(" ลงวันที่ {date}", "วันที่ของคำสั่งในประโยคมอบหมายงาน")
    assignment: Label = label(part_title("assignment"), "หัวข้อการมอบหมายงาน")
    assignment_text: Label = label(
        "ตามที่ {issuer} ได้มีคำสั่งที่ {number}{dated} เรื่อง {title} นั้น {issuer} ได้มอบหมายให้ {name} "
        "ตำแหน่ง{position} ปฏิบัติหน้าที่และความรับผิดชอบตามขอบเขตงานของ{group}",
        "ประโยคการมอบหมายงาน",
    )
    assignment_follows: Label = label(" โดยมีสาระสำคัญดังนี้", "ท้ายประโยคมอบหมายงาน เมื่อมีงานในหน้าที่ตามมา")
    personal_aims: Label = label(part_title("personal_aims"), "หัวข้อวิสัยทัศน์ของบุคคล")
    self: Label = label("ตนเอง", "หัวคอลัมน์ระดับบุคคลในตารางวิสัยทัศน์")
    duties: Label = label(part_title("duties"), "หัวข้องานในหน้าที่")
    roles: Label = label("บทบาทและหน้าที่", "หัวข้อบทบาทของงานในหน้าที่")
    forms: Label = label("แบบฟอร์มที่ใช้", "หัวข้อแบบฟอร์มของงานในหน้าที่")
    care: Label = label(part_title("care"), "หัวข้อโรงเรียนที่รับผิดชอบ")
    projects: Label = label(part_title("projects"), "หัวข้อโครงการ")
    work_standards: Label = label(part_title("work_standards"), "หัวข้อมาตรฐานการปฏิบัติงาน")
    standard_activity: Label = label("กิจกรรม/วิธีปฏิบัติ", "หัวคอลัมน์แรกของตารางมาตรฐาน")
    standard_evidence: Label = label("มาตรฐาน/หลักฐานร่องรอย", "หัวคอลัมน์ที่สองของตารางมาตรฐาน")
    person_processes: Label = label(part_title("person_processes"), "หัวข้อกระบวนงานของบุคคล")
    # Processes: the standard eight parts and the extras.
    part_name: Label = label(part_title("part_name"), "หัวข้อที่ ๑ ของกระบวนงาน")
    part_objectives: Label = label(part_title("part_objectives"), "หัวข้อที่ ๒ ของกระบวนงาน")
    part_scope: Label = label(part_title("part_scope"), "หัวข้อที่ ๓ ของกระบวนงาน")
    part_definitions: Label = label(part_title("part_definitions"), "หัวข้อที่ ๔ ของกระบวนงาน")
    part_steps: Label = label(part_title("part_steps"), "หัวข้อที่ ๕ ของกระบวนงาน")
    part_flowchart: Label = label(part_title("part_flowchart"), "หัวข้อที่ ๖ ของกระบวนงาน")
    part_forms: Label = label(part_title("part_forms"), "หัวข้อที่ ๗ ของกระบวนงาน")
    part_references: Label = label(part_title("part_references"), "หัวข้อที่ ๘ ของกระบวนงาน")
    diagram: Label = label("ผังงาน", "หัวข้อผังงาน")
    unit: Label = label("หน่วยงาน", "ป้ายหน่วยงานของกระบวนงาน")
    responsible: Label = label("ผู้รับผิดชอบ", "ป้ายและหัวคอลัมน์ผู้รับผิดชอบ")
    duration: Label = label("ระยะเวลา", "ป้ายและหัวคอลัมน์ระยะเวลาของขั้นตอน")
    quality_standard: Label = label("มาตรฐานคุณภาพงาน", "ป้ายและหัวคอลัมน์มาตรฐานของขั้นตอน")
    schedule: Label = label(part_title("schedule"), "หัวข้อตารางระยะเวลา")
    schedule_activity: Label = label("วิธีการขั้นตอนการปฏิบัติงาน", "หัวคอลัมน์กิจกรรมของตารางระยะเวลา")
    schedule_period: Label = label("ระยะเวลาการปฏิบัติงาน", "หัวคอลัมน์ช่วงเวลาของตารางระยะเวลา")
    kpis: Label = label(part_title("kpis"), "หัวข้อตัวชี้วัด")
    monitoring: Label = label(part_title("monitoring"), "หัวข้อการติดตามประเมินผล")
    risks: Label = label(part_title("risks"), "หัวข้อความเสี่ยง")
    risk: Label = label("ความเสี่ยง", "หัวคอลัมน์ความเสี่ยง")
    control: Label = label("จุดควบคุม", "หัวคอลัมน์จุดควบคุม")
    flow_number: Label = label("ลำดับที่", "หัวคอลัมน์แรกของตารางผังงาน")
    flow_symbols: Label = label("ผังขั้นตอน", "หัวคอลัมน์สัญลักษณ์ของตารางผังงาน")
    flow_details: Label = label("รายละเอียดงาน", "หัวคอลัมน์รายละเอียดของตารางผังงาน")
    flow_text: Label = label("ลำดับขั้นตอนในรูปข้อความ", "หัวข้อผังงานในรูปข้อความ")
    # References and the changes page.
    references_page: Label = label("เอกสารอ้างอิงและบรรณานุกรม", "หน้าเอกสารอ้างอิง")
    laws: Label = label("กฎหมายและเอกสารอ้างอิง", "หัวข้อกฎหมายและเอกสาร")
    document: Label = label("เอกสาร", "หัวคอลัมน์เอกสาร")
    cited_in: Label = label("อ้างถึงใน", "หัวคอลัมน์กระบวนงานที่อ้างถึง")
    accessed: Label = label("ค้นเมื่อ", "คำหน้าวันที่สืบค้นในบรรณานุกรม")
    from_url: Label = label("จาก", "คำหน้าที่อยู่เว็บในบรรณานุกรม")
    # The ITA page and the responsibility matrix.
    ita_page: Label = label("คู่มือการปฏิบัติงานสำหรับการประเมิน ITA", "หน้ารวมกระบวนงานสำหรับการประเมิน ITA และเล่ม PDF")
    ita_intro: Label = label(
        "กระบวนงานทุกเรื่องของ{group} พร้อมผู้รับผิดชอบ ขั้นตอน ระยะเวลา กฎหมายที่เกี่ยวข้อง และคู่มือการปฏิบัติงานรายบุคคล ในหน้าเดียว",
        "ย่อหน้านำของหน้า ITA: {group} ชื่อกลุ่ม",
    )
    ita_steps: Label = label("ขั้นตอนและระยะเวลา", "หัวแถวขั้นตอนในหน้า ITA")
    ita_total: Label = label("ระยะเวลารวม", "หัวแถวระยะเวลารวมในหน้า ITA")
    ita_missing: Label = label("ไม่รวม {count} ขั้นตอนที่ไม่ได้ระบุระยะเวลา", "หมายเหตุขั้นตอนที่ไม่มีระยะเวลา: {count} จำนวน")
    ita_complete: Label = label(
        "ข้อมูลครบตามเกณฑ์ ITA {complete} จาก {total} กระบวนงาน",
        "สรุปในหน้า ITA: {complete} กระบวนงานที่ข้อมูลครบ {total} กระบวนงานทั้งหมด",
    )
    ita_incomplete: Label = label(
        "ยังไม่ระบุ{missing} ตามเกณฑ์ ITA",
        "ข้อความแทนข้อมูลที่กระบวนงานยังขาดในหน้า ITA: {missing} สิ่งที่ขาด",
    )
    ita_untimed: Label = label("ระยะเวลาของขั้นตอนที่ {steps}", "สิ่งที่ขาดในหน้า ITA: {steps} เลขขั้นตอนที่ไม่มีระยะเวลา")
    ita_links: Label = label("หน้าเว็บและ PDF", "หัวแถวลิงก์ในหน้า ITA")
    ita_people: Label = label("คู่มือการปฏิบัติงานรายบุคคล", "หัวข้อรายการคู่มือส่วนบุคคลในหน้า ITA")
    web_page: Label = label("หน้าเว็บ", "ลิงก์ไปยังหน้าเว็บ")
    pdf_file: Label = label("PDF", "ลิงก์ไปยังไฟล์ PDF")
    word_file: Label = label("ไฟล์ Word (.docx)", "ลิงก์ไปยังสำเนาไฟล์ Word ของเล่ม ข้างลิงก์ PDF")
    download_process: Label = label("ดาวน์โหลดกระบวนงานนี้ (PDF)", "ลิงก์ดาวน์โหลด PDF ของกระบวนงานในหน้ากระบวนงาน")
    download_ita: Label = label("ดาวน์โหลดหน้านี้ (PDF)", "ลิงก์ดาวน์โหลด PDF ในหน้า ITA")
    matrix_page: Label = label("ตารางความรับผิดชอบ", "หน้าและบทของตารางบุคลากร × กระบวนงาน")
    matrix_intro: Label = label(
        "ใครรับผิดชอบกระบวนงานใด ขั้นตอนใด และใครเป็นผู้อนุมัติ สร้างจากข้อมูลของบุคลากรและกระบวนงาน",
        "ย่อหน้านำของตารางความรับผิดชอบ",
    )
    matrix_runs: Label = label("รับผิดชอบ", "คำในช่องของผู้รับผิดชอบกระบวนงาน")
    matrix_steps: Label = label("ขั้นตอน", "คำหน้าเลขขั้นตอนที่รับผิดชอบในตารางความรับผิดชอบ")
    matrix_memberships: Label = label("สมาชิกของกลุ่มงาน", "หัวข้อตารางบุคลากร × กลุ่มงาน")
    member: Label = label("สมาชิก", "คำในช่องของสมาชิกกลุ่มงาน")
    not_approved: Label = label("ยังไม่อนุมัติ", "คำในช่องผู้อนุมัติเมื่อกระบวนงานเป็นฉบับร่าง")
    changes_page: Label = label("การเปลี่ยนแปลงล่าสุด", "หน้าการเปลี่ยนแปลง")
    changes_intro: Label = label("การแก้ไขข้อมูลคู่มือที่บันทึกไว้ล่าสุด เรียงจากใหม่ไปเก่า", "คำนำหน้าการเปลี่ยนแปลง")
    date: Label = label("วันที่", "หัวคอลัมน์วันที่")
    change: Label = label("การแก้ไข", "หัวคอลัมน์การแก้ไข")
    editor: Label = label("ผู้แก้ไข", "หัวคอลัมน์ผู้แก้ไข")
    changed_data: Label = label("ข้อมูลที่เปลี่ยน", "หัวคอลัมน์ข้อมูลที่เปลี่ยน")
    office_file: Label = label("ข้อมูลสำนักงานและกลุ่มนิเทศ", "ชื่อของไฟล์ office.yml ในหน้าการเปลี่ยนแปลง")

    @model_validator(mode="after")
    def _placeholders(self) -> Labels:
        """A sentence label may use only its own placeholders; other labels none."""
        problems = []
        for key in type(self).model_fields:
            used = set(_PLACEHOLDER.findall(getattr(self, key)))
            allowed = self.PLACEHOLDERS.get(key, set())
            if used - allowed:
                names = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "no placeholders"
                wrong = ", ".join(f"{{{name}}}" for name in sorted(used - allowed))
                problems.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "label_placeholder",
                            "this label may use {names}, not {wrong} (ช่องเติมข้อมูลไม่ถูกต้อง)",
                            {"names": names, "wrong": wrong},
                        ),
                        loc=(key,),
                        input=getattr(self, key),
                    )
                )
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self

    def fill(self, key: str, **values: str) -> str:
        """A sentence label with its placeholders filled in (as plain text; the templates escape it)."""
        return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), ""), getattr(self, key))

    def described(self) -> list[tuple[str, str, str, str, str]]:
        """Every label: its key, where it is printed, its placeholders, its default and this manual's wording."""
        return [
            (
                key,
                (info.description or "").split(_DEFAULT)[0],
                " ".join(f"{{{name}}}" for name in sorted(self.PLACEHOLDERS.get(key, ()))),
                str(info.default),
                getattr(self, key),
            )
            for key, info in type(self).model_fields.items()
        ]
