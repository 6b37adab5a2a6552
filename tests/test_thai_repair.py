"""The repairs the importer's readers make to Thai text that a PDF or a copy from Word broke (`opmanual.thai`)."""

from __future__ import annotations

import pytest

from opmanual.data.hygiene import label_kind, split_label
from opmanual.thai import is_page_number, join_split_words, map_pua, repair, repair_marks, restore_sara_aa


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("สาํนักงาน", "สำนักงาน"),  # SARA AA + NIKHAHIT, as pdftotext gives SARA AM
        ("สํานักงาน", "สำนักงาน"),  # NIKHAHIT + SARA AA
        ("ล าดับ", "ลำดับ"),  # the NIKHAHIT lost to a space
        ("เหลื่อมล้ า", "เหลื่อมล้ำ"),  # … after a tone mark
        ("ปฏิบติังาน", "ปฏิบัติงาน"),  # MAI HAN-AKAT moved onto the next consonant
        ("ท่ี", "ที่"),  # tone mark before the upper vowel
        ("กุ่ม", "กุ่ม"),  # tone mark before the lower vowel
    ],
)
def test_marks_are_put_back_in_order(broken: str, fixed: str) -> None:
    assert repair(broken) == fixed


def test_private_use_glyphs_of_legacy_fonts_are_mapped_to_thai() -> None:
    # ป with a tone mark shifted left (U+F70B), ญ and ฐ without their tails, a lowered SARA U.
    assert map_pua("ป\uf70bาย") == "ป้าย"
    assert map_pua("\uf70fาติ") == "ญาติ"
    assert map_pua("\uf700าน") == "ฐาน"
    assert repair("ส\uf713\uf718ง") == "สุ่ง"  # mapped, then the marks put in order
    assert repair_marks("ก\u0e48\u0e38") == "ก\u0e38\u0e48"


@pytest.mark.parametrize(
    ("spaced", "joined"),
    [
        ("สำนั กงาน", "สำนักงาน"),  # "สำนั" is no word, "สำนักงาน" is
        ("เขตพื้ นที่การศึกษา", "เขตพื้นที่การศึกษา"),
        ("ศึกษา วิเคราะห์", "ศึกษา วิเคราะห์"),  # two words: Thai puts a space between phrases
        ("นิเทศ ติดตาม และประเมินผล", "นิเทศ ติดตาม และประเมินผล"),
        ("สำนัก งาน", "สำนัก งาน"),  # both sides are words: kept, the conservative choice
        ("ISO 9001 มาตรฐาน", "ISO 9001 มาตรฐาน"),
        ("ตาราง ก ขั้นตอน", "ตาราง ก ขั้นตอน"),  # a letter standing alone is a label, not a piece of a word
        ("แบบ ก.พ. ๗", "แบบ ก.พ. ๗"),
        ("๕ ก หน้า", "๕ ก หน้า"),
        ("ก ารศึกษา", "การศึกษา"),  # a letter whose vowel the space cut off still joins
    ],
)
def test_spaces_inside_a_word_are_taken_out_only_there(spaced: str, joined: str) -> None:
    assert join_split_words(spaced) == joined


@pytest.mark.parametrize(
    ("spaced", "joined"),
    [
        ("ร่ ว ม กั บ ก ลุ่ ม โ ร ง เ รี ย น โ ด ย", "ร่วมกับกลุ่มโรงเรียนโดย"),  # seed 002, a justified line
        ("ก า ร ศึ ก ษ า ต า ม ค่ า เ ป้ า ห ม า ย", "การศึกษาตามค่าเป้าหมาย"),  # SARA AA, not a lost NIKHAHIT
        ("(Active Learning) แ ล ะ พั ฒ น า", "(Active Learning) และพัฒนา"),
        ("ห น่ ว ย ง า น ใ น สั ง กั ด", "หน่วยงานในสังกัด"),  # a line the seeds do not have
        ("ข้อ ๑ ๒ ๓ ๔ ๕", "ข้อ ๑ ๒ ๓ ๔ ๕"),  # digits are never letter-spacing
        ("อื่น ๆ ที่ มี ใน", "อื่น ๆ ที่ มี ใน"),  # three short words are not yet letter-spacing
        ("ข่ าย", "ข่าย"),  # a space before SARA AA that only split the word
        ("ล้ า", "ล้ำ"),
    ],
)
def test_letter_spaced_thai_is_joined_and_sara_aa_kept(spaced: str, joined: str) -> None:
    assert repair(spaced) == joined


def test_repair_keeps_lines_and_cleans_each() -> None:
    assert repair("คู่มือการปฏิบติังาน  สาํนักงาน\nเขตพื้ นท่ี") == "คู่มือการปฏิบัติงาน สำนักงาน\nเขตพื้นที่"


def test_sara_aa_drawn_as_sara_am_is_restored_by_the_word_list() -> None:
    assert restore_sara_aa("ระยะเวลำ") == "ระยะเวลา"
    assert restore_sara_aa("เครือข่ำย") == "เครือข่าย"
    assert restore_sara_aa("ลำดับ ดำเนินการ ทำงาน") == "ลำดับ ดำเนินการ ทำงาน"


@pytest.mark.parametrize(
    ("line", "label", "rest", "depth", "kind"),
    [
        ("๑.๒.๓ งาน", "๑.๒.๓", "งาน", 2, "dotted"),
        ("3.๑. กลุ่มงาน", "3.๑.", "กลุ่มงาน", 1, "dotted"),
        ("1. ศึกษา", "1.", "ศึกษา", 0, "number"),
        ("4.งานตามมาตรฐาน", "4.", "งานตามมาตรฐาน", 0, "number"),
        ("๒ .งานศึกษา", "๒.", "งานศึกษา", 0, "number"),
        ("๑ งานส่งเสริม", "๑", "งานส่งเสริม", 0, "number"),
        ("( ๑ ) งาน", "(๑)", "งาน", 0, "paren"),
        ("ก. งาน", "ก.", "งาน", 0, "letter"),
        ("- ศึกษา", "-", "ศึกษา", 0, "bullet"),
        ("• ข้อ", "•", "ข้อ", 0, "bullet"),
        (" - 3.4 รวบรวม", "3.4", "รวบรวม", 1, "dotted"),  # a bullet before a number: the number counts
    ],
)
def test_split_label(line: str, label: str, rest: str, depth: int, kind: str) -> None:
    assert split_label(line) == (label, rest, depth)
    assert label_kind(label) == kind


@pytest.mark.parametrize("line", ["ก.พ. 2566 ประชุม", "1 ตุลาคม 2566", "ศึกษา", "2567 ปีงบประมาณ"])
def test_split_label_leaves_text_that_only_looks_numbered(line: str) -> None:
    assert split_label(line) == (None, line, 0)


def test_a_bare_number_is_a_label_only_when_asked() -> None:
    assert split_label("๑ เป็นกลุ่มงาน", bare=False) == (None, "๑ เป็นกลุ่มงาน", 0)


@pytest.mark.parametrize(
    ("line", "page"),
    [
        ("12", True),
        ("- 12 -", True),
        ("หน้า ๑๒", True),
        ("3/40", True),
        ("2567", False),
        ("1. งาน", False),
        ("ก", False),
    ],
)
def test_page_numbers(line: str, page: bool) -> None:
    assert is_page_number(line) is page


def test_the_space_before_mai_yamok_stays() -> None:
    assert repair("งานอื่น ๆ ที่ได้รับมอบหมาย") == "งานอื่น ๆ ที่ได้รับมอบหมาย"
