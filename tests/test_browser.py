"""The built site in a real browser: offline, self-hosted Sarabun, Material's features working."""

from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).parent / "artifacts"
PAGES = [
    "",
    "people/anawat-khaikhao/",
    "processes/qa-system-promotion/",
    "group/organization/",
    "guide/",
    "guide/fields/",
]


@pytest.fixture(scope="module")
def base_url(built_sites: dict[str, Path]) -> str:
    with serve(built_sites["data"]) as url:
        yield url


def open_page(browser: Browser, url: str, requests: list[str]) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    page.add_style_tag(content=".md-header { position: static }")  # keep element screenshots clear of it
    return page


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_its_own_host_and_uses_sarabun(browser: Browser, base_url: str, path: str) -> None:
    requests: list[str] = []
    page = open_page(browser, base_url + path, requests)
    own = urlsplit(base_url).netloc
    assert [url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own] == []
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded').length"
    )
    assert loaded >= 1
    family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert family.startswith('"Sarabun"') or family.startswith("Sarabun")
    # Every element that holds Thai text draws it with a font list that has Sarabun in it (the machine has no other
    # Thai font, so anything else is tofu): code, headings, tables, navigation, search box.
    without = page.evaluate(
        """[...document.querySelectorAll('body *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && /[\u0e00-\u0e7f]/.test(n.data)))
            .filter(e => !getComputedStyle(e).fontFamily.includes('Sarabun'))
            .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))"""
    )
    assert without == []
    ARTIFACTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-") or "home"
    page.screenshot(path=str(ARTIFACTS / f"site-{name}.png"), full_page=True)
    page.close()


def test_code_examples_show_every_space_as_written(browser: Browser, base_url: str) -> None:
    """The editors' guide teaches YAML by example: an example whose indentation the page collapses is wrong YAML
    to whoever copies it. What a reader sees (innerText) is what the block holds (textContent)."""
    page = open_page(browser, base_url + "guide/", [])
    blocks = page.evaluate(
        "[...document.querySelectorAll('article pre > code')].map(c => [c.innerText, c.textContent])"
    )
    page.close()
    assert len(blocks) >= 3
    assert [shown for shown, written in blocks if shown.rstrip("\n") != written.rstrip("\n")] == []


def test_dark_mode_toggle_and_navigation_tabs(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url, [])
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.click("label[title='เปลี่ยนเป็นโหมดมืด']")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [tab.strip() for tab in tabs][:6] == [
        "หน้าแรก",
        "กลุ่มนิเทศ",
        "ขอบข่ายภารกิจ",
        "บุคลากร",
        "กระบวนงาน",
        "เอกสารอ้างอิงและบรรณานุกรม",
    ]
    page.close()


def test_links_between_person_and_process_work_in_the_browser(browser: Browser, base_url: str) -> None:
    page = open_page(browser, base_url + "people/anawat-khaikhao/", [])
    page.click("article a[href='../../processes/qa-research/']")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("งานวิจัยและพัฒนารูปแบบ")
    page.click("article table.profile a[href='../../people/anawat-khaikhao/']")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("นายอนวัช ไข่ขาว")
    page.close()


@pytest.mark.parametrize("process", ["qa-research", "qa-system-promotion", "interagency-support"])
def test_flowcharts_with_decisions_draw_cleanly(browser: Browser, base_url: str, process: str) -> None:
    """Look at it: the screenshots go to tests/artifacts. Then check the geometry the eye would check."""
    page = open_page(browser, base_url + f"processes/{process}/", [])
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("div.flowchart-wrap").screenshot(path=str(ARTIFACTS / f"flow-table-{process}.png"))
    page.locator("table.flow-diagram").screenshot(path=str(ARTIFACTS / f"flow-diagram-{process}.png"))
    branches = {
        "qa-research": ["ประสบผลสำเร็จ", "ไม่ประสบผลสำเร็จ"],
        "qa-system-promotion": ["บรรลุ", "ไม่บรรลุ"],
        "interagency-support": ["ใช่", "ไม่ใช่"],
    }[process]
    for view in ("table.flow-diagram", "table.flow-table"):
        check_flow_geometry(page, view, branches)
    page.close()


def check_flow_geometry(page: Page, view: str, branches: list[str]) -> None:
    boxes = page.evaluate(
        """(view) => [...document.querySelectorAll(view + ' .shape')].map(s => {
            const r = s.getBoundingClientRect();
            const text = document.createRange();
            text.selectNodeContents(s.querySelector('.text'));  // without the arrowheads and branch labels
            const t = text.getBoundingClientRect();
            // In a diamond the text must fit the rhombus: |dx|/half-width + |dy|/half-height <= 1 at its corners.
            const diamond = s.classList.contains('shape-decision')
                ? (t.width / r.width) + (t.height / r.height) : 0;
            return {kind: s.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right, diamond,
                    inside: t.left >= r.left && t.right <= r.right && t.top >= r.top && t.bottom <= r.bottom};
        })""",
        view,
    )
    assert [b["kind"].split("shape-")[-1] for b in boxes].count("decision") == 1
    for box in boxes:
        assert box["inside"], box  # the text stays inside its shape
        assert box["diamond"] <= 1.05, box
    for above, below in itertools.pairwise(boxes):
        assert below["top"] - above["bottom"] >= 16  # room for the connector and its arrowhead
    labels = page.evaluate(
        """(view) => [...document.querySelectorAll(view + ' .branch')].map(l => {
            const r = l.getBoundingClientRect(); return {text: l.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right};
        })""",
        view,
    )
    assert sorted(label["text"] for label in labels) == branches
    for label in labels:
        for box in boxes:
            overlaps = (
                label["left"] < box["right"]
                and label["right"] > box["left"]
                and label["top"] < box["bottom"]
                and label["bottom"] > box["top"]
            )
            assert not overlaps, (label, box)


@pytest.mark.parametrize("width", [1024, 1280, 1366])
def test_no_tab_label_is_cut_at_common_office_screen_widths(browser: Browser, base_url: str, width: int) -> None:
    """Material's tab bar scrolled its last tab out of sight with no scrollbar ("คู่มือ" of คู่มือการแก้ไขข้อมูล at
    1280 px): every tab shown must be whole inside the bar."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url)
    bar = page.evaluate(
        """() => { const list = document.querySelector('.md-tabs__list');
          const box = list.getBoundingClientRect();
          return {scroll: list.scrollWidth, client: list.clientWidth, right: box.right,
            shown: getComputedStyle(document.querySelector('.md-tabs')).display !== 'none' && box.width > 0,
            tabs: [...list.querySelectorAll('.md-tabs__link')].map(a => [a.textContent.trim(),
              a.getBoundingClientRect().right, a.scrollWidth, a.clientWidth])}; }"""
    )
    page.close()
    if width < 1220:  # Material shows the tabs from 76.25em; narrower, the same sections are in the drawer
        assert not bar["shown"]
        return
    assert bar["shown"] and bar["scroll"] <= bar["client"], bar
    assert len(bar["tabs"]) >= 8
    for label, right, inner, outer in bar["tabs"]:
        assert right <= bar["right"] + 0.5 and inner <= outer, label
