"""The office and group part of an import: the cover, the group's parts by their headings, free sections for the
rest (never dropped)."""

from __future__ import annotations

from opmanual.data.model import OfficeFile
from opmanual.importer.blocks import Block, Cell, Heading, ListItem, Paragraph, Source, Table, Where
from opmanual.importer.draft import Draft
from opmanual.importer.readers.text import parse
from opmanual.importer.recognise import office, recognise

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
    said = "สำนักงานเขตพื้นที่การศึกษาประกอบด้วย ๒ กลุ่ม โดยกลุ่มโรงเรียนที่ ๒ มีจำนวน ๑๔ โรงเรียน กลุ่มโรงเรียนที่ ๑"
    draft = recognise([Source("manual.txt", [p("กลุ่มโรงเรียน"), p(said), p("มีจำนวน ๑๐ โรงเรียน")])])
    group = draft.office.data["group"]
    assert group["clusters"] == [
        {"id": "cluster-1", "name": "กลุ่มโรงเรียนที่ ๑", "schools": 10},
        {"id": "cluster-2", "name": "กลุ่มโรงเรียนที่ ๒", "schools": 14},
    ]
    assert group["clusters_text"] == [said, "มีจำนวน ๑๐ โรงเรียน"]  # the sentences stay where they stood


# --- the schools page and the work groups' members, from small text files of shapes the seeds do not have --------


def imported(text: str) -> Draft:
    return recognise([parse(text, "manual.txt")])


SCHOOLS = """แนวคิด

กลุ่มนิเทศเป็นกลุ่มงานที่ดำเนินการเกี่ยวกับการนิเทศการศึกษา

กลุ่มสาระการเรียนรู้

- กลุ่มสาระการเรียนรู้ภาษาไทย
- คณิตศาสตร์
- วิทยาศาสตร์และเทคโนโลยี
- ภาษาจีน

กลุ่มโรงเรียน

กลุ่มโรงเรียนเป็นการรวมตัวของโรงเรียนในพื้นที่ใกล้เคียงเพื่อพัฒนาคุณภาพการศึกษาร่วมกัน

กลุ่มโรงเรียนที่ ๑ จำนวน ๑๒ โรงเรียน

กลุ่มโรงเรียนที่ ๒

๑. โรงเรียนบ้านหนองบัว
๒. โรงเรียนวัดป่าแดง

เครือข่ายและศูนย์พัฒนาวิชาการ

ชื่อเครือข่าย\tจำนวนโรงเรียน\tผู้ประสานงาน
ศูนย์พัฒนาวิชาการคณิตศาสตร์\t๑๘\tโรงเรียนบ้านหนองบัว
เครือข่ายภาษาจีน\t๗\t
รวม\t๒๕\t

การปฏิบัติงานตามที่ได้รับมอบหมาย

สำนักงานเขตพื้นที่การศึกษาทดสอบ ได้มอบหมายให้ นายสมชาย ใจดี ตำแหน่ง ศึกษานิเทศก์ชำนาญการ

โรงเรียนและกลุ่มสาระการเรียนรู้ที่รับผิดชอบ

กลุ่มโรงเรียนที่ ๒

กลุ่มสาระการเรียนรู้วิทยาศาสตร์และเทคโนโลยี

ศูนย์พัฒนาวิชาการคณิตศาสตร์
"""


def test_learning_areas_clusters_and_networks_listed_under_their_headings() -> None:
    draft = imported(SCHOOLS)
    group = draft.office.data["group"]
    # a bulleted list: the curriculum's areas by their standard ids, another area by its romanised name (a guess)
    assert group["learning_areas"] == [
        {"id": "thai", "name": "ภาษาไทย"},
        {"id": "math", "name": "คณิตศาสตร์"},
        {"id": "science", "name": "วิทยาศาสตร์และเทคโนโลยี"},
        {"id": "phasachin", "name": "ภาษาจีน"},
    ]
    assert ("group", "learning_areas", 3, "id") in [guess.path for guess in draft.office.guesses]
    # a line with its count, and a cluster's heading with its schools listed under it
    assert group["clusters"] == [
        {"id": "cluster-1", "name": "กลุ่มโรงเรียนที่ ๑", "schools": 12},
        {"id": "cluster-2", "name": "กลุ่มโรงเรียนที่ ๒", "schools": ["โรงเรียนบ้านหนองบัว", "โรงเรียนวัดป่าแดง"]},
    ]
    assert group["clusters_text"] == ["กลุ่มโรงเรียนเป็นการรวมตัวของโรงเรียนในพื้นที่ใกล้เคียงเพื่อพัฒนาคุณภาพการศึกษาร่วมกัน"]
    # a table of networks with their counts: another column is kept in the entry's text, the total row kept too
    assert group["networks"] == [
        {
            "id": "sun-phatna-wichakan-khanitsat",
            "name": "ศูนย์พัฒนาวิชาการคณิตศาสตร์",
            "schools": 18,
            "text": ["ผู้ประสานงาน: โรงเรียนบ้านหนองบัว"],
        },
        {"id": "khrueakhai-phasachin", "name": "เครือข่ายภาษาจีน", "schools": 7},
    ]
    (section,) = group["sections"]
    assert section == {"title": "เครือข่ายและศูนย์พัฒนาวิชาการ", "after": "schools", "text": ["รวม ๒๕"]}
    # the person's references are the group's entries, not new ones
    (person,) = draft.people.values()
    assert person.data["learning_areas"] == ["science"]
    assert person.data["clusters"] == ["cluster-2"]
    assert person.data["networks"] == ["sun-phatna-wichakan-khanitsat"]
    OfficeFile.model_validate(draft.office.data)


def test_learning_areas_a_sentence_enumerates_anywhere_in_the_manual() -> None:
    """Seeds 000 and 002 name the areas only inside a sentence (in a person's duty, in 002); every sentence that
    enumerates them adds the ones the others did not name, and the sentences stay where they stood."""
    said = (
        "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน จัดแบ่งกลุ่มสาระการเรียนรู้เป็น ๘ กลุ่ม ได้แก่ ๑) ภาษาไทย ๒) คณิตศาสตร์ "
        "๓) วิทยาศาสตร์ ๔) สังคมศึกษา ศาสนาและวัฒนธรรม ๕) สุขศึกษาและพลศึกษา ๖) ศิลปะ ๗) การงานอาชีพ และ "
        "๘) ภาษาต่างประเทศ และเพิ่มเติม ๙) กิจกรรมพัฒนาผู้เรียน"
    )
    draft = recognise([Source("manual.txt", [p("แนวคิด"), p(said), p("ทุกกลุ่มมี ๑) ครู ๒) นักเรียน ๓) ผู้ปกครอง")])])
    group = draft.office.data["group"]
    assert [area["id"] for area in group["learning_areas"]] == [
        "thai", "math", "science", "social", "health", "arts", "career", "foreign", "student-activities",
    ]  # fmt: skip
    assert group["learning_areas"][3]["name"] == "สังคมศึกษา ศาสนาและวัฒนธรรม"
    assert group["concept"][0] == said
    assert ("group", "learning_areas") in [guess.path for guess in draft.office.guesses]


MEMBERS = """ขอบข่ายภารกิจ

๑. กลุ่มงานนิเทศ ติดตามและประเมินผลระบบบริหารและการจัดการศึกษา
๑.๑ งานส่งเสริมและพัฒนาระบบการนิเทศ

ผู้ปฏิบัติงาน

นายสมชาย ใจดี

ศึกษานิเทศก์ชำนาญการพิเศษ

นางสาวสมศรี มีสุข เจ้าหน้าที่ธุรการ

๒. กลุ่มงานวัดและประเมินผลการศึกษา
๒.๑ งานทดสอบทางการศึกษา

ผู้ปฏิบัติงาน: นายสมชาย ใจดี, นางวิไล สอนดี

๓. กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา

ผู้ปฏิบัติงานในกลุ่มงาน

กลุ่มงาน\tชื่อ - สกุล\tตำแหน่ง
กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา\tนางวิไล สอนดี\tศึกษานิเทศก์ชำนาญการ
กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา\tนายประยุทธ ขยันดี\tศึกษานิเทศก์

การปฏิบัติงานตามที่ได้รับมอบหมาย

สำนักงานเขตพื้นที่การศึกษาทดสอบ ได้มอบหมายให้ นางวิไล สอนดี ตำแหน่ง ศึกษานิเทศก์ชำนาญการ
"""


def test_members_listed_under_each_work_group_become_ids_and_an_unknown_name_stays_visible() -> None:
    draft = imported(MEMBERS)
    assert set(draft.people) == {"somchai-chaidi", "wilai-sondi"}  # สมชาย from the name and position lines
    first, second, third = draft.office.data["group"]["workgroups"]
    # lines under the work group: a name with its position on the next line, and one nobody of the import has
    assert first["members"] == ["somchai-chaidi"]
    assert first["tasks"] == ["งานส่งเสริมและพัฒนาระบบการนิเทศ"]
    assert first["text"] == ["ผู้ปฏิบัติงาน: นางสาวสมศรี มีสุข เจ้าหน้าที่ธุรการ"]
    guesses = {guess.path: guess.note for guess in draft.office.guesses}
    assert "people/" in guesses[("group", "workgroups", 0, "text")]
    # names after ผู้ปฏิบัติงาน:
    assert second["members"] == ["somchai-chaidi", "wilai-sondi"]
    assert "text" not in second
    # a table of work groups and names, under a heading of its own after the scope: the same work group
    assert third["members"] == ["wilai-sondi"]
    assert third["text"] == ["ผู้ปฏิบัติงาน: นายประยุทธ ขยันดี"]
    assert len(draft.office.data["group"]["workgroups"]) == 3
    OfficeFile.model_validate(draft.office.data)


def test_a_table_of_members_with_the_work_group_merged_down_its_rows() -> None:
    def cell(text: str, rowspan: int = 1) -> Cell:
        return Cell((p(text),) if text else (), rowspan=rowspan)

    staff = Table(
        (
            (cell("กลุ่มงาน"), cell("ชื่อ - สกุล")),
            (cell("กลุ่มงานวัดและประเมินผลการศึกษา", rowspan=2), cell("นายสมชาย ใจดี")),
            (cell("ดร.วิไล สอนดี"),),
        ),
        HERE,
        header_rows=1,
    )
    part = office.recognise([p("ขอบข่ายภารกิจ"), li("กลุ่มงานวัดและประเมินผลการศึกษา"), p("ผู้ปฏิบัติงานในกลุ่มงาน"), staff])
    (workgroup,) = part.data["group"]["workgroups"]
    assert workgroup["members"] == ["นายสมชาย ใจดี", "ดร.วิไล สอนดี"]  # names, for the orchestrator to make ids of
    assert "sections" not in part.data["group"]
    # a table that is not one of members is kept whole
    other = Table(((cell("กลุ่มงาน"), cell("งาน")), (cell("กลุ่มงานอื่น"), cell("นายสมชาย ใจดี"))), HERE)
    part = office.recognise([p("ขอบข่ายภารกิจ"), li("กลุ่มงานวัดและประเมินผลการศึกษา"), other])
    assert "members" not in part.data["group"]["workgroups"][0]
    assert part.data["group"]["sections"][0]["text"][0]["table"]["rows"] == [["กลุ่มงานอื่น", "นายสมชาย ใจดี"]]


def test_a_whole_manuals_back_pages_go_back_to_their_data() -> None:
    """The pages a book prints from the data at the back (as our Word copy has them, headings styled): the chart
    of members, the documents' table with a web address on a line of its own, the bibliography, the contacts."""

    def cell(*lines: str) -> Cell:
        return Cell(tuple(p(line) for line in lines))

    def table(*rows: tuple[str | tuple[str, ...], ...]) -> Table:
        cells = tuple(tuple(cell(*([v] if isinstance(v, str) else v)) for v in row) for row in rows)
        return Table(cells, HERE, header_rows=1)

    part = office.recognise(
        [
            Heading("ขอบข่ายภารกิจ", 2, HERE),
            li("กลุ่มงานวัดและประเมินผลการศึกษา"),
            li("กลุ่มงานนิเทศการศึกษา"),
            Heading("ติดต่อ", 2, HERE),
            li("โทรศัพท์: 053-481069 ต่อ 123"),
            li("ที่อยู่: ถนนทดสอบ อำเภอเมือง"),
            Heading("ตารางความรับผิดชอบ", 1, HERE),
            p("ใครรับผิดชอบกระบวนงานใด"),
            Heading("สมาชิกของกลุ่มงาน", 2, HERE),
            table(
                ("กลุ่มงาน", "นายสมชาย ใจดี", "ดร.วิไล สอนดี"),
                ("กลุ่มงานวัดและประเมินผลการศึกษา", "สมาชิก", ""),
                ("กลุ่มงานนิเทศการศึกษา", "สมาชิก", "สมาชิก"),
            ),
            Heading("เอกสารอ้างอิงและบรรณานุกรม", 1, HERE),
            Heading("กฎหมายและเอกสารอ้างอิง", 2, HERE),
            table(
                ("ที่", "เอกสาร", "อ้างถึงใน"),
                ("๑", ("พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒", "https://example.go.th/act.pdf"), "งานนิเทศ"),
            ),
            Heading("บรรณานุกรม", 2, HERE),
            p("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๖๓). แนวทางการนิเทศ. กรุงเทพมหานคร : โรงพิมพ์ทดสอบ."),
        ]
    )
    group = part.data["group"]
    assert [workgroup["members"] for workgroup in group["workgroups"]] == [
        ["นายสมชาย ใจดี"],
        ["นายสมชาย ใจดี", "ดร.วิไล สอนดี"],
    ]
    assert group["contacts"] == {"phone": "053-481069 ต่อ 123", "address": "ถนนทดสอบ อำเภอเมือง"}
    # for the orchestrator to make references.yml of
    assert part.data["documents"] == [
        {"title": "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒", "url": "https://example.go.th/act.pdf"}
    ]
    assert part.data["bibliography"][0].startswith("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๖๓)")
    # a heading no field knows, above the part before it: a free section of its own title, not the contacts' text
    (section,) = group["sections"]
    assert section["title"] == "ตารางความรับผิดชอบ" and section["text"] == ["ใครรับผิดชอบกระบวนงานใด"]


def test_the_whole_manuals_documents_and_bibliography_join_those_the_processes_cite() -> None:
    source = """ชื่องาน (กระบวนงาน) งานนิเทศการศึกษา

๑. วัตถุประสงค์
เพื่อพัฒนาคุณภาพ

๕. ขั้นตอนการปฏิบัติงาน
๑) วางแผน
๒) ปฏิบัติ

๘. เอกสารอ้างอิง
๑) พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒

กฎหมายและเอกสารอ้างอิง

พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒

ระเบียบกระทรวงศึกษาธิการ ว่าด้วยการนิเทศ

บรรณานุกรม
สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน. (๒๕๖๓). แนวทางการนิเทศ. กรุงเทพมหานคร : โรงพิมพ์ทดสอบ.
"""
    draft = imported(source)
    documents = draft.references.data["documents"]
    assert [document["title"] for document in documents] == [
        "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒",
        "ระเบียบกระทรวงศึกษาธิการ ว่าด้วยการนิเทศ",
    ]
    (process,) = draft.processes.values()
    assert process.data["references"] == [documents[0]["id"]]
    (source_entry,) = draft.references.data["bibliography"]
    assert source_entry["title"] == "แนวทางการนิเทศ" and source_entry["publisher"] == "โรงพิมพ์ทดสอบ"
    assert "documents" not in draft.office.data and "bibliography" not in draft.office.data


def test_a_responsibility_chart_is_left_out_only_when_the_import_holds_every_mark() -> None:
    """ตารางความรับผิดชอบ as the books print it is made from the people's processes and the steps' responsible
    people: left out (and said in the report) when each mark is there, kept whole to check when one is not."""
    from opmanual.importer.draft import Part
    from opmanual.importer.recognise import _charts

    def cell(text: str, colspan: int = 1) -> Cell:
        return Cell((p(text),) if text else (), colspan=colspan)

    def chart(*marks: str) -> list[Block]:
        rows = (
            (cell("กระบวนงาน"), cell("นายสมชาย ใจดี"), cell("ดร.วิไล สอนดี"), cell("ผู้อนุมัติ")),
            (cell("กลุ่มงานนิเทศการศึกษา", colspan=4),),
            (cell("งานนิเทศภายใน"), *(cell(mark) for mark in marks), cell("ยังไม่อนุมัติ")),
        )
        intro = p("ใครรับผิดชอบกระบวนงานใด ขั้นตอนใด และใครเป็นผู้อนุมัติ สร้างจากข้อมูลของบุคลากรและกระบวนงาน")
        return [Heading("ตารางความรับผิดชอบ", 1, HERE), intro, Table(rows, HERE, header_rows=1)]

    def draft(*marks: str) -> Draft:
        made = Draft(office=office.recognise(chart(*marks)))
        made.people = {
            "somchai": Part({"prefix": "นาย", "name": "สมชาย", "surname": "ใจดี", "processes": ["internal"]}),
            "wilai": Part({"prefix": "ดร.", "name": "วิไล", "surname": "สอนดี"}),
        }
        made.processes = {
            "internal": Part({"name": "งานนิเทศภายใน", "steps": [{"text": "นิเทศ", "responsible": ["wilai"]}]})
        }
        _charts(made)
        return made

    held = draft("รับผิดชอบ", "ขั้นตอน ๑")
    assert "sections" not in held.office.data["group"] and "_charts" not in held.office.data
    assert any("ไม่นำเข้าตารางความรับผิดชอบ" in note for note in held.notes)
    # สอนดี runs it, says the chart, but her file does not: the chart is kept, whole, to check
    kept = draft("รับผิดชอบ", "รับผิดชอบ")
    (section,) = kept.office.data["group"]["sections"]
    assert section["title"] == "ตารางความรับผิดชอบ"
    assert section["text"][0]["table"]["rows"][-1][:3] == ["งานนิเทศภายใน", "รับผิดชอบ", "รับผิดชอบ"]
    assert not kept.notes
    # a mark in other words than the books' says what no part holds
    assert draft("รับผิดชอบ", "✓").office.data["group"]["sections"][0]["title"] == "ตารางความรับผิดชอบ"


def test_the_supervisors_a_list_of_clusters_names_become_the_peoples_references() -> None:
    """The column ศึกษานิเทศก์ผู้รับผิดชอบ (and our books' "— ผู้รับผิดชอบ: …" after a network) is printed from each
    person's clusters and networks: a name of the import adds the entry there; another name stays as text."""
    draft = imported(
        """กลุ่มโรงเรียน

กลุ่มโรงเรียน\tจำนวนโรงเรียน\tศึกษานิเทศก์ผู้รับผิดชอบ
กลุ่มโรงเรียนที่ ๑\t๑๐\tนายประยุทธ ขยันดี
กลุ่มโรงเรียนที่ ๒\t๑๔\tนายสมชาย ใจดี

เครือข่ายและศูนย์พัฒนาวิชาการ

- ศูนย์พัฒนาวิชาการคณิตศาสตร์ — ผู้รับผิดชอบ: นายสมชาย ใจดี

การปฏิบัติงานตามที่ได้รับมอบหมาย

สำนักงานเขตพื้นที่การศึกษาทดสอบ ได้มอบหมายให้ นายสมชาย ใจดี ตำแหน่ง ศึกษานิเทศก์ชำนาญการ
"""
    )
    group = draft.office.data["group"]
    first, second = group["clusters"]
    (network,) = group["networks"]
    assert network["name"] == "ศูนย์พัฒนาวิชาการคณิตศาสตร์"
    (person,) = draft.people.values()
    assert person.data["clusters"] == [second["id"]] and person.data["networks"] == [network["id"]]
    assert "text" not in second and "text" not in network
    assert first["text"] == ["ศึกษานิเทศก์ผู้รับผิดชอบ: นายประยุทธ ขยันดี"]
    assert ("group", "clusters", 0, "text") in [guess.path for guess in draft.office.guesses]
    OfficeFile.model_validate(draft.office.data)
