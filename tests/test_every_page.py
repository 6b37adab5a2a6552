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

# What one visit reads of a page, once its fonts are in: the load event does not wait for the fonts that layout asks
# for, and lines set in a fallback font break elsewhere (a run read them so).
READ = f"""async path => {{
  await document.fonts.ready;
  return {{
    width: document.documentElement.scrollWidth,
    lang: document.documentElement.lang,
    unnamed: ({UNNAMED_TABLES})(path),
    lines: ({PAGE_LINES})(),
  }};
}}"""


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root."""
    found = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    return sorted("" if path == "." else f"{path}/" for path in found)


@pytest.fixture(scope="module")
def seen(browser: Browser, built_sites: dict[str, Path]) -> Iterator[Callable[[str, int], dict[str, Any]]]:
    """What each page of a site shows at each width, read on the first test that asks and kept for the others.

    A page is loaded once, on the widest phone, and read there; then the window is narrowed to the other phone and
    widened to a desktop, and the page read again, as a reader turning a phone or resizing a window would see it.
    Read this way, the lines of every page of the four sites, at every width, are the ones a fresh load at that
    width shows, and so is the phones' page width, in half the time. A page's width on the desktop is not read:
    the phone's drawer, laid out on the first load, widens it there (and no test asks it).

    A page whose content (its <article>) is the same as a page read in another site, as the editors' guide and the
    fields' reference are in every site, reads as that one: the same words under the same stylesheets break the
    same way, and the header and navigation around it are read on the site's other pages."""
    read: dict[tuple[str, int], dict[str, Any]] = {}
    first, *others = [*sorted(PHONES, reverse=True), DESKTOP]
    articles: dict[str, tuple[str, str]] = {}  # an article's text: the site and page it was read on

    def look(name: str, width: int) -> dict[str, Any]:
        if (name, width) not in read:
            site = built_sites[name]
            page = browser.new_page(viewport={"width": first, "height": 900})
            with serve(site) as base:
                for path in pages_of(site):
                    html = (site / path / "index.html").read_text(encoding="utf-8")
                    article = html[html.find("<article") : html.find("</article>")]
                    if article and articles.setdefault(article, (name, path)) != (name, path):
                        earlier = articles[article]
                        for each in [first, *others]:
                            read.setdefault((name, each), {})[path] = read[earlier[0], each][earlier[1]]
                        continue
                    page.set_viewport_size({"width": first, "height": 900})
                    page.goto(base + path, wait_until="load")
                    for each in [first, *others]:
                        if each != first:
                            page.set_viewport_size({"width": each, "height": 900})
                        facts = page.evaluate(READ, path)
                        read.setdefault((name, each), {})[path] = facts
            page.close()
        return read[name, width]

    yield look


@pytest.mark.parametrize("width", [DESKTOP, *PHONES])
@pytest.mark.parametrize("name", SITES)
def test_no_line_of_any_page_breaks_inside_a_word(
    seen: Callable[[str, int], dict[str, Any]], name: str, width: int
) -> None:
    pages = seen(name, width)
    assert sum(len(cuts) for facts in pages.values() for _, cuts in facts["lines"]) >= 100  # lines were read
    broken = {path: found for path, facts in pages.items() if (found := broken_words(facts["lines"]))}
    assert broken == {}


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("name", SITES)
def test_no_page_is_wider_than_a_phone(seen: Callable[[str, int], dict[str, Any]], name: str, width: int) -> None:
    pages = seen(name, width)
    assert {path: facts["width"] for path, facts in pages.items() if facts["width"] > width} == {}


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_thai_and_names_its_tables(seen: Callable[[str, int], dict[str, Any]], name: str) -> None:
    pages = seen(name, PHONES[-1])
    assert len(pages) >= 10
    assert [path for path, facts in pages.items() if facts["lang"] != "th"] == []
    assert [table for facts in pages.values() for table in facts["unnamed"]] == []
