"""Paste hygiene: numbers, bullets and digits pasted from Word are found where they are, and `check --fix` removes
them from the files without touching anything else."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, opmanual
from opmanual.data.dataset import load
from opmanual.data.hygiene import (
    NUMBERED,
    PARAGRAPH,
    STEP,
    TEXT,
    clean,
    list_marks,
    other_digits,
    pasted_mark,
    problems,
    proved_numbers,
    typed_mark,
)
from opmanual.data.yamledit import EditError, add, edit
from opmanual.render.pages import render_all

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"


def pasted_warnings(output: str) -> list[str]:
    """The warnings of `check` about pasted text, not those of the ITA readiness it also reports."""
    return [line for line in output.splitlines() if ": warning: " in line and "the ITA assessment" not in line]


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


@pytest.mark.parametrize(
    ("text", "kind", "number", "mark"),
    [
        # Proved: the list's own numbering (the item's place), or a bullet and a space.
        ("1. ศึกษา", NUMBERED, 1, "1. "),
        ("๑.ศึกษา", NUMBERED, 1, "๑."),
        ("3) ศึกษา", NUMBERED, 3, "3) "),
        ("(๒) ศึกษา", NUMBERED, 2, "(๒) "),
        ("2.1.3 ศึกษา", NUMBERED, 3, "2.1.3 "),
        ("- หลักฐาน", NUMBERED, None, "- "),
        ("• 5 โรงเรียน", NUMBERED, None, "• "),
        ("1. - ศึกษา", NUMBERED, 1, "1. - "),
        ("ขั้นตอนที่ 1 ศึกษา", STEP, 1, "ขั้นตอนที่ 1 "),
        ("ขั้นที่ ๒: ศึกษา", STEP, 2, "ขั้นที่ ๒: "),
        ("1. ศึกษา", PARAGRAPH, 1, "1. "),  # reported, not taken off (see clean)
        # Not proved: another number than the item's own, or a value that merely starts like numbering.
        ("2. ศึกษา", NUMBERED, 1, ""),
        ("09.00 น. ประชุม", NUMBERED, 1, ""),
        ("10.30 น. พัก", NUMBERED, 10, ""),
        ("9:30 น.", NUMBERED, 9, ""),
        ("1.5 เท่า", NUMBERED, 1, ""),
        ("0.5 คะแนน", NUMBERED, 5, ""),
        ("-5 คะแนน", NUMBERED, None, ""),
        ("- 5 คะแนน", NUMBERED, None, ""),
        ("+3 วัน", NUMBERED, None, ""),
        ("* ยกเว้นวันหยุด", NUMBERED, None, ""),
        ("-หลักฐาน", NUMBERED, None, ""),
        ("-ไม่มี-", PARAGRAPH, None, ""),
        ("-", PARAGRAPH, None, ""),
        ("3 ด้าน ได้แก่", NUMBERED, 3, ""),
        ("2567 ปีงบประมาณ", NUMBERED, 1, ""),
        ("1.ISO", NUMBERED, 1, ""),
        ("1000. ศึกษา", NUMBERED, 1000, ""),
        ("ขั้นตอนที่ 1 ศึกษา", NUMBERED, 1, ""),
        ("1. ศึกษา", TEXT, 1, ""),
    ],
)
def test_pasted_marks_are_proved(text: str, kind: str, number: int | None, mark: str) -> None:
    assert pasted_mark(text, kind, number) == mark


@pytest.mark.parametrize(
    ("texts", "kind", "proved"),
    [
        ({0: "1. ก", 1: "2. ข", 2: "3) ค"}, NUMBERED, {0: 1, 1: 2, 2: 3}),
        ({0: "2. ก", 1: "3. ข"}, NUMBERED, {}),  # not their places
        ({0: "2.1 ก", 1: "2.2 ข"}, NUMBERED, {0: 1, 1: 2}),  # a pasted sub-list
        ({0: "1.1 เท่า"}, NUMBERED, {}),  # a dotted number alone may be a decimal
        ({4: "1.5 เท่า", 5: "10.30 น."}, NUMBERED, {}),
        ({0: "๑.๑.๑ ก", 1: "๑.๑.๒ ข"}, STEP, {0: 1, 1: 2}),
        ({3: "1. ก", 4: "2. ข", 7: "5. ค"}, PARAGRAPH, {3: 1, 4: 2}),  # paragraphs: continued by a neighbour
        ({0: "1. ก"}, PARAGRAPH, {}),
    ],
)
def test_numbers_are_proved_by_place_and_neighbours(texts: dict[int, str], kind: str, proved: dict[int, int]) -> None:
    assert proved_numbers(texts, kind) == proved


@pytest.mark.parametrize(
    ("items", "fixed"),
    [
        (["1. 1. ก", "2. 2) ข"], ["ก", "ข"]),  # numbered twice
        (["1. 2.1 ก", "2.2 ข"], ["ก", "ข"]),  # the second pass proves what the first showed
        (["5. 1.5 เท่า"], ["5. 1.5 เท่า"]),
        (["ก", "ข", "ค", "ง", "5. 1.5 เท่า"], ["ก", "ข", "ค", "ง", "1.5 เท่า"]),
    ],
)
def test_marks_come_off_pass_after_pass(items: list[str], fixed: list[str]) -> None:
    assert fix_list(items, NUMBERED, "arabic") == fixed


def test_the_messages_say_what_to_do() -> None:
    [number] = problems("1. ศึกษา", NUMBERED, "thai", (1,))
    assert "`1.`" in number and "remove it" in number
    [paragraph] = problems("- หลักฐาน", PARAGRAPH, "thai", (None,))
    assert "`bullets:`" in paragraph
    [step] = problems("ขั้นตอนที่ ๑ ศึกษา", STEP, "thai", (1,))
    assert "numbered by their order" in step
    [digit] = problems("ปี 2567", TEXT, "thai")
    assert "๒๕๖๗" in digit and "manual.digits" in digit


def test_a_paragraph_keeps_its_mark_and_gets_its_digits() -> None:
    assert clean("1. ปี 2567", PARAGRAPH, "thai", (1,)) == "๑. ปี ๒๕๖๗"
    [mark, digits] = problems("1. ปี 2567", PARAGRAPH, "thai", (1,))
    assert "`items:`" in mark and "`1 2567`" in digits


# Values that start like numbering but are not: times, decimals, signs, a footnote's star, years, counts, codes.
CONTENT_STARTS = st.one_of(
    st.builds("{:02d}.{:02d} น.".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{}.{:02d} น.".format, st.integers(1, 23), st.integers(0, 59)),
    st.builds("{}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{}.{} เท่า".format, st.integers(0, 99), st.integers(0, 9)),
    st.builds("{}{}".format, st.sampled_from(["-", "+", "−", "- ", "– "]), st.integers(0, 999)),
    st.sampled_from(["* ยกเว้น", "*หมายเหตุ", "-ไม่มี-", "ISO 9001", "1.ISO", "O-NET", "(ก)", "ก. ข."]),
    st.builds("{} ปี".format, st.integers(1000, 2999)),
    st.builds("{} ด้าน".format, st.integers(0, 99)),
    st.text(alphabet="กขคงจาิ่เ", min_size=1, max_size=6),
)
WORDS = st.text(alphabet="กขคงจาิ่ 0123๐๑๒.:-•()*", max_size=12)
CONTENT = st.one_of(
    st.builds(lambda start, rest: " ".join((start + " " + rest).split()), CONTENT_STARTS, WORDS),
    st.sampled_from(["-", "—", "–", "•"]),  # a cell that means "none"
)
STYLE = {"thai": str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"), "arabic": str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")}
KINDS = st.sampled_from([NUMBERED, STEP, PARAGRAPH, TEXT])
DIGITS = st.sampled_from(["thai", "arabic"])


def fix_list(items: list[str], kind: str, digits: str) -> list[str]:
    """`check --fix` on the texts of one list, of `kind`, with their numbers proved as the loader proves them."""
    marks = list_marks(dict(enumerate(items)), kind)
    return [clean(item, kind, digits, marks.get(index, ())) for index, item in enumerate(items)]


def only_digits_changed(before: str, after: str, digits: str) -> bool:
    pairs = zip(before, after, strict=False)
    return len(before) == len(after) and all(a == b or a.translate(STYLE[digits]) == b for a, b in pairs)


def own_place(item: str, index: int) -> bool:
    """Whether `item` starts with a number whose last part is its place: numbering by definition."""
    number = re.match(r"\(?([0-9]+)(?:\.([0-9]+))*", item)
    return bool(number) and int(number.group(number.lastindex or 1)) == index + 1  # type: ignore[union-attr]


@settings(max_examples=400, deadline=None)
@given(st.lists(CONTENT, min_size=1, max_size=12), KINDS, DIGITS)
@pytest.mark.slow
def test_a_value_without_a_pasted_mark_keeps_every_character(items: list[str], kind: str, digits: str) -> None:
    """(a) Whatever it starts with and wherever it stands, a value no numbering was pasted into keeps every
    character: the fix only writes its digits in the manual's style. (A value whose number is its place in its list
    is numbering by definition; such lists are not generated here.)"""
    assume(not any(own_place(item, index) for index, item in enumerate(items)))
    for before, after in zip(items, fix_list(items, kind, digits), strict=True):
        assert only_digits_changed(before, after, digits), (before, after)


MARKS = st.sampled_from(["{}. ", "{}) ", "({}) ", "{}.", "2.{} ", "๒.{} ", "- ", "• ", "▪ ", "{}. • "])


@settings(max_examples=400, deadline=None)
@given(st.lists(CONTENT, min_size=2, max_size=12), MARKS, st.sampled_from([NUMBERED, STEP]), DIGITS)
@pytest.mark.slow
def test_a_pasted_mark_comes_off_and_gives_back_the_value(items: list[str], mark: str, kind: str, digits: str) -> None:
    """(c) The list's own numbering or bullets pasted before each value come off and give back the value, as it
    would be fixed alone."""
    if mark == "{}.":  # glued to the word: only before a Thai letter
        assume(all(re.match("[ก-ฮเ]", item) for item in items))
    if mark.startswith("-"):  # a dash before a number is its sign
        assume(not any(re.match("[0-9๐-๙]", item) for item in items))
    pasted = [mark.format(index + 1) + item for index, item in enumerate(items)]
    assert fix_list(pasted, kind, digits) == fix_list(items, kind, digits)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(CONTENT, st.builds(str.__add__, MARKS.map(lambda m: m.format(1)), CONTENT), WORDS), max_size=12), KINDS, DIGITS)  # fmt: skip
@pytest.mark.slow
def test_fixing_twice_changes_nothing_more(items: list[str], kind: str, digits: str) -> None:
    """(b) fix(fix(x)) == fix(x), and what is left to report is what only the editor can fix (a paragraph's list)."""
    once = fix_list(items, kind, digits)
    assert fix_list(once, kind, digits) == once
    marks = list_marks(dict(enumerate(once)), kind)
    assert all(kind == PARAGRAPH or not problems(item, kind, digits, marks.get(i, ())) for i, item in enumerate(once))


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
        "projects: [โครงการนิเทศออนไลน์]",
        'projects: ["• โครงการนิเทศออนไลน์"]  # pasted',
        'projects: ["โครงการนิเทศออนไลน์"]  # pasted',
    ),
    ("people/somchai.yml", "          - ปฏิทินการนิเทศ", "          - '2. ปฏิทินการนิเทศ'", "          - 'ปฏิทินการนิเทศ'"),
    (
        "people/somchai.yml",
        "  mission: [นิเทศกลุ่มโรงเรียนที่ ๑]",
        "  mission:\n    - |\n      - นิเทศกลุ่มโรงเรียนที่ 1",
        "  mission:\n    - |\n      นิเทศกลุ่มโรงเรียนที่ ๑",
    ),
    (
        "people/somchai.yml",
        "    forms: [แบบนิเทศ]",
        "    forms:\n      - >\n        (1) แบบนิเทศ",
        "    forms:\n      - >\n        แบบนิเทศ",
    ),
    ("processes/qa.yml", "  - text: ศึกษา วิเคราะห์ หลักเกณฑ์", "  - text: ขั้นตอนที่ 1 ศึกษา วิเคราะห์ หลักเกณฑ์", None),
    ("processes/qa.yml", "        steps: [จัดประชุม]", "        steps: [๑) จัดประชุม]", None),
    ("processes/qa.yml", "  - text: ศึกษาวิเคราะห์หลักเกณฑ์", "  - text: (1) ศึกษาวิเคราะห์หลักเกณฑ์", None),
    ("processes/qa.yml", "    duration: ๑ เดือน", "    duration: 1 เดือน", None),
]
# Lists pasted as paragraphs: reported, but only the editor can make them lists, so --fix leaves them.
PARAGRAPHS = [
    (
        "people/somchai.yml",
        "    - หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์",
        "    - |\n      - หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์",
        "this paragraph starts with a typed bullet `-`",
    ),
    (
        "processes/qa.yml",
        "monitoring: ติดตามผลทุกภาคเรียน",
        "monitoring: [๑. ติดตามผลทุกภาคเรียน, ๒. สรุปผล]",
        "this paragraph starts with a typed number `๑.`, and so does the paragraph next to it",
    ),
]
# Values that start like numbering or a bullet and are not, at places of every kind: kept to the byte.
KEPT = [
    (
        "people/somchai.yml",
        "    items: [ประชุมคณะกรรมการกลุ่มโรงเรียน]",
        "    items: [๐๙.๐๐ น. ประชุม, ๑๐.๓๐ น. พัก, ๙:๓๐ น. เริ่ม]",
    ),
    (
        "people/somchai.yml",
        "projects: [โครงการนิเทศออนไลน์]",
        "projects: [๑.๕ เท่า, -๕ คะแนน, +๓ วัน, '* ยกเว้น', '- ๕ คะแนน']",
    ),
    (
        "processes/qa.yml",
        "monitoring: ติดตามผลทุกภาคเรียน",
        "monitoring: [๑.๕ เท่าของเดิม, '* ยกเว้นวันหยุด', '-ไม่มี-', ๒๕๖๗ ปี]",
    ),
    ("processes/qa.yml", "        steps: [จัดประชุม]", "        steps: [๒. จัดประชุม, ๓) สรุป, ๐.๕ วัน]"),
    ("processes/qa.yml", "kpis: [สถานศึกษาร้อยละ ๘๐ ผ่านเกณฑ์]", "kpis: [๘๐ ร้อยละ, '-', ๑.๑ เท่า]"),
]


def with_replaced(folder: Path, column: int, cases: list[tuple[str, ...]] = PASTED) -> dict[Path, str]:
    """The fixture's files in `folder` as they are with each line of `cases` replaced by the text of `column`."""
    files = {}
    for path in MINI.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for name, *versions in cases:
            if path == MINI / name:
                assert text.count(versions[0] + "\n") == 1, versions[0]
                text = text.replace(versions[0] + "\n", (versions[column] or versions[0]) + "\n")
        files[folder / path.relative_to(MINI)] = text
    return files


def warned_line(path: Path, pasted_text: str) -> int:
    """The line a warning about `pasted_text` names: where its value starts (`key: value`, `- value`, `- |`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    value = next(line for line in pasted_text.split("\n") if ": " in line or line.strip().startswith("- "))
    return lines.index(value) + 1


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
    warnings = pasted_warnings(result.stdout)
    expected = {(f"data/{name}", warned_line(pasted / name, pasted_text)) for name, _, pasted_text, _ in PASTED}
    found = {(m.group(1), int(m.group(2))) for m in (re.match(r"(.+?):(\d+):\d+: warning: ", w) for w in warnings) if m}
    assert found == expected, "\n".join(warnings)
    assert len(warnings) == len(PASTED) + 1  # the roles line holds two pasted items
    assert all("--fix" in warning for warning in warnings)


@pytest.mark.slow
def test_fix_restores_what_a_careful_editor_types_and_nothing_else(pasted: Path) -> None:
    result = opmanual(pasted.parent, "check", "data", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(PASTED) + 1} texts fixed in 2 files" in result.stdout
    assert not pasted_warnings(result.stdout)  # checked again after fixing: nothing left
    for path, text in with_replaced(pasted, 2).items():
        assert path.read_text(encoding="utf-8") == text, path  # comments, quotes and layout as they were
    assert render_all(load(pasted)) == render_all(load(MINI))


@pytest.mark.slow
def test_a_list_pasted_as_paragraphs_is_reported_and_left_to_the_editor(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    for path, text in with_replaced(data, 1, PARAGRAPHS).items():
        path.write_text(text, encoding="utf-8")
    before = {path: path.read_bytes() for path in data.rglob("*.yml")}
    for _ in range(2):
        result = opmanual(tmp_path, "check", "data", "--fix")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "fixed" not in result.stdout
        for name, _, pasted_text, message in PARAGRAPHS:
            assert f"data/{name}:{warned_line(data / name, pasted_text)}:" in result.stdout
            assert message in result.stdout
        assert "ต้องแก้เอง" in result.stdout and "--fix` แก้ให้" not in result.stdout
    assert {path: path.read_bytes() for path in data.rglob("*.yml")} == before


@pytest.mark.slow
def test_values_that_only_look_like_numbering_are_kept_to_the_byte(tmp_path: Path) -> None:
    """Times, decimals, signs, a footnote's star, a year, a number that is not the item's own: in list items,
    steps, KPIs and paragraphs, `check` says nothing of them and `check --fix` changes no byte."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    for path, text in with_replaced(data, 1, KEPT).items():
        path.write_text(text, encoding="utf-8")
    before = {path: path.read_bytes() for path in data.rglob("*.yml")}
    result = opmanual(tmp_path, "check", "data", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not pasted_warnings(result.stdout) and "fixed" not in result.stdout, result.stdout
    assert {path: path.read_bytes() for path in data.rglob("*.yml")} == before


@pytest.mark.slow
def test_fix_leaves_invalid_data_alone(pasted: Path) -> None:
    office = pasted / "office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("digits: thai", "digits: roman"), encoding="utf-8")
    before = {path: path.read_bytes() for path in pasted.rglob("*.yml")}
    result = opmanual(pasted.parent, "check", "data", "--fix")
    assert result.returncode == 1
    assert "nothing was fixed" in result.stderr
    assert {path: path.read_bytes() for path in pasted.rglob("*.yml")} == before


def unnumbered(value: str) -> str:
    """A change as `check --fix` makes them: numbers taken off the start of lines, digits written in Thai."""
    return "\n".join(re.sub(r"^\d+\. ", "", line).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
                     for line in value.split("\n"))  # fmt: skip


@pytest.mark.parametrize(
    ("source", "loc", "expected"),
    [
        ("a: 1. x  # note\nb: y\n", ("a",), "a: x  # note\nb: y\n"),
        ("a: [1. x, y]\n", ("a", 0), "a: [x, y]\n"),
        ("a:\n  - '1. it''s'\n", ("a", 0), "a:\n  - 'it''s'\n"),
        ('a: "1. \\"x\\""\n', ("a",), 'a: "\\"x\\""\n'),
        ("a: |\n  1. x\n  2. y\nb: z\n", ("a",), "a: |\n  x\n  y\nb: z\n"),
        ("a: |-  # kept\n  1. x\n\n  ปี 2567\nb: z\n", ("a",), "a: |-  # kept\n  x\n\n  ปี ๒๕๖๗\nb: z\n"),
        # Folded and wrapped values keep their lines: only the changed characters are rewritten.
        ("a: >\n  1. ยาว\n  ต่อ 2567\n", ("a",), "a: >\n  ยาว\n  ต่อ ๒๕๖๗\n"),
        ("a: 1. ยาว\n  ต่อ 2567\nb: c\n", ("a",), "a: ยาว\n  ต่อ ๒๕๖๗\nb: c\n"),
        ("a: '1. ยาว\n  ต่อ 25'\n", ("a",), "a: 'ยาว\n  ต่อ ๒๕'\n"),
        ('a: "ปี \\u0032567"\n', ("a",), 'a: "ปี ๒๕๖๗"\n'),  # an escape cannot be spliced: written again
        ("a: -5 ปี\n", ("a",), "a: -๕ ปี\n"),  # a plain value may start with `-` before a digit
        # A text that YAML would read otherwise once its number is gone is quoted.
        ("a: 1. [ร่าง] x\n", ("a",), 'a: "[ร่าง] x"\n'),
        ("a: 1. null\n", ("a",), 'a: "null"\n'),
        ("a: 1. - x\n", ("a",), 'a: "- x"\n'),
        # Line endings stay as they are, in every style.
        ("a:\r\n  - 1. x\r\n  - y\r\n", ("a", 0), "a:\r\n  - x\r\n  - y\r\n"),
        ("a: |\r\n  1. x\r\n  2. y\r\nb: z\r\n", ("a",), "a: |\r\n  x\r\n  y\r\nb: z\r\n"),
        ("a: >\r\n  1. x\r\n  y 2\r\n", ("a",), "a: >\r\n  x\r\n  y ๒\r\n"),
    ],
)
def test_edit_changes_only_the_value(source: str, loc: tuple[str | int, ...], expected: str) -> None:
    result = edit(source, {loc: unnumbered})
    assert result == expected
    assert yaml.compose(result, Loader=yaml.SafeLoader) is not None


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a: &x 1. x\nb: *x\n", "anchors and aliases"),
        ("a: !!str 1. x\n", "YAML tags"),
        ("a: 1. x\n---\nb: y\n", "one YAML document"),
        ("a: 1. x\u2028y\n", "invisible line break"),
        ("", "the file is empty"),
    ],
)
def test_edit_refuses_what_the_loader_refuses(source: str, message: str) -> None:
    with pytest.raises(EditError, match=message):
        edit(source, {("a",): unnumbered})


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


def files_of(data: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_fix_keeps_line_endings_a_byte_order_mark_and_every_other_byte(tmp_path: Path) -> None:
    """A CRLF file stays CRLF on every line and a file with a BOM keeps it; block scalars, quotes and comments stay;
    a second `check --fix` changes nothing."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    crlf, bom = data / "people/somchai.yml", data / "processes/qa.yml"

    def form(path: Path, text: str) -> bytes:
        if path == crlf:
            text = text.replace("\n", "\r\n")
        return (("\ufeff" if path == bom else "") + text).encode("utf-8")

    for path, text in with_replaced(data, 1).items():
        path.write_bytes(form(path, text))
    result = opmanual(tmp_path, "check", "data", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(PASTED) + 1} texts fixed in 2 files" in result.stdout
    for path, text in with_replaced(data, 2).items():
        assert path.read_bytes() == form(path, text), path
    assert crlf.read_bytes().count(b"\n") == crlf.read_bytes().count(b"\r\n")
    assert not list(data.rglob(".*.fixing"))  # no temporary file left
    before = files_of(data)
    again = opmanual(tmp_path, "check", "data", "--fix")
    assert again.returncode == 0 and "fixed" not in again.stdout and not pasted_warnings(again.stdout), again.stdout
    assert files_of(data) == before


@pytest.mark.slow
def test_fix_refuses_a_folder_the_loader_refuses_before_writing_anything(pasted: Path) -> None:
    office = pasted / "office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("  year: 2567", "  year: &y 2567"), encoding="utf-8")
    before = files_of(pasted)
    result = opmanual(pasted.parent, "check", "data", "--fix")
    assert result.returncode == 1
    assert "data/office.yml:5:9: anchors and aliases (&name, *name) are not supported" in result.stdout
    assert "nothing was fixed" in result.stderr and "Traceback" not in result.stderr
    assert files_of(pasted) == before


@pytest.mark.parametrize(
    ("make_read_only", "message"),
    [
        (lambda data: (data / "people/somchai.yml").chmod(0o444), "data/people/somchai.yml: the file is read-only; "),
        (lambda data: (data / "processes").chmod(0o555), "data/processes/qa.yml: its folder cannot be written: "),
        (
            lambda data: [folder.chmod(0o555) for folder in [*data.rglob("*"), data] if folder.is_dir()],
            "data/people/somchai.yml: its folder cannot be written: permission denied",
        ),
    ],
    ids=["file", "folder", "data-folder"],
)
@pytest.mark.slow
def test_a_read_only_file_or_folder_is_a_sentence_and_nothing_is_changed(
    pasted: Path, make_read_only: Any, message: str
) -> None:
    before = files_of(pasted)
    make_read_only(pasted)
    try:
        result = opmanual(pasted.parent, "check", "data", "--fix", unprivileged=True)
    finally:
        for path in [pasted, *pasted.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr, result.stderr
    assert "nothing was fixed (ไม่ได้แก้ไฟล์ใด ๆ)" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert files_of(pasted) == before  # the other file, which could be written, was not either


@pytest.mark.slow
def test_a_write_that_fails_halfway_leaves_every_file_whole(pasted: Path) -> None:
    """The disk fills (here: a file size limit on the process) while a fixed file is written: nothing is replaced,
    nothing is left beside the files, and the reason is one sentence."""
    before = files_of(pasted)
    result = subprocess.run(
        [sys.executable, "-m", "opmanual", "check", "data", "--fix"],
        cwd=pasted.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000)),  # the fixed file is 3.4 kB
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "data/people/somchai.yml: the fixed file cannot be written: it would be larger than this system lets a file be"
    ) in result.stderr
    assert "nothing was fixed (ไม่ได้แก้ไฟล์ใด ๆ)" in result.stderr and "Traceback" not in result.stderr
    assert files_of(pasted) == before
