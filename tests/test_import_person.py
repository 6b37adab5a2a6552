"""The person recogniser: where each supervisor's manual or chapter is in a stream of blocks, and its parts as the
model's `Person` — from hand-made block lists of each shape (our own export's headings and tables, a word
processor's merged headers and multi-paragraph cells, a PDF's flattened lines), and from the seeds read by the text
reader, against the hand-made YAML of `examples/korat6` and `data/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from opmanual.data.model import Person
from opmanual.importer.blocks import Block, Cell, Heading, ListItem, Paragraph, Table, Where
from opmanual.importer.draft import Part
from opmanual.importer.recognise import person, process
from opmanual.thai import THAI_DIGITS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"
HERE = Where("test.docx", paragraph=1)
NAMES = ("learning_areas", "clusters", "networks", "processes", "bibliography")  # the orchestrator resolves these


def p(text: str) -> Paragraph:
    return Paragraph(text, HERE)


def h(text: str, level: int | None = 2) -> Heading:
    return Heading(text, level, HERE)


def li(text: str, level: int = 0, label: str | None = None, numbered: bool = True) -> ListItem:
    return ListItem(text, level, HERE, numbered, label)


def c(*texts: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(tuple(p(text) for text in texts), colspan, rowspan)


def valid(part: Part) -> Person:
    """The recognised values as the model reads them, once the orchestrator has resolved the names."""
    return Person.model_validate({k: v for k, v in part.data.items() if k not in NAMES})


def exported() -> list[Block]:
    """A person's book as our .docx export writes it: the name as the title, the profile table, our labels as
    headings, the aims table of three levels, duties with roles and forms, work standards with a merged header."""
    return [
        h("นางสาววิไล สอนดี", 1),
        Table(
            (
                (c("ตำแหน่ง"), c("ศึกษานิเทศก์ชำนาญการพิเศษ")),
                (c("บทบาท"), c("ผู้ประสานงานเครือข่าย")),
                (c("สังกัด"), c("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", "สำนักงานเขตพื้นที่การศึกษาทดสอบ")),
                (c("คำสั่งมอบหมายงาน"), c("คำสั่งที่ ๑๘๕/๒๕๖๗ เรื่อง การมอบหมายหน้าที่")),
            ),
            HERE,
        ),
        h("คำนำ"),
        p("คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางในการปฏิบัติงาน"),
        p("หวังว่าจะเป็นประโยชน์"),
        p("นางสาววิไล สอนดี"),
        p("ศึกษานิเทศก์ชำนาญการพิเศษ"),
        p("ศึกษานิเทศก์ผู้รับผิดชอบกลุ่มโรงเรียนที่ ๑"),
        p("๓๐ กันยายน ๒๕๖๗"),
        h("การปฏิบัติงานตามที่ได้รับมอบหมาย"),
        p(
            "ตามที่ สำนักงานเขตพื้นที่การศึกษาทดสอบ ได้มีคำสั่งที่ ๑๘๕/๒๕๖๗ ลงวันที่ ๑๕ พฤษภาคม ๒๕๖๗ เรื่อง "
            "การมอบหมายหน้าที่ นั้น สำนักงานเขตพื้นที่การศึกษาทดสอบ ได้มอบหมายให้ นางสาววิไล สอนดี "
            "ตำแหน่งศึกษานิเทศก์ชำนาญการพิเศษ ปฏิบัติหน้าที่และความรับผิดชอบตามขอบเขตงานของกลุ่มนิเทศ "
            "โดยมีสาระสำคัญดังนี้"
        ),
        h("วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน"),
        Table(
            (
                (c(""), c("สพม.ทดสอบ"), c("กลุ่มนิเทศ"), c("ตนเอง")),
                (c("วิสัยทัศน์"), c("ก"), c("ข"), c("ใช้ห้องเรียนเป็นฐาน")),
                (c("พันธกิจ"), c("ก"), c("ข"), Cell((li("นิเทศกลุ่มโรงเรียนที่ ๑"), li("ส่งเสริมการอ่าน")))),
                (c("เป้าหมาย"), c(""), c(""), c("ครูพึงพอใจ")),
            ),
            HERE,
            header_rows=1,
        ),
        h("งานในหน้าที่ที่รับผิดชอบ"),
        h("๑ งานกลุ่มโรงเรียนที่ ๑", 3),
        p("งานกลุ่มโรงเรียนเป็นงานหลัก"),
        h("บทบาทและหน้าที่", 4),
        li("จัดทำโครงการนิเทศ"),
        li("นิเทศ ติดตาม"),
        h("แบบฟอร์มที่ใช้", 4),
        li("แบบนิเทศ"),
        h("๒ งานกลุ่มสาระการเรียนรู้วิทยาศาสตร์", 3),
        p("กลุ่มสาระการเรียนรู้ หมายถึง กลุ่มขององค์ความรู้"),
        p("ส่งเสริมครูวิทยาศาสตร์"),
        h("โรงเรียนและกลุ่มสาระการเรียนรู้ที่รับผิดชอบ"),
        li("กลุ่มโรงเรียนที่ ๑ (๑๐ โรงเรียน)", numbered=False),
        li("ศูนย์พัฒนาวิชาการวิทยาศาสตร์", numbered=False),
        li("กลุ่มสาระการเรียนรู้วิทยาศาสตร์และเทคโนโลยี", numbered=False),
        h("โครงการ"),
        li("โครงการนิเทศออนไลน์"),
        h("มาตรฐานการปฏิบัติงาน"),
        h("๑ การวางแผนการนิเทศ", 3),
        Table(
            (
                (c("วิธีปฏิบัติ"), c("หลักฐานร่องรอย")),
                (c("จัดทำแผนการนิเทศ"), Cell((li("แผนการนิเทศที่ได้รับอนุมัติ"), li("ปฏิทินการนิเทศ")))),
                (c("นิเทศ ติดตาม", "สรุปผล"), c("รายงานผลการนิเทศ")),
            ),
            HERE,
            header_rows=1,
        ),
        h("๒ การนิเทศ ติดตาม และประเมินผล", 3),
        p("ตามมาตรฐานตำแหน่งศึกษานิเทศก์"),
        h("การนิเทศในชั้นเรียน", 4),
        p("ภาคเรียนที่ ๑"),
        Table(
            (
                (c("ที่", rowspan=2), c("กิจกรรม/วิธีปฏิบัติ", rowspan=2), c("ระยะเวลา", colspan=2)),
                (c("เริ่ม"), c("สิ้นสุด")),
                (c("๒.๓"), c("สังเกตการสอน", "ประชุมสะท้อนผลกับครู"), c("มิถุนายน"), c("สิงหาคม")),
                (c("ก"), c("สรุปผลการนิเทศรายภาคเรียน"), c("กันยายน"), c("กันยายน")),
            ),
            HERE,
            header_rows=2,
        ),
        h("การประเมินผลการนิเทศ", 4),
        Table(
            (
                (c("ที่"), c("ขั้นตอน"), c("หลักฐาน")),
                (c("๑"), c("วิเคราะห์ผลการนิเทศ"), c("ตารางวิเคราะห์ผล")),
                (c("๒"), c("สะท้อนผล"), c("")),
            ),
            HERE,
            header_rows=1,
        ),
        h("กระบวนงานที่รับผิดชอบ"),
        li("งานคลินิกการอ่าน"),
        h("บทบาทเพิ่มเติมในเครือข่ายภาษาไทย"),
        p("เป็นวิทยากรแกนนำของเครือข่าย"),
        h("บรรณานุกรม"),
        p("กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน. กรุงเทพฯ."),
    ]


def test_export_is_one_person_from_its_title_heading() -> None:
    blocks = [p("สำนักงานเขตพื้นที่การศึกษาทดสอบ"), *exported(), h("นายสมชาย ใจดี", 1), *exported()[1:4]]
    assert person.spans(blocks) == [(1, 1 + len(exported())), (1 + len(exported()), len(blocks))]


def test_export_profile_foreword_order_aims() -> None:
    part = person.recognise(exported())
    data = part.data
    assert (data["prefix"], data["name"], data["surname"]) == ("นางสาว", "วิไล", "สอนดี")
    assert "position" not in data  # ศึกษานิเทศก์ is the default: an editor leaves it out
    assert data["rank"] == "ชำนาญการพิเศษ"
    assert data["role"] == "ผู้ประสานงานเครือข่าย"
    assert data["order"] == {"number": "๑๘๕/๒๕๖๗", "title": "การมอบหมายหน้าที่", "date": "๑๕ พฤษภาคม ๒๕๖๗"}
    assert data["foreword"] == {
        "text": ["คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางในการปฏิบัติงาน", "หวังว่าจะเป็นประโยชน์"],
        "signed_as": "ศึกษานิเทศก์ผู้รับผิดชอบกลุ่มโรงเรียนที่ ๑",
        "date": "๓๐ กันยายน ๒๕๖๗",
    }
    assert data["aims"] == {
        "vision": "ใช้ห้องเรียนเป็นฐาน",
        "mission": ["นิเทศกลุ่มโรงเรียนที่ ๑", "ส่งเสริมการอ่าน"],
        "goals": ["ครูพึงพอใจ"],
    }
    valid(part)


def test_export_duties_care_projects_processes() -> None:
    data = person.recognise(exported()).data
    assert data["duties"] == [
        {
            "title": "งานกลุ่มโรงเรียนที่ ๑",
            "text": ["งานกลุ่มโรงเรียนเป็นงานหลัก"],
            "roles": ["จัดทำโครงการนิเทศ", "นิเทศ ติดตาม"],
            "forms": ["แบบนิเทศ"],
        },
        {
            "title": "งานกลุ่มสาระการเรียนรู้วิทยาศาสตร์",
            "definitions": [{"term": "กลุ่มสาระการเรียนรู้", "meaning": ["กลุ่มขององค์ความรู้"]}],
            "text": ["ส่งเสริมครูวิทยาศาสตร์"],
        },
    ]
    # the list of what the person cares for wins over names read from the duties' titles
    assert data["clusters"] == ["กลุ่มโรงเรียนที่ ๑"]
    assert data["networks"] == ["ศูนย์พัฒนาวิชาการวิทยาศาสตร์"]
    assert data["learning_areas"] == ["วิทยาศาสตร์และเทคโนโลยี"]
    assert data["projects"] == ["โครงการนิเทศออนไลน์"]
    assert data["processes"] == ["งานคลินิกการอ่าน"]
    # the entries as written, for the orchestrator to make sources of references.yml
    assert data["bibliography"] == ["กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน. กรุงเทพฯ."]
    assert all(section["title"] != "บรรณานุกรม" for section in data["sections"])


def test_export_work_standards_rows_headers_subtables() -> None:
    part = person.recognise(exported())
    first, second = part.data["work_standards"]
    assert first == {
        "topic": "การวางแผนการนิเทศ",
        "rows": [
            {"activity": "จัดทำแผนการนิเทศ", "standard": ["แผนการนิเทศที่ได้รับอนุมัติ", "ปฏิทินการนิเทศ"]},
            {"activity": {"text": ["นิเทศ ติดตาม", "สรุปผล"]}, "standard": "รายงานผลการนิเทศ"},
        ],
        "headers": ["วิธีปฏิบัติ", "หลักฐานร่องรอย"],
    }
    assert second["topic"] == "การนิเทศ ติดตาม และประเมินผล"
    assert second["subtitle"] == "ตามมาตรฐานตำแหน่งศึกษานิเทศก์"
    merged, numbered = second["tables"]
    assert merged["title"] == "การนิเทศในชั้นเรียน"
    assert merged["subtitle"] == "ภาคเรียนที่ ๑"
    assert merged["number_header"] == "ที่"
    assert merged["columns"] == ["กิจกรรม/วิธีปฏิบัติ", "ระยะเวลา — เริ่ม", "ระยะเวลา — สิ้นสุด"]
    assert merged["rows"][0] == {
        "label": "๒.๓",
        "cells": [{"text": ["สังเกตการสอน", "ประชุมสะท้อนผลกับครู"]}, "มิถุนายน", "สิงหาคม"],
    }
    assert merged["rows"][1]["label"] == "ก"
    assert numbered["numbered"] is True
    assert "number_header" not in numbered
    assert numbered["rows"] == [["วิเคราะห์ผลการนิเทศ", "ตารางวิเคราะห์ผล"], ["สะท้อนผล", ""]]
    assert any(guess.path == ("work_standards", 1, "tables") for guess in part.guesses)
    valid(part)


def test_unknown_heading_is_a_free_section_and_unplaced() -> None:
    part = person.recognise(exported())
    assert part.data["sections"][0] == {
        "title": "บทบาทเพิ่มเติมในเครือข่ายภาษาไทย",
        "after": "processes",
        "text": ["เป็นวิทยากรแกนนำของเครือข่าย"],
    }
    assert [(u.text, u.section) for u in part.unplaced] == [
        ("เป็นวิทยากรแกนนำของเครือข่าย", "บทบาทเพิ่มเติมในเครือข่ายภาษาไทย"),
    ]


def text_manual() -> list[Block]:
    """A personal manual as a PDF's text gives it: no heading levels, numbered lines, a table flattened."""
    return [
        p("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา"),
        p("นครราชสีมา เขต 6"),
        p("ว่าที่ร้อยตรี ดร.สมศักดิ์ ทองดี"),
        p("ศึกษานิเทศก์ชำนาญการ"),
        p("คู่มือปฏิบัติงาน"),
        p("คำนำ"),
        p("คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นกรอบในการปฏิบัติงาน"),
        p("ว่าที่ร้อยตรี ดร.สมศักดิ์ ทองดี"),
        p("ศึกษานิเทศก์ชำนาญการ"),
        p("สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครราชสีมา เขต ๖"),
        p("๑. งานในหน้าที่ที่รับผิดชอบ"),
        li("งานนิเทศการจัดการเรียนรู้", 0, "๑."),
        p("นิเทศการจัดการเรียนรู้ของครูในกลุ่มโรงเรียน"),
        p("บทบาทและหน้าที่"),
        li("วางแผนการนิเทศ", 0, "๑."),
        li("นิเทศ ติดตาม", 0, "๒."),
        p("มาตรฐานการปฏิบัติงาน"),
        p("การวางแผนการนิเทศ"),
        p("กิจกรรม/วิธีปฏิบัติ มาตรฐาน/หลักฐานร่องรอย"),
        li("ศึกษาสภาพปัญหาของสถานศึกษา", 0, "๑."),
        li("รายงานสภาพปัญหา", 0, "-", numbered=False),
        li("ข้อมูลผลสัมฤทธิ์", 0, "-", numbered=False),
        li("จัดทำแผนการนิเทศ", 0, "๒."),
        p("แผนการนิเทศที่ได้รับอนุมัติ"),
        p("บรรณานุกรม"),
        p("กระทรวงศึกษาธิการ. หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑. กรุงเทพฯ : โรงพิมพ์"),
        p("คุรุสภา ลาดพร้าว, ๒๕๕๑."),
        p("แนวคิด"),
        p("กลุ่มนิเทศเป็นกลุ่มงาน"),
    ]


def test_text_manual_span_ends_at_the_group_part() -> None:
    assert person.spans(text_manual()) == [(2, len(text_manual()) - 2)]


def test_text_manual_name_with_combined_prefix() -> None:
    start, end = person.spans(text_manual())[0]
    part = person.recognise(text_manual()[start:end])
    data = part.data
    assert (data["prefix"], data["name"], data["surname"]) == ("ว่าที่ร้อยตรีดร.", "สมศักดิ์", "ทองดี")
    assert data["rank"] == "ชำนาญการ"
    assert data["cover_title"] == "คู่มือปฏิบัติงาน"
    assert "signed_as" not in data["foreword"]  # the office: printed under the signature by default
    assert data["duties"] == [
        {
            "title": "งานนิเทศการจัดการเรียนรู้",
            "text": ["นิเทศการจัดการเรียนรู้ของครูในกลุ่มโรงเรียน"],
            "roles": ["วางแผนการนิเทศ", "นิเทศ ติดตาม"],
        }
    ]
    # the line the PDF wrapped joins its entry again, a Thai word across the break without a space
    assert data["bibliography"] == [
        "กระทรวงศึกษาธิการ. หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑. กรุงเทพฯ : โรงพิมพ์คุรุสภา ลาดพร้าว, ๒๕๕๑."
    ]
    valid(part)


def test_flattened_work_standard_rebuilt_and_marked() -> None:
    start, end = person.spans(text_manual())[0]
    part = person.recognise(text_manual()[start:end])
    assert part.data["work_standards"] == [
        {
            "topic": "การวางแผนการนิเทศ",
            "rows": [
                {"activity": "ศึกษาสภาพปัญหาของสถานศึกษา", "standard": ["รายงานสภาพปัญหา", "ข้อมูลผลสัมฤทธิ์"]},
                {"activity": "จัดทำแผนการนิเทศ", "standard": "แผนการนิเทศที่ได้รับอนุมัติ"},
            ],
        }
    ]
    assert any(guess.path == ("work_standards", 0, "rows") for guess in part.guesses)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("นางสาวรัญญา จำปามูล", ("นางสาว", "รัญญา", "จำปามูล")),
        ("นาย อนวัช ไข่ขาว", ("นาย", "อนวัช", "ไข่ขาว")),
        ("ดร.สมชาย ใจดี", ("ดร.", "สมชาย", "ใจดี")),
        ("ว่าที่ ร.ต. สมชาย ใจดี", ("ว่าที่ ร.ต.", "สมชาย", "ใจดี")),
        ("ผศ.ดร.วิไล สอนดี", ("ผศ.ดร.", "วิไล", "สอนดี")),
        ("นางขันธ์ธนา สุทธิกรณ์", ("นาง", "ขันธ์ธนา", "สุทธิกรณ์")),
        ("นายกรัฐมนตรีสั่งการ", None),
        ("นางสาวรัญญา จำปามูล ซึ่งปฏิบัติหน้าที่ศึกษานิเทศก์ชำนาญการพิเศษ และรับผิดชอบงาน", None),
    ],
)
def test_split_name(line: str, expected: tuple[str, str, str] | None) -> None:
    assert person.split_name(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ศึกษานิเทศก์ชำนาญการพิเศษ", ("ศึกษานิเทศก์", "ชำนาญการพิเศษ")),
        ("ศึกษานิเทศก์ ชำนาญการ", ("ศึกษานิเทศก์", "ชำนาญการ")),
        ("ตำแหน่ง ศึกษานิเทศก์ วิทยฐานะเชี่ยวชาญ", ("ศึกษานิเทศก์", "เชี่ยวชาญ")),
        ("ศึกษานิเทศก์", ("ศึกษานิเทศก์", None)),
        ("คู่มือปฏิบัติงาน", None),
    ],
)
def test_split_position(line: str, expected: tuple[str, str | None] | None) -> None:
    assert person.split_position(line) == expected


def test_three_level_aims_flattened_takes_the_last_column() -> None:
    """Seed 002's table of office, group and ตนเอง arrives as lines: the last vision and the last run of each list
    are the person's; the rest goes to a free section after the aims."""
    blocks = [
        p("การปฏิบัติงานตามที่ได้รับมอบหมาย"),
        p("ตามที่ สำนักงานเขตพื้นที่การศึกษากรุงเทพมหานคร เขต ๑ ได้มีคำสั่งที่ ที่ 185/2564 เรื่อง การมอบหมายหน้าที่และความรับผิดชอบ นั้น"),
        p("สำนักงานเขตพื้นที่การศึกษากรุงเทพมหานคร เขต ๑ ได้มอบหมายให้ นายอนวัช ไข่ขาว ตำแหน่ง ศึกษานิเทศก์ชำนาญการ"),
        li("วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน", 0, "๒."),
        p("ตนเอง"),
        p("วิสัยทัศน์"),
        p("จัดการศึกษาวิถีใหม่"),
        p("ร่วมคิด ร่วมพัฒนา"),
        p("สร้างแรงบันดาลใจ ใช้ห้องเรียนเป็นฐาน"),
        li("พันธกิจสำนักงาน", 0, "๑."),
        li("พันธกิจกลุ่ม", 0, "๑."),
        li("ส่งเสริมการพัฒนางาน", 0, "๑."),
        li("นิเทศ ติดตาม", 0, "๒."),
        p("เป้าประสงค์ เป้าหมาย เป้าหมายการปฏิบัติงาน"),
        li("เป้าประสงค์สำนักงาน", 0, "๑."),
        li("เป้าหมายกลุ่ม", 0, "๑."),
        li("ผู้รับการนิเทศพึงพอใจ", 0, "๑."),
    ]
    assert person.spans(blocks) == [(0, len(blocks))]
    part = person.recognise(blocks)
    data = part.data
    assert (data["prefix"], data["name"], data["surname"], data["rank"]) == ("นาย", "อนวัช", "ไข่ขาว", "ชำนาญการ")
    assert data["order"]["number"] == "185/2564"
    assert data["order"]["title"] == "การมอบหมายหน้าที่และความรับผิดชอบ"
    assert data["aims"] == {
        "vision": "สร้างแรงบันดาลใจ ใช้ห้องเรียนเป็นฐาน",
        "mission": ["ส่งเสริมการพัฒนางาน", "นิเทศ ติดตาม"],
        "goals": ["ผู้รับการนิเทศพึงพอใจ"],
    }
    (section,) = data["sections"]
    assert section["after"] == "aims"
    assert "ร่วมคิด ร่วมพัฒนา" in section["text"]
    assert len(part.unplaced) == 6
    valid(part)


def test_people_named_in_an_organisation_chart() -> None:
    blocks = [
        p("นายนิยม ไผ่โสภา"),
        p("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาเชี่ยวชาญ"),
        p("นายอนวัช ไข่ขาว"),
        p("ศึกษานิเทศก์ชำนาญการ"),
        p("นางขันธ์ธนา สุทธิกรณ์"),
        p("ศึกษานิเทศก์ ปฏิบัติหน้าที่"),
    ]
    assert person.spans(blocks) == []  # a chart is no person's manual
    assert person.people_named(blocks) == [
        {"prefix": "นาย", "name": "อนวัช", "surname": "ไข่ขาว", "rank": "ชำนาญการ"},
        {"prefix": "นาง", "name": "ขันธ์ธนา", "surname": "สุทธิกรณ์"},
    ]


# --- the seeds, read by the text reader --------------------------------------------------------------------------


def _seed_people(number: str) -> list[Part]:
    from opmanual.importer.readers import read as read_source

    (path,) = SEEDS.glob(f"{number}_*.txt")
    blocks = read_source(path).blocks
    taken = [False] * len(blocks)
    for start, end in process.spans(blocks):
        taken[start:end] = [True] * (end - start)
    rest = [block for index, block in enumerate(blocks) if not taken[index]]
    return [person.recognise(rest[start:end]) for start, end in person.spans(rest)]


def _hand_made(folder: str) -> dict[str, Any]:
    return {path.stem: yaml.safe_load(path.read_text()) for path in sorted((ROOT / folder).glob("people/*.yml"))}


def test_seed_004_one_personal_manual() -> None:
    part, back = _seed_people("004")
    (hand,) = _hand_made("examples/korat6").values()
    data = part.data
    for field in ("prefix", "name", "surname", "rank"):
        assert data[field] == hand[field]
    assert data.get("position", "ศึกษานิเทศก์") == hand.get("position", "ศึกษานิเทศก์")
    assert len(data["foreword"]["text"]) == len(hand["foreword"]["text"])
    assert "signed_as" not in data["foreword"]  # the office's name, printed by default
    # The seed names its processes only in its สารบัญ, which the reader drops, and its processes and บรรณานุกรม
    # come after the group's part: the orchestrator gives them to the manual's only person (the บรรณานุกรม is a
    # span of its own, a nameless part it joins to her).
    assert "processes" not in data
    assert back.data["name"] == person.PLACEHOLDERS["name"]
    assert len(back.data["bibliography"]) == len(hand["bibliography"])
    assert len(data.get("duties", [])) >= len(hand.get("duties", []))
    assert not part.unplaced
    valid(part)


def test_seed_000_has_no_person() -> None:
    assert _seed_people("000") == []


def test_seed_002_the_author_chapter() -> None:
    people = _seed_people("002")
    hand = _hand_made("data")["anawat-khaikhao"]
    found = [part for part in people if part.data["name"] == hand["name"]]
    assert found, [part.data["name"] for part in people]
    data = found[0].data
    for field in ("prefix", "surname", "rank"):
        assert data[field] == hand[field]
    assert data["order"]["title"].translate(THAI_DIGITS) == hand["order"]["title"]
    assert [duty["title"] for duty in data["duties"]][-3:] == [duty["title"] for duty in hand["duties"]]
    for duty, made in zip(data["duties"][-3:], hand["duties"], strict=True):
        assert len(duty.get("roles", [])) == len(made["roles"])
    assert data["aims"]["vision"].replace(" ", "") == hand["aims"]["vision"].replace(" ", "")
    assert len(data["aims"]["mission"]) == len(hand["aims"]["mission"])
    assert len(data["aims"]["goals"]) == len(hand["aims"]["goals"])
    assert data["clusters"] == ["กลุ่มโรงเรียนที่ ๒"]
    assert data["learning_areas"] == ["วิทยาศาสตร์และเทคโนโลยี"]
    assert len(data["networks"]) == 1
    # the entries as written (the reader ran two of them together; `bibliography.entries` parts them again)
    assert len(data["bibliography"]) == len(hand["bibliography"])
    valid(found[0])


def test_person_book_cover_and_chapter_are_one_person() -> None:
    """Our export's person book names the person on its cover (with the approval page after it) and again at the
    head of their chapter, with the group's chapter between: two spans, one person once merged."""
    blocks = [
        p("มาตรฐานการปฏิบัติงาน"),
        p("นางสาววิไล สอนดี"),
        p("ตำแหน่ง ศึกษานิเทศก์ ระดับชำนาญการพิเศษ"),
        p("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"),
        p("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดสอบ"),
        p("พ.ศ. ๒๕๖๘"),
        h("การอนุมัติ", 1),
        p(
            "อนุมัติให้ใช้เมื่อวันที่ ๑๕ พฤษภาคม ๒๕๖๘ โดย นายทดสอบ ระบบ ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา "
            "ตามคำสั่ง สพม.ทดสอบ ที่ ๑๒๓/๒๕๖๘"
        ),
        h("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", 1),
        p("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดสอบ"),
        h("แนวคิด", 2),
        p("กลุ่มนิเทศทำงานเป็นทีม"),
        *exported(),
    ]
    first, second = person.spans(blocks)
    assert first == (0, 8)
    assert second == (12, len(blocks))
    one, other = (person.recognise(blocks[start:end]) for start, end in (first, second))
    assert person.same(one, other)
    merged = person.merge(one, other)
    data = merged.data
    assert data["cover_title"] == "มาตรฐานการปฏิบัติงาน"
    assert data["rank"] == "ชำนาญการพิเศษ"
    assert data["approval"] == {
        "status": "approved",
        "by": "นายทดสอบ ระบบ",
        "position": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
        "date": "2568-05-15",
        "order": "คำสั่ง สพม.ทดสอบ ที่ ๑๒๓/๒๕๖๘",
    }
    assert len(data["duties"]) == 2
    assert len(data["work_standards"]) == 2
    assert not one.unplaced
    valid(merged)


def _word_file(path: Path) -> Path:
    """A person's chapter as a word processor would lay it out: heading styles, automatic numbering, a profile
    table, a work-standard table with a merged header cell and a cell of two paragraphs and a list."""
    import docx

    document = docx.Document()
    document.add_heading("นายสมชาย ใจดี", 1)
    profile = document.add_table(rows=2, cols=2)
    rows = [("ตำแหน่ง", "ศึกษานิเทศก์ชำนาญการ"), ("บทบาท", "ผู้ประสานงาน")]
    for row, (label, value) in zip(profile.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_heading("งานในหน้าที่ที่รับผิดชอบ", 2)
    document.add_heading("งานกลุ่มโรงเรียนที่ ๓", 3)
    document.add_paragraph("งานกลุ่มโรงเรียนเป็นงานหลัก")
    document.add_heading("บทบาทและหน้าที่", 4)
    for text in ("จัดทำโครงการนิเทศ", "นิเทศ ติดตาม และประเมินผล"):
        document.add_paragraph(text, style="List Number")
    document.add_heading("มาตรฐานการปฏิบัติงาน", 2)
    document.add_heading("การนิเทศภายใน", 3)
    grid = document.add_table(rows=4, cols=3)
    merged = grid.cell(0, 1).merge(grid.cell(0, 2))
    merged.text = "ระยะเวลา"
    grid.cell(0, 0).merge(grid.cell(1, 0)).text = "กิจกรรม/วิธีปฏิบัติ"
    grid.cell(1, 1).text, grid.cell(1, 2).text = "เริ่ม", "สิ้นสุด"
    first = grid.cell(2, 0)
    first.text = "สังเกตการสอน"
    first.add_paragraph("ประชุมสะท้อนผล")
    first.add_paragraph("บันทึกการสังเกต", style="List Bullet")
    grid.cell(2, 1).text, grid.cell(2, 2).text = "มิถุนายน", "สิงหาคม"
    grid.cell(3, 0).text, grid.cell(3, 1).text, grid.cell(3, 2).text = "สรุปผล", "กันยายน", "กันยายน"
    document.add_heading("เรื่องที่ไม่มีช่อง", 2)
    document.add_paragraph("ข้อความที่ต้องไม่หาย")
    target = path / "somchai.docx"
    document.save(str(target))
    return target


def test_word_file_with_merged_header_and_rich_cells(tmp_path: Path) -> None:
    from opmanual.importer.readers import read as read_source

    blocks = read_source(_word_file(tmp_path)).blocks
    assert person.spans(blocks) == [(0, len(blocks))]
    part = person.recognise(blocks)
    data = part.data
    assert (data["prefix"], data["name"], data["surname"], data["rank"]) == ("นาย", "สมชาย", "ใจดี", "ชำนาญการ")
    assert data["role"] == "ผู้ประสานงาน"
    (duty,) = data["duties"]
    assert duty["title"] == "งานกลุ่มโรงเรียนที่ ๓"
    assert duty["roles"] == ["จัดทำโครงการนิเทศ", "นิเทศ ติดตาม และประเมินผล"]
    assert data["clusters"] == ["กลุ่มโรงเรียนที่ ๓"]
    (standard,) = data["work_standards"]
    (sub,) = standard["tables"]
    assert sub["columns"] == ["กิจกรรม/วิธีปฏิบัติ", "ระยะเวลา — เริ่ม", "ระยะเวลา — สิ้นสุด"]
    assert len(sub["rows"]) == 2
    assert sub["rows"][0][0] == {"text": ["สังเกตการสอน", "ประชุมสะท้อนผล", {"bullets": ["บันทึกการสังเกต"]}]}
    assert data["sections"] == [{"title": "เรื่องที่ไม่มีช่อง", "after": "work_standards", "text": ["ข้อความที่ต้องไม่หาย"]}]
    assert [unplaced.text for unplaced in part.unplaced] == ["ข้อความที่ต้องไม่หาย"]
    valid(part)
