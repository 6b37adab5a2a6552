"""Loading and validating data: every error of every file, each as `file:line: message`, in plain words."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from opmanual import thai
from opmanual.data import dataset
from opmanual.data import model as m
from opmanual.data.dataset import load
from opmanual.errors import DataErrors

OFFICE = """\
office:
  name: สำนักงานเขตพื้นที่การศึกษาทดสอบ
group:
  name: กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา
  workgroups:
    - id: quality
      name: กลุ่มงานประกันคุณภาพ
      members: [somchai]
  clusters:
    - id: cluster-1
      name: กลุ่มโรงเรียนที่ ๑
      schools: 10
organization:
  - id: director
    title: ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา
    name: นายทดสอบ ระบบ
  - id: group-director
    title: ผู้อำนวยการกลุ่มนิเทศ
    person: somchai
    reports_to: director
format: 1
"""
PERSON = """\
prefix: นาย
name: สมชาย
surname: ใจดี
rank: ชำนาญการ
clusters: [cluster-1]
processes: [qa]
bibliography: [book]
"""
PROCESS = """\
name: งานส่งเสริมระบบประกันคุณภาพ
workgroup: quality
steps:
  - ศึกษา วิเคราะห์
  - text: ส่งเสริม สนับสนุน
    steps:
      - สร้างความตระหนัก
references: [act]
"""
REFERENCES = """\
documents:
  - id: act
    title: พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒
bibliography:
  - id: book
    author: สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน
    year: "๒๕๖๓"
    title: แนวทางการพัฒนาระบบการประกันคุณภาพการศึกษา
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write(
        tmp_path / "data",
        {
            "office.yml": OFFICE,
            "people/somchai.yml": PERSON,
            "processes/qa.yml": PROCESS,
            "references.yml": REFERENCES,
        },
    )


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load(root)
    return [str(error) for error in caught.value.errors]


def test_valid_data_loads_and_derives_back_references(data: Path) -> None:
    manual = load(data)
    assert list(manual.people) == ["somchai"]
    assert manual.runners_of("qa") == ["somchai"]
    assert [g.id for g in manual.workgroups_of("somchai")] == ["quality"]
    assert manual.processes_of_workgroup("quality") == ["qa"]
    assert manual.citers_of_document("act") == ["qa"]
    assert manual.cited_by("sources", "book", "Person.bibliography") == [("people", "somchai")]
    assert [p.id for p in manual.positions_of("somchai")] == ["group-director"]
    assert manual.people_of_cluster("cluster-1") == ["somchai"]
    assert manual.group_head == "group-director"
    assert manual.processes["qa"].steps[1].steps[0].text == "สร้างความตระหนัก"


def test_text_is_normalised_on_load(data: Path) -> None:
    write(
        data,
        {"people/somchai.yml": PERSON.replace("name: สมชาย", "name: สมชาย\u200b  ").replace("ใจดี", "ใจด ี")},
    )
    person = load(data).people["somchai"]
    assert (person.name, person.surname) == ("สมชาย", "ใจดี")


def test_unknown_key_names_the_closest_allowed_key(data: Path) -> None:
    write(data, {"people/somchai.yml": PERSON + "dutys:\n  - title: งาน\n"})
    assert errors_of(data) == [
        "data/people/somchai.yml:8:1: dutys: unknown key `dutys`; did you mean `duties`? (ไม่รู้จักคีย์นี้)"
    ]


def test_nested_errors_point_at_their_line(data: Path) -> None:
    write(data, {"people/somchai.yml": PERSON + "duties:\n  - title: งานหนึ่ง\n  - titel: งานสอง\n"})
    assert errors_of(data) == [
        "data/people/somchai.yml:10:5: duties → #2 → titel: unknown key `titel`; did you mean `title`? (ไม่รู้จักคีย์นี้)",
        "data/people/somchai.yml:10:5: duties → #2 → title: this field is required but missing (ต้องมีข้อมูลนี้)",
    ]


def test_wrong_types_are_explained(data: Path) -> None:
    write(
        data,
        {
            "people/somchai.yml": PERSON.replace("name: สมชาย", "name: [สม, ชาย]")
            .replace("rank: ชำนาญการ", "rank: ชำนาญ")
            .replace("clusters: [cluster-1]", "clusters: cluster-1")
        },
    )
    assert errors_of(data) == [
        "data/people/somchai.yml:2:1: name: expected text, found a list (ต้องเป็นข้อความ)",
        "data/people/somchai.yml:4:1: rank: `ชำนาญ` is not allowed; use one of: "
        "'ชำนาญการ', 'ชำนาญการพิเศษ', 'เชี่ยวชาญ' or 'เชี่ยวชาญพิเศษ'",
        "data/people/somchai.yml:5:1: clusters: expected a list (lines starting with `- `), found the text "
        "`cluster-1` (ต้องเป็นรายการ)",
    ]


def test_missing_required_field(data: Path) -> None:
    write(data, {"people/somchai.yml": PERSON.replace("surname: ใจดี\n", "")})
    assert errors_of(data) == ["data/people/somchai.yml:1:1: surname: this field is required but missing (ต้องมีข้อมูลนี้)"]


def test_dangling_references_and_duplicates(data: Path) -> None:
    write(
        data,
        {
            "people/somchai.yml": PERSON.replace("processes: [qa]", "processes: [qa, qa-old]"),
            "processes/qa.yml": PROCESS.replace("references: [act]", "references: [act, nea]")
            + "schedule:\n  - text: ประเมิน\n    start: 2023-05\n",
            "references.yml": REFERENCES + "  - id: book\n    title: ซ้ำ\n",
        },
    )
    assert errors_of(data) == [
        "data/people/somchai.yml:6:17: `qa-old` is not a known process; known: qa (ไม่พบรหัสที่อ้างถึง)",
        "data/processes/qa.yml:11:5: schedule → #1 → start: 2023 is a year in ค.ศ.: write it in พ.ศ. (ค.ศ. + 543) as "
        "2566-05; a year here lies between 2500 and 2600 (ใช้ปี พ.ศ.)",
        "data/references.yml:9:5: duplicate bibliography entry id `book`",
    ]


def test_references_are_checked_once_the_file_is_valid(data: Path) -> None:
    write(data, {"processes/qa.yml": PROCESS.replace("references: [act]", "references: [act, nea]")})
    assert errors_of(data) == ["data/processes/qa.yml:8:19: `nea` is not a known document; known: act (ไม่พบรหัสที่อ้างถึง)"]


def test_every_error_of_every_file_is_reported(data: Path) -> None:
    write(
        data,
        {
            "office.yml": OFFICE.replace("members: [somchai]", "members: [somchai, nobody]"),
            "people/somchai.yml": PERSON + "titel: x\n",
            "processes/qa.yml": PROCESS + "steps: []\n",
            "people/Bad Name.yml": PERSON,
        },
    )
    assert errors_of(data) == [
        "data/office.yml:8:26: `nobody` is not a known person; known: somchai (ไม่พบรหัสที่อ้างถึง)",
        "data/people/Bad Name.yml:1:1: file name `Bad Name.yml` is not a valid id: use lowercase a-z, 0-9 and '-', "
        "at most 100 characters",
        "data/people/somchai.yml:8:1: titel: unknown key `titel`; allowed keys: "
        f"{', '.join(m.Person.model_fields)} (ไม่รู้จักคีย์นี้)",
        "data/processes/qa.yml:9:1: the key `steps` appears twice in the same block",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "name: [unclosed\n",
            "data/processes/qa.yml:2:1: YAML syntax error: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "name: x\n\tsteps: []\n",
            "data/processes/qa.yml:2:1: YAML syntax error: a tab character is not allowed",
        ),
        ("", "data/processes/qa.yml:1:1: the file is empty (ไฟล์ว่าง)"),
        (
            "name: &n x\nscope: *n\n",
            "data/processes/qa.yml:2:8: anchors and aliases (&name, *name) are not supported",
        ),
        ("name: x\nscope: &n y\n", "data/processes/qa.yml:2:8: anchors and aliases (&name, *name) are not supported"),
        ("name: !!python/name:os.system x\n", "data/processes/qa.yml:1:7: YAML tags such as `!!python/name:os.system`"),
        ("name: !secret x\n", "data/processes/qa.yml:1:7: YAML tags such as `!secret` are not used in a manual"),
        ("name: !!str x\n", "data/processes/qa.yml:1:7: YAML tags such as `!!str` are not used in a manual"),
        ("name: ! x\n", "data/processes/qa.yml:1:7: YAML tags such as `!` are not used in a manual"),
        ("steps: !!seq [a]\n", "data/processes/qa.yml:1:8: YAML tags such as `!!seq` are not used in a manual"),
        ("name: x\n---\nname: y\n", "data/processes/qa.yml:2:1: a data file holds one YAML document"),
        (
            "- just\n- a list\n",
            "data/processes/qa.yml:1:1: expected a block of `key: value` lines, found a list",
        ),
    ],
)
def test_unreadable_yaml(data: Path, content: str, expected: str) -> None:
    write(data, {"processes/qa.yml": content})
    errors = errors_of(data)
    assert len(errors) == 1
    assert errors[0].startswith(expected)


LINE_BREAK = (
    "an invisible line break ({}) stands here{}, pasted from Word or a PDF; YAML reads it as a new line, which breaks "
    "the file: delete it, or press Enter where a new line is meant (อักขระขึ้นบรรทัดที่มองไม่เห็น)"
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name: งาน\u2028ส่งเสริม\n", ["1:10: " + LINE_BREAK.format("U+2028 LINE SEPARATOR", "")]),
        ("name: 'งาน\u2029ส่งเสริม'\n", ["1:11: " + LINE_BREAK.format("U+2029 PARAGRAPH SEPARATOR", "")]),
        ("name: งาน\rส่งเสริม\n", ["1:10: " + LINE_BREAK.format("U+000D CARRIAGE RETURN", "")]),
        (
            "name: งาน\x85\nsteps: [ก\u2028ข, ค\u2028]  # ทุก\u2028ที่\n",
            [
                "1:10: " + LINE_BREAK.format("U+0085 NEXT LINE", ""),
                "2:10: " + LINE_BREAK.format("U+2028 LINE SEPARATOR", " (and 2 more in this file)"),
            ],
        ),
        (
            'name: "งาน\\Lส่งเสริม"\n',  # the escape of U+2028
            [
                "1:7: the text contains an invisible line break (U+2028 LINE SEPARATOR) that a manual cannot hold; remove it"
            ],
        ),
    ],
)
def test_an_invisible_line_break_is_named_where_it_is(data: Path, content: str, expected: list[str]) -> None:
    """Word and PDFs paste line breaks that YAML breaks lines at but no editor sees: named, not a syntax error."""
    (data / "processes/qa.yml").write_bytes(content.encode("utf-8"))
    assert errors_of(data) == [f"data/processes/qa.yml:{message}" for message in expected]


def test_windows_line_endings_are_line_endings(data: Path) -> None:
    (data / "processes/qa.yml").write_bytes(PROCESS.replace("\n", "\r\n").encode("utf-8"))
    assert load(data).processes["qa"].name == "งานส่งเสริมระบบประกันคุณภาพ"


def test_not_utf8(data: Path) -> None:
    (data / "processes/qa.yml").write_bytes("name: งาน\n".encode("tis-620"))
    assert errors_of(data) == [
        "data/processes/qa.yml:1:1: the file is not UTF-8 text; save it as UTF-8 (บันทึกไฟล์เป็น UTF-8)"
    ]


def test_byte_order_mark_is_accepted(data: Path) -> None:
    (data / "processes/qa.yml").write_bytes(b"\xef\xbb\xbf" + PROCESS.encode())
    assert load(data).processes["qa"].name == "งานส่งเสริมระบบประกันคุณภาพ"


def test_organisation_chart_loop(data: Path) -> None:
    write(
        data,
        {
            "office.yml": OFFICE.replace(
                "    name: นายทดสอบ ระบบ\n", "    name: นายทดสอบ ระบบ\n    reports_to: group-director\n"
            )
        },
    )
    assert errors_of(data) == [
        "data/office.yml:17:5: the organisation chart has a loop: director → group-director → director",
        "data/office.yml:21:5: the organisation chart has a loop: group-director → director → group-director",
    ]


def test_missing_office_and_stray_files(data: Path) -> None:
    (data / "office.yml").unlink()
    (data / "notes.yml").write_text("x: 1", encoding="utf-8")
    (data / "people/photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert errors_of(data) == [
        "data/notes.yml:1:1: unexpected data file: a manual has office.yml, references.yml, people/<id>.yml and "
        "processes/<id>.yml",
        "data/office.yml:1:1: missing: every manual needs office.yml (ไม่พบไฟล์)",
        "data/people/photo.png:1:1: unexpected file in people/: data files end in .yml",
    ]


def test_a_new_referencing_field_is_checked_and_indexed_with_no_other_change(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A field declared as a reference on the model is checked and derived from that declaration alone."""

    class Mentored(m.Person):
        mentor: m.PersonId | None = None
        readings: list[m.SourceId] = []  # noqa: RUF012 - a pydantic field, copied per instance

    monkeypatch.setitem(dataset.FOLDERS, "people", Mentored)
    write(data, {"people/somchai.yml": PERSON + "mentor: somsak\nreadings: [book, book, nobook]\n"})
    assert errors_of(data) == [
        "data/people/somchai.yml:8:1: `somsak` is not a known person; did you mean `somchai`? (ไม่พบรหัสที่อ้างถึง)",
        "data/people/somchai.yml:9:18: `book` is listed twice",
        "data/people/somchai.yml:9:24: `nobook` is not a known bibliography entry; did you mean `book`? "
        "(ไม่พบรหัสที่อ้างถึง)",
    ]
    write(data, {"people/somchai.yml": PERSON + "mentor: somchai\n"})
    manual = load(data)
    assert manual.cited_by("people", "somchai", "Mentored.mentor") == [("people", "somchai")]


# Values that look right but are not ------------------------------------------------------------------------------

APPROVED = "approval:\n  status: approved\n  by: นายทดสอบ ระบบ\n  position: ผู้อำนวยการ\n  date: {}\n"
NEW_YEAR_2568 = "1735664400"  # 1 January 2568, 00:00 in Bangkok (still 31 December 2567 in UTC)
YEARS = "a year here lies between 2500 and 2600 (ใช้ปี พ.ศ.)"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        # Years in ค.ศ. where พ.ศ. is meant, told how to write them; other years, the range.
        ("processes/qa.yml", "references:", APPROVED.format("2024-10-01") + "references:",
         "12:3: approval → date: 2024 is a year in ค.ศ.: write it in พ.ศ. (ค.ศ. + 543) as 2567-10-01; " + YEARS),
        ("processes/qa.yml", "references:", APPROVED.format("2450-10-01") + "references:",
         "12:3: approval → date: 2450 is not a year in พ.ศ.: a year here lies between 2500 and 2600, such as 2567 "
         "(ใช้ปี พ.ศ.)"),
        ("processes/qa.yml", "references:", APPROVED.format("2568-13-01") + "references:",
         "12:3: approval → date: `2568-13-01` is not a day of the calendar (ไม่มีวันที่นี้)"),
        ("people/somchai.yml", "rank:", "foreword:\n  text: คำนำ\n  date: ๓๐ กันยายน ๒๐๒๔\nrank:",
         "6:3: foreword → date: 2024 is a year in ค.ศ.: write it in พ.ศ. (ค.ศ. + 543) as ๓๐ กันยายน ๒๕๖๗; "
         + YEARS),
        ("people/somchai.yml", "rank:", "order:\n  number: 1/2567\n  title: มอบหมายงาน\n  date: วันที่ 31 ก.ย. 2567\n"
         "rank:", "7:3: order → date: `31 ก.ย. 2567` is not a day of the calendar (ไม่มีวันที่นี้)"),
        ("references.yml", "    year: \"๒๕๖๓\"", "    year: \"๒๕๖๓\"\n    accessed: 13 พฤษภาคม 1964",
         "8:5: bibliography → #1 → accessed: 1964 is a year in ค.ศ.: write it in พ.ศ. (ค.ศ. + 543) as "
         "13 พฤษภาคม 2507; " + YEARS),
        # A day that has not come: after the build's date (SOURCE_DATE_EPOCH), in Bangkok.
        ("processes/qa.yml", "references:", APPROVED.format("2568-01-02") + "references:",
         "12:3: approval → date: `2568-01-02` is after the build's date, 2568-01-01 (SOURCE_DATE_EPOCH) in Bangkok: "
         "a day that has not come cannot be recorded; check the year and the month (ยังไม่ถึงวันที่นี้)"),
        ("processes/qa.yml", "references:", "revisions:\n  - version: '1'\n    date: ๒๕๖๙-๐๑-๐๑\n    change: ก\n"
         "references:", "10:5: revisions → #1 → date: `2569-01-01` is after the build's date, 2568-01-01 "
         "(SOURCE_DATE_EPOCH) in Bangkok: a day that has not come cannot be recorded; check the year and the month "
         "(ยังไม่ถึงวันที่นี้)"),
        # Versions count from 1.
        ("office.yml", "office:", "manual:\n  approval:\n    status: approved\n    by: ก\n    position: ข\n"
         "    date: 2567-01-01\n    version: 0\noffice:", "7:5: manual → approval → version: 0 is too small: at least 1"),
        ("office.yml", "office:", "manual:\n  approval:\n    status: approved\n    by: ก\n    position: ข\n"
         "    date: 2567-01-01\n    version: -2\noffice:",
         "7:5: manual → approval → version: `-2`: a version number cannot be negative"),
        ("processes/qa.yml", "references:", "revisions:\n  - version: -1.0\n    date: 2567-01-01\n    change: ก\n"
         "references:", "9:5: revisions → #1 → version: `-1.0`: a version cannot be negative; a draft's versions "
         "are ๐.๑, ๐.๒ … (ฉบับที่ติดลบไม่ได้)"),
        # Addresses: only the web's, an e-mail that is one, a telephone number with its digits.
        ("references.yml", "    title: พระราชบัญญัติ", "    url: javascript:alert(1)\n    title: พระราชบัญญัติ",
         "3:5: documents → #1 → url: `javascript:alert(1)` is not a web address: write one that starts with "
         "https:// or http:// (or www.) (ที่อยู่เว็บไม่ถูกต้อง)"),
        ("office.yml", "  workgroups:", "  contacts:\n    website: file:///etc/passwd\n  workgroups:",
         "6:5: group → contacts → website: `file:///etc/passwd` is not a web address: write one that starts with "
         "https:// or http:// (or www.) (ที่อยู่เว็บไม่ถูกต้อง)"),
        ("office.yml", "  workgroups:", "  contacts:\n    email: ไม่มี\n  workgroups:",
         "6:5: group → contacts → email: `ไม่มี` is not an e-mail address such as nithet@example.go.th "
         "(อีเมลไม่ถูกต้อง)"),
        ("office.yml", "  workgroups:", "  contacts:\n    phone: ติดต่อที่สำนักงาน\n  workgroups:",
         "6:5: group → contacts → phone: `ติดต่อที่สำนักงาน` holds no telephone number: write its digits, such as "
         "0 2288 5555 (ไม่มีหมายเลขโทรศัพท์)"),
        # Durations the total of a process could not add up.
        ("processes/qa.yml", "  - ศึกษา วิเคราะห์", "  - text: ศึกษา วิเคราะห์\n    duration: -1 เดือน",
         "5:5: steps → #1 → duration: `-1 เดือน`: a time cannot be negative (ระยะเวลาติดลบไม่ได้)"),
        ("processes/qa.yml", "  - ศึกษา วิเคราะห์", "  - text: ศึกษา วิเคราะห์\n    duration: ๕–๓ วัน",
         "5:5: steps → #1 → duration: `๕–๓ วัน` runs backwards: write a range from the shorter time to the longer, "
         "such as ๒–๓ วัน (ช่วงเวลากลับด้าน)"),
        # Lengths far above real manuals, so that no value costs minutes to print.
        ("processes/qa.yml", "name: งานส่งเสริมระบบประกันคุณภาพ", "name: " + "ก" * 301,
         f"1:1: name: `{'ก' * 60}…` is too long: at most 300 characters"),  # the top of every page repeats it
        ("processes/qa.yml", "  - ศึกษา วิเคราะห์", "  - " + "ค" * 4001,
         f"4:5: steps → #1 → text: `{'ค' * 60}…` is too long: at most 4000 characters"),
        ("processes/qa.yml", "references:", "scope: " + "ข" * 20_001 + "\nreferences:",
         f"8:1: scope → #1: `{'ข' * 60}…` is too long: at most 20000 characters"),
        ("office.yml", "office:", "labels:\n  draft_mark: " + "ร่าง" * 13 + "\noffice:",
         f"2:3: labels → draft_mark: `{('ร่าง' * 13)[:60]}` is too long: at most 50 characters"),
    ],
)  # fmt: skip
def test_values_that_look_right_but_are_not(
    data: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str, expected: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NEW_YEAR_2568)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert errors_of(data) == [f"data/{file}:{expected}"]


def test_values_that_are_right_are_kept(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first day of the build's own date in Bangkok, addresses without a scheme or with a port, a range."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NEW_YEAR_2568)
    write(
        data,
        {
            "processes/qa.yml": PROCESS.replace("  - ศึกษา วิเคราะห์", "  - text: ศึกษา วิเคราะห์\n    duration: 2 - 3 วัน")
            + APPROVED.format("2568-01-01"),
            "office.yml": OFFICE.replace(
                "  workgroups:",
                "  contacts:\n    website: www.example.go.th:8080/nithet\n    facebook: facebook.com/nithet.test\n"
                "    email: nithet@example.go.th, nithet2@example.go.th\n    phone: 0 2288 5555 ต่อ 12\n  workgroups:",
            ),
        },
    )
    manual = load(data)
    assert manual.processes["qa"].approval.date == "2568-01-01"
    assert manual.group.contacts.website == "www.example.go.th:8080/nithet"


def test_without_a_build_date_today_is_todays_date_in_bangkok(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    tomorrow = thai.bangkok_day(int(time.time()) + 86_400)
    write(data, {"processes/qa.yml": PROCESS + APPROVED.format(tomorrow)})
    [error] = errors_of(data)
    assert error.startswith(f"data/processes/qa.yml:13:3: approval → date: `{tomorrow}` is after today, ")
    assert "in Bangkok: a day that has not come cannot be recorded" in error
