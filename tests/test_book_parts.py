"""Which chapters a book prints: a chapter with nothing in it but its title is left out (prepared HTML, no PDF)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from opmanual.data.dataset import load
from opmanual.render.book import Binder, person_book

OFFICE = """\
format: 1
office:
  name: สำนักงานเขตพื้นที่การศึกษาทดสอบ
group:
  name: กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา
"""
PERSON = """\
prefix: นาย
name: สมชาย
surname: ใจดี
duties:
  - title: งานกลุ่มโรงเรียนที่ ๑
"""


def _data(root: Path, office: str) -> Path:
    for name, text in {"office.yml": office, "people/somchai.yml": PERSON}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_a_group_that_states_nothing_yet_prints_no_page_of_its_own(tmp_path: Path) -> None:
    manual = load(_data(tmp_path / "data", OFFICE))
    prepared = Binder(manual).prepare(person_book(manual, "somchai"))
    assert 'id="group-' not in prepared.body  # the group's chapter: its title and the office's name only
    assert 'id="people-somchai-duty-1"' in prepared.body and "งานกลุ่มโรงเรียนที่ ๑" in prepared.body
    assert [entry.title for entry in prepared.contents if entry.level == 1] == ["นายสมชาย ใจดี"]


def test_a_group_with_a_concept_prints_it(tmp_path: Path) -> None:
    office = OFFICE + "  concept: กลุ่มนิเทศเป็นกลุ่มงานที่ดำเนินการเกี่ยวกับการนิเทศการศึกษา\n"
    manual = load(_data(tmp_path / "data", office))
    prepared = Binder(manual).prepare(person_book(manual, "somchai"))
    assert 'id="group-concept"' in prepared.body and "ดำเนินการเกี่ยวกับการนิเทศการศึกษา" in prepared.body
