"""Paste hygiene: numbers, bullets and digits pasted from Word are found where they are, and `check --fix` removes
them from the files without touching anything else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import opmanual
from opmanual.data.dataset import load
from opmanual.data.hygiene import NUMBERED, PARAGRAPH, STEP, TEXT, clean, other_digits, problems, typed_mark
from opmanual.data.yamledit import EditError, add, edit
from opmanual.site.pages import render_all

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"


@pytest.mark.parametrize(
    ("text", "kind", "mark"),
    [
        ("1. ศึกษา", NUMBERED, "1. "),
        ("๑.ศึกษา", NUMBERED, "๑."),
        ("1) ศึกษา", NUMBERED, "1) "),
        ("(๒) ศึกษา", NUMBERED, "(๒) "),
        ("2.1.3 ศึกษา", NUMBERED, "2.1.3 "),
        ("-หลักฐาน", NUMBERED, "-"),
        ("• หลักฐาน", PARAGRAPH, "• "),
        ("1. - ศึกษา", NUMBERED, "1. - "),
        ("ขั้นตอนที่ 1 ศึกษา", STEP, "ขั้นตอนที่ 1 "),
        ("ขั้นที่ ๒: ศึกษา", STEP, "ขั้นที่ ๒: "),
        # Not typed numbering: a number that is content, a lone dash that means "none", a word, a date, a field
        # that is not printed after a number.
        ("ขั้นตอนที่ 1 ศึกษา", NUMBERED, ""),
        ("3 ด้าน ได้แก่", NUMBERED, ""),
        ("-", PARAGRAPH, ""),
        ("ข้อมูลสารสนเทศ", NUMBERED, ""),
        ("ก.ค. – ส.ค.", PARAGRAPH, ""),
        ("1. ศึกษา", TEXT, ""),
    ],
)
def test_typed_marks(text: str, kind: str, mark: str) -> None:
    assert typed_mark(text, kind) == mark


@pytest.mark.parametrize(
    ("line", "digits", "found"),
    [
        ("เขต 1 ปี 2567", "thai", ["1", "2567"]),
        ("เขต ๑", "arabic", ["๑"]),
        ("ISO 9001 และ O-NET ม.3", "thai", ["3"]),  # codes with Latin letters keep their digits
        ("www.obec2.go.th a1@b.th https://x.th/2567", "thai", []),
        ("Office 365", "thai", []),
        ("เขต ๑ ปี ๒๕๖๗", "thai", []),
    ],
)
def test_digits_in_the_other_style(line: str, digits: str, found: list[str]) -> None:
    assert other_digits(line, digits) == found


def test_the_messages_say_what_to_do() -> None:
    [number] = problems("1. ศึกษา", NUMBERED, "thai")
    assert "`1.`" in number and "remove it" in number
    [paragraph] = problems("- หลักฐาน", PARAGRAPH, "thai")
    assert "`bullets:`" in paragraph
    [step] = problems("ขั้นตอนที่ ๑ ศึกษา", STEP, "thai")
    assert "numbered by their order" in step
    [digit] = problems("ปี 2567", TEXT, "thai")
    assert "๒๕๖๗" in digit and "manual.digits" in digit


TEXTS = st.text(alphabet="กขคาิ่ 0123๐๑๒.-•()ขั้นตอนที่", max_size=30)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.sampled_from([NUMBERED, STEP, PARAGRAPH, TEXT]), st.sampled_from(["thai", "arabic"]))
def test_a_cleaned_text_has_nothing_left_to_clean(text: str, kind: str, digits: str) -> None:
    cleaned = clean(text, kind, digits)
    assert problems(cleaned, kind, digits) == []
    assert clean(cleaned, kind, digits) == cleaned


# Pasted text, at places of every kind, in a copy of the fixture: (file, the text as the fixture has it, as pasted,
# as `--fix` leaves it: the quotes and block style the editor chose stay).
PASTED = [
    ("people/somchai.yml", "    items: [ประชุมคณะกรรมการกลุ่มโรงเรียน]", "    items: [1. ประชุมคณะกรรมการกลุ่มโรงเรียน]", None),
    (
        "people/somchai.yml",
        "    roles: [จัดทำโครงการนิเทศ, นิเทศ ติดตาม]",
        '    roles: ["- จัดทำโครงการนิเทศ", ๒) นิเทศ ติดตาม]',
        '    roles: ["จัดทำโครงการนิเทศ", นิเทศ ติดตาม]',
    ),
    ("people/somchai.yml", "  - title: งานกลุ่มโรงเรียนที่ ๑", "  - title: 1.งานกลุ่มโรงเรียนที่ 1", None),
    (
        "people/somchai.yml",
        "      - activity: จัดทำแผนการนิเทศ",
        '      - activity: "• จัดทำแผนการนิเทศ"  # pasted',
        '      - activity: "จัดทำแผนการนิเทศ"  # pasted',
    ),
    ("people/somchai.yml", "          - ปฏิทินการนิเทศ", "          - '2. ปฏิทินการนิเทศ'", "          - 'ปฏิทินการนิเทศ'"),
    (
        "people/somchai.yml",
        "    - หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์",
        "    - |\n      - หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์",
        "    - |\n      หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์",
    ),
    ("processes/qa.yml", "  - text: ศึกษา วิเคราะห์ หลักเกณฑ์", "  - text: ขั้นตอนที่ 1 ศึกษา วิเคราะห์ หลักเกณฑ์", None),
    ("processes/qa.yml", "        steps: [จัดประชุม]", "        steps: [๑.๑.๑ จัดประชุม]", None),
    ("processes/qa.yml", "  - text: ศึกษาวิเคราะห์หลักเกณฑ์", "  - text: (1) ศึกษาวิเคราะห์หลักเกณฑ์", None),
    ("processes/qa.yml", "    duration: ๑ เดือน", "    duration: 1 เดือน", None),
]


def with_replaced(folder: Path, column: int) -> dict[Path, str]:
    """The fixture's files in `folder` as they are with each PASTED line replaced by the text of `column`."""
    files = {}
    for path in MINI.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for name, *versions in PASTED:
            if path == MINI / name:
                assert text.count(versions[0] + "\n") == 1, versions[0]
                text = text.replace(versions[0] + "\n", (versions[column] or versions[0]) + "\n")
        files[folder / path.relative_to(MINI)] = text
    return files


@pytest.fixture
def pasted(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    for path, text in with_replaced(data, 1).items():
        path.write_text(text, encoding="utf-8")
    return data


def test_check_warns_at_each_pasted_text_with_its_line(pasted: Path) -> None:
    result = opmanual(pasted.parent, "check", "data")
    assert result.returncode == 0, result.stdout + result.stderr  # warnings do not stop a build
    warnings = [line for line in result.stdout.splitlines() if ": warning: " in line]
    expected = set()
    for name, _, pasted_text, _ in PASTED:
        lines = (pasted / name).read_text(encoding="utf-8").splitlines()
        expected.add((f"data/{name}", lines.index(pasted_text.split("\n")[0]) + 1))
    found = {(m.group(1), int(m.group(2))) for m in (re.match(r"(.+?):(\d+):\d+: warning: ", w) for w in warnings) if m}
    assert found == expected, "\n".join(warnings)
    assert len(warnings) == len(PASTED) + 1  # the roles line holds two pasted items
    assert all("--fix" in warning for warning in warnings)


def test_fix_restores_what_a_careful_editor_types_and_nothing_else(pasted: Path) -> None:
    result = opmanual(pasted.parent, "check", "data", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(PASTED) + 1} texts fixed in 2 files" in result.stdout
    assert "warning" not in result.stdout  # checked again after fixing: nothing left
    for path, text in with_replaced(pasted, 2).items():
        assert path.read_text(encoding="utf-8") == text, path  # comments, quotes and layout as they were
    assert render_all(load(pasted)) == render_all(load(MINI))


def test_fix_leaves_invalid_data_alone(pasted: Path) -> None:
    office = pasted / "office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("digits: thai", "digits: roman"), encoding="utf-8")
    before = {path: path.read_bytes() for path in pasted.rglob("*.yml")}
    result = opmanual(pasted.parent, "check", "data", "--fix")
    assert result.returncode == 1
    assert "nothing was fixed" in result.stderr
    assert {path: path.read_bytes() for path in pasted.rglob("*.yml")} == before


@pytest.mark.parametrize(
    ("source", "loc", "expected"),
    [
        ("a: 1. x  # note\nb: y\n", ("a",), "a: x  # note\nb: y\n"),
        ("a: [1. x, y]\n", ("a", 0), "a: [x, y]\n"),
        ("a:\n  - '1. it''s'\n", ("a", 0), "a:\n  - 'it''s'\n"),
        ('a: "1. \\"x\\""\n', ("a",), 'a: "\\"x\\""\n'),
        ("a: |\n  1. x\n  2. y\nb: z\n", ("a",), "a: |\n  x\n  y\nb: z\n"),
        # A text that YAML would read otherwise once its number is gone is quoted.
        ("a: 1. [ร่าง] x\n", ("a",), 'a: "[ร่าง] x"\n'),
        ("a: 1. null\n", ("a",), 'a: "null"\n'),
        ("a:\r\n  - 1. x\r\n  - y\r\n", ("a", 0), "a:\r\n  - x\r\n  - y\r\n"),
    ],
)
def test_edit_changes_only_the_value(source: str, loc: tuple[str | int, ...], expected: str) -> None:
    result = edit(source, {loc: lambda value: clean(value, NUMBERED, "thai")})
    assert result == expected
    assert yaml.compose(result, Loader=yaml.SafeLoader) is not None


def test_edit_refuses_a_place_that_is_not_a_text() -> None:
    with pytest.raises(EditError):
        edit("a:\n  b: c\n", {("a",): str.upper})


def _render(loc: tuple[str | int, ...], data: Any, column: int, first: int) -> list[str]:
    lines = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).splitlines()
    return [" " * column + line for line in lines]


EDITED = """\
# the editor's own comment
group:
    name: กลุ่ม   # kept
    empty:
    flow: [a, b]  # trailing
    none: {}
    areas:
      - id: a
        text: |
          บรรทัดหนึ่ง
          บรรทัดสอง
      # a commented-out entry
last: value"""


@pytest.mark.parametrize(
    ("loc", "value", "key"),
    [
        (("group", "areas"), {"id": "b", "name": "ใหม่"}, None),
        (("group", "flow"), "c", None),
        (("group",), ["x"], "empty"),
        (("group",), {"k": "v"}, "none"),
        (("group",), "ค่าใหม่", "added"),
        (("group", "areas", 0), "หลังบล็อก", "after_block"),
        ((), {"name": "ชื่อ"}, "manual"),
    ],
)
def test_adding_a_value_keeps_every_other_character(loc: tuple[str | int, ...], value: Any, key: str | None) -> None:
    result = add(EDITED, loc, value, key, _render)
    expected = yaml.safe_load(EDITED)
    container = expected
    for step in loc:
        container = container[step]
    if key is None:
        container.append(value)
    else:
        container[key] = value
    assert yaml.safe_load(result) == expected
    kept = [line for line in EDITED.splitlines() if not any(word in line for word in ("empty:", "flow:", "none:"))]
    lines = iter(result.splitlines())
    assert all(line in lines for line in kept)  # the other lines, comments included, in their order


def test_adding_where_no_list_or_mapping_stands_is_refused() -> None:
    with pytest.raises(EditError, match="is not a list"):
        add(EDITED, ("group", "name"), "x", None, _render)
    with pytest.raises(EditError, match="no value at group/missing"):
        add(EDITED, ("group", "missing"), "x", None, _render)
