"""The built site in a real browser: offline, self-hosted Sarabun, Material's features working."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser import chromium, serve

ARTIFACTS = Path(__file__).parent / "artifacts"
PAGES = ["", "people/anawat-khaikhao/", "processes/qa-system-promotion/", "group/organization/"]


@pytest.fixture(scope="module")
def browser() -> Browser:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base_url(built_sites: dict[str, Path]) -> str:
    with serve(built_sites["data"]) as url:
        yield url


def open_page(browser: Browser, url: str, requests: list[str]) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
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
    ARTIFACTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-") or "home"
    page.screenshot(path=str(ARTIFACTS / f"site-{name}.png"), full_page=True)
    page.close()


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
        "เอกสารอ้างอิง",
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
