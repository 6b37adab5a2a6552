"""The importer's readers on real files: the three seeds, Markdown, a .docx written with python-docx (Word's own
numbering, merged cells, header rows), a PDF made with WeasyPrint in Sarabun, and every kind of bad input."""

from __future__ import annotations

import base64
import io
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from libreoffice import to_pdf
from opmanual.data.dataset import load
from opmanual.importer import command
from opmanual.importer.blocks import Heading, ListItem, PageBreak, Paragraph, Source, SourceError, Table
from opmanual.importer.readers import read
from opmanual.importer.readers.pdf import MAX_PAGES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests/seeds"
FONTS = ROOT / "src/opmanual/theme/assets/fonts"


def kinds(source: Source) -> dict[str, int]:
    counts: dict[str, int] = {}
    for block in source.blocks:
        counts[type(block).__name__] = counts.get(type(block).__name__, 0) + 1
    return counts


def texts(source: Source) -> list[str]:
    return [block.text for block in source.blocks if isinstance(block, Heading | Paragraph | ListItem)]


# --- text --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "least", "most"),
    [("000", 120, 220), ("002", 350, 600), ("004", 110, 200)],
)
def test_the_seeds_read_into_a_sensible_number_of_blocks(key: str, least: int, most: int) -> None:
    (path,) = SEEDS.glob(f"{key}_*.txt")
    started = time.perf_counter()
    source = read(path)
    assert time.perf_counter() - started < 10
    assert least <= len(source.blocks) <= most, kinds(source)
    lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(source.blocks) < lines  # wrapped lines were joined
    assert kinds(source).get("ListItem", 0) >= 90


def test_seed_002_joins_a_paragraph_wrapped_with_blank_lines_between() -> None:
    (path,) = SEEDS.glob("002_*.txt")
    source = read(path)
    # Lines 76–84 of the seed: one paragraph of five lines with a blank line after each.
    (found,) = [block for block in source.blocks if block.where.paragraph == 76]
    assert isinstance(found, Paragraph)
    assert found.text.startswith("กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา สำนักงานเขตพื้นที่")
    assert found.text.endswith("เกิดการเรียนรู้ตามวัตถุประสงค์และเป้าหมายของการศึกษา")
    assert "\n" not in found.text
    # The running header with its page number ("…เขต 1 2") is gone, and its Thai repaired where it stood.
    assert not any("คู่มือการปฏิบัติงานศึกษานิเทศก์ สำนักงานเขตพื้นที่" in text for text in texts(source))
    assert "ตัดหัวกระดาษหรือท้ายกระดาษ 8 บรรทัด" in source.notes
    # Typed numbering became list items with levels.
    items = {block.where.paragraph: block for block in source.blocks if isinstance(block, ListItem)}
    assert (items[106].label, items[106].text, items[106].level) == ("3.", "ขอบข่ายภารกิจ", 0)
    assert (items[108].label, items[108].level) == ("3.๑.", 1)
    assert (items[178].label, items[178].level) == ("4.2.๑.", 2)
    assert items[116].label == "๑" and items[116].text == "งานส่งเสริมการวัดและประเมินผลการศึกษา"


def test_seed_004_drops_its_table_of_contents_and_seed_000_keeps_its_table() -> None:
    (korat,) = SEEDS.glob("004_*.txt")
    source = read(korat)
    assert any("ตัดสารบัญ" in note for note in source.notes)
    assert not any(text.startswith("— งาน") for text in texts(source))
    assert texts(source).count("ขอบข่ายภารกิจ") == 1
    (chiangmai,) = SEEDS.glob("000_*.txt")
    (table,) = [block for block in read(chiangmai).blocks if isinstance(block, Table)]
    assert table.header_rows == 1
    assert [cell.text for cell in table.rows[0]] == ["ที่", "วิธีการขั้นตอนการปฏิบัติงาน", "ระยะเวลาการปฏิบัติงาน"]
    assert len(table.rows) == 10


def test_text_with_form_feeds_bullets_under_numbers_and_thai_windows_encoding(tmp_path: Path) -> None:
    path = tmp_path / "manual.txt"
    text = "วัตถุประสงค์\n\n๑. ศึกษา\n- ย่อย\n- อีกข้อ\n(๑) ลึกลงไป\n๒. จัดทำ\n\f๑๒\n\nหน้าใหม่"
    path.write_bytes(text.encode("cp874"))
    source = read(path)
    shape = [(type(b).__name__, getattr(b, "level", None), getattr(b, "label", None)) for b in source.blocks]
    assert shape == [
        ("Paragraph", None, None),
        ("ListItem", 0, "๑."),
        ("ListItem", 1, "-"),
        ("ListItem", 1, "-"),
        ("ListItem", 2, "(๑)"),
        ("ListItem", 0, "๒."),
        ("PageBreak", None, None),
        ("Paragraph", None, None),
    ]
    assert [block.numbered for block in source.blocks if isinstance(block, ListItem)] == [
        True,
        False,
        False,
        True,
        True,
    ]
    assert source.blocks[-1].where.page == 2 and source.blocks[-1].where.paragraph == 10
    assert "ตัดเลขหน้า 1 บรรทัด" in source.notes


def test_a_number_that_carries_on_a_wrapped_sentence_is_no_list_label() -> None:
    """A PDF's text wraps a sentence wherever the line is full, numbers included (seed 002: "…กลุ่มโรงเรียนที่" /
    "๒ มีจำนวน ๑๔ โรงเรียน"). A number after a full line goes on with the sentence when the word before asks for
    a number, when it is not the next of a list numbered that way, or when it is the next of an enumeration the
    paragraph is in the middle of; the next number of a list stays a new item, full line before it or not."""
    from opmanual.importer.readers.text import parse

    text = (
        "สำนักงานเขตพื้นที่การศึกษาทดสอบ เขต ๑ ประกอบด้วย ๓ กลุ่ม โดยกลุ่มโรงเรียนที่ ๑ มีจำนวน ๑๐ โรงเรียน กลุ่มโรงเรียนที่\n"
        "๒ มีจำนวน ๑๔ โรงเรียน และจัดแบ่งกลุ่มสาระการเรียนรู้เป็น ๘ กลุ่ม ได้แก่ ๑) ภาษาไทย ๒) คณิตศาสตร์ ๓) วิทยาศาสตร์\n"
        "๔) สังคมศึกษา ศาสนาและวัฒนธรรม ๕) สุขศึกษาและพลศึกษา ๖) ศิลปะ ๗) การงานอาชีพ และ ๘) ภาษาต่างประเทศ ทุกโรงเรียน\n"
        "จัดทำแผนพัฒนาคุณภาพการศึกษาปีละ ๑ ฉบับ และส่งรายงานผลการดำเนินงานให้สำนักงานเขตพื้นที่การศึกษา จำนวน\n"
        "๑ ชุด\n"
        "\n"
        "งานในกลุ่มงานวัดและประเมินผลการศึกษา\n"
        "๑ งานส่งเสริมการวัดและประเมินผลการศึกษาของสถานศึกษาในสังกัดสำนักงานเขตพื้นที่การศึกษาทดสอบ\n"
        "๒ งานทดสอบทางการศึกษา\n"
        "\n"
        "กลุ่มสาระการเรียนรู้ที่รับผิดชอบ\n"
        "๑) ภาษาไทย\n"
        "๒) คณิตศาสตร์\n"
    )
    source = parse(text, "manual.txt")
    shape = [(type(block).__name__, getattr(block, "label", None)) for block in source.blocks]
    assert shape == [
        ("Paragraph", None),
        ("Paragraph", None),
        ("ListItem", "๑"),
        ("ListItem", "๒"),
        ("Paragraph", None),
        ("ListItem", "๑)"),
        ("ListItem", "๒)"),
    ]
    sentence = texts(source)[0]
    assert "กลุ่มโรงเรียนที่ ๒ มีจำนวน ๑๔ โรงเรียน" in sentence  # the number is a word of its own
    assert "๓) วิทยาศาสตร์ ๔) สังคมศึกษา" in sentence
    assert sentence.endswith("จำนวน ๑ ชุด")


def test_markdown_headings_lists_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "manual.md"
    path.write_text(
        "# ส่วนที่ ๑ บทนำ\n\n## แนวคิด\n\nย่อหน้า\nต่อบรรทัด\n\n"
        "1. ขั้นแรก\n   - ย่อย\n2. ขั้นสอง\n\n"
        "| ที่ | ขั้นตอน |\n|---|---|\n| 1 | **ศึกษา** |\n",
        encoding="utf-8",
    )
    blocks = read(path).blocks
    assert blocks[0] == Heading("ส่วนที่ ๑ บทนำ", 1, blocks[0].where)
    assert isinstance(blocks[1], Heading) and blocks[1].level == 2
    assert isinstance(blocks[2], Paragraph) and blocks[2].text == "ย่อหน้าต่อบรรทัด"
    items = [(b.text, b.level, b.numbered) for b in blocks if isinstance(b, ListItem)]
    assert items == [("ขั้นแรก", 0, True), ("ย่อย", 1, False), ("ขั้นสอง", 0, True)]
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [["ที่", "ขั้นตอน"], ["1", "ศึกษา"]]


# --- docx --------------------------------------------------------------------------------------------------------


def _numbering(paragraph: Any, num_id: str, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numpr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numpr.append(element)
    paragraph._p.get_or_add_pPr().append(numpr)


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def make_docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "หัวกระดาษที่ไม่อ่าน"
    document.add_heading("คู่มือการปฏิบัติงาน", 0)
    document.add_heading("ส่วนที่ ๑ บทนำ", 1)
    document.add_heading("แนวคิด", 2)
    document.add_paragraph("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา")
    number = document.styles["List Number"].element.pPr.numPr.numId.val
    document.add_paragraph("ศึกษา วิเคราะห์", style="List Number")
    _numbering(document.add_paragraph("ข้อย่อย", style="List Number"), str(number), 1)
    document.add_paragraph("จุดหนึ่ง", style="List Bullet")
    document.add_paragraph("๑.๒ เลขที่พิมพ์เอง")
    linked = document.add_paragraph("ดูที่ ")
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "เว็บไซต์สำนักงาน"
    run.append(text)
    link.append(run)
    linked._p.append(link)
    document.add_paragraph().add_run().add_picture(io.BytesIO(PNG), width=Cm(1))
    # A text box as Word writes it: the same box twice, for new Word (mc:Choice) and old (mc:Fallback, VML).
    box = "<w:txbxContent><w:p><w:r><w:t>ข้อความในกล่อง</w:t></w:r></w:p></w:txbxContent>"
    anchored = document.add_paragraph("ย่อหน้าที่มีกล่องข้อความ")
    anchored._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="{MC}">'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:pict><v:shape><v:textbox>{box}</v:textbox>'
            f"</v:shape></w:pict></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape>"
            "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("ก่อนขึ้นหน้าใหม่").add_run().add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"  # ruled, so that a PDF made from it has a table to find
    table.cell(0, 0).merge(table.cell(0, 1)).text = "ขั้นตอน"
    table.cell(0, 2).text = "ระยะเวลา"
    for column, value in enumerate(["ที่", "กิจกรรม", "เดือน"]):
        table.cell(1, column).text = value
    table.cell(2, 0).merge(table.cell(3, 0)).text = "๑"
    cell = table.cell(2, 1).paragraphs[0]
    cell.add_run("ศึกษา")
    cell.add_run().add_break()
    cell.add_run("๑. ระเบียบ")
    table.cell(3, 1).text = "รายงาน"
    for row in table.rows[:2]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.add_paragraph("จบ")
    document.save(str(path))
    return path


def test_docx_styles_numbering_tables_and_breaks(tmp_path: Path) -> None:
    source = read(make_docx(tmp_path / "manual.docx"))
    blocks = source.blocks
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert headings == [("คู่มือการปฏิบัติงาน", 1), ("ส่วนที่ ๑ บทนำ", 1), ("แนวคิด", 2)]
    items = [(b.text, b.level, b.numbered, b.label) for b in blocks if isinstance(b, ListItem)]
    assert items == [
        ("ศึกษา วิเคราะห์", 0, True, None),
        ("ข้อย่อย", 1, True, None),
        ("จุดหนึ่ง", 0, False, None),
        ("เลขที่พิมพ์เอง", 1, True, "๑.๒"),
    ]
    assert "ดูที่ เว็บไซต์สำนักงาน" in texts(source)
    assert "หัวกระดาษที่ไม่อ่าน" not in texts(source)
    at = texts(source).index("ย่อหน้าที่มีกล่องข้อความ")
    assert texts(source)[at + 1] == "ข้อความในกล่อง"
    assert texts(source).count("ข้อความในกล่อง") == 1
    assert "ไม่นำเข้ารูปภาพ 1 รูป" in source.notes[0]
    page_break = next(index for index, block in enumerate(blocks) if isinstance(block, PageBreak))
    assert blocks[page_break - 1] == Paragraph("ก่อนขึ้นหน้าใหม่", blocks[page_break - 1].where)
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.header_rows == 2
    first, second, third, fourth = table.rows
    assert [(cell.text, cell.colspan, cell.rowspan) for cell in first] == [("ขั้นตอน", 2, 1), ("ระยะเวลา", 1, 1)]
    assert [cell.text for cell in second] == ["ที่", "กิจกรรม", "เดือน"]
    assert (third[0].text, third[0].rowspan) == ("๑", 2)
    assert third[1].blocks[0] == Paragraph("ศึกษา", third[1].blocks[0].where)
    assert isinstance(third[1].blocks[1], ListItem) and third[1].blocks[1].label == "๑."
    assert [cell.text for cell in fourth] == ["รายงาน", ""]  # the merged cell is not repeated
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "จบ"
    assert blocks[-1].where.paragraph is not None and blocks[-1].where.paragraph > 10


def test_a_word_table_of_contents_is_not_read_as_text(tmp_path: Path) -> None:
    """Word's contents lines ("toc N" styles, here without page numbers as Word leaves them until it updates the
    field) repeat the headings: read as paragraphs they would start parts a second time."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_heading("สารบัญ", 1)
    for level in (1, 2):
        document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("แนวคิด", style="toc 1")
    document.add_paragraph("วัตถุประสงค์", style="toc 2")
    document.add_heading("แนวคิด", 1)
    document.add_paragraph("กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา")
    document.save(str(tmp_path / "contents.docx"))
    source = read(tmp_path / "contents.docx")
    assert texts(source) == ["สารบัญ", "แนวคิด", "กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"]
    assert "ตัดสารบัญ 2 บรรทัด" in source.notes[0]


# --- pdf ---------------------------------------------------------------------------------------------------------

PARAGRAPH = (
    "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา สำนักงานเขตพื้นที่การศึกษามัธยมศึกษากรุงเทพมหานคร เขต ๑ "
    "เป็นกลุ่มงานดำเนินการเกี่ยวกับการนิเทศการศึกษา วิเคราะห์ วิจัย ติดตาม ตรวจสอบ และประเมินผลการพัฒนาระบบ"
    "การบริหารและการจัดการศึกษา เพื่อให้สถานศึกษามีความเข้มแข็งในการจัดการเรียนการสอนได้อย่างมีคุณภาพ"
)


def make_pdf(path: Path, body: str, header: bool = True) -> Path:
    import weasyprint

    css = f"""
    @font-face {{ font-family: Sarabun; src: url('{(FONTS / "Sarabun_400Regular.ttf").as_uri()}'); }}
    @font-face {{ font-family: Sarabun; font-weight: bold; src: url('{(FONTS / "Sarabun_700Bold.ttf").as_uri()}'); }}
    @page {{ size: A4; margin: 2.5cm 2cm 2.5cm 3cm;
      {"@top-center { content: 'คู่มือการปฏิบัติงาน กลุ่มนิเทศ'; font: 12pt Sarabun; }" if header else ""}
      @bottom-center {{ content: counter(page); font: 12pt Sarabun; }} }}
    body {{ font: 16pt/1.5 Sarabun; }} h1 {{ font-size: 24pt; }} h2 {{ font-size: 20pt; }}
    p {{ margin: 0 0 0.4em; text-indent: 2.5em; text-align: justify; }}
    table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid black; padding: 4px; }}
    """
    weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(path)
    return path


def test_pdf_paragraphs_headings_tables_and_running_lines(tmp_path: Path) -> None:
    page = (
        "<h1>ส่วนที่ ๑ บทนำ</h1><h2>แนวคิด</h2>"
        f"<p>{PARAGRAPH}</p><p>ย่อหน้าที่สอง {PARAGRAPH}</p>"
        "<p>๑. ศึกษา วิเคราะห์ หลักเกณฑ์</p><p>๒. จัดทำแผนการนิเทศ</p>"
        "<table><tr><th>ที่</th><th>ขั้นตอน</th><th>ระยะเวลา</th></tr>"
        "<tr><td>๑</td><td>ศึกษาวิเคราะห์ หลักเกณฑ์</td><td>ตุลาคม ๒๕๖๖</td></tr>"
        "<tr><td>๒</td><td>จัดทำมาตรฐานการศึกษา</td><td>พฤศจิกายน ๒๕๖๖</td></tr></table>"
        '<p style="page-break-after: always">ท้ายหน้า</p>'
    )
    source = read(make_pdf(tmp_path / "manual.pdf", page * 3))
    blocks = source.blocks
    assert [(b.text, b.level) for b in blocks if isinstance(b, Heading)][:2] == [("ส่วนที่ ๑ บทนำ", 1), ("แนวคิด", 2)]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    # The wrapped paragraph is one paragraph again, with its Thai (SARA AM, tone marks) as typed.
    assert paragraphs[0].text.replace(" ", "") == PARAGRAPH.replace(" ", "")
    assert paragraphs[1].text.startswith("ย่อหน้าที่สอง")
    assert sum(text.count("ท้ายหน้า") for text in texts(source)) == 3
    items = [(b.label, b.text) for b in blocks if isinstance(b, ListItem)]
    assert items[:2] == [("๑.", "ศึกษา วิเคราะห์ หลักเกณฑ์"), ("๒.", "จัดทำแผนการนิเทศ")]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 3
    assert [[cell.text for cell in row] for row in tables[0].rows] == [
        ["ที่", "ขั้นตอน", "ระยะเวลา"],
        ["๑", "ศึกษาวิเคราะห์ หลักเกณฑ์", "ตุลาคม ๒๕๖๖"],
        ["๒", "จัดทำมาตรฐานการศึกษา", "พฤศจิกายน ๒๕๖๖"],
    ]
    assert tables[0].header_rows == 1
    assert not any("ตุลาคม ๒๕๖๖" in text for text in texts(source))  # cells are not paragraphs too
    assert not any("คู่มือการปฏิบัติงาน กลุ่มนิเทศ" in text for text in texts(source))  # the running header
    assert not any(text.isdigit() for text in texts(source))  # the page numbers
    assert any("ตัดหัวกระดาษ ท้ายกระดาษ และเลขหน้า" in note for note in source.notes)
    assert sum(isinstance(b, PageBreak) for b in blocks) >= 2
    assert {b.where.page for b in blocks} >= {1, 2, 3}


def printed(*lines: tuple[float, float, str]) -> list[Any]:
    """The blocks a PDF's page of these lines (left edge, right edge, text; 16 pt, one line every 24 pt; a part after
    a tab 120 pt after the one before) reads as, after a paragraph that sets the margins (85 to 510 pt)."""
    from opmanual.importer.readers.pdf import _Line, _Page, _source

    full = "การนิเทศ ติดตาม และประเมินผลการจัดการศึกษาของสถานศึกษาในสังกัดสำนักงานเขตพื้นที่การศึกษา"
    page = _Page(1, 842.0)
    for number, (x0, x1, text) in enumerate([(121.0, 510.0, full), (85.0, 510.0, full), (85.0, 300.0, "จบ"), *lines]):
        top = 100.0 + 24 * number
        stops = tuple(x0 + 120.0 * part for part in range(text.count("\t") + 1))
        page.lines.append(_Line(text, 1, x0, x1, top, top + 16, 16.0, False, stops))
    return _source("manual.pdf", [page], 0, 0).blocks[1:]


def test_a_pdf_line_that_starts_with_a_number_closing_a_bracket_goes_on_the_item_before() -> None:
    """ "… (ฉบับที่" at the end of a full line, "๒) พ.ศ. ๒๕๕๓" on the next: the item's wrapped text, not an item ๒)."""
    title = "๒. พระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖ และที่แก้ไขเพิ่มเติม (ฉบับที่"
    blocks = printed((85.0, 510.0, title), (106.0, 200.0, "๒) พ.ศ. ๒๕๕๓"), (85.0, 400.0, "๓. ประกาศกระทรวง"))
    assert [(b.label, b.text) for b in blocks] == [
        ("๒.", title[3:] + " ๒) พ.ศ. ๒๕๕๓"),
        ("๓.", "ประกาศกระทรวง"),
    ]
    # With no bracket open, or after a line that ended short, it is an item of its own.
    for first in (title.replace("(", ""), title[:40]):
        blocks = printed((85.0, 510.0 if "(" not in first else 300.0, first), (106.0, 200.0, "๒) พ.ศ. ๒๕๕๓"))
        assert [b.label for b in blocks] == ["๒.", "๒)"], first


def test_a_full_pdf_line_goes_on_at_its_own_indent_and_a_set_in_line_after_a_paragraph_starts_one() -> None:
    """A converter's one paragraph per line: an item's next line starts where the item did, after a full line."""
    item = "๑.๑ ศึกษาวิเคราะห์ และสังเคราะห์เอกสาร ข้อมูลและแนวทางเกี่ยวกับการปฏิบัติงานในหน้าที่"
    blocks = printed((106.0, 510.0, item), (106.0, 480.0, "ได้แก่ งานกลุ่มงานวัดและประเมินผลการศึกษา"))
    assert [(b.label, b.text) for b in blocks] == [("๑.๑", item[4:] + "ได้แก่ งานกลุ่มงานวัดและประเมินผลการศึกษา")]
    # A paragraph's full last line, then a line set in: a new paragraph (its first line indented).
    blocks = printed((85.0, 510.0, "ข้อความเต็มบรรทัด " * 4), (121.0, 480.0, "ย่อหน้าใหม่"))
    assert [b.text for b in blocks] == [("ข้อความเต็มบรรทัด " * 4).strip(), "ย่อหน้าใหม่"]


def test_justified_lines_whose_wide_spaces_happen_to_line_up_are_a_paragraph() -> None:
    """Our own books justify Thai: a line with one space stretches it wider than a tab's gap, and two such lines in a
    row may have it at nearly the same place (as printed: 210 and 205 pt). Lines that end at the right margin are
    text, not rows."""
    blocks = printed(
        (85.0, 510.0, "ตรวจสอบ\tและประเมินผลการพัฒนาระบบการบริหารและการ"),
        (85.0, 510.0, "จัดการศึกษา\tเพื่อให้สถานศึกษามีความเข้มแข็งในการจัดการเรียน"),
        (85.0, 300.0, "การสอนได้อย่างมีคุณภาพ"),
    )
    assert [type(block).__name__ for block in blocks] == ["Paragraph"]
    assert "\t" not in blocks[0].text and blocks[0].text.startswith("ตรวจสอบ และประเมินผล")


def test_a_cells_lines_in_a_table_drawn_with_tabs_are_its_paragraphs_again() -> None:
    """A line cut for its column's width goes on the line above; one that ended short, or an item, is a paragraph."""
    from opmanual.importer.readers.text import tab_rows

    rows = tab_rows(
        [
            ["๑", "การนิเทศ ติดตาม และประเมินผล"],
            ["", "การจัดการศึกษาของสถานศึกษา"],
            ["", "ในสังกัดสำนักงานเขตพื้นที่"],
            ["", "ผลที่ได้"],
            ["", "๒. รายงานผลการดำเนินงาน"],
            ["๒", "สั้น"],
        ]
    )
    assert rows == [
        ["๑", "การนิเทศ ติดตาม และประเมินผลการจัดการศึกษาของสถานศึกษาในสังกัดสำนักงานเขตพื้นที่\nผลที่ได้\n"
         "๒. รายงานผลการดำเนินงาน"],
        ["๒", "สั้น"],
    ]  # fmt: skip
    # One long entry in a column of short ones is no sign of wrapping: the lines stay apart.
    assert tab_rows([["๐.๑", "เพิ่มข้อมูลของกลุ่ม"], ["", "แก้ไขคำนำ"]]) == [["๐.๑", "เพิ่มข้อมูลของกลุ่ม\nแก้ไขคำนำ"]]


def test_a_ruled_cells_printed_lines_are_its_paragraphs_again() -> None:
    """A PDF's ruled cell: a line cut at the cell's edge goes on; a short line ends its paragraph; an item starts."""
    from opmanual.importer.readers.pdf import _Line, _paragraphs

    def line(text: str, x1: float, top: float) -> _Line:
        return _Line(text, 1, 90.0, x1, top, top + 16, 16.0, False)

    cell = (85.0, 100.0, 300.0, 300.0)  # 5 pt of padding on the left, so the text ends by 295
    lines = [
        line("ศึกษาวิเคราะห์ข้อมูลและสังเคราะห์", 293.0, 100),
        line("ของสถานศึกษา", 160.0, 124),  # the line above had no room for ของ
        line("ผลที่ได้", 130.0, 148),  # the line above ended short
        line("๒. รายงานผล", 170.0, 172),
    ]
    assert _paragraphs(lines, cell) == ["ศึกษาวิเคราะห์ข้อมูลและสังเคราะห์ของสถานศึกษา", "ผลที่ได้", "๒. รายงานผล"]
    # A line that starts like an item but closes the bracket the line above left open is that line's end.
    lines = [line("แผนพัฒนาการศึกษาขั้นพื้นฐาน (พ.ศ. ๒๕๖๓", 293.0, 100), line("– ๒๕๖๕)", 120.0, 124)]
    assert _paragraphs(lines, cell) == ["แผนพัฒนาการศึกษาขั้นพื้นฐาน (พ.ศ. ๒๕๖๓ – ๒๕๖๕)"]


def test_a_table_drawn_with_tabs_goes_on_over_a_page_break() -> None:
    """The next page's lines whose parts begin at the table's columns are its rows; a paragraph at the margin is not."""
    from opmanual.importer.readers.pdf import _Line, _Page, _source

    def line(page: int, top: float, *parts: tuple[float, str]) -> _Line:
        text = "\t".join(part for _, part in parts)
        stops = tuple(x for x, _ in parts)
        right = 510.0 if len(text) > 30 else stops[-1] + 60  # a paragraph's full line sets the right margin
        return _Line(text, page, stops[0], right, top, top + 16, 16.0, False, stops)

    first, second = _Page(1, 842.0), _Page(2, 842.0)
    first.lines = [
        line(1, 100, (85.0, "ย่อหน้าก่อนตาราง ยาวเต็มบรรทัดของหน้ากระดาษที่พิมพ์ไว้")),
        line(1, 124, (85.0, "ที่"), (200.0, "ขั้นตอน"), (350.0, "ผู้รับผิดชอบ")),
        line(1, 148, (85.0, "๑"), (200.0, "ศึกษาข้อมูล"), (350.0, "นายสมชาย")),
    ]
    second.lines = [
        line(2, 100, (200.0, "จากรายงาน")),
        line(2, 124, (85.0, "๒"), (200.0, "วางแผน"), (350.0, "นางสาวมาลี")),
        line(2, 148, (85.0, "ย่อหน้าหลังตาราง ยาวเต็มบรรทัดของหน้ากระดาษที่พิมพ์ไว้")),
    ]
    blocks = _source("manual.pdf", [first, second], 0, 0).blocks
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert [[cell.blocks[0].text if cell.blocks else "" for cell in row] for row in tables[0].rows][1:] == [
        ["๑", "ศึกษาข้อมูล", "นายสมชาย"],
        ["๒", "วางแผน", "นางสาวมาลี"],
    ]
    assert [len(cell.blocks) for cell in tables[0].rows[1]] == [1, 2, 1]  # จากรายงาน: the cell's next paragraph
    assert blocks[-1].text.startswith("ย่อหน้าหลังตาราง")


def test_a_table_ruled_only_upright_below_its_header_is_read_whole_over_a_page_break(tmp_path: Path) -> None:
    """A flowchart's table: its header ruled, its body ruled only between columns, its numbers set in the middle of
    their rows, a row cut by the page break and the header printed again on the next page. One table of the steps,
    each whole, as printed by WeasyPrint (each row's side rules drawn apart: the rows)."""
    side = "border: none; border-left: 1px solid black; border-right: 1px solid black; vertical-align: middle"
    steps = [
        ("๑", "ศึกษา วิเคราะห์ หลักเกณฑ์ ระเบียบ แนวคิด ทฤษฎี เกี่ยวกับการประกันคุณภาพภายในสถานศึกษา " * 3),
        ("๒", "วางแผนการนิเทศ ติดตาม และประเมินผลการดำเนินงานของสถานศึกษาในสังกัด " * 4),
        ("๓", "ดำเนินการนิเทศ ติดตาม ตามแผนที่กำหนด และให้คำปรึกษา แนะนำ ชี้แนะ " * 4),
        ("๔", "สรุป รายงานผล และเผยแพร่ผลการดำเนินงาน " * 3),
    ]
    rows = "".join(f'<tr><td style="{side}; width: 2cm">{n}</td><td style="{side}">{t}</td></tr>' for n, t in steps)
    body = (
        f"<p>{PARAGRAPH}</p>" * 3
        + "<table><thead><tr><th>ลำดับที่</th><th>รายละเอียดงาน</th></tr></thead>"
        + f"<tbody>{rows}</tbody></table><p>จบ</p>"
    )
    source = read(make_pdf(tmp_path / "flow.pdf", body, header=False))
    (table,) = [block for block in source.blocks if isinstance(block, Table)]
    assert [cell.text for cell in table.rows[0]] == ["ลำดับที่", "รายละเอียดงาน"]
    assert [(row[0].text, row[1].text.replace(" ", "")) for row in table.rows[1:]] == [
        (number, text.replace(" ", "")) for number, text in steps
    ]
    assert [len(row[1].blocks) for row in table.rows[1:]] == [1, 1, 1, 1]  # the cut row is one paragraph again
    kinds = [type(block).__name__ for block in source.blocks if not isinstance(block, PageBreak)]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph"]  # no number read apart
    assert source.blocks[-1].text == "จบ"


def test_rules_below_a_table_make_its_body_only_when_both_sides_go_on_from_its_bottom() -> None:
    """Drawn as one rule each side (as LibreOffice prints a table whose rows have no rules): one body row; rules
    that stop short, start elsewhere or stand on one side only leave the table as ruled."""
    from opmanual.importer.readers.pdf import _ruled_below

    bbox = (80.0, 90.0, 530.0, 105.0)
    header = [(80.0, 90.0, 140.0, 105.0), (140.0, 90.0, 530.0, 105.0)]
    grown, cells = _ruled_below(bbox, header, [(80.0, 104.7, 748.0), (140.0, 104.7, 748.0), (530.0, 104.7, 748.0)])
    assert grown == (80.0, 90.0, 530.0, 748.0)
    assert cells[2:] == [(80.0, 105.0, 140.0, 748.0), (140.0, 105.0, 530.0, 748.0)]
    for upright in (
        [(80.0, 104.7, 110.0), (530.0, 104.7, 110.0)],  # a stub: the table's own corner
        [(80.0, 104.7, 748.0)],  # one side only: a line beside the text
        [(80.0, 300.0, 748.0), (530.0, 300.0, 748.0)],  # another frame further down
        [],
    ):
        assert _ruled_below(bbox, header, upright) == (bbox, header), upright


def test_a_ruled_table_cut_by_a_page_break_joins_only_its_own_part() -> None:
    """The part at the top of the next page with the same columns is the same table; a table of other columns, or
    one with text above it, or a table followed by text on its own page is a table of its own."""
    from opmanual.importer.blocks import Cell, Where
    from opmanual.importer.readers.pdf import _Line, _Page, _Ruled, _source

    def table(*rows: tuple[str, ...]) -> Table:
        return Table(
            tuple(tuple(Cell((Paragraph(t, Where("m")),) if t else ()) for t in row) for row in rows), Where("m")
        )

    def line(page: int, text: str, top: float) -> _Line:
        return _Line(text, page, 85.0, 510.0, top, top + 16, 16.0, False)

    def pages(second_edges: tuple[float, ...], text_above: bool, text_below: bool) -> list[Table]:
        first, second = _Page(1, 842.0), _Page(2, 842.0)
        first.lines = [line(1, "ก่อนตาราง", 100)] + ([line(1, "หลังตาราง", 760)] if text_below else [])
        first.tables = [_Ruled(table(("ที่", "ขั้นตอน"), ("๑", "ศึกษาข้อมูลจาก")), 130, 740, (80.0, 140.0, 530.0))]
        second.lines = [line(2, "ข้อความ", 80)] if text_above else []
        second.tables = [_Ruled(table(("ที่", "ขั้นตอน"), ("", "รายงาน"), ("๒", "วางแผน")), 100, 300, second_edges)]
        blocks = _source("manual.pdf", [first, second], 0, 0).blocks
        return [block for block in blocks if isinstance(block, Table)]

    (joined,) = pages((80.0, 140.5, 530.0), text_above=False, text_below=False)
    assert [[cell.text for cell in row] for row in joined.rows] == [
        ["ที่", "ขั้นตอน"],
        ["๑", "ศึกษาข้อมูลจากรายงาน"],
        ["๒", "วางแผน"],
    ]
    for shape in [
        ((80.0, 200.0, 530.0), False, False),
        ((80.0, 140.0, 530.0), True, False),
        ((80.0, 140.0, 530.0), False, True),
    ]:
        assert len(pages(*shape)) == 2, shape


def test_a_number_in_a_column_of_its_own_beside_a_paragraph_is_read_before_it() -> None:
    """A table without rules: the step's number level with its text's middle line (a line of its own), or on one
    baseline with the text's first line after a wide gap. The number comes first; the text stays whole."""
    from opmanual.importer.readers.pdf import _Line, _Page, _source

    def line(text: str, x0: float, x1: float, top: float, stops: tuple[float, ...] = ()) -> _Line:
        return _Line(text, 1, x0, x1, top, top + 14, 14.0, False, stops)

    full = "การนิเทศ ติดตาม และประเมินผลการจัดการศึกษาของสถานศึกษาในสังกัดสำนักงานเขตพื้นที่การศึกษา"
    page = _Page(1, 842.0)
    page.lines = [
        line(full, 85.0, 510.0, 60),
        line("ศึกษา วิจัย เกี่ยวกับรูปแบบ เทคนิค", 350.0, 508.0, 100),
        line("และวิธีการส่งเสริม สนับสนุน และ", 350.0, 507.0, 112),
        line("๑", 85.0, 92.0, 118),  # level with the line above
        line("พัฒนาระบบประกันคุณภาพ", 350.0, 440.0, 124),
        line("๒\tสรุป รายงานผล รวบรวมและเผยแพร่ผล", 85.0, 495.0, 160, (85.0, 350.0)),
        line("การวิจัย", 350.0, 400.0, 172),
    ]
    texts = [block.text for block in _source("manual.pdf", [page], 0, 0).blocks[1:]]
    assert texts == [
        "๑",
        "ศึกษา วิจัย เกี่ยวกับรูปแบบ เทคนิคและวิธีการส่งเสริม สนับสนุน และพัฒนาระบบประกันคุณภาพ",
        "๒",
        "สรุป รายงานผล รวบรวมและเผยแพร่ผลการวิจัย",
    ]


def test_a_bold_paragraphs_short_last_line_is_no_heading() -> None:
    """Bold text over three lines, its last line short: one paragraph. A short bold line under a short one that
    stands at the right margin (สารบัญ's หน้า), or under a centred title's line, is a block of its own."""
    from opmanual.importer.readers.pdf import _Line, _Page, _source

    def blocks(*lines: tuple[float, float, str]) -> list[tuple[str, str]]:
        page = _Page(1, 842.0)
        filler = "ย่อหน้าธรรมดาที่ยาวเต็มบรรทัดของหน้ากระดาษ เพื่อกำหนดขอบซ้ายและขอบขวาของหน้า"
        page.lines = [_Line(filler, 1, 85.0, 510.0, 60 + 21 * n, 76 + 21 * n, 16.0, False) for n in range(4)]
        page.lines += [
            _Line(text, 1, x0, x1, 160 + 21 * n, 176 + 21 * n, 16.0, True) for n, (x0, x1, text) in enumerate(lines)
        ]
        return [(type(b).__name__, b.text) for b in _source("manual.pdf", [page], 0, 0).blocks[1:]]

    approval = "ฉบับร่าง ยังไม่ได้รับการอนุมัติ: คู่มือการปฏิบัติงานศึกษานิเทศก์ งานส่งเสริมพัฒนาระบบ"
    assert blocks((85.0, 509.0, approval), (85.0, 208.0, "ขาว, นางขันธ์ธนา สุทธิกรณ์")) == [
        ("Paragraph", approval + "ขาว, นางขันธ์ธนา สุทธิกรณ์"),
    ]
    assert blocks((480.0, 509.0, "หน้า"), (85.0, 300.0, "กลุ่มนิเทศ ติดตาม")) == [
        ("Paragraph", "หน้า"),
        ("Heading", "กลุ่มนิเทศ ติดตาม"),
    ]
    assert len(blocks((100.0, 500.0, approval), (250.0, 330.0, "เขต ๖"))) == 2


def test_a_text_box_drawn_after_the_page_is_read_where_it_stands() -> None:
    """A word processor draws a text box after the text around it: its lines are read in their place on the page.
    Lines on one baseline (tops a little apart, as Thai marks make them) keep the order they were drawn in."""
    from opmanual.importer.readers.pdf import _Line, _Page, _reading_order, _source

    def line(text: str, top: float, x0: float = 85.0) -> _Line:
        return _Line(text, 1, x0, x0 + 60, top, top + 16, 16.0, False)

    drawn = [
        line("ก่อนกล่อง", 100),
        line("หลังกล่อง", 200),
        line("ลงชื่อ ผู้จัดทำ", 250, x0=300),
        line("ลงชื่อ ผู้อนุมัติ", 248.5, x0=85),  # beside it, drawn after it
        line("ในกล่อง", 130, x0=95),  # the box, drawn last
    ]
    page = _Page(1, 842.0, _reading_order(drawn))
    assert [line.text for line in page.lines] == [
        "ก่อนกล่อง",
        "ในกล่อง",
        "หลังกล่อง",
        "ลงชื่อ ผู้จัดทำ",
        "ลงชื่อ ผู้อนุมัติ",
    ]
    assert [block.text for block in _source("manual.pdf", [page], 0, 0).blocks][:3] == [
        "ก่อนกล่อง",
        "ในกล่อง",
        "หลังกล่อง",
    ]


def test_a_table_drawn_with_tabs_in_a_pdf_is_a_table(tmp_path: Path) -> None:
    """No rules, only its cells' text at the same places line after line, wide gaps between them: a table again. A
    line set in under a row is that row's cells going on; an item's number and its text apart by a tab are an item,
    and a line with one tab alone is text."""

    def row(*cells: str) -> str:
        widths = ("2cm", "6cm", "7cm")
        spans = "".join(
            f'<span style="display: inline-block; width: {width}">{cell}</span>'
            for width, cell in zip(widths, cells, strict=False)
        )
        return f'<div style="text-indent: 0">{spans}</div>'

    body = (
        f"<p>{PARAGRAPH}</p>"
        + row("ที่", "ชื่อ–สกุล", "ตำแหน่ง")
        + row("๑", "นายสมชาย ใจดี", "ศึกษานิเทศก์ชำนาญการ")
        + row("", "", "(รักษาการ)")
        + row("๒", "นางสาวมาลี สวยงาม", "ศึกษานิเทศก์ชำนาญการพิเศษ")
        + row("๓.", "ศึกษาเอกสารที่เกี่ยวข้อง")
        + row("สังกัด", "กลุ่มนิเทศ")
        + "<p>จบ</p>"
    )
    source = read(make_pdf(tmp_path / "tabs.pdf", body, header=False))
    (table,) = [block for block in source.blocks if isinstance(block, Table)]
    assert [["\n".join(b.text for b in cell.blocks) for cell in row] for row in table.rows] == [
        ["ที่", "ชื่อ–สกุล", "ตำแหน่ง"],
        ["๑", "นายสมชาย ใจดี", "ศึกษานิเทศก์ชำนาญการ\n(รักษาการ)"],  # the line above ended short: a paragraph
        ["๒", "นางสาวมาลี สวยงาม", "ศึกษานิเทศก์ชำนาญการพิเศษ"],
    ]
    assert table.header_rows == 1
    after = source.blocks[source.blocks.index(table) + 1 :]
    assert [(getattr(b, "label", None), b.text) for b in after] == [
        ("๓.", "ศึกษาเอกสารที่เกี่ยวข้อง"),
        (None, "สังกัด กลุ่มนิเทศ"),
        (None, "จบ"),
    ]
    assert source.blocks[0].text.replace(" ", "") == PARAGRAPH.replace(" ", "")  # a justified line is no row


@pytest.mark.slow
def test_pdf_of_our_own_build_reads_back(built_sites: dict[str, Path]) -> None:
    """A book our build makes (WeasyPrint, Sarabun): headings, the profile table, Thai intact."""
    site = built_sites["mini"]
    books = sorted((site / "pdf/processes").glob("*.pdf"))
    assert books
    source = read(books[0])
    assert any(isinstance(b, Heading) for b in source.blocks)
    assert any(isinstance(b, Table) for b in source.blocks)
    joined = " ".join(texts(source))
    assert "ขั้นตอนการปฏิบัติงาน" in joined
    assert "\u0e4d\u0e32" not in joined and "\ufffd" not in joined


@pytest.mark.slow
def test_pdf_that_libreoffice_made_from_a_docx(tmp_path: Path) -> None:
    """LibreOffice draws spaces out of order, maps SARA AM + SARA AA, and takes bullets from a symbol font."""
    import docx

    made = make_docx(tmp_path / "manual.docx")
    document = docx.Document(str(made))
    document.styles["Normal"].font.name = "Sarabun"
    document.add_paragraph(PARAGRAPH)
    document.save(str(made))
    source = read(to_pdf(made, tmp_path))
    blocks = source.blocks
    assert [(b.text, b.level) for b in blocks if isinstance(b, Heading)] == [
        ("คู่มือการปฏิบัติงาน", 1),
        ("ส่วนที่ ๑ บทนำ", 2),
        ("แนวคิด", 3),
    ]
    items = [(b.label, b.text) for b in blocks if isinstance(b, ListItem)]
    assert items[:4] == [("1.", "ศึกษา วิเคราะห์"), ("1.", "ข้อย่อย"), ("•", "จุดหนึ่ง"), ("๑.๒", "เลขที่พิมพ์เอง")]
    assert "ดูที่ เว็บไซต์สำนักงาน" in texts(source)
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [(cell.text, cell.colspan, cell.rowspan) for cell in table.rows[0]] == [("ขั้นตอน", 2, 1), ("ระยะเวลา", 1, 1)]
    assert (table.rows[2][0].text, table.rows[2][0].rowspan) == ("๑", 2)
    paragraph = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("กลุ่มนิเทศ ติดตามและ"))
    assert paragraph.text.replace(" ", "") == PARAGRAPH.replace(" ", "")


# --- bad input ---------------------------------------------------------------------------------------------------


def refused(path: Path) -> str:
    with pytest.raises(SourceError) as raised:
        read(path)
    return str(raised.value)


def test_missing_empty_and_blank_files(tmp_path: Path) -> None:
    assert refused(tmp_path / "gone.docx") == "gone.docx does not exist."
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert refused(tmp_path / "empty.pdf") == "empty.pdf is empty (0 bytes)."
    (tmp_path / "blank.txt").write_text("\n \n\t\n", encoding="utf-8")
    assert refused(tmp_path / "blank.txt") == "blank.txt has no text in it."
    assert "is a folder" in refused(tmp_path)


def test_a_text_file_too_large_for_a_manual(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"x" * (11 * 1024 * 1024))
    assert refused(path) == (
        "dump.txt is 11.5 MB of text, more than a manual's 10 MB (a 300-page manual is about 1 MB): check that it "
        "is the right file."
    )


def test_each_reader_declares_its_format() -> None:
    """The readers' registry: what `read` tries, in order, and the endings every message names."""
    from opmanual.importer.readers import FORMATS, listed

    assert [(found.name, found.suffixes, found.sniff is None) for found in FORMATS] == [
        ("Word", (".docx",), False),
        ("PDF", (".pdf",), False),
        ("text", (".txt", ".md"), True),
    ]
    assert listed() == ".docx, .pdf, .txt or .md"


def test_unsupported_extension(tmp_path: Path) -> None:
    (tmp_path / "manual.odt").write_text("ข้อความ", encoding="utf-8")
    assert refused(tmp_path / "manual.odt") == (
        "manual.odt: files of type .odt cannot be imported; give a .docx, .pdf, .txt or .md."
    )


def test_password_protected_docx_and_old_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (tmp_path / "locked.docx").write_bytes(ole)
    assert refused(tmp_path / "locked.docx").startswith("locked.docx is password-protected (an encrypted Office file)")
    (tmp_path / "old.doc").write_bytes(ole)
    assert refused(tmp_path / "old.doc").startswith("old.doc is an old Word 97–2003 file (.doc)")


def test_a_zip_of_something_else_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "manual.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manual.txt", "คู่มือ")
    assert refused(path) == (
        "manual.docx is a zip file but not a Word document (it has no word/document.xml): save the manual from "
        "Word as .docx."
    )
    cut = tmp_path / "cut.docx"
    cut.write_bytes(make_docx(tmp_path / "whole.docx").read_bytes()[:3000])
    assert refused(cut).startswith("cut.docx is damaged")
    (tmp_path / "text.docx").write_text("ไม่ใช่ไฟล์ Word", encoding="utf-8")
    assert refused(tmp_path / "text.docx").startswith("text.docx is not a Word file")


def test_content_decides_the_reader_not_the_name(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "manual.pdf", f"<p>{PARAGRAPH}</p>")
    renamed = tmp_path / "manual.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert texts(read(renamed)) == texts(read(pdf))


def test_encrypted_and_truncated_pdf(tmp_path: Path) -> None:
    import pikepdf

    made = make_pdf(tmp_path / "made.pdf", f"<p>{PARAGRAPH}</p>")
    with pikepdf.open(made) as pdf:
        pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(user="secret", owner="secret"))
    assert refused(tmp_path / "locked.pdf") == (
        "locked.pdf is encrypted (it needs a password to open): save an unprotected copy and import that."
    )
    (tmp_path / "cut.pdf").write_bytes(made.read_bytes()[:2000])
    assert refused(tmp_path / "cut.pdf").startswith("cut.pdf is a damaged PDF and cannot be read")


def test_what_pdfminer_raises_is_a_damaged_pdf_and_a_bug_of_the_reader_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only pdfminer's and pdfplumber's errors say the file is damaged; an error in this reader's own walk of the
    pages reaches the command's internal-error boundary (the reader runs in a forked child, which sees the patches)."""
    import pdfplumber.page
    from pdfminer.pdfparser import PDFSyntaxError

    from opmanual.__main__ import main
    from opmanual.importer.readers import pdf
    from opmanual.importer.readers.isolated import ReaderFailed

    made = make_pdf(tmp_path / "made.pdf", f"<p>{PARAGRAPH}</p>")

    def syntax_error(self: object) -> None:
        raise PDFSyntaxError("Invalid dictionary construct")

    with monkeypatch.context() as patched:
        patched.setattr(pdfplumber.page.Page, "chars", property(syntax_error))
        assert refused(made) == "made.pdf is a damaged PDF and cannot be read (PDFSyntaxError)."

    def bug(*args: object) -> None:
        raise KeyError("x0")

    monkeypatch.setattr(pdf, "_lines", bug)
    with pytest.raises(ReaderFailed, match="KeyError"):
        read(made)
    assert main(["import", str(made), "--into", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("internal error while running `import`: ReaderFailed: KeyError: 'x0'; please report it")
    assert "damaged" not in err and not (tmp_path / "data").exists()


def test_a_pdf_of_501_pages_is_refused(tmp_path: Path) -> None:
    import pikepdf

    pdf = pikepdf.new()
    for _ in range(501):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(tmp_path / "huge.pdf")
    assert MAX_PAGES == 300
    assert refused(tmp_path / "huge.pdf") == (
        "huge.pdf has 501 pages, more than the 300 a manual can have: import each manual in it separately "
        "(split the PDF into its manuals)."
    )


def test_a_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    image = pikepdf.Stream(pdf, bytes(range(256)) * 4)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 32, 32, 8
    image.ColorSpace = pikepdf.Name.DeviceGray
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.obj.Contents = pdf.make_stream(b"q 500 0 0 700 50 70 cm /Im0 Do Q")
    pdf.save(tmp_path / "scanned.pdf")
    assert refused(tmp_path / "scanned.pdf").startswith(
        "scanned.pdf has no text layer: it is a scan (pictures of pages). Run OCR on it first"
    )


# --- Word files converted from PDF: text in positioned frames --------------------------------------------------------


def test_a_mark_in_a_frame_of_its_own_joins_the_letters_it_belongs_to() -> None:
    from opmanual.importer.readers.docx.positioned import _Frame, _line

    # LibreOffice puts a tone mark at the end of its letter: a hair before the next frame (คู่มือ) or after its start
    # (ที่การ); the frames are wider than their text.
    assert (
        _line([_Frame(0, 0, 143_510, "คู"), _Frame(0, 70_485, 175_895, "่"), _Frame(0, 71_755, 642_620, "มือ")]) == "คู่มือ"
    )
    assert _line([_Frame(0, 0, 300_000, "นที"), _Frame(0, 226_060, 9, "การ"), _Frame(0, 227_330, 9, "่")]) == "นที่การ"
    assert _line([_Frame(0, 0, 10_000, "ฉบับที่"), _Frame(0, 500_000, 10_000, "วันที่")]) == "ฉบับที่ วันที่"


@pytest.mark.slow
def test_a_pdf_converted_to_word_by_libreoffice_imports_as_the_pdf_does(tmp_path: Path) -> None:
    """LibreOffice's PDF import (soffice --infilter=writer_pdf_import --convert-to docx) of a process's printed book:
    every run of glyphs a positioned text box, tone marks apart, each box twice. Read as Word paragraphs it gave no
    process; read as the pages' lines, the process and every step of the hand-made one."""
    converted = ROOT / "tests/fixtures/converted/interagency-support.docx"
    source = read(converted)
    assert any("แปลงมาจาก PDF" in note for note in source.notes)
    out = io.StringIO()
    assert command.run([converted], tmp_path / "data", out=out) == 0, out.getvalue()
    (imported,) = load(tmp_path / "data").processes.values()
    hand = load(ROOT / "data").processes["interagency-support"]

    def texts(steps: list[Any]) -> list[str]:
        return [t for s in steps for t in ["".join(str(s.text).split()), *texts(list(s.steps or []))]]

    assert imported.name == hand.name and texts(imported.steps) == texts(hand.steps)


def test_frames_without_a_place_or_a_size_are_not_an_internal_error() -> None:
    from lxml import etree

    from opmanual.importer.readers.docx.positioned import WP, W, text_of

    def anchor(y: str, x: str | None, extent: bool, text: str) -> str:
        across = f"<wp:positionH><wp:posOffset>{x}</wp:posOffset></wp:positionH>" if x is not None else ""
        size = '<wp:extent cx="1000" cy="10"/>' if extent else ""
        return (
            f"<wp:anchor>{across}<wp:positionV><wp:posOffset>{y}</wp:posOffset></wp:positionV>{size}"
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></wp:anchor>"
        )

    frames = "".join(anchor(str(100 * i), str(i), i % 2 == 0, "ก") for i in range(30))
    broken = anchor("x", "1", True, "ข") + anchor("1", None, True, "ค") + anchor("99999999999999999999", "1", True, "ง")
    body = f'<w:document xmlns:w="{W}" xmlns:wp="{WP}"><w:body><w:p>{frames}{broken}</w:p></w:body></w:document>'
    laid_out = text_of(etree.fromstring(body.encode()))
    assert laid_out is not None and "ข" not in laid_out and "ค" not in laid_out and laid_out.count("ก") == 30


@pytest.mark.slow
def test_a_pdfs_footnotes_are_read_after_the_paragraph_that_cites_them(tmp_path: Path) -> None:
    """A footnote prints at the foot of its page, its number raised where it is cited: the number goes, and the note
    is read after the paragraph (here one that carries on over the page break), not inside it."""
    note = '<span style="float: footnote; font-size: 12pt">ข้อความเชิงอรรถอธิบายคำว่าเครือข่ายสถานศึกษา</span>'
    long = " ".join([PARAGRAPH] * 9)
    body = (
        f"<style>::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: 9pt }}</style>"
        f"<p>{long}{note} {long}</p><p>ย่อหน้าถัดไปหลังเชิงอรรถ</p>"
    )
    source = read(make_pdf(tmp_path / "notes.pdf", body))
    found = texts(source)
    assert found[0].replace(" ", "") == f"{long}{long}".replace(" ", "")  # no raised 1 inside it
    assert found[1:] == ["ข้อความเชิงอรรถอธิบายคำว่าเครือข่ายสถานศึกษา", "ย่อหน้าถัดไปหลังเชิงอรรถ"]
    assert any("อ่านเชิงอรรถ 1 รายการ" in note for note in source.notes)


@pytest.mark.slow
def test_struck_through_text_in_a_pdf_is_left_out_and_said(tmp_path: Path) -> None:
    """A file printed with its tracked changes shows deleted words struck through: they are not the manual's text.
    Underlined words and a table's borders are not struck."""
    body = (
        "<p>ศึกษาวิเคราะห์ข้อมูล <del style='text-decoration: line-through'>คำที่ลบแล้ว</del>"
        "<ins style='text-decoration: underline'>ที่เพิ่มเข้ามา</ins> ของสถานศึกษา</p>"
        "<table><tr><th>ที่</th><th>ขั้นตอน</th></tr><tr><td>๑</td><td>ศึกษาข้อมูล</td></tr></table>"
    )
    source = read(make_pdf(tmp_path / "struck.pdf", body, header=False))
    assert texts(source)[0] == "ศึกษาวิเคราะห์ข้อมูล ที่เพิ่มเข้ามา ของสถานศึกษา"
    (table,) = [block for block in source.blocks if isinstance(block, Table)]
    assert [[cell.text for cell in row] for row in table.rows] == [["ที่", "ขั้นตอน"], ["๑", "ศึกษาข้อมูล"]]
    assert any(re.search(r"เส้นขีดฆ่า 1[12] ตัว", note) for note in source.notes)  # ำ may be drawn as two glyphs


@pytest.mark.slow
def test_a_pdf_read_in_parts_side_by_side_reads_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph that carries on over the page where one part ends and the next begins is one paragraph still."""
    from opmanual.importer.readers import pdf

    long = " ".join([PARAGRAPH] * 12)
    path = make_pdf(tmp_path / "parts.pdf", f"<h1>ส่วนที่ ๑</h1><p>{long}</p><p>{long}</p><p>จบ</p>")
    monkeypatch.setattr(pdf, "PAGES_PER_PART", 1)
    monkeypatch.setattr(pdf.os, "cpu_count", lambda: 4)
    in_parts = read(path)
    monkeypatch.setattr(pdf, "MAX_PARTS", 1)
    whole = read(path)
    assert max(block.where.page or 0 for block in whole.blocks) >= 3  # read in three parts above
    assert in_parts.blocks == whole.blocks and in_parts.notes == whole.notes
    assert [type(block).__name__ for block in whole.blocks if not isinstance(block, PageBreak)] == [
        "Heading",
        "Paragraph",
        "Paragraph",
        "Paragraph",
    ]
