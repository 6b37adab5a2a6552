"""Thai search in a real browser: Material's own search box, typed into like a reader types."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route
from search import ask, open_search

from browser import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


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


# Multi-word queries whose words stand apart on several pages and together, as one phrase, on one page only.
PHRASES = [
    ("สภาพ ปัญหา", "people/anawat-khaikhao/"),
    ("นวัตกรรม เทคนิค", "group/aims/"),
    ("ภายนอก สำนักงาน", "processes/interagency-support/"),
    ("นิเทศ กำกับ", "group/schools/"),
]


@pytest.mark.parametrize(("query", "expected"), PHRASES, ids=[query for query, _ in PHRASES])
def test_a_page_with_the_exact_phrase_ranks_first(page: Page, site: str, query: str, expected: str) -> None:
    texts = page.evaluate(
        """async () => {
            const index = await (await fetch('search/search_index.json')).json();
            const pages = {};
            for (const doc of index.docs) {
                const path = doc.location.split('#')[0];
                pages[path] = (pages[path] || '') + ' ' + doc.title + ' ' + doc.text.replace(/<[^>]+>/g, ' ');
            }
            return pages;
        }"""
    )
    phrase = query.replace(" ", "")
    holders = [path for path, text in texts.items() if phrase in re.sub(r"\s+", "", text)]
    scattered = [path for path, text in texts.items() if all(word in text for word in query.split())]
    assert holders == [expected] and len(scattered) >= 3, (holders, scattered)  # the query tests what it should
    assert ask(page, site, query).pages[0] == expected


def test_search_works_by_whitespace_in_a_browser_without_intl_segmenter(browser: Browser, site: str) -> None:
    """Old browsers lack Intl.Segmenter: Thai is then not cut, but searching must not break."""
    context = browser.new_context()
    context.add_init_script("delete Intl.Segmenter;")

    def without_segmenter(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body="delete Intl.Segmenter;\n" + response.text())

    context.route("**/lunr/min/lunr.th.min.js", without_segmenter)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    open_search(page, site)
    assert page.evaluate("typeof Intl.Segmenter") == "undefined"
    assert "group/method/" in ask(page, site, "PDCA").pages[:3]
    assert "people/anawat-khaikhao/" in ask(page, site, "ไข่ขาว").pages[:3]  # a word between spaces
    assert errors == []
    context.close()


def test_the_material_internals_the_thai_search_uses_are_still_there() -> None:
    """thai-search.js posts queries as Material 9.8's search worker expects them, and lunr.th.min.js hooks into its
    tokenizer through `lunr.TinySegmenter`. Both are Material internals: this fails when an upgrade changes them."""
    import material

    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    (bundle,) = workers.glob("search.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    relied_on = {
        "the segmenter hook (lunr.th.min.js sets lunr.TinySegmenter)": '"TinySegmenter"in lunr?new lunr.TinySegmenter',
        "the segmenter's ctype_ test": "lunr.segmenter.ctype_(",
        "the segmenter's segment()": "lunr.segmenter.segment(",
        "the query message, type 2 (thai-search.js rewrites it)": "case 2:let e=t.data;",
        "queries reach lunr.Index.search (lunr.th.min.js adds phrase pairs there)": "this.index.search(e)",
    }
    missing = [what for what, text in relied_on.items() if text not in code]
    assert missing == [], f"Material's search worker changed ({bundle.name}); check the Thai search scripts: {missing}"


def test_the_index_keeps_table_cells_apart(built_sites: dict[str, Path]) -> None:
    """The snippet under a result once read "ผู้รับผิดชอบนายอนวัช ไข่ขาวหน่วยงาน": a process's table of who is
    responsible, its cells run together."""
    index = json.loads((built_sites["data"] / "search/search_index.json").read_text(encoding="utf-8"))
    page = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("processes/qa-research/"))
    assert "ผู้รับผิดชอบ นายอนวัช ไข่ขาว หน่วยงาน" in page
    assert "ผู้รับผิดชอบนายอนวัช" not in page


def test_lines_and_cells_are_kept_apart_whatever_follows_them() -> None:
    """The search reads a page before its Thai words are wrapped in spans (site.events): text right after a line
    break or a cell is kept apart from it as well as a tag is."""
    from opmanual.site.searchtext import separate_cells

    assert separate_cells("<td>ก</td><td>ข</td>") == "<td>ก</td>\n<td>ข</td>"
    assert separate_cells("ผู้รับผิดชอบ<br>นายอนวัช") == "ผู้รับผิดชอบ<br>\nนายอนวัช"
    assert separate_cells("ก<br/>\nข</td>\n") == "ก<br/>\nข</td>\n"
