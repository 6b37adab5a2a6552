"""A manual's บรรณานุกรม on import: each entry read into the fields of a `Source` (the seeds' shapes and others: English
entries, web entries, a law with no author, ม.ป.ป., `_____` for the author above), written as far as the book prints
it back as the source wrote it, and the entries of an import become references.yml's sources that the people cite
by id."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from importing import HAND_MADE, load_folder, run, seed_file
from opmanual.data.labels import Labels
from opmanual.data.model import Source
from opmanual.importer.readers import read as read_source
from opmanual.importer.readers.text import parse as read_text
from opmanual.importer.recognise import bibliography, person, process, recognise
from opmanual.render import citation
from opmanual.render.render import Renderer

# --- one entry, read --------------------------------------------------------------------------------------------

READINGS = [
    (  # Thai APA, as our own books print it
        "กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑. กรุงเทพฯ: โรงพิมพ์คุรุสภา ลาดพร้าว.",
        {
            "author": "กระทรวงศึกษาธิการ",
            "year": "๒๕๕๑",
            "title": "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑",
            "place": "กรุงเทพฯ",
            "publisher": "โรงพิมพ์คุรุสภา ลาดพร้าว",
        },
    ),
    (  # a law with no author: its title first, a day with the year, the gazette
        "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒. (๒๕๔๒, ๑๕ สิงหาคม), ราชกิจจานุเบกษาเล่ม ๑๓๖ ตอนที่ ๕ ก.",
        {
            "year": "๒๕๔๒, ๑๕ สิงหาคม",
            "title": "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒",
            "detail": "ราชกิจจานุเบกษาเล่ม ๑๓๖ ตอนที่ ๕ ก.",
        },
    ),
    (  # a law with no author and no year
        "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒ และที่แก้ไขเพิ่มเติม. ราชกิจจานุเบกษา เล่ม ๑๑๖ ตอนที่ ๗๔ ก.",
        {
            "title": "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒ และที่แก้ไขเพิ่มเติม",
            "detail": "ราชกิจจานุเบกษา เล่ม ๑๑๖ ตอนที่ ๗๔ ก.",
        },
    ),
    (  # ชื่อ. (ปี), ชื่อเรื่อง, เอกสารสำเนา
        "สำนักงานเขตพื้นที่การศึกษา เขต ๑. (๒๕๒๓), แผนพัฒนาการศึกษาขั้นพื้นฐาน (พ.ศ. ๒๕๖๓ – ๒๕๖๔), เอกสารสำเนา",
        {
            "author": "สำนักงานเขตพื้นที่การศึกษา เขต ๑",
            "year": "๒๕๒๓",
            "title": "แผนพัฒนาการศึกษาขั้นพื้นฐาน (พ.ศ. ๒๕๖๓ – ๒๕๖๔)",
            "detail": "เอกสารสำเนา",
        },
    ),
    (  # no period after the author nor after the year
        "เสถียร คามีศักดิ์ (๒๕๕๓) การเขียนคู่มือปฏิบัติงาน ฉบับปรับปรุง พ.ศ. ๒๕๕๓. เอกสารอัดสำเนา",
        {
            "author": "เสถียร คามีศักดิ์",
            "year": "๒๕๕๓",
            "title": "การเขียนคู่มือปฏิบัติงาน ฉบับปรับปรุง พ.ศ. ๒๕๕๓",
            "detail": "เอกสารอัดสำเนา",
        },
    ),
    (  # the older style: the year last; a word wrapped without its space after the author's period
        "กระทรวงศึกษาธิการ.หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑. กรุงเทพฯ : โรงพิมพ์คุรุสภา ลาดพร้าว, ๒๕๕๑.",
        {
            "author": "กระทรวงศึกษาธิการ",
            "year": "๒๕๕๑",
            "title": "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑",
            "place": "กรุงเทพฯ",
            "publisher": "โรงพิมพ์คุรุสภา ลาดพร้าว",
        },
    ),
    (  # no year (ม.ป.ป.) at the end, a detail before the place
        "ชยันต์ วรรณะภุติ. ทิศทางพัฒนาเครือข่ายการเรียนรู้. แนวทางการวิจัยด้านเครือข่ายการเรียนรู้ (เอกสารวิชาการ) "
        "เชียงใหม่ : สถาบันวิจัยสังคม มหาวิทยาลัยเชียงใหม่. (ม.ป.ป.)",
        {
            "author": "ชยันต์ วรรณะภุติ",
            "year": "ม.ป.ป.",
            "title": "ทิศทางพัฒนาเครือข่ายการเรียนรู้",
            "place": "เชียงใหม่",
            "publisher": "สถาบันวิจัยสังคม มหาวิทยาลัยเชียงใหม่",
            "detail": "แนวทางการวิจัยด้านเครือข่ายการเรียนรู้ (เอกสารวิชาการ)",
        },
    ),
    (  # ม.ป.ป. in APA's place
        "ชยันต์ วรรณภูติ. (ม.ป.ป.). ทิศทางพัฒนาเครือข่ายการเรียนรู้. เชียงใหม่: สถาบันวิจัยสังคม.",
        {
            "author": "ชยันต์ วรรณภูติ",
            "year": "ม.ป.ป.",
            "title": "ทิศทางพัฒนาเครือข่ายการเรียนรู้",
            "place": "เชียงใหม่",
            "publisher": "สถาบันวิจัยสังคม",
        },
    ),
    (  # a web page: the date it was read and its address
        "สำนักหอสมุด มหาวิทยาลัยเชียงใหม่. (๒๕๖๔). โครงสร้างของคู่มือการปฏิบัติงาน. ค้นเมื่อ ๑๓ พฤษภาคม ๒๕๖๔, "
        "จาก http://library.cmu.ac.th/km/manual.pdf",
        {
            "author": "สำนักหอสมุด มหาวิทยาลัยเชียงใหม่",
            "year": "๒๕๖๔",
            "title": "โครงสร้างของคู่มือการปฏิบัติงาน",
            "accessed": "๑๓ พฤษภาคม ๒๕๖๔",
            "url": "http://library.cmu.ac.th/km/manual.pdf",
        },
    ),
    (  # สืบค้นเมื่อ
        "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๖๔). แนวทางการนิเทศ. สืบค้นเมื่อ ๑ มกราคม ๒๕๖๕, จาก "
        "https://www.obec.go.th/archives/1",
        {
            "author": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
            "year": "๒๕๖๔",
            "title": "แนวทางการนิเทศ",
            "accessed": "๑ มกราคม ๒๕๖๕",
            "url": "https://www.obec.go.th/archives/1",
        },
    ),
    (  # English, two authors with initials, an edition
        "Smith, J. A., & Lee, K. (2020). Teaching supervision in schools (2nd ed.). New York, NY: Routledge.",
        {
            "author": "Smith, J. A., & Lee, K",
            "year": "2020",
            "title": "Teaching supervision in schools (2nd ed.)",
            "place": "New York, NY",
            "publisher": "Routledge",
        },
    ),
    (  # English web entry
        "Brown, L. (2019). Coaching teachers. Retrieved May 3, 2021, from https://example.org/coaching",
        {
            "author": "Brown, L",
            "year": "2019",
            "title": "Coaching teachers",
            "accessed": "May 3, 2021",
            "url": "https://example.org/coaching",
        },
    ),
    (  # English, no date
        "Tomlinson, C. A. (n.d.). Differentiated instruction. Retrieved from http://www.ascd.org/di",
        {
            "author": "Tomlinson, C. A",
            "year": "n.d.",
            "title": "Differentiated instruction",
            "url": "http://www.ascd.org/di",
        },
    ),
    (  # a title with its abbreviation in the author (ดร.)
        "ดร.สมชาย ใจดี. (๒๕๖๐). การนิเทศแบบกัลยาณมิตร. ขอนแก่น: คลังนานาวิทยา.",
        {
            "author": "ดร.สมชาย ใจดี",
            "year": "๒๕๖๐",
            "title": "การนิเทศแบบกัลยาณมิตร",
            "place": "ขอนแก่น",
            "publisher": "คลังนานาวิทยา",
        },
    ),
    (  # a thesis
        "สมศักดิ์ ดีมาก. (๒๕๖๒). การวิจัยในชั้นเรียน. วิทยานิพนธ์ปริญญามหาบัณฑิต, มหาวิทยาลัยขอนแก่น.",
        {
            "author": "สมศักดิ์ ดีมาก",
            "year": "๒๕๖๒",
            "title": "การวิจัยในชั้นเรียน",
            "detail": "วิทยานิพนธ์ปริญญามหาบัณฑิต, มหาวิทยาลัยขอนแก่น.",
        },
    ),
    ("คู่มือการนิเทศภายใน", {"title": "คู่มือการนิเทศภายใน"}),  # nothing to split
]


@pytest.mark.parametrize(("text", "fields"), READINGS)
def test_an_entry_is_read_into_the_fields_of_a_source(text: str, fields: dict[str, str]) -> None:
    assert bibliography.read(text).fields == fields


@pytest.mark.parametrize(("text", "fields"), READINGS)
def test_what_is_written_prints_back_as_the_source_wrote_it(text: str, fields: dict[str, str]) -> None:
    entry = bibliography.parse(text)
    assert bibliography.prints_back(entry.fields, text)
    Source.model_validate({"id": "x", **entry.fields})


def test_a_shape_the_book_prints_is_written_whole_and_sure() -> None:
    text = READINGS[0][0]
    entry = bibliography.parse(text)
    assert entry.fields == READINGS[0][1]
    assert entry.note is None
    assert bibliography.printed(entry.fields) == text.replace("กรุงเทพฯ:", "กรุงเทพฯ :")


def test_the_year_written_last_stays_as_written_and_the_reading_is_offered() -> None:
    text = "นิศา ชูโต. การประเมินโครงการ. กรุงเทพฯ : ธรรมศาสตร์การพิมพ์. ๒๕๒๗."
    entry = bibliography.parse(text)
    assert entry.fields == {
        "author": "นิศา ชูโต",
        "title": "การประเมินโครงการ",
        "detail": "กรุงเทพฯ : ธรรมศาสตร์การพิมพ์. ๒๕๒๗.",
    }
    assert entry.note is not None
    assert "ปีที่พิมพ์ (year): ๒๕๒๗" in entry.note
    assert "สำนักพิมพ์ (publisher): ธรรมศาสตร์การพิมพ์" in entry.note


def test_a_comma_after_the_year_keeps_the_entry_whole_in_its_title() -> None:
    text = READINGS[3][0]
    entry = bibliography.parse(text)
    assert entry.fields == {"title": text}
    assert entry.name == READINGS[3][1]["title"]  # the id is made from the title as read
    assert entry.note is not None and "ผู้แต่ง (author): สำนักงานเขตพื้นที่การศึกษา เขต ๑" in entry.note


def test_a_law_first_keeps_its_year_in_the_detail() -> None:
    entry = bibliography.parse(READINGS[1][0])
    assert entry.fields == {
        "title": "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒",
        "detail": "(๒๕๔๒, ๑๕ สิงหาคม), ราชกิจจานุเบกษาเล่ม ๑๓๖ ตอนที่ ๕ ก.",
    }


def test_a_date_of_access_in_the_books_words_is_split_and_in_other_words_kept() -> None:
    assert bibliography.parse(READINGS[8][0]).fields == READINGS[8][1]
    other = bibliography.parse(READINGS[9][0])
    assert other.fields["detail"] == "สืบค้นเมื่อ ๑ มกราคม ๒๕๖๕, จาก https://www.obec.go.th/archives/1"
    assert other.note is not None and "labels" in other.note


def test_an_entry_read_without_a_year_to_anchor_it_is_marked() -> None:
    assert bibliography.parse(READINGS[2][0]).note is not None
    assert bibliography.parse("คู่มือการนิเทศภายใน").note is not None


def test_the_same_author_mark_is_the_author_above() -> None:
    first, second, third = bibliography.sources(
        [
            "กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลาง. กรุงเทพฯ: คุรุสภา.",
            "_____ . (๒๕๕๓). กฎกระทรวงว่าด้วยการประกันคุณภาพการศึกษา. ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.",
            "_____ . ประกาศกระทรวงศึกษาธิการ เรื่อง การแบ่งส่วนราชการ. กรุงเทพฯ : ๒๕๕๓",
        ]
    )
    assert second.fields["author"] == third.author == "กระทรวงศึกษาธิการ"
    assert second.note is None
    # the books write the author out again (APA 7), and the mark read as that author prints back
    assert bibliography.printed(second.fields).startswith("กระทรวงศึกษาธิการ. (๒๕๕๓). กฎกระทรวง")
    assert bibliography.prints_back(
        second.fields,
        "_____ . (๒๕๕๓). กฎกระทรวงว่าด้วยการประกันคุณภาพการศึกษา. ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.",
        first.fields["author"],
    )
    # the same text after another author is another entry
    other = bibliography.sources(
        [
            "สำนักนายกรัฐมนตรี. (๒๕๕๑). แผน. กรุงเทพฯ: คุรุสภา.",
            "_____ . (๒๕๕๓). กฎกระทรวงว่าด้วยการประกันคุณภาพการศึกษา. ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.",
        ]
    )
    assert other[1].key != second.key


def test_the_same_entry_has_the_same_key_whatever_its_spaces() -> None:
    one = bibliography.parse("นิศา ชูโต. (๒๕๒๗). การประเมินโครงการ. กรุงเทพฯ: ธรรมศาสตร์การพิมพ์.")
    other = bibliography.parse("นิศา  ชูโต. (๒๕๒๗). การประเมิน โครงการ. กรุงเทพฯ : ธรรมศาสตร์การพิมพ์.")
    assert one.key == other.key


SOURCES = [
    {"title": "คู่มือ"},
    {"author": "Smith, J", "year": "2020", "title": "T & <b>", "place": "NY", "publisher": "P", "detail": "D."},
    {"author": "ก", "title": "ข", "publisher": "สำนักพิมพ์", "accessed": "๑ พฤษภาคม ๒๕๖๔", "url": "https://x.th/a b"},
    {"year": "ม.ป.ป.", "title": "ค", "place": "กรุงเทพฯ", "url": "https://x.th"},
]


@pytest.mark.parametrize("fields", SOURCES)
def test_printed_is_what_the_books_template_prints(fields: dict[str, str]) -> None:
    template = Renderer().env.from_string('{% import "_macros.md.j2" as x with context %}{{ x.source_entry(source) }}')
    labels = Labels()
    html = template.render(
        source=Source(id="x", **fields),
        label=labels,
        citation=lambda source: citation.pieces(source.model_dump(), labels),
    )
    shown = BeautifulSoup(html, "html.parser").get_text("")
    assert " ".join(shown.split()) == " ".join(bibliography.printed(fields).split())


# --- entries out of the reader's paragraphs ------------------------------------------------------------------------


def test_lines_a_pdf_wrapped_join_their_entry() -> None:
    assert bibliography.entries(
        [
            "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. แนวดำเนินการของคณะกรรมการ. กรุงเทพฯ : โรงพิมพ์ชุมนุมสหกรณ์",
            "การเกษตร",
            "แห่งประเทศไทย. ๒๕๕๑",
            "_____ . กฎกระทรวงว่าด้วยระบบการประกันคุณภาพการศึกษา พ.ศ. ๒๕๕๓.",
            "ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.",
            "สำนักหอสมุด. (๒๕๖๔). คู่มือ. ค้นเมื่อ ๑๓ พฤษภาคม ๒๕๖๔, จาก http://lib.cmu.ac.th/sites/",
            "default/files/manual.pdf",
            "_____ . ประกาศกระทรวงศึกษาธิการ เรื่อง การแบ่งส่วนราชการภายในสำนักงานเขต",
            "การศึกษาประถมศึกษาและมัธยมศึกษา พ.ศ. ๒๕๕๓. กรุงเทพฯ : ๒๕๕๓",
        ]
    ) == [
        "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. แนวดำเนินการของคณะกรรมการ. กรุงเทพฯ : โรงพิมพ์ชุมนุมสหกรณ์การเกษตร"
        "แห่งประเทศไทย. ๒๕๕๑",
        "_____ . กฎกระทรวงว่าด้วยระบบการประกันคุณภาพการศึกษา พ.ศ. ๒๕๕๓. ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.",
        "สำนักหอสมุด. (๒๕๖๔). คู่มือ. ค้นเมื่อ ๑๓ พฤษภาคม ๒๕๖๔, จาก http://lib.cmu.ac.th/sites/ default/files/manual.pdf",
        "_____ . ประกาศกระทรวงศึกษาธิการ เรื่อง การแบ่งส่วนราชการภายในสำนักงานเขตการศึกษาประถมศึกษาและมัธยมศึกษา พ.ศ. "
        "๒๕๕๓. กรุงเทพฯ : ๒๕๕๓",
    ]


def test_entries_a_reader_ran_together_are_parted() -> None:
    assert bibliography.entries(
        [
            "ธงชัย สันติวงษ์. องค์การและการจัดการ. กรุงเทพฯ : ไทยวัฒนาพานิช. ๒๕๔๐. สงัด อุทรานันท์. การสังเคราะห์งานวิจัย. "
            "กรุงเทพฯ : โรงพิมพ์ทำปกเจริญ. ๒๕๓๓",
            "สำนักนายกรัฐมนตรี. พระราชบัญญัติการศึกษาแห่งชาติ ฉบับที่ ๒. กรุงเทพฯ : ๒๕๔๕ _____ . ประกาศกระทรวงศึกษาธิการ.",
            "สพม.๑. (๒๕๖๓), แนวทางการนิเทศ. เอกสารอัดสำเนาสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๕๓). คู่มือการปฏิบัติงาน",
        ]
    ) == [
        "ธงชัย สันติวงษ์. องค์การและการจัดการ. กรุงเทพฯ : ไทยวัฒนาพานิช. ๒๕๔๐.",
        "สงัด อุทรานันท์. การสังเคราะห์งานวิจัย. กรุงเทพฯ : โรงพิมพ์ทำปกเจริญ. ๒๕๓๓",
        "สำนักนายกรัฐมนตรี. พระราชบัญญัติการศึกษาแห่งชาติ ฉบับที่ ๒. กรุงเทพฯ : ๒๕๔๕",
        "_____ . ประกาศกระทรวงศึกษาธิการ.",
        "สพม.๑. (๒๕๖๓), แนวทางการนิเทศ. เอกสารอัดสำเนา",
        "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๕๓). คู่มือการปฏิบัติงาน",
    ]


def test_a_mark_alone_on_its_line_is_no_entry() -> None:
    assert bibliography.entries(["•", "ก ข. (๒๕๖๐). ค.", ".", "ง จ. (๒๕๖๑). ฉ."]) == [
        "ก ข. (๒๕๖๐). ค.",
        "ง จ. (๒๕๖๑). ฉ.",
    ]


def test_a_law_of_a_year_is_not_parted_at_its_year() -> None:
    text = "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒. (๒๕๔๒, ๑๕ สิงหาคม). ราชกิจจานุเบกษา เล่ม ๑๑๖ ตอนที่ ๗๔ ก."
    assert bibliography.entries([text]) == [text]


# --- the seeds --------------------------------------------------------------------------------------------------


def _seed_entries(key: str) -> list[str]:
    """The entries the person recogniser hands on from a seed read by the text reader."""
    blocks = read_source(seed_file(key)).blocks
    taken = [False] * len(blocks)
    for start, end in process.spans(blocks):
        taken[start:end] = [True] * (end - start)
    rest = [block for index, block in enumerate(blocks) if not taken[index]]
    parts = [person.recognise(rest[start:end]) for start, end in person.spans(rest)]
    return [entry for part in parts for entry in part.data.get("bibliography", [])]


@pytest.mark.parametrize("key", ["002", "004"])
def test_a_seeds_entries_are_the_hand_made_ones_and_print_back(key: str) -> None:
    texts = _seed_entries(key)
    hand = yaml.safe_load((HAND_MADE[key] / "references.yml").read_text(encoding="utf-8"))["bibliography"]
    assert len(texts) == len(hand)
    previous = None
    for text, entry in zip(texts, bibliography.sources(texts), strict=True):
        assert bibliography.prints_back(entry.fields, text, previous), text
        previous = entry.fields.get("author")


def test_seed_004s_readings_are_the_transcriptions() -> None:
    """The older style (the year last) is read as the transcription split it, though written as the seed wrote it
    (where the transcription mended the seed's spelling, its words are not the seed's to compare)."""
    hand = yaml.safe_load((HAND_MADE["004"] / "references.yml").read_text(encoding="utf-8"))["bibliography"]
    compared, previous = 0, None
    for text, made in zip(_seed_entries("004"), hand, strict=True):
        reading = bibliography.read(text, previous)
        previous = reading.fields.get("author")
        for field in ("author", "year", "title", "place", "publisher"):
            if made.get(field) and "".join(made[field].split()) in "".join(text.split()):
                assert "".join(reading.fields.get(field, "").split()) == "".join(made[field].split()), (text, field)
                compared += 1
    assert compared >= 40


# --- an import ----------------------------------------------------------------------------------------------------

BOOK = """สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต ๑

นางสาววิไล สอนดี
ศึกษานิเทศก์ชำนาญการพิเศษ
คู่มือปฏิบัติงาน

คำนำ

คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางในการปฏิบัติงานของศึกษานิเทศก์ในกลุ่มโรงเรียน

แนวคิด

กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษาเป็นกลุ่มงานที่ดำเนินการเกี่ยวกับการนิเทศการศึกษา

บรรณานุกรม

กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑. กรุงเทพฯ: โรงพิมพ์ชุมนุมสหกรณ์
การเกษตรแห่งประเทศไทย.

_____ . (๒๕๕๓). กฎกระทรวงว่าด้วยระบบ หลักเกณฑ์และวิธีการประกันคุณภาพการศึกษา พ.ศ. ๒๕๕๓.

ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.

นิศา ชูโต. การประเมินโครงการ. กรุงเทพฯ : ธรรมศาสตร์การพิมพ์. ๒๕๒๗.

สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๖๔). แนวทางการนิเทศ. ค้นเมื่อ ๑ มกราคม ๒๕๖๕, จาก
https://www.obec.go.th/archives/1
"""


@pytest.mark.slow
def test_an_imported_bibliography_is_sources_the_person_cites(tmp_path: Path) -> None:
    """A personal manual whose บรรณานุกรม stands at the back, after the group's part: its entries become
    references.yml's sources, the person cites them by id in order, and the one not read surely is marked."""
    source = tmp_path / "manual.txt"
    source.write_text(BOOK, encoding="utf-8")
    result = run("import", source, "--into", tmp_path / "data")
    assert result.returncode == 0, result.stderr + result.stdout
    manual = load_folder(tmp_path / "data")
    (wilai,) = manual.people.values()
    assert wilai.bibliography == list(manual.sources)
    first, second, third, fourth = manual.sources.values()
    assert (first.author, first.year, first.place) == ("กระทรวงศึกษาธิการ", "๒๕๕๑", "กรุงเทพฯ")
    assert first.publisher == "โรงพิมพ์ชุมนุมสหกรณ์การเกษตรแห่งประเทศไทย"
    assert (second.author, second.detail) == ("กระทรวงศึกษาธิการ", "ราชกิจจานุเบกษา เล่ม ๑๒๗ ตอนที่ ๒๓ ก.")
    assert (third.title, third.detail) == ("การประเมินโครงการ", "กรุงเทพฯ : ธรรมศาสตร์การพิมพ์. ๒๕๒๗.")
    assert (fourth.accessed, fourth.url) == ("๑ มกราคม ๒๕๖๕", "https://www.obec.go.th/archives/1")
    written = (tmp_path / "data" / "references.yml").read_text(encoding="utf-8")
    assert written.count("# ตรวจสอบ:") == 1
    lines = written.splitlines()
    comment = next(index for index, line in enumerate(lines) if "# ตรวจสอบ:" in line)
    below = next(index for index in range(comment, len(lines)) if not lines[index].lstrip().startswith("#"))
    assert f"references.yml:{below + 1}" in result.stdout  # the report names the guessed entry's line
    assert not any(section.title == "บรรณานุกรม" for section in wilai.sections)


def _book(name: str, entries: list[str]) -> str:
    return "\n\n".join(
        [
            f"นางสาว{name}",
            "ศึกษานิเทศก์ชำนาญการพิเศษ",
            "คู่มือปฏิบัติงาน",
            "คำนำ",
            "คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทาง",
            "บรรณานุกรม",
            *entries,
        ]
    )


@pytest.mark.slow
def test_an_entry_two_people_cite_is_one_source() -> None:
    shared = "กระทรวงศึกษาธิการ. (๒๕๕๑). หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน. กรุงเทพฯ: โรงพิมพ์คุรุสภา."
    own = "นิศา ชูโต. (๒๕๒๗). การประเมินโครงการ. กรุงเทพฯ: ธรรมศาสตร์การพิมพ์."
    draft = recognise(
        [
            read_text(_book("วิไล สอนดี", [shared, own]), "a.txt"),
            read_text(_book("มานี มีนา", [own.replace(" ", "  "), shared]), "b.txt"),
        ]
    )
    sources = draft.references.data["bibliography"]
    assert [source["title"] for source in sources] == ["หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน", "การประเมินโครงการ"]
    ids = [source["id"] for source in sources]
    assert [part.data["bibliography"] for part in draft.people.values()] == [ids, ids[::-1]]
