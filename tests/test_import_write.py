"""The importer's writer: YAML an editor would write, comments on guesses, and nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from opmanual.convert.draft import Draft, Part
from opmanual.convert.write import WriteError, dump, ordered, scalar, write
from opmanual.data.model import OfficeFile, Person

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
    "text", ["ข้อ: หนึ่ง", "#hash", "yes", "on", "1.5", "- ขีด", "'quote'", '"dq"', "a: b", "  space", "ต่อ\nบรรทัด"]
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
    assert sorted(path.relative_to(target).as_posix() for path in written) == [
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
    with pytest.raises(WriteError, match=r"already has office\.yml, people/somchai-jaidee\.yml; nothing was written"):
        write(draft(), target)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    write(draft(), target, force=True)
    assert "# mine" not in (target / "office.yml").read_text(encoding="utf-8")


def test_adding_to_a_folder_keeps_its_other_files(tmp_path: Path) -> None:
    target = tmp_path / "data"
    write(draft(), target)
    more = Draft(office=Part(data=dict(OFFICE)))
    more.people["somsri-rakdee"] = Part(data={"prefix": "นาง", "name": "สมศรี", "surname": "รักดี"})
    with pytest.raises(WriteError, match=r"office\.yml"):
        write(more, target)
    more_people = Draft(office=Part(data=dict(OFFICE)), people=more.people)
    write(more_people, target, force=True)
    assert sorted(p.name for p in (target / "people").iterdir()) == ["somchai-jaidee.yml", "somsri-rakdee.yml"]


def test_data_that_fails_the_check_writes_nothing(tmp_path: Path) -> None:
    bad = draft()
    bad.people["somchai-jaidee"].data["learning_areas"] = ["no-such-area"]
    target = tmp_path / "data"
    with pytest.raises(WriteError, match=r"(?s)does not pass the check.*no-such-area"):
        write(bad, target)
    assert list(tmp_path.iterdir()) == []
