"""Drive Material's search box in a real Chromium the way a reader does, and read the result list."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import Page

RESULT_LINKS = ".md-search-result__item a"


@dataclass
class Answer:
    query: str
    pages: list[str]  # distinct result pages, best first, as paths relative to the site root
    marks: list[str]  # highlighted words in the results
    seconds: float
    count: int  # matching pages, as the result list says


def open_search(page: Page, url: str) -> float:
    """Open the site and wait until the search index is ready; returns the seconds it took."""
    start = time.monotonic()
    page.goto(url, wait_until="load")
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta') !== null")
    return time.monotonic() - start


# The box is empty and shows no results: every query asked before has been answered (a query's results replace
# the last ones, and an empty box's placeholder replaces them all).
_CLEARED = """() => /^(พิมพ์เพื่อเริ่มค้นหา|Type to start searching)/.test(
    document.querySelector('.md-search-result__meta')?.textContent || '')
    && !document.querySelector('.md-search-result__item')"""
# The box holds the query and its results (or "no match") are shown.
_ANSWERED = """(q) => {
    const meta = document.querySelector('.md-search-result__meta');
    return document.querySelector('input.md-search__input').value === q
        && meta && !/^(พิมพ์เพื่อเริ่มค้นหา|Type to start searching)/.test(meta.textContent)
        && (document.querySelector('.md-search-result__item') || /ไม่พบ|No matching/.test(meta.textContent));
}"""


def ask(page: Page, base: str, query: str) -> Answer:
    """The results of `query`, entered whole (as pasted) into a box that was emptied first, so that the results
    read are the query's own and not those of an earlier or a partly typed one."""
    box = page.locator("input.md-search__input")
    box.click()
    # Material reads the box on keyup, which fill() does not send: a key that changes nothing makes it read.
    box.fill("")
    box.press("End")
    page.wait_for_function(_CLEARED)
    start = time.monotonic()
    box.fill(query)
    box.press("End")
    page.wait_for_function(_ANSWERED, arg=query)
    seconds = time.monotonic() - start
    hrefs = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.getAttribute('href'))")
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path.removeprefix(urlsplit(base).path)
        if path not in pages:
            pages.append(path)
    marks = page.locator(".md-search-result mark").evaluate_all("els => els.map(e => e.textContent)")
    meta = page.locator(".md-search-result__meta").inner_text()
    digits = re.sub(r"\D", "", meta)
    count = int(digits) if digits else (0 if re.search("ไม่พบ|No matching", meta) else 1)
    return Answer(query, pages, marks, seconds, count)
