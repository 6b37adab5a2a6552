"""The importer's writer: YAML an editor would write, comments on guesses, and nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from opmanual.data.model import OfficeFile, Person
from opmanual.importer.draft import Draft, Part
from opmanual.importer.write import WriteError, dump, ordered, scalar, write

OFFICE = {
    "group": {"name": "กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", "concept": ["แนวคิดของกลุ่ม"]},
    "office": {"name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง เขต ๑"},
}
PERSON = {
    "surname": "ใจดี",
    "name": "สมชาย",
    "prefix": "นาย",
    "duties": [{"title": "งานนิเทศ", "roles": ["ข้อ: หนึ่ง", {"text": "สอง", "items": ["#ไม่ใช่ความเห็น", "yes"]}]}],
}


def draft() -> Draft:
    result = Draft(office=Part(data=dict(OFFICE)))
    person = Part(data=dict(PERSON))
    person.guess(("duties", 0, "title"), "ชื่องานเดาจาก\nย่อหน้าแรก")
    result.people["somchai-jaidee"] = person
    return result


@pytest.mark.parametrize(
    "text",
    [
        *["ข้อ: หนึ่ง", "#hash", "yes", "on", "1.5", "- ขีด", "'quote'", '"dq"', "a: b", "  space", "ต่อ\nบรรทัด"],
        *[
            "งาน (ก) ๑.๒",
            "(๑) งาน",
            "2568-05-15 วัน",
            "ก #1",
            "ก - ข",
            "ท้าย ",
            "ก\u2028ข",
            "ก\x85ข",
            "ก\tข",
            "ก\x1bข\u2028",
        ],
    ],
)
def test_scalars_read_back_as_the_same_string(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}") == {"key": text}


def test_keys_in_the_model_order_and_values_unchanged() -> None:
    data = ordered(OFFICE, [OfficeFile])
    assert list(data) == ["office", "group"]
    person = ordered(PERSON, [Person])
    assert list(person) == ["prefix", "name", "surname", "duties"]
    assert person == PERSON


def test_dump_reads_back_and_marks_guesses() -> None:
    part = draft().people["somchai-jaidee"]
    text = dump(part, ["# header"], Person)
    assert yaml.safe_load(text) == PERSON
    lines = text.splitlines()
    assert lines[0] == "# header"
    comment = lines.index("    # ตรวจสอบ: ชื่องานเดาจาก ย่อหน้าแรก")
    assert lines[comment + 1] == "  - title: งานนิเทศ"


def test_write_a_new_folder_that_passes_the_check(tmp_path: Path) -> None:
    target = tmp_path / "new"
    written = write(draft(), target)
    assert sorted(path.relative_to(target).as_posix() for path in written.paths) == [
        "office.yml",
        "people/somchai-jaidee.yml",
    ]
    first = (target / "people/somchai-jaidee.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("schema/person.schema.json")
    assert [p.name for p in tmp_path.iterdir()] == ["new"]  # no staging folder left behind


def test_a_clash_writes_nothing_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "data"
    write(draft(), target)
    (target / "office.yml").write_text((target / "office.yml").read_text(encoding="utf-8") + "# mine\n")
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    with pytest.raises(WriteError, match=r"already has people/somchai-jaidee\.yml; nothing was written"):
        write(draft(), target)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    again = draft()
    again.people["somchai-jaidee"].data["position"] = "ศึกษานิเทศก์ชำนาญการพิเศษ"
    write(again, target, force=True)
    assert "position: ศึกษานิเทศก์ชำนาญการพิเศษ" in (target / "people/somchai-jaidee.yml").read_text(encoding="utf-8")
    assert (target / "office.yml").read_bytes() == before[target / "office.yml"]  # the folder's office is added to


def folder(tmp_path: Path, office: str) -> Path:
    """A data folder an editor wrote (comments, their own indentation and flow lists), passing the check."""
    target = tmp_path / "data"
    target.mkdir()
    (target / "office.yml").write_text(office, encoding="utf-8")
    return target


EDITED = """\
# office.yml of our group: kept as written
format: 1
office:
  name: สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดลอง เขต ๑
group:
    name: กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา   # the group
    concept: [แนวคิดของกลุ่ม]
    learning_areas:
        - id: science
          name: วิทยาศาสตร์และเทคโนโลยี
        # more to come
    networks: []
"""


def test_adding_to_a_folder_keeps_its_text_and_links_to_its_entries(tmp_path: Path) -> None:
    target = folder(tmp_path, EDITED)
    more = Draft(
        office=Part(
            data={
                **OFFICE,
                "group": {
                    **OFFICE["group"],
                    "learning_areas": [
                        {"id": "sci", "name": "วิทยาศาสตร์และเทคโนโลยี"},
                        {"id": "science", "name": "ภาษาไทย"},
                    ],
                },
            }
        )
    )
    more.office.guess(("group", "learning_areas", 1), "เพิ่มจากคู่มือของบุคคล: ภาษาไทย")
    more.people["somsri-rakdee"] = Part(
        data={"prefix": "นาง", "name": "สมศรี", "surname": "รักดี", "learning_areas": ["sci", "science"]}
    )
    written = write(more, target)
    assert written.merged is not None
    text = (target / "office.yml").read_text(encoding="utf-8")
    assert text.startswith(EDITED.split("        # more to come")[0])  # the folder's lines, comments and spacing
    assert "        # more to come\n    networks: []\n" in text
    data = yaml.safe_load(text)
    assert data["group"]["learning_areas"] == [
        {"id": "science", "name": "วิทยาศาสตร์และเทคโนโลยี"},
        {"id": "science-2", "name": "ภาษาไทย"},  # a new area under an id free in the folder
    ]
    assert "        # ตรวจสอบ: เพิ่มจากคู่มือของบุคคล: ภาษาไทย\n        - id: science-2" in text
    person = yaml.safe_load((target / "people/somsri-rakdee.yml").read_text(encoding="utf-8"))
    assert person["learning_areas"] == ["science", "science-2"]
    assert sorted(p.relative_to(target).as_posix() for p in written.paths) == ["office.yml", "people/somsri-rakdee.yml"]


def test_what_the_folder_says_differently_is_added_as_a_section_to_compare(tmp_path: Path) -> None:
    target = folder(tmp_path, EDITED)
    other = Draft(
        office=Part(
            data={
                "office": OFFICE["office"],
                "group": {"name": OFFICE["group"]["name"], "concept": ["แนวคิดตามต้นฉบับที่ต่างไป"], "objectives": ["ใหม่"]},
            }
        )
    )
    for _ in range(2):  # the second import finds the section there already
        write(other, target)
        data = yaml.safe_load((target / "office.yml").read_text(encoding="utf-8"))
        assert data["group"]["concept"] == ["แนวคิดของกลุ่ม"]
        assert data["group"]["objectives"] == ["ใหม่"]
        assert data["group"]["sections"] == [{"title": "แนวคิด (ตามต้นฉบับที่นำเข้า)", "text": ["แนวคิดตามต้นฉบับที่ต่างไป"]}]
    assert "# ตรวจสอบ: office.yml มีแนวคิดอยู่แล้ว" in (target / "office.yml").read_text(encoding="utf-8")


def test_a_folder_that_fails_the_check_is_not_added_to(tmp_path: Path) -> None:
    target = folder(tmp_path, EDITED.replace("    networks: []\n", "    networks: [{id: Bad Id, name: x}]\n"))
    before = (target / "office.yml").read_bytes()
    with pytest.raises(WriteError, match=r"does not pass the check .*correct it first"):
        write(draft(), target)
    assert (target / "office.yml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_data_that_fails_the_check_writes_nothing(tmp_path: Path) -> None:
    bad = draft()
    bad.people["somchai-jaidee"].data["learning_areas"] = ["no-such-area"]
    target = tmp_path / "data"
    with pytest.raises(WriteError, match=r"(?s)does not pass the check.*no-such-area"):
        write(bad, target)
    assert list(tmp_path.iterdir()) == []
