"""The editing page (`/admin/`, Decap CMS): its configuration generated from the model, and edits made through its
forms in a real Chromium, offline, against Decap's in-memory test repository: what a save writes is the file's own
text with only the edited lines changed, and `check` accepts it."""

from __future__ import annotations

import difflib
import json
import shutil
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from playwright.sync_api import Browser
from pydantic import BaseModel

from browser import serve
from importing import run
from opmanual.cms.config import config
from opmanual.cms.page import write
from opmanual.data.kinds import FILE_KINDS, OFFICE, PEOPLE, PROCESSES, REFERENCES
from opmanual.data.loader import read_text
from opmanual.data.refs import Attachment, Ref
from opmanual.errors import ErrorList
from opmanual.thai import normalize

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests/fixtures/mini"
FOLDERS = [ROOT / "data", ROOT / "examples/chiangmai5", ROOT / "examples/korat6", MINI, ROOT / "tests/fixtures/varied"]
COLLECTION = {OFFICE.name: "office", REFERENCES.name: "references", PEOPLE.name: "people", PROCESSES.name: "processes"}


# --- the configuration ---------------------------------------------------------------------------------------------


def _models_in(annotation: Any) -> set[type]:
    found: set[type] = set()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.add(annotation)
    for arg in get_args(annotation):
        found |= _models_in(arg)
    if get_origin(annotation) is typing.Annotated:
        found |= _models_in(annotation.__origin__)
    return found


def _refs_in(annotation: Any, metadata: list[Any]) -> list[Ref]:
    found = [item for item in metadata if isinstance(item, Ref)]
    if get_origin(annotation) is typing.Annotated:
        found += [item for item in annotation.__metadata__ if isinstance(item, Ref)]
        found += _refs_in(annotation.__origin__, [])
    for arg in get_args(annotation) if get_origin(annotation) is not typing.Annotated else ():
        found += _refs_in(arg, [])
    return found


def _attachments(annotation: Any, metadata: list[Any]) -> bool:
    if any(isinstance(item, Attachment) for item in metadata):
        return True
    if get_origin(annotation) is typing.Annotated:
        return _attachments(annotation.__origin__, list(annotation.__metadata__))
    return any(
        _attachments(arg, [])
        for arg in get_args(annotation)
        if get_origin(annotation) in (typing.Union, types.UnionType)
    )


def _literals(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    for arg in get_args(annotation) if get_origin(annotation) in (typing.Union, types.UnionType) else ():
        if found := _literals(arg):
            return found
    if get_origin(annotation) is typing.Annotated:
        return _literals(annotation.__origin__)
    return []


def _check_fields(
    model: type[BaseModel], shown: list[dict[str, Any]], path: str, seen: tuple[type, ...], loose: bool = False
) -> int:
    """Every field of `model` is in `shown`, in the model's order, with its Thai title, help and requiredness (none
    required inside an optional object: `loose`); one is left out only where its type holds a model already around
    it (a form would nest without end)."""
    names = [spec["name"] for spec in shown]
    expected = [name for name in model.model_fields if name in names]
    assert names == expected, f"{path}: fields out of the model's order or not in it"
    for name, info in model.model_fields.items():
        if name not in names:
            assert _models_in(info.annotation) & {*seen, model}, f"{path}.{name} is left out of the form"
    count = 0
    for spec in shown:
        info = model.model_fields[spec["name"]]
        where = f"{path}.{spec['name']}"
        assert spec["label"] == info.title and spec["hint"] == info.description, where
        assert spec["required"] is (info.is_required() and not loose), where
        refs = _refs_in(info.annotation, list(info.metadata))
        if refs:
            assert spec["widget"] == "relation", where
            assert spec["multiple"] is (get_origin(info.annotation) is list), where
        if _attachments(info.annotation, list(info.metadata)):
            assert spec["widget"] in ("file", "image"), where
        if options := _literals(info.annotation):
            assert spec["widget"] == "select" and spec["options"] == options, where
        inner_loose = spec["widget"] == "object" and not spec["required"]
        count += 1 + _check_nested(info.annotation, spec, where, (*seen, model), inner_loose)
    return count


def _check_nested(annotation: Any, spec: dict[str, Any], where: str, seen: tuple[type, ...], loose: bool) -> int:
    count = 0
    inner = [model for model in _models_in(annotation)]
    if "fields" in spec:  # an object, or a list of objects: the model of its items
        candidates = [
            model for model in inner if {field["name"] for field in spec["fields"]} <= set(model.model_fields)
        ]
        assert candidates, f"{where}: its fields are no model's"
        model = max(candidates, key=lambda candidate: len(candidate.model_fields))
        count += _check_fields(model, spec["fields"], where, seen, loose)
    for kind in spec.get("types", []):
        if kind["name"] == "paragraph" or "fields" not in kind:
            continue
        candidates = [
            model for model in inner if {field["name"] for field in kind["fields"]} <= set(model.model_fields)
        ]
        if candidates:
            count += _check_fields(max(candidates, key=lambda m: len(m.model_fields)), kind["fields"], where, seen)
    return count


def test_the_forms_hold_every_field_of_the_model_with_its_thai_title_and_help() -> None:
    settings = config({"name": "test-repo"})
    collections = {collection["name"]: collection for collection in settings["collections"]}
    assert set(collections) == set(COLLECTION.values())
    total = 0
    for kind in FILE_KINDS:
        collection = collections[COLLECTION[kind.name]]
        shown = collection["files"][0]["fields"] if "files" in collection else collection["fields"]
        total += _check_fields(kind.model, shown, kind.name, ())
    assert total > 500  # the walk went deep: every kind's nested fields
    assert settings["locale"] == "th" and settings["publish_mode"] == "editorial_workflow"


def test_a_relation_lists_the_ids_where_the_model_defines_them() -> None:
    """A work group's members name people (the files of people/), a process's work group names a work group of
    office.yml (the ids of `group.workgroups`), a process's references name the documents of references.yml."""
    settings = config({"name": "test-repo"})
    by_name = {c["name"]: c for c in settings["collections"]}

    def field(collection: str, *path: str) -> dict[str, Any]:
        shown = (
            by_name[collection]["files"][0]["fields"]
            if "files" in by_name[collection]
            else by_name[collection]["fields"]
        )
        spec: dict[str, Any] = {"fields": shown}
        for name in path:
            spec = next(item for item in spec["fields"] if item["name"] == name)
        return spec

    members = field("office", "group", "workgroups", "members")
    assert (members["collection"], members["value_field"], members["multiple"]) == ("people", "{{slug}}", True)
    group = field("processes", "workgroup")
    assert (group["collection"], group["file"], group["value_field"]) == ("office", "office", "group.workgroups.*.id")
    documents = field("processes", "references")
    assert (documents["collection"], documents["value_field"]) == ("references", "documents.*.id")
    for spec in (members, group, documents):  # the collection it names exists, and the file in it
        target = by_name[spec["collection"]]
        assert "file" not in spec or target["files"][0]["name"] == spec["file"]


# --- in Chromium ---------------------------------------------------------------------------------------------------

# Decap's test backend lists a folder collection by its path as one key, and reads an entry by its path's parts.
SEED = """(files) => {
    window.repoFiles = files;
    for (const folder of ['people', 'processes']) window.repoFiles['data/' + folder] = (files.data || {})[folder] || {};
}"""


def _files(folder: Path) -> dict[str, Any]:
    tree: dict[str, Any] = {"data": {}}
    for path in sorted(folder.rglob("*.yml")):
        node = tree["data"]
        for part in path.relative_to(folder).parts[:-1]:
            node = node.setdefault(part, {})
        node[path.name] = {"content": path.read_text(encoding="utf-8")}
    return tree


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    write(root / "admin", {"name": "test-repo"})
    with serve(root) as base:
        yield base + "admin/index.html"


@pytest.fixture
def opened(browser: Browser, admin: str) -> Iterator[Callable[..., Any]]:
    """Open the editing page on the test repository seeded with a data folder; the pages close after the test."""
    pages: list[Any] = []

    def open_page(folder: Path = MINI, width: int = 1280) -> Any:
        pages.append(_open(browser, admin, folder, width))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def _open(browser: Any, admin: str, folder: Path, width: int = 1280) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.add_init_script(f"({SEED})({json.dumps(_files(folder), ensure_ascii=False)})")
    page.goto(admin)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()  # the test backend's sign-in
    page.errors = errors
    return page


@pytest.mark.browser
def test_every_data_file_reads_into_the_forms_and_writes_back_unchanged(admin: str, opened: Callable[..., Any]) -> None:
    """Read through the editing page's format and written back without an edit: the same bytes, comments, quoting,
    flow lists and long lines included, for every file of every shipped and test folder."""
    texts = {
        f"{folder.name}/{path.relative_to(folder)}": (
            COLLECTION[path.relative_to(folder).parts[0]],
            path.read_text("utf-8"),
        )
        for folder in FOLDERS
        for path in sorted(folder.rglob("*.yml"))
    }
    page = opened()
    written = page.evaluate(
        """async (texts) => {
            const m = await import('./opmanual-cms.js');
            const cfg = await (await fetch('config.json')).json();
            const fields = Object.fromEntries(cfg.collections.map(c => [c.name, c.files ? c.files[0].fields : c.fields]));
            const out = {};
            for (const [path, [kind, text]] of Object.entries(texts)) {
                const format = m.format(fields[kind]);
                out[path] = format.toFile(format.fromFile(text));
            }
            return out;
        }""",
        texts,
    )
    assert len(written) == len(texts) > 20
    for path, (_, text) in texts.items():
        assert written[path] == text, path


# The editing page's format of a person's file, in a page's script: `format` (and the module, `m`).
PEOPLE_FORMAT = """
            const m = await import('./opmanual-cms.js');
            const cfg = await (await fetch('config.json')).json();
            const format = m.format(cfg.collections.find(c => c.name === 'people').fields);
"""


NOTED = """\
# yaml-language-server: $schema=../../schema/person.schema.json
prefix: นาย
name: สมชาย
surname: ใจดี
duties:
  # ตรวจสอบ: ชื่องานอ่านจากหัวข้อของต้นฉบับ
  - title: งานกลุ่มโรงเรียน
    roles:
      - นิเทศ ติดตาม  # ตามคำสั่งที่ ๑๘๕/๒๕๖๔
      - ประชุมคณะกรรมการ
  # ตรวจสอบ: งานนี้อาจซ้ำกับงานแรก
  - title: งานเครือข่าย
    text: "ประสานงาน: ครูวิทยาศาสตร์"
  - title: งานโครงการ
    text: >-
      ข้อความที่พับบรรทัด
      ไว้สองบรรทัด
"""


@pytest.mark.browser
def test_a_save_keeps_the_review_notes_and_the_way_each_value_is_written(
    admin: str, opened: Callable[..., Any]
) -> None:
    """A review note (`# ตรวจสอบ:`) above an entry stays with it when an entry is added before it or another is
    taken out; a line's own comment stays when its value changes; quoting and folded text stay as written; an item
    that gains a sub-item is written long, one that loses them short again."""
    page = opened()
    written = page.evaluate(
        """async (text) => {
"""
        + PEOPLE_FORMAT
        + """            const data = format.fromFile(text);
            data.duties[0].roles[0].text = 'นิเทศ ติดตาม และประเมินผล';
            data.duties[0].roles[1].items = [{text: 'ประชุมทุกเดือน'}];
            data.duties.splice(1, 0, {title: 'งานใหม่'});
            data.duties.splice(3, 1);
            return format.toFile(data);
        }""",
        NOTED,
    )
    assert written == NOTED.replace("      - นิเทศ ติดตาม  #", "      - นิเทศ ติดตาม และประเมินผล  #").replace(
        "      - ประชุมคณะกรรมการ\n",
        "      - text: ประชุมคณะกรรมการ\n        items:\n          - ประชุมทุกเดือน\n  - title: งานใหม่\n",
    ).replace("  - title: งานโครงการ\n    text: >-\n      ข้อความที่พับบรรทัด\n      ไว้สองบรรทัด\n", "").replace(
        "  # ตรวจสอบ: งานนี้อาจซ้ำกับงานแรก\n  - title: งานเครือข่าย\n",
        "  # ตรวจสอบ: งานนี้อาจซ้ำกับงานแรก\n  - title: งานเครือข่าย\n",
    )


@pytest.mark.browser
def test_a_long_list_and_a_broken_file_are_handled_without_loss(admin: str, opened: Callable[..., Any]) -> None:
    """An edit in a list of 20,000 entries changes its two lines (the entries around the edit are not aligned pair
    by pair: that table would not fit in memory); a file YAML cannot read is refused with its line, never read
    into a form whose save would drop the rest."""
    long = "prefix: นาย\nname: สมชาย\nsurname: ใจดี\nprojects:\n" + "".join(f"  - โครงการที่ {n}\n" for n in range(20000))
    page = opened()
    written, refused = page.evaluate(
        """async ([text, broken]) => {
"""
        + PEOPLE_FORMAT
        + """            const data = format.fromFile(text);
            data.projects.splice(10000, 1, 'โครงการใหม่');
            data.projects.splice(15000, 1);
            let refused = '';
            try { format.fromFile(broken); } catch (error) { refused = error.message; }
            return [format.toFile(data), refused];
        }""",
        [long, "name: สมชาย\nduties:\n  - title: [ไม่ปิดวงเล็บ\n"],
    )
    assert _changed(long, written) == ["-  - โครงการที่ 10000", "+  - โครงการใหม่", "-  - โครงการที่ 15000"]
    assert refused.startswith("บรรทัด 4: ไฟล์นี้อ่านเป็น YAML ไม่ได้")  # where the bracket should have closed


# What an editor may type into a text field that YAML would read as something else, or that looks like markup.
TYPED = [
    "yes", "no", "on", "null", "~", "true", "12:30", "2567-10-01", "0x1F", "1e3", "- ข้อ", "# ไม่ใช่ความเห็น",
    "คำ: ความหมาย", "[วงเล็บ]", "{ปีกกา}", "&anchor", "*alias", "!tag", "%YAML", "@ผู้ใช้", "`โค้ด`", "' ขึ้นต้น",
    '" ขึ้นต้น', " เว้นหน้า", "เว้นหลัง ", "สองบรรทัด\nบรรทัดที่สอง", "ท้าย #", "a | b > c", "---", "...",
]  # fmt: skip


@pytest.mark.browser
def test_what_an_editor_types_is_read_back_as_typed(admin: str, opened: Callable[..., Any]) -> None:
    """Each text typed into a field is written so that the manual's loader reads back exactly that text: never a
    yes/no, a time, a date, a null, a comment, a list or a key."""
    page = opened()
    written = page.evaluate(
        """async ([text, typed]) => {
"""
        + PEOPLE_FORMAT
        + """            const data = format.fromFile(text);
            data.projects = typed;
            data.role = typed[0];
            return format.toFile(data);
        }""",
        [(MINI / "people/somchai.yml").read_text(encoding="utf-8"), TYPED],
    )
    errors = ErrorList(MINI)
    read = read_text(written.encode(), MINI / "people/somchai.yml", errors)
    assert read is not None and not errors.errors, errors.errors
    data, _ = read
    assert data["projects"] == [normalize(text) for text in TYPED]  # as the loader reads any text: cleaned alike
    assert data["role"] == "yes"


def _save(page: Any, path: str) -> None:
    """Save the entry open in the form, and wait until the workflow holds its file."""
    page.get_by_role("button", name="บันทึก").first.click()
    page.wait_for_function(
        "(path) => Object.values(window.repoFilesUnpublished).some(e => e.diffs.some(d => d.path === path))", arg=path
    )


def _saved(page: Any) -> dict[str, str]:
    """The files the editorial workflow holds for review (Decap's test backend: one entry per pull request)."""
    entries = page.evaluate(
        "() => Object.entries(window.repoFilesUnpublished).map(([key, entry]) => entry.diffs.map(d => [d.path, d.content]))"
    )
    return {path: content for diffs in entries for path, content in diffs}


def _changed(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]  # fmt: skip


def _expand(page: Any, text: str) -> None:
    """Open the collapsed list entry that shows `text`."""
    summary = page.get_by_text(text, exact=True).first
    entry = summary.locator("xpath=ancestor::*[.//button[contains(@class,'TopBarButton')]][1]")
    entry.locator("button[class*=TopBarButton]").first.click()


@pytest.mark.browser
def test_edits_through_the_forms_change_only_their_lines_and_pass_check(
    admin: str, opened: Callable[..., Any], tmp_path: Path
) -> None:
    """A duty's title edited and a work-standard row added (a person), a step added (a process), through the forms
    and saved, each entry its own pull request: each file differs from its original in those lines only, written
    short as the file writes them, and the folder with the saved files passes `check`. The forms were looked at in
    the screenshots, at 1280 and 390 px."""
    saved: dict[str, str] = {}
    page = opened()
    page.goto(admin + "#/collections/people/entries/somchai")
    _expand(page, "งานกลุ่มโรงเรียนที่ ๑")
    page.locator("input[value='งานกลุ่มโรงเรียนที่ ๑']").fill("งานกลุ่มโรงเรียนที่ ๑ และเครือข่ายโรงเรียน")
    _expand(page, "การนิเทศการจัดการเรียนรู้")
    page.get_by_role("button", name="เพิ่ม แถว").first.click()
    row = page.locator(
        "xpath=//*[normalize-space(text())='กิจกรรม/วิธีปฏิบัติ']"
        "/ancestor::*[.//*[normalize-space(text())='มาตรฐาน/หลักฐาน']][1]"
    ).last
    for index, text in enumerate(("ประชุมเครือข่าย", "รายงานการประชุม")):  # each cell: a paragraph
        row.get_by_role("button", name="เพิ่ม ข้อความ").nth(index).click()
        page.get_by_text("ย่อหน้า", exact=True).last.click()
        row.locator("textarea").last.fill(text)
    page.screenshot(path=str(tmp_path / "person-1280.png"))
    _save(page, "data/people/somchai.yml")
    saved |= _saved(page)
    assert not page.errors, page.errors

    page = opened()
    page.goto(admin + "#/collections/processes/entries/qa")
    page.get_by_role("button", name="เพิ่ม ขั้นตอนการปฏิบัติงาน").click()
    page.get_by_label("ขั้นตอน", exact=True).last.fill("สรุปและรายงานผลการประกันคุณภาพ")
    page.screenshot(path=str(tmp_path / "process-1280.png"))
    _save(page, "data/processes/qa.yml")
    saved |= _saved(page)
    assert not page.errors, page.errors

    narrow = opened(width=390)
    narrow.goto(admin + "#/collections/processes/entries/qa")
    narrow.get_by_text("ขั้นตอนการปฏิบัติงาน").first.wait_for()
    narrow.screenshot(path=str(tmp_path / "process-390.png"))

    assert set(saved) == {"data/people/somchai.yml", "data/processes/qa.yml"}
    person = (MINI / "people/somchai.yml").read_text(encoding="utf-8")
    assert _changed(person, saved["data/people/somchai.yml"]) == [
        "-  - title: งานกลุ่มโรงเรียนที่ ๑",
        "+  - title: งานกลุ่มโรงเรียนที่ ๑ และเครือข่ายโรงเรียน",
        "+      - activity: ประชุมเครือข่าย",
        "+        standard: รายงานการประชุม",
    ]
    process = (MINI / "processes/qa.yml").read_text(encoding="utf-8")
    assert _changed(process, saved["data/processes/qa.yml"]) == ["+  - สรุปและรายงานผลการประกันคุณภาพ"]

    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    for path, text in saved.items():
        (folder / Path(path).relative_to("data")).write_text(text, encoding="utf-8")
    checked = run("check", folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
