"""Word files laid out by hand, read back as the paragraphs, items and tables they stand for: lines broken where the
page's line ended (Shift+Enter, or one paragraph per printed line) joined again, tables drawn with tabs read as
tables, footnotes read where they are cited, comments and deleted text left out and said. The whole-manual measure
of the same is tests/test_import_variants.py; these are the cases one by one."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from opmanual.importer.blocks import ListItem, Paragraph, SourceError, Table
from opmanual.importer.readers import read
from opmanual.importer.readers.docx import read_file
from opmanual.importer.readers.text import display_width
from variants import comments, footnotes, one_paragraph_per_line, text_boxes, tracked_changes, wrap_points

# Long enough to be printed over several lines of a page.
NETWORK = (
    "งานกลุ่มเครือข่ายสถานศึกษา เป็นกิจกรรมที่ศึกษานิเทศก์ต้องปฏิบัติเพื่อพัฒนางานของสถานศึกษาในรูปของภาคีเครือข่าย "
    "ในด้านการประสานงาน (Coordination) ความร่วมมือ (Cooperation) และการมีส่วนร่วม (Participation) "
    "ในการขับเคลื่อนคุณภาพการศึกษา"
)
SUPERVISION = (
    "การปฏิบัติงานของศึกษานิเทศก์ ต้องมีการบูรณาการทั้ง ๓ ด้าน ให้เชื่อมโยงและสอดคล้องกัน ได้แก่ ด้านการนิเทศการศึกษา "
    "ด้านการพัฒนาสื่อ นวัตกรรม และเทคโนโลยีทางการศึกษา และด้านการวิจัยและพัฒนา"
)
DEFINITIONS = [
    "สาระการเรียนรู้ หมายถึง องค์ความรู้ ทักษะและค่านิยมที่ผู้เรียนควรเรียนรู้ เพื่อจะช่วยนำพาให้บรรลุคุณภาพตามเป้าหมายที่กำหนด",
    "กลุ่มสาระการเรียนรู้ หมายถึง กลุ่มขององค์ความรู้ ทักษะและคุณลักษณะที่กำหนดไว้ในมาตรฐานการเรียนรู้และตัวชี้วัดที่เกี่ยวข้อง",
    "ตัวชี้วัด (Indicators) หมายถึง สิ่งที่นักเรียนพึงรู้และปฏิบัติได้ ซึ่งสะท้อนถึงมาตรฐานการเรียนรู้ มีลักษณะเฉพาะเจาะจงและเป็นรูปธรรม",
]
# A term too long for one printed line: its definition's หมายถึง comes on the next line, in the same paragraph.
LONG_TERM = (
    "การปฏิบัติงานร่วมกับหรือสนับสนุนการปฏิบัติงานของหน่วยงานอื่น หมายถึง การทำงานร่วมกับหน่วยงานอื่น"
    "หรือสนับสนุนการปฏิบัติงานของหน่วยงานอื่นทั้งภายในและภายนอกสำนักงานเขตพื้นที่การศึกษา"
)


def saved(document: docx.document.Document, path: Path) -> list[object]:
    document.save(str(path))
    return read(path).blocks


def texts(blocks: list[object]) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Paragraph | ListItem)]


def with_breaks(document: docx.document.Document, lines: list[str]) -> None:
    """One paragraph whose lines are separated by Shift+Enter."""
    run = document.add_paragraph().add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


def test_lines_broken_where_the_page_line_ended_are_one_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    # Each line was cut because its next word did not fit: after an open parenthesis, before a word in brackets,
    # before a number and a Thai letter that read like an item's label.
    with_breaks(
        document,
        [
            "งานกลุ่มเครือข่ายสถานศึกษา เป็นกิจกรรมที่ศึกษานิเทศก์",
            "ต้องปฏิบัติเพื่อพัฒนาคุณภาพ ความร่วมมือ (Cooperation",
            "and Participation) การทำงานร่วมกันของสถานศึกษาทั้งหมด",
            "(Collaboration) ในการขับเคลื่อนคุณภาพการศึกษาของเขต",
            "พื้นที่การศึกษาทุกแห่ง ตามราชกิจจานุเบกษา เล่ม ๑๓๖ ตอนที่",
            "๕ ฉบับพิเศษ และตามระเบียบปฏิบัติราชการ/คู่มือการปฏิบัติงา",
            "น. ที่สำนักงานกำหนด",
        ],
    )
    blocks = saved(document, tmp_path / "breaks.docx")
    assert texts(blocks) == [
        "งานกลุ่มเครือข่ายสถานศึกษา เป็นกิจกรรมที่ศึกษานิเทศก์ต้องปฏิบัติเพื่อพัฒนาคุณภาพ ความร่วมมือ (Cooperation "
        "and Participation) การทำงานร่วมกันของสถานศึกษาทั้งหมด (Collaboration) ในการขับเคลื่อนคุณภาพการศึกษาของเขต"
        "พื้นที่การศึกษาทุกแห่ง ตามราชกิจจานุเบกษา เล่ม ๑๓๖ ตอนที่ ๕ ฉบับพิเศษ และตามระเบียบปฏิบัติราชการ/คู่มือการ"
        "ปฏิบัติงาน. "
        "ที่สำนักงานกำหนด"
    ]


def test_a_line_break_before_a_detail_an_item_or_after_a_short_line_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    with_breaks(document, ["ศึกษาวิเคราะห์ข้อมูลพื้นฐานของสถานศึกษาทุกแห่งในสังกัดให้ครบถ้วน", "ระยะเวลา: ๑ สัปดาห์"])
    with_breaks(
        document,
        [
            "ก. ศึกษาข้อมูลพื้นฐานของสถานศึกษาทุกแห่งในสังกัดให้ครบถ้วนทุกด้าน",
            "ข. วิเคราะห์สภาพปัญหาและความต้องการของสถานศึกษาทุกแห่งในสังกัด",
        ],
    )
    with_breaks(document, ["ผู้รับผิดชอบ", "นายอนวัช ไข่ขาว ศึกษานิเทศก์ชำนาญการพิเศษ กลุ่มนิเทศ ติดตาม และประเมินผล"])
    blocks = saved(document, tmp_path / "kept.docx")
    assert texts(blocks) == [
        "ศึกษาวิเคราะห์ข้อมูลพื้นฐานของสถานศึกษาทุกแห่งในสังกัดให้ครบถ้วน",
        "ระยะเวลา: ๑ สัปดาห์",
        "ศึกษาข้อมูลพื้นฐานของสถานศึกษาทุกแห่งในสังกัดให้ครบถ้วนทุกด้าน",
        "วิเคราะห์สภาพปัญหาและความต้องการของสถานศึกษาทุกแห่งในสังกัด",
        "ผู้รับผิดชอบ",
        "นายอนวัช ไข่ขาว ศึกษานิเทศก์ชำนาญการพิเศษ กลุ่มนิเทศ ติดตาม และประเมินผล",
    ]
    assert [block.label for block in blocks if isinstance(block, ListItem)] == ["ก.", "ข."]


def test_a_document_saved_one_paragraph_per_line_gets_its_paragraphs_back(tmp_path: Path) -> None:
    document = docx.Document()
    # A definition starts a paragraph after a definition; after other text its line may be a wrapped term's. Each
    # paragraph's last line ends short of the page's line: one that ends close to it cannot be told from a line
    # the page wrapped, without the indent a converter may or may not keep.
    network = NETWORK.replace("งานกลุ่ม", "กิจกรรมกลุ่ม") + " ทุกแห่ง"
    paragraphs = [NETWORK, *DEFINITIONS, LONG_TERM, network, SUPERVISION] * 3
    assert all(display_width(text[wrap_points(text)[-1] :]) < 0.8 * 72 for text in paragraphs)
    for text in paragraphs:
        document.add_paragraph(text)
    one_paragraph_per_line(document)
    assert len(document.paragraphs) >= 2 * len(paragraphs)  # the layout the reader has to undo
    blocks = saved(document, tmp_path / "lines.docx")
    assert ["".join(text.split()) for text in texts(blocks)] == ["".join(text.split()) for text in paragraphs]


def test_a_table_drawn_with_tabs_is_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("บันทึกการแก้ไข")
    for line in [
        "ฉบับที่\tวันที่\tรายการแก้ไข",
        "๐.๑\t๑ มกราคม ๒๕๖๙\tเพิ่มข้อมูลของกลุ่ม",
        "\t\tแก้ไขคำนำ",  # the cell above goes on
        "๐.๒\t๒ มกราคม ๒๕๖๙\tแก้ไขขั้นตอนที่ ๑",
    ]:
        document.add_paragraph(line)
    document.add_paragraph("๕.\tรายงานผลการนิเทศ")  # a number typed with a tab after it is an item, not a row
    document.add_paragraph("ชื่อ\tนายอนวัช ไข่ขาว")  # one line of two pieces is no table
    blocks = saved(document, tmp_path / "tabs.docx")
    (table,) = [block for block in blocks if isinstance(block, Table)]
    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["ฉบับที่", "วันที่", "รายการแก้ไข"],
        ["๐.๑", "๑ มกราคม ๒๕๖๙", "เพิ่มข้อมูลของกลุ่ม\nแก้ไขคำนำ"],
        ["๐.๒", "๒ มกราคม ๒๕๖๙", "แก้ไขขั้นตอนที่ ๑"],
    ]
    item = next(block for block in blocks if isinstance(block, ListItem))
    assert (item.label, item.text) == ("๕.", "รายงานผลการนิเทศ")
    assert texts(blocks)[-1] == "ชื่อ นายอนวัช ไข่ขาว"
    assert not any("\t" in text for text in texts(blocks))


def test_a_row_going_on_with_more_cells_than_its_row_loses_none(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ["ขั้นตอน\tระยะเวลา", "ศึกษาข้อมูล\tภายใน ๑ วัน", "\tหรือตามที่กำหนด\tหมายเหตุที่พิมพ์เกิน"]:
        document.add_paragraph(line)
    (table,) = [block for block in saved(document, tmp_path / "tabs.docx") if isinstance(block, Table)]
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["ขั้นตอน", "ระยะเวลา", ""],
        ["ศึกษาข้อมูล", "ภายใน ๑ วัน\nหรือตามที่กำหนด", "หมายเหตุที่พิมพ์เกิน"],
    ]


@pytest.mark.slow
def test_lines_of_more_tabs_than_a_manual_has_cells_are_refused(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "plain.docx"))
    row = "<w:p><w:r>" + "<w:t>ก</w:t><w:tab/>" * 150_000 + "</w:r></w:p>"
    with zipfile.ZipFile(tmp_path / "plain.docx") as plain, zipfile.ZipFile(tmp_path / "tabs.docx", "w") as tabs:
        for item in plain.infolist():
            data = plain.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + (row * 2).encode())
            tabs.writestr(item, data)
    with pytest.raises(SourceError, match="table cells"):
        read(tmp_path / "tabs.docx")


def long_paragraphs(count: int) -> list[str]:
    return [f"ย่อหน้าที่ {number} {NETWORK}" for number in range(1, count + 1)]


@pytest.mark.parametrize("change", [footnotes, text_boxes, comments])
def test_footnotes_text_boxes_and_comments_leave_the_text_in_its_order(change: object, tmp_path: Path) -> None:
    document = docx.Document()
    paragraphs = long_paragraphs(12)
    for text in paragraphs:
        document.add_paragraph(text)
    change(document)  # type: ignore[operator]
    document.save(str(tmp_path / "changed.docx"))
    with open(tmp_path / "changed.docx", "rb") as file:
        source = read_file(file, "changed.docx")
    assert texts(source.blocks) == paragraphs  # the footnote after the paragraph citing it, no comment's text
    said = " ".join(source.notes)
    if change is footnotes:
        assert "อ่านเชิงอรรถ 1 รายการ" in said
    if change is comments:
        assert "ไม่นำเข้าความคิดเห็น (Comment) 3 รายการ" in said


def test_tracked_changes_are_read_as_accepted_and_said(tmp_path: Path) -> None:
    document = docx.Document()
    paragraphs = long_paragraphs(11)
    for text in paragraphs:
        document.add_paragraph(text)
    tracked_changes(document)  # the 1st and 11th paragraphs: an insertion kept, a deleted word gone
    document.save(str(tmp_path / "tracked.docx"))
    with open(tmp_path / "tracked.docx", "rb") as file:
        source = read_file(file, "tracked.docx")
    assert texts(source.blocks) == paragraphs
    assert "Track Changes) 4 แห่ง" in " ".join(source.notes)


def test_a_footnote_cited_twice_or_citing_itself_is_read_once_and_a_missing_one_is_passed(tmp_path: Path) -> None:
    document = docx.Document()
    for text in long_paragraphs(6):
        document.add_paragraph(text)
    footnotes(document)  # the sixth paragraph becomes footnote 2 of the fifth
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/footnotes"))
    cite = '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnoteReference w:id="{}"/></w:r>'
    from docx.oxml import parse_xml

    part.element[-1][-1].append(parse_xml(cite.format(2)))  # the note cites itself
    document.paragraphs[0]._p.append(parse_xml(cite.format(2)))  # an earlier paragraph cites it too
    document.paragraphs[1]._p.append(parse_xml(cite.format(99)))  # a note that is not there
    document.save(str(tmp_path / "notes.docx"))
    with open(tmp_path / "notes.docx", "rb") as file:
        found = texts(read_file(file, "notes.docx").blocks)
    assert found.count(long_paragraphs(6)[5]) == 1
    assert found.index(long_paragraphs(6)[5]) == 1  # read where it is first cited
