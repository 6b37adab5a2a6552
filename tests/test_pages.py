"""Golden tests: the generated Markdown of every page of the fixture manual.

Regenerate after an intended change with `UPDATE_GOLDEN=1 scripts/test tests/test_pages.py` and review the diff.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest

from opmanual.data.dataset import load
from opmanual.site.pages import nav, plan, render_all
from opmanual.site.render import escape, relative_url

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "mini"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_all(load(FIXTURE))


def test_the_fixture_has_every_kind_of_page(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "group/aims.md",
        "group/areas.md",
        "group/method.md",
        "group/organization.md",
        "group/schools.md",
        "group/standard.md",
        "index.md",
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


@pytest.mark.parametrize("src_uri", sorted(render_all(load(FIXTURE))))
def test_page_matches_golden(pages: dict[str, str], src_uri: str) -> None:
    golden = GOLDEN / src_uri
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[src_uri], encoding="utf-8")
    assert golden.is_file(), f"no golden file for {src_uri}; run with UPDATE_GOLDEN=1"
    assert pages[src_uri] == golden.read_text(encoding="utf-8")


def test_golden_folder_has_no_stale_pages(pages: dict[str, str]) -> None:
    on_disk = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md")}
    assert on_disk == set(pages)


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
    from opmanual.site.render import Renderer

    pages = render_all(load(FIXTURE), Renderer("arabic"))
    assert '<span class="num">2.1.1</span>' in pages["processes/qa.md"]
    assert "ประกอบด้วย 2 กลุ่มโรงเรียน รวม 12 โรงเรียน" in pages["group/schools.md"]


def test_navigation_lists_generated_pages_in_reading_order(pages: dict[str, str]) -> None:
    items = nav(plan(load(FIXTURE)))
    sections = [next(iter(item)) for item in items]
    assert sections == ["หน้าแรก", "กลุ่มนิเทศ", "ขอบข่ายภารกิจ", "บุคลากร", "กระบวนงาน", "เอกสารอ้างอิงและบรรณานุกรม"]


def test_every_page_is_titled_alike_in_its_heading_and_in_the_navigation(pages: dict[str, str]) -> None:
    """One title per page, carried by its PageSpec: the navigation cannot drift from the headings."""
    entries: list[tuple[str, str]] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    walk(value) if isinstance(value, list) else entries.append((title, value))

    walk(nav(plan(load(FIXTURE))))
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
