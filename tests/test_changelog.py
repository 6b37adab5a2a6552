"""A change to a data file described in Thai by what it changed in the manual, part by part."""

from __future__ import annotations

import html
import os
import re
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from opmanual.data.dataset import load
from opmanual.data.labels import Labels
from opmanual.data.model import OfficeFile, Person, Process
from opmanual.render import history
from opmanual.render.book import books
from opmanual.render.changelog import describe, describe_history, said
from opmanual.render.pages import render_all

LABELS = Labels()
PERSON: dict[str, Any] = {
    "prefix": "นาย",
    "name": "อนวัช",
    "surname": "ไข่ขาว",
    "duties": [{"title": "งานกลุ่มโรงเรียนที่ ๑"}],
    "work_standards": [{"topic": "การนิเทศ", "rows": [{"activity": "จัดทำแผน", "standard": "แผนการนิเทศ"}]}],
}
PROCESS: dict[str, Any] = {"name": "งานประกันคุณภาพ", "steps": ["ศึกษา", "วางแผน", "สรุปผล"]}
APPROVED = {"status": "approved", "by": "นายสมศักดิ์ ใจดี", "position": "ผู้อำนวยการ", "date": "2568-05-15"}


def _person(**changes: Any) -> Person:
    return Person.model_validate({**PERSON, **changes})


def test_an_edited_work_standard_is_named_with_its_owner() -> None:
    rows = [{"activity": "จัดทำแผน", "standard": "แผนการนิเทศที่ได้รับอนุมัติ"}]
    after = _person(work_standards=[{"topic": "การนิเทศ", "rows": rows}])
    described = describe("people/anawat.yml", _person(), after, LABELS, "thai")
    assert described.changes == ["แก้ไขมาตรฐานการปฏิบัติงาน “การนิเทศ” ของนายอนวัช ไข่ขาว"]


def test_an_added_step_is_numbered_in_the_manuals_digits() -> None:
    before = Process.model_validate(PROCESS)
    after = Process.model_validate({**PROCESS, "steps": ["ศึกษา", "วางแผน", "ดำเนินการ", "สรุปผล"]})
    assert describe("processes/qa.yml", before, after, LABELS, "thai").changes == [
        "เพิ่มขั้นตอนที่ ๓ ในกระบวนงาน งานประกันคุณภาพ"
    ]
    assert describe("processes/qa.yml", after, before, LABELS, "arabic").changes == [
        "ลบขั้นตอนที่ 3 ในกระบวนงาน งานประกันคุณภาพ"
    ]


def test_a_change_no_reader_sees_describes_as_nothing() -> None:
    # the same values, whether written with a shorthand or in full
    before = Process.model_validate(PROCESS)
    after = Process.model_validate({**PROCESS, "steps": [{"text": "ศึกษา"}, "วางแผน", {"text": "สรุปผล"}]})
    assert not describe("processes/qa.yml", before, after, LABELS, "thai").visible


def test_an_approval_is_an_event_and_a_new_file_is_named() -> None:
    described = describe("people/anawat.yml", _person(), _person(approval=APPROVED), LABELS, "thai")
    assert described.changes == [] and described.approved is not None
    assert described.approved.approval.by == "นายสมศักดิ์ ใจดี"
    assert describe("people/anawat.yml", None, _person(), LABELS, "thai").changes == ["เพิ่มบุคลากร นายอนวัช ไข่ขาว"]


def test_the_groups_parts_are_named_by_the_manuals_own_headings() -> None:
    office = {"office": {"name": "สพม. ทดสอบ"}, "group": {"name": "กลุ่มนิเทศ", "concept": ["แนวคิดเดิม"]}}
    before = OfficeFile.model_validate(office)
    after = OfficeFile.model_validate({**office, "group": {"name": "กลุ่มนิเทศ", "concept": ["แนวคิดใหม่"]}})
    assert describe("office.yml", before, after, LABELS, "thai").changes == [f"แก้ไข{LABELS.concept}"]
    reworded = Labels(concept="หลักการ")
    assert describe("office.yml", before, after, reworded, "thai").changes == ["แก้ไขหลักการ"]


# A repository of known commits --------------------------------------------------------------------------------

OFFICE = "office:\n  name: สำนักงานเขตพื้นที่การศึกษาทดสอบ\ngroup:\n  name: กลุ่มนิเทศ\nformat: 1\n"
QA = """\
name: งานประกันคุณภาพ
steps:
  - ศึกษา
  - สรุปผล
"""


def _commit(root: Path, message: str, when: str, author: str = "ครูวิไล") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "w@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "w@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", message], check=True, env=env)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("known")
    subprocess.run(["git", "-C", str(root), "init", "-q", "-b", "main"], check=True)
    data = root / "data"
    (data / "processes").mkdir(parents=True)
    (data / "office.yml").write_text(OFFICE, encoding="utf-8")
    qa = data / "processes/qa.yml"
    qa.write_text(QA, encoding="utf-8")
    _commit(root, "first", "2025-01-10T10:00:00+07:00")
    qa.write_text(QA.replace("  - สรุปผล\n", "  - ดำเนินการ\n  - สรุปผล\n"), encoding="utf-8")
    _commit(root, "Update qa.yml", "2025-02-01T10:00:00+07:00")  # what GitHub's web editor calls every commit
    text = qa.read_text(encoding="utf-8")
    qa.write_text("# ขั้นตอนตามคำสั่งที่ ๑๒/๒๕๖๘\n" + text.replace("name: งานประกันคุณภาพ", 'name: "งานประกันคุณภาพ"'))
    _commit(root, "comment", "2025-03-01T10:00:00+07:00")  # a comment and quoting: nothing a reader sees
    approval = "approval:\n  status: approved\n  by: นายสมศักดิ์ ใจดี\n  position: ผู้อำนวยการ\n"
    qa.write_text(qa.read_text(encoding="utf-8") + approval + "  date: 2568-04-01\n  version: 2\n")
    _commit(root, "Update qa.yml", "2025-04-02T10:00:00+07:00", author="ผอ.สมศักดิ์")
    qa.write_text(qa.read_text(encoding="utf-8").replace("  - ศึกษา\n", "  - ศึกษาหลักเกณฑ์\n"), encoding="utf-8")
    _commit(root, "Update qa.yml", "2025-05-01T10:00:00+07:00")
    return data


def _described(data: Path) -> tuple[Any, history.History]:
    manual = load(data)
    return manual, describe_history(history.read(data), data, manual.labels, manual.info.digits)


def test_the_record_of_a_repository_of_known_commits(known: Path) -> None:
    manual, changes = _described(known)
    record = next(book.record for book in books(manual, changes) if book.path == "pdf/processes/qa.pdf")
    assert record is not None
    assert [(row.version, row.date, row.change, row.approved_by) for row in record.rows] == [
        ("0.1", "2568-01-10", "เพิ่มข้อมูลของกลุ่มและคู่มือ; เพิ่มกระบวนงาน งานประกันคุณภาพ", ""),
        ("0.2", "2568-02-01", "เพิ่มขั้นตอนที่ ๒ ในกระบวนงาน งานประกันคุณภาพ", ""),
        ("2.0", "2568-04-01", "อนุมัติฉบับที่ ๒ โดย นายสมศักดิ์ ใจดี", "นายสมศักดิ์ ใจดี ผู้อำนวยการ"),
        ("2.1", "2568-05-01", "แก้ไขขั้นตอนที่ ๑ ในกระบวนงาน งานประกันคุณภาพ", ""),
    ]


def test_the_changes_page_says_what_changed_and_who_changed_it(known: Path) -> None:
    manual, changes = _described(known)
    page = html.unescape(re.sub(r"<[^>]+>", " ", render_all(manual, history=changes)["changes.md"]))
    text = " ".join(page.split())
    assert "Update qa.yml" not in text and "comment" not in text  # subjects are not what changed
    assert text.index("แก้ไขขั้นตอนที่ ๑ ในกระบวนงาน งานประกันคุณภาพ ครูวิไล") < text.index(
        "อนุมัติฉบับที่ ๒ โดย นายสมศักดิ์ ใจดี ผอ.สมศักดิ์"
    )
    assert text.count("ครูวิไล") == 3  # the first commit, the added step and the last edit; the comment is folded


def test_a_version_that_cannot_be_read_falls_back_to_the_subject(known: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{known.parent}", str(shallow)], check=True, capture_output=True
    )
    manual, changes = _described(shallow / "data")
    assert [changelog_said for changelog_said in (said(c, manual.labels, "thai") for c in changes.changes)] == [
        ["แก้ไขขั้นตอนที่ ๑ ในกระบวนงาน งานประกันคุณภาพ"],
        ["Update qa.yml"],  # its older version is not in the clone
    ]


def test_many_versions_are_read_without_waiting_on_a_full_pipe(known: Path) -> None:
    """git answers each id as it reads it: asking for thousands at once must not fill both pipes and hang."""
    blob = next(new for change in history.read(known).changes for _, new in change.versions.values())
    asked = [f"{n:040x}" for n in range(1, 6000)] + [blob]  # 6,000 ids, 240 kB asked, 300 kB of "missing" back
    found: dict[str, bytes] = {}
    reader = threading.Thread(target=lambda: found.update(history.read_versions(known, asked)), daemon=True)
    reader.start()
    reader.join(60)
    assert not reader.is_alive(), "reading the versions hung"
    assert list(found) == [blob] and found[blob].startswith(b"# ")
