"""A manual shaped otherwise than the seeds (tests/fixtures/varied), read back from the built site and the PDFs.

Its office rewords fixed headings, its supervisor's work-standard topic holds two sub-tables (one with five columns
and the editor's own row labels, one numbered by the system), a cell holds two paragraphs and then a list, free
sections follow named parts, and an appendix is a picture. Each must land in its place, with its number.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import Tag
from PIL import Image
from pypdf import PdfReader

from markup import page as read
from poppler import pdf_text, picture

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

PERSON = "people/wilai"
PROCESS = "processes/reading-clinic"


def article(site: Path, page: str) -> Tag:
    soup = read(site / page)
    found = soup.select_one("article")
    assert found is not None
    return found


def text(element: Tag) -> str:
    return element.get_text(" ", strip=True).removesuffix("¶").strip()


def headings(element: Tag) -> list[str]:
    return [text(h) for h in element.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def heading(element: Tag, title: str) -> Tag:
    found = next((h for h in element.find_all(["h2", "h3", "h4", "h5"]) if text(h) == title), None)
    assert found is not None, title
    return found


def table_after(element: Tag, title: str) -> list[list[str]]:
    """The rows (header first) of the first table after the heading `title`."""
    table = heading(element, title).find_next("table")
    assert table is not None
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in `haystack` after the one before them (empty when all are there, in order)."""
    missing, start = [], 0
    for needle in needles:
        at = haystack.find(squeeze(needle), start)
        if at < 0:
            missing.append(needle)
        else:
            start = at + len(squeeze(needle))
    return missing


@pytest.fixture(scope="module")
def site(built_sites: dict[str, Path]) -> Path:
    return built_sites["varied"]


# The site


def test_person_page_keeps_the_parts_in_the_manual_order(site: Path) -> None:
    assert headings(article(site, PERSON)) == [
        "นางสาววิไล สอนดี",
        "งานในหน้าที่รับผิดชอบ",  # reworded in labels:
        "๑. งานนิเทศการจัดการเรียนรู้",
        "ปฏิทินการนิเทศภาษาไทย",  # the duty's table
        "การนิเทศแบบออนไลน์",  # the duty's sub-section
        "บทบาทเพิ่มเติมในเครือข่ายภาษาไทย",  # free section, after: duties
        "การรายงานผลต่อเครือข่าย",
        "มาตรฐานการปฏิบัติงานของศึกษานิเทศก์",
        "๑. การวางแผนการนิเทศ",
        "๒. การนิเทศ ติดตาม และประเมินผล",  # two sub-tables under one number: no topic ๓
        "การนิเทศในชั้นเรียน",
        "การประเมินผลการนิเทศ",
        "กระบวนงานที่รับผิดชอบ",
        "ข้อเสนอแนะในการใช้มาตรฐาน",  # free section at the end
        "ภาคผนวก",
    ]


def test_subtitles_stand_under_their_headings(site: Path) -> None:
    page = article(site, PERSON)
    for title, subtitle in [
        ("๑. งานนิเทศการจัดการเรียนรู้", "กลุ่มสาระการเรียนรู้ภาษาไทย"),
        ("บทบาทเพิ่มเติมในเครือข่ายภาษาไทย", "ตามคำสั่งเครือข่ายพัฒนาการเรียนรู้"),
        ("๒. การนิเทศ ติดตาม และประเมินผล", "ตามมาตรฐานตำแหน่งศึกษานิเทศก์"),
        ("การนิเทศในชั้นเรียน", "ภาคเรียนที่ ๑"),
        ("การนิเทศแบบออนไลน์", "สำหรับโรงเรียนขนาดเล็ก"),
    ]:
        below = heading(page, title).find_next_sibling()
        assert below is not None and below.get("class") == ["subtitle"], title
        assert text(below) == subtitle


def test_tables_keep_their_columns_row_labels_and_numbers(site: Path) -> None:
    page = article(site, PERSON)
    labelled = table_after(page, "การนิเทศในชั้นเรียน")
    assert labelled[0] == ["ที่", "กิจกรรม/วิธีปฏิบัติ", "มาตรฐาน/หลักฐาน", "ระยะเวลา", "ผู้รับผิดชอบ"]
    assert [row[0] for row in labelled[1:]] == ["๒.๓", "ก"]  # the editor's labels, not the row order
    assert all(len(row) == 5 for row in labelled)
    numbered = table_after(page, "การประเมินผลการนิเทศ")
    assert numbered[0] == ["ข้อ", "ขั้นตอน", "หลักฐาน"]  # labels.number_column reworded
    assert [row[0] for row in numbered[1:]] == ["๑", "๒"]


def test_a_cell_holds_paragraphs_then_a_list_in_the_order_written(site: Path) -> None:
    table = heading(article(site, PERSON), "การนิเทศในชั้นเรียน").find_next("table")
    assert table is not None
    cell = table.find("tbody").find("tr").find_all("td")[1]
    parts = [(child.name, text(child)) for child in cell.find_all(["p", "ol"], recursive=False)]
    assert parts == [
        ("p", "สังเกตการสอนตามแผนการนิเทศ"),
        ("p", "ประชุมสะท้อนผลกับครูหลังการสังเกต"),
        ("ol", "๑. บันทึกการสังเกต ๒. ให้ข้อเสนอแนะ"),
    ]


def test_reworded_labels_and_the_book_title_reach_the_person_page(site: Path) -> None:
    page = article(site, PERSON)
    assert "ศึกษานิเทศก์ ระดับชำนาญการพิเศษ" in text(page)  # labels.position_with_rank
    link = page.select_one("p.pdf-link a")
    assert link is not None
    assert text(link) == "ดาวน์โหลดมาตรฐานการปฏิบัติงานของนางสาววิไล สอนดี (PDF)"  # the person's cover_title


def test_appendices_link_their_files_and_show_their_pictures(site: Path) -> None:
    person = article(site, PERSON)
    image = person.select_one("figure.appendix img")
    assert image is not None and image["alt"] == "คำสั่งมอบหมายงาน ที่ ๑๘๕/๒๕๖๗"
    assert (site / PERSON / str(image["src"])).resolve().is_file()
    listed = article(site, "appendices").select_one("p.appendix a")
    assert listed is not None and text(listed) == "แผนการนิเทศประจำปี"
    assert (site / "appendices" / str(listed["href"])).resolve().read_bytes().startswith(b"%PDF")


def test_process_page_has_its_free_section_and_tables(site: Path) -> None:
    page = article(site, PROCESS)
    titles = headings(page)
    steps = titles.index("๕. วิธีการและขั้นตอนการปฏิบัติงาน")  # labels.part_steps reworded
    assert titles[steps + 1] == "แบบคัดกรองการอ่าน"  # after: steps
    assert titles[steps + 2].startswith("๖.")
    assert table_after(page, "มาตรฐานงานและตัวชี้วัด") == [["ตัวชี้วัด", "ค่าเป้าหมาย"], ["นักเรียนที่อ่านคล่องขึ้น", "ร้อยละ ๘๐"]]
    assert table_after(page, "ความเสี่ยงและจุดควบคุม")[0] == ["ความเสี่ยง", "จุดควบคุม", "ผู้ติดตาม"]


def test_group_schedule_and_free_section(site: Path) -> None:
    home = headings(article(site, ""))
    assert home[home.index("ขอบข่ายภารกิจ") + 1] == "หลักการนิเทศแบบกัลยาณมิตร"  # after: scope
    schedule = table_after(article(site, "workgroups"), "ปฏิทินการนิเทศภาคเรียนที่ ๑")
    assert schedule == [
        ["ข้อ", "ช่วงเวลา", "กิจกรรม"],
        ["๑", "พฤษภาคม", "ประชุมชี้แจงแนวทางการนิเทศ"],
        ["๒", "มิถุนายน – สิงหาคม", "นิเทศ ติดตาม ตามกลุ่มโรงเรียน"],
    ]


# The PDFs


def test_personal_book_prints_each_part_in_order_with_its_number(site: Path) -> None:
    path = site / "pdf" / f"{PERSON}.pdf"
    cover = squeeze(pdf_text(path, 1, 1))
    assert in_order(cover, ["มาตรฐานการปฏิบัติงาน", "นางสาววิไล สอนดี", "ศึกษานิเทศก์ ระดับชำนาญการพิเศษ"]) == []
    body = squeeze(pdf_text(path))
    assert (
        in_order(
            body,
            [
                "งานในหน้าที่รับผิดชอบ",
                "๑.งานนิเทศการจัดการเรียนรู้",
                "กลุ่มสาระการเรียนรู้ภาษาไทย",
                "บทบาทเพิ่มเติมในเครือข่ายภาษาไทย",
                "มาตรฐานการปฏิบัติงานของศึกษานิเทศก์",
                "๑.การวางแผนการนิเทศ",
                "๒.การนิเทศ ติดตาม และประเมินผล",
                "ตามมาตรฐานตำแหน่งศึกษานิเทศก์",
                "การนิเทศในชั้นเรียน",
                "ภาคเรียนที่ ๑",
                "๒.๓",
                "สังเกตการสอนตามแผนการนิเทศ",  # a cell's two paragraphs, then its list
                "ประชุมสะท้อนผลกับครูหลังการสังเกต",
                "๑.บันทึกการสังเกต",
                "การประเมินผลการนิเทศ",
                "ข้อ",
                "ขั้นตอน",
                "วิเคราะห์ผลการนิเทศ",
                "กระบวนงานที่รับผิดชอบ",
                "ข้อเสนอแนะในการใช้มาตรฐาน",
                "งานคลินิกการอ่านภาษาไทย",
                "๕.วิธีการและขั้นตอนการปฏิบัติงาน",
                "แบบคัดกรองการอ่าน",
                "๖.",
                "ภาคผนวก",
                "ภาคผนวก ๑. คำสั่งมอบหมายงาน ที่ ๑๘๕/๒๕๖๗",
                "ภาคผนวก ๒. ภาพกิจกรรมคลินิกการอ่าน",
            ],
        )
        == []
    )
    assert "๓.การนิเทศ" not in body  # the sub-tables did not become topics of their own


def test_free_sections_are_in_the_contents_and_the_outline(site: Path) -> None:
    path = site / "pdf" / f"{PERSON}.pdf"
    reader = PdfReader(path)
    titles: list[str] = []

    def walk(nodes: list[object]) -> None:
        for node in nodes:
            walk(node) if isinstance(node, list) else titles.append(node.title)  # type: ignore[attr-defined]

    walk(reader.outline)
    for title in ["บทบาทเพิ่มเติมในเครือข่ายภาษาไทย", "ข้อเสนอแนะในการใช้มาตรฐาน", "แบบคัดกรองการอ่าน", "ภาคผนวก"]:
        assert title in titles
    contents_page = next(i for i, page in enumerate(reader.pages, 1) if "สารบัญ" in (page.extract_text() or ""))
    contents = squeeze(pdf_text(path, contents_page, contents_page))
    assert re.search(r"บทบาทเพิ่มเติมในเครือข่ายภาษาไทย[๐-๙]+", contents)
    assert re.search(r"ภาคผนวก[๐-๙]+", contents)


def test_appendix_pictures_fill_their_own_pages(site: Path, tmp_path: Path) -> None:
    path = site / "pdf" / f"{PERSON}.pdf"
    pages = len(PdfReader(path).pages)
    for page, caption in [(pages - 1, "ภาคผนวก ๑."), (pages, "ภาคผนวก ๒.")]:
        assert squeeze(caption) in squeeze(pdf_text(path, page, page))
        png = picture(path, page, tmp_path / "p", dpi=30, gray=True)
        image = Image.open(png).point(lambda value: 255 if value > 200 else 0)
        box = Image.eval(image, lambda value: 255 - value).getbbox()
        assert box is not None
        assert (box[3] - box[1]) / image.height > 0.6  # the picture spans most of the page's height
        png.unlink()


def test_whole_manual_gathers_every_appendix_in_book_order(site: Path) -> None:
    body = squeeze(pdf_text(site / "pdf" / "manual.pdf"))
    assert (
        in_order(
            body,
            [
                "ขอบข่ายภารกิจ",
                "ปฏิทินการนิเทศภาคเรียนที่ ๑",
                "๑พฤษภาคม",
                "หลักการนิเทศแบบกัลยาณมิตร",
                "ใช้กับการนิเทศทุกกลุ่มโรงเรียน",
                "ภาคผนวก ๑. แผนการนิเทศประจำปี",  # the manual's own, a PDF listed by its title
                "ภาคผนวก ๒. ภาพกิจกรรมคลินิกการอ่าน",  # the process's
                "ภาคผนวก ๓. คำสั่งมอบหมายงาน ที่ ๑๘๕/๒๕๖๗",  # the person's
            ],
        )
        == []
    )


def test_the_guide_lists_every_label_with_this_manuals_wording(site: Path) -> None:
    """The guide's table of labels is made from the model: every key, its default, and the rewording in use."""
    from opmanual.data.labels import Labels

    table = next(
        t for t in article(site, "guide").find_all("table") if (th := t.find("th")) and "labels:" in th.get_text()
    )
    rows = {text(row.find("td")): [text(cell) for cell in row.find_all("td")] for row in table.find_all("tr")[1:]}
    assert set(rows) == set(Labels.model_fields)
    assert rows["duties"][3:] == ["งานในหน้าที่ที่รับผิดชอบ", "งานในหน้าที่รับผิดชอบ"]  # default, this manual's
    assert rows["position_with_rank"][2] == "{position} {rank}"
    assert rows["home"][4] == ""  # not reworded here


NEW_PAGE = [  # the headings wilai.yml marks `new_page: true`: a duty, its sub-section, a free section, a topic
    "๑. งานนิเทศการจัดการเรียนรู้",
    "การนิเทศแบบออนไลน์",
    "บทบาทเพิ่มเติมในเครือข่ายภาษาไทย",
    "๒. การนิเทศ ติดตาม และประเมินผล",
]


def test_a_heading_marked_new_page_starts_a_page_in_print_only(site: Path) -> None:
    path = site / "pdf" / f"{PERSON}.pdf"
    pages = [squeeze(pdf_text(path, number, number)) for number in range(1, len(PdfReader(path).pages) + 1)]
    # the body: after the contents page (the front matter lists the headings, and its record may name them too)
    pages = pages[next(n for n, p in enumerate(pages) if "สารบัญ" in p) + 1 :]
    running = squeeze("มาตรฐานการปฏิบัติงาน นางสาววิไล สอนดี")
    for title in NEW_PAGE:
        page = next(p for p in pages if squeeze(title) in p)
        top = page.removeprefix(running)
        assert top.startswith(squeeze(title)), (title, top[:60])
    # Unmarked headings run on: the first topic shares its page with what stands before it.
    page = next(p for p in pages if squeeze("๑. การวางแผนการนิเทศ") in p)
    assert not page.removeprefix(running).startswith(squeeze("๑. การวางแผนการนิเทศ"))
    # The website is one long page: the class is there, but nothing on screen breaks on it.
    person = article(site, PERSON)
    marked = [text(h) for h in person.select(".new-page")]
    assert marked == NEW_PAGE
    assert ".new-page" not in (site / "assets/stylesheets/manual.css").read_text(encoding="utf-8")
