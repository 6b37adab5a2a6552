"""Thai search in a real browser: Material's own search box, typed into like a reader types."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page
from search import ask, open_search

from browser import chromium, serve

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site(built_sites: dict[str, Path]) -> Iterator[str]:
    with serve(built_sites["data"]) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser: Browser, site: str) -> Iterator[Page]:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_search(page, site)
    yield page
    own = urlsplit(site).netloc
    assert [url for url in requests if urlsplit(url).netloc not in (own, "")] == []  # search stays offline
    page.close()


def test_query_set_has_at_least_30_queries() -> None:
    assert len(QUERIES) >= 30


@pytest.mark.parametrize("case", QUERIES, ids=[case["query"] for case in QUERIES])
def test_query_finds_its_page_in_the_top_three(page: Page, site: str, case: dict[str, str]) -> None:
    answer = ask(page, site, case["query"])
    assert case["page"] in answer.pages[:3], answer.pages[:5]


def test_all_words_typed_together_must_match(page: Page, site: str) -> None:
    both = ask(page, site, "วิจัยรูปแบบ").count
    research = ask(page, site, "วิจัย").count
    pattern = ask(page, site, "รูปแบบ").count
    assert 0 < both < min(research, pattern)


def test_thai_and_arabic_digits_find_each_other(page: Page, site: str) -> None:
    assert ask(page, site, "๒๕๔๒").pages[:3] == ask(page, site, "2542").pages[:3]
    assert "people/anawat-khaikhao/" in ask(page, site, "๑๘๕/๒๕๖๔").pages[:3]


def test_prefixes_find_words_while_typing(page: Page, site: str) -> None:
    for prefix in ("ไข่ข", "ประกันคุณภ"):
        assert ask(page, site, prefix).pages, prefix


def test_results_highlight_words_not_sentences(page: Page, site: str) -> None:
    answer = ask(page, site, "ประกัน")
    assert answer.marks
    assert all("ประกัน" in mark and len(mark) <= 20 for mark in answer.marks), answer.marks


def test_a_page_about_a_thing_ranks_above_pages_that_mention_it(page: Page, site: str) -> None:
    assert ask(page, site, "ขันธ์ธนา").pages[0] == "people/khanthana-sutthikorn/"
    assert ask(page, site, "งานวิจัยและพัฒนารูปแบบ").pages[0] == "processes/qa-research/"
