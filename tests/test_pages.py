"""Golden tests: the generated Markdown of every page of the fixture manual.

Regenerate after an intended change with `UPDATE_GOLDEN=1 scripts/test tests/test_pages.py` and review the diff.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest

from opmanual.data.dataset import load
from opmanual.render.pages import nav, plan, render_all
from opmanual.render.render import escape, relative_url

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
FIXTURE = FIXTURES / "mini"
GOLDEN = HERE / "golden"
# mini: the seeds' shape, one of everything; varied: a manual the seeds do not show (own labels, sub-tables, free
# sections, appendices).
GOLDEN_FIXTURES = ("mini", "varied")


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, str]]:
    return {name: render_all(load(FIXTURES / name)) for name in GOLDEN_FIXTURES}


@pytest.fixture(scope="module")
def pages(rendered: dict[str, dict[str, str]]) -> dict[str, str]:
    return rendered["mini"]


def test_the_fixture_has_every_kind_of_page(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "group/aims.md",
        "group/areas.md",
        "group/method.md",
        "group/organization.md",
        "group/schools.md",
        "group/standard.md",
        "index.md",
        "ita.md",
        "matrix.md",
        "people/index.md",
        "people/somchai.md",
        "processes/index.md",
        "processes/qa.md",
        "processes/review.md",
        "references.md",
        "workgroups/admin.md",
        "workgroups/index.md",
        "workgroups/quality.md",
    ]


@pytest.mark.parametrize(
    ("fixture", "src_uri"),
    [(name, uri) for name in GOLDEN_FIXTURES for uri in sorted(render_all(load(FIXTURES / name)))],
)
def test_page_matches_golden(rendered: dict[str, dict[str, str]], fixture: str, src_uri: str) -> None:
    golden = GOLDEN / fixture / src_uri
    page = rendered[fixture][src_uri]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {fixture}/{src_uri}; run with UPDATE_GOLDEN=1"
    assert page == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fixture", GOLDEN_FIXTURES)
def test_golden_folder_has_no_stale_pages(rendered: dict[str, dict[str, str]], fixture: str) -> None:
    folder = GOLDEN / fixture
    on_disk = {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}
    assert on_disk == set(rendered[fixture])


@pytest.mark.parametrize("folder", ["tests/fixtures/mini", "tests/fixtures/varied", "data", "examples/chiangmai5"])
def test_headings_are_markdown_not_text(folder: str) -> None:
    """Every `#` a template emits opens a heading; an escaped one would print "## title" as text."""
    for uri, page in render_all(load(HERE.parent / folder)).items():
        for line in page.splitlines():
            assert not line.startswith("&#35;"), f"{uri}: {line[:80]}"


def test_derived_facts_appear_on_pages(pages: dict[str, str]) -> None:
    schools = pages["group/schools.md"]
    assert "ประกอบด้วย ๒ กลุ่มโรงเรียน รวม ๑๒ โรงเรียน" in schools  # counted, never typed
    person = pages["people/somchai.md"]
    assert "ปฏิบัติหน้าที่ ผู้อำนวยการกลุ่มนิเทศ" in person  # role derived from the organisation chart
    assert 'href="../../processes/qa/"' in person
    process = pages["processes/qa.md"]
    assert 'href="../../people/somchai/"' in process  # who runs it, derived from the person's file
    assert '<span class="num">๒.๑.๑</span> จัดประชุม' in process
    assert "มิถุนายน ๒๕๖๖ – กันยายน ๒๕๖๖" in process


def test_arabic_digit_switch() -> None:
    from opmanual.render.render import Renderer

    pages = render_all(load(FIXTURE), Renderer("arabic"))
    assert '<span class="num">2.1.1</span>' in pages["processes/qa.md"]
    assert "ประกอบด้วย 2 กลุ่มโรงเรียน รวม 12 โรงเรียน" in pages["group/schools.md"]


def test_navigation_lists_generated_pages_in_reading_order(pages: dict[str, str]) -> None:
    manual = load(FIXTURE)
    items = nav(plan(manual), manual.labels)
    sections = [next(iter(item)) for item in items]
    assert sections == [
        "หน้าแรก",
        "กลุ่มนิเทศ",
        "ขอบข่ายภารกิจ",
        "บุคลากร",
        "กระบวนงาน",
        "เอกสารอ้างอิงและบรรณานุกรม",
        "ตารางความรับผิดชอบ",
        "คู่มือการปฏิบัติงานสำหรับการประเมิน ITA",
    ]


def test_every_page_is_titled_alike_in_its_heading_and_in_the_navigation(pages: dict[str, str]) -> None:
    """One title per page, carried by its PageSpec: the navigation cannot drift from the headings."""
    entries: list[tuple[str, str]] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    walk(value) if isinstance(value, list) else entries.append((title, value))

    manual = load(FIXTURE)
    walk(nav(plan(manual), manual.labels))
    assert len(entries) > 10
    for title, uri in entries:
        if uri != "index.md":
            heading = pages[uri].split("\n", 1)[0].removeprefix("# ")
            assert html.unescape(heading) == title, uri


@pytest.mark.parametrize(
    ("src", "target", "expected"),
    [
        ("index.md", "people/a.md", "people/a/"),
        ("people/a.md", "processes/b.md", "../../processes/b/"),
        ("people/index.md", "people/a.md", "a/"),
        ("people/a.md", "index.md", "../../"),
        ("references.md", "references.md", "./"),
    ],
)
def test_relative_urls(src: str, target: str, expected: str) -> None:
    assert relative_url(src, target) == expected


def test_text_cannot_become_markup() -> None:
    assert escape("<b>*x*</b> [a](b) {#id} _y_ `z` | ++ctrl++ ก") == (
        "&#60;b&#62;&#42;x&#42;&#60;&#47;b&#62; &#91;a&#93;&#40;b&#41; &#123;&#35;id&#125; &#95;y&#95; &#96;z&#96; "
        "&#124; &#43;&#43;ctrl&#43;&#43; ก"
    )


def test_data_tables_are_named_after_their_section() -> None:
    from opmanual.site.a11y import name_tables

    html = (
        '<h1 id="person">นายสมชาย</h1><table class="profile"><tr><th>ตำแหน่ง</th></tr></table>'
        '<h2 id="duties">งานในหน้าที่</h2><table><caption>ตาราง</caption></table>'
        '<table aria-hidden="true"></table><table aria-label="ตารางเวลา"></table><table class="x"></table>'
    )
    assert name_tables(html) == (
        '<h1 id="person">นายสมชาย</h1><table aria-labelledby="person" class="profile"><tr><th>ตำแหน่ง</th></tr></table>'
        '<h2 id="duties">งานในหน้าที่</h2><table><caption>ตาราง</caption></table>'
        '<table aria-hidden="true"></table><table aria-label="ตารางเวลา"></table>'
        '<table aria-labelledby="duties" class="x"></table>'
    )
    assert name_tables("<table></table>") == "<table></table>"  # no heading before it: nothing to name it by
