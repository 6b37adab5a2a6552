"""The office and group part of an import: the cover, the group's parts by their headings, free sections for the
rest (never dropped)."""

from __future__ import annotations

from opmanual.convert.blocks import Heading, ListItem, Paragraph, Where
from opmanual.convert.recognise import office
from opmanual.data.model import OfficeFile

HERE = Where("manual.txt", paragraph=1)


def p(text: str) -> Paragraph:
    return Paragraph(text, HERE)


def li(text: str, level: int = 0) -> ListItem:
    return ListItem(text, level, HERE)


def test_the_cover_and_the_groups_parts_go_to_their_fields() -> None:
    part = office.recognise(
        [
            p("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง"),
            p("เขต ๒"),
            p("คู่มือการปฏิบัติงาน"),
            p("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"),
            p("โทร 053-481069"),
            p("แนวคิด"),
            p("กลุ่มนิเทศเป็นกลุ่มงานที่ดำเนินการเกี่ยวกับการนิเทศการศึกษา"),
            p("๒. วัตถุประสงค์"),
            li("เพื่อเป็นแนวปฏิบัติ"),
            li("เพื่อสร้างวัฒนธรรมคุณภาพ"),
            Heading("งานตามมาตรฐานตำแหน่งศึกษานิเทศก์", 2, HERE),
            p("ศึกษานิเทศก์มีหน้าที่นิเทศการศึกษา"),
            li("งานนิเทศการศึกษา"),
            p("วงจรคุณภาพ PDCA"),
            p("ใช้วงจรคุณภาพในการพัฒนางาน"),
            li("Plan : P วางแผน"),
            li("ศึกษาข้อมูล", 1),
            li("Do : D ดำเนินการ"),
            p("ขอบข่ายภารกิจ"),
            li("กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา"),
            li("งานตรวจสอบคุณภาพภายในสถานศึกษา", 1),
            p("หัวข้อที่ไม่มีช่องรองรับ"),
        ]
    )
    data = part.data
    assert data["office"]["name"] == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง เขต ๒"
    assert data["manual"]["title"] == "คู่มือการปฏิบัติงาน"
    assert data["group"]["contacts"] == {"phone": "053-481069"}
    assert data["group"]["concept"] == ["กลุ่มนิเทศเป็นกลุ่มงานที่ดำเนินการเกี่ยวกับการนิเทศการศึกษา"]
    assert data["group"]["objectives"] == ["เพื่อเป็นแนวปฏิบัติ", "เพื่อสร้างวัฒนธรรมคุณภาพ"]
    assert data["group"]["position_standard"] == {
        "title": "งานตามมาตรฐานตำแหน่งศึกษานิเทศก์",
        "text": ["ศึกษานิเทศก์มีหน้าที่นิเทศการศึกษา", {"items": ["งานนิเทศการศึกษา"]}],
    }
    assert data["group"]["method"] == {
        "title": "วงจรคุณภาพ PDCA",
        "text": ["ใช้วงจรคุณภาพในการพัฒนางาน"],
        "steps": [{"text": "Plan : P วางแผน", "items": ["ศึกษาข้อมูล"]}, "Do : D ดำเนินการ"],
    }
    (workgroup,) = data["group"]["workgroups"]
    assert workgroup["name"] == "กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา"
    assert workgroup["tasks"] == ["งานตรวจสอบคุณภาพภายในสถานศึกษา"]
    # the last heading no field knows is text of the part before it: kept, in the work group's text
    assert workgroup["text"] == ["หัวข้อที่ไม่มีช่องรองรับ"]
    OfficeFile.model_validate(data)


def test_what_no_field_takes_is_a_free_section_and_reported() -> None:
    part = office.recognise([p("คู่มือการปฏิบัติงาน"), p("ข้อความบนปกที่ไม่มีช่องรองรับ"), p("แนวคิด"), p("แนวคิดของกลุ่ม")])
    (section,) = part.data["group"]["sections"]
    assert section == {"title": "หน้าปกและส่วนนำ", "text": ["ข้อความบนปกที่ไม่มีช่องรองรับ"]}
    assert [(u.text, u.section) for u in part.unplaced] == [("ข้อความบนปกที่ไม่มีช่องรองรับ", "หน้าปกและส่วนนำ")]
    assert ("office", "name") in [guess.path for guess in part.guesses]  # no office name in the source: a placeholder
    OfficeFile.model_validate(part.data)


def test_school_clusters_and_their_counts_come_from_the_text_that_says_them() -> None:
    from opmanual.convert.blocks import Source
    from opmanual.convert.recognise import recognise

    said = "สำนักงานเขตพื้นที่การศึกษาประกอบด้วย ๒ กลุ่ม โดยกลุ่มโรงเรียนที่ ๒ มีจำนวน ๑๔ โรงเรียน กลุ่มโรงเรียนที่ ๑"
    draft = recognise([Source("manual.txt", [p("กลุ่มโรงเรียน"), p(said), p("มีจำนวน ๑๐ โรงเรียน")])])
    group = draft.office.data["group"]
    assert group["clusters"] == [
        {"id": "cluster-1", "name": "กลุ่มโรงเรียนที่ ๑", "schools": 10},
        {"id": "cluster-2", "name": "กลุ่มโรงเรียนที่ ๒", "schools": 14},
    ]
    assert group["clusters_text"] == [said, "มีจำนวน ๑๐ โรงเรียน"]  # the sentences stay where they stood
