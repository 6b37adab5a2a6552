"""Every page of the built sites, opened once per screen width in a real Chromium and read for everything that
must hold on every page: Thai lines break only between words (on a desktop and on phones), no page is wider than a
phone, every page is Thai and every data table is named and headed. (axe-core, in test_a11y.py, checks a page of
each template; these are the checks that every page's own words can break.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser import UNNAMED_TABLES, serve
from lines import PAGE_LINES, broken_words

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SITES = ["data", "chiangmai5", "korat6", "varied"]
DESKTOP, PHONES = 1280, (360, 390)

# What one visit reads of a page.
READ = f"""path => ({{
  width: document.documentElement.scrollWidth,
  lang: document.documentElement.lang,
  unnamed: ({UNNAMED_TABLES})(path),
  lines: ({PAGE_LINES})(),
}})"""


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root."""
    found = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    return sorted("" if path == "." else f"{path}/" for path in found)


Look = Callable[..., dict[str, Any]]


@pytest.fixture(scope="module")
def seen(browser: Browser, built_sites: dict[str, Path]) -> Iterator[Look]:
    """What each page of a site shows at a width, read on the first test that asks and kept for the others. On a
    desktop the pages are read without their scripts by default (two and a half times faster): the theme's scripts
    move nothing in the text, which test_the_scripts_move_no_line checks on a phone."""
    read: dict[tuple[str, int, bool], dict[str, Any]] = {}

    def look(name: str, width: int, scripts: bool | None = None) -> dict[str, Any]:
        scripts = width != DESKTOP if scripts is None else scripts
        if (name, width, scripts) not in read:
            site = built_sites[name]
            page = browser.new_page(viewport={"width": width, "height": 900}, java_script_enabled=scripts)
            with serve(site) as base:
                read[name, width, scripts] = {}
                for path in pages_of(site):
                    page.goto(base + path, wait_until="load")
                    read[name, width, scripts][path] = page.evaluate(READ, path)
            page.close()
        return read[name, width, scripts]

    yield look


@pytest.mark.parametrize("width", [DESKTOP, *PHONES])
@pytest.mark.parametrize("name", SITES)
def test_no_line_of_any_page_breaks_inside_a_word(seen: Look, name: str, width: int) -> None:
    pages = seen(name, width)
    assert sum(len(cuts) for facts in pages.values() for _, cuts in facts["lines"]) >= 100  # lines were read
    broken = {path: found for path, facts in pages.items() if (found := broken_words(facts["lines"]))}
    assert broken == {}


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("name", SITES)
def test_no_page_is_wider_than_a_phone(seen: Look, name: str, width: int) -> None:
    pages = seen(name, width)
    assert {path: facts["width"] for path, facts in pages.items() if facts["width"] > width} == {}


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_thai_and_names_its_tables(seen: Look, name: str) -> None:
    pages = seen(name, PHONES[-1])
    assert len(pages) >= 10
    assert [path for path, facts in pages.items() if facts["lang"] != "th"] == []
    assert [table for facts in pages.values() for table in facts["unnamed"]] == []


def test_the_scripts_move_no_line(seen: Look) -> None:
    """What lets the desktop's pages be read without their scripts."""
    with_scripts, without = seen("data", PHONES[-1]), seen("data", PHONES[-1], scripts=False)
    assert {path: facts["lines"] for path, facts in without.items()} == {
        path: facts["lines"] for path, facts in with_scripts.items()
    }
