"""Hostile text in every field: it must reach pages, search, PDFs and charts as text, never as markup or code."""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser
from search import ask, open_search

import markup
from browser import serve
from conftest import ROOT, build
from opmanual.data.loader import read_yaml
from opmanual.errors import ErrorList

pytestmark = [pytest.mark.slow]

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '" onmouseover="window.__xss=1" x="',
    "javascript:window.__xss=1",
    "</title><script>window.__xss=1</script>",
    "[click](javascript:window.__xss=1)",
    "{{ 7*7 }}{% raw %}{#id}",
    "*emphasis* _under_ `code` | pipe",
]
# The inline and block syntax of every Markdown extension that mkdocs.yml enables, with what it would make if data
# were read as Markdown. A test fails when mkdocs.yml enables an extension that is not listed here.
SYNTAX: dict[str, list[tuple[str, str]]] = {
    "markdown": [
        ("*ตัวเอียง* __หนา__", r"<(em|strong)>(ตัวเอียง|หนา)"),
        ("![รูป](x.png) <http://example.com>", r'<img alt="รูป"|<a href="http://example\.com"'),
        ("# หัวข้อปลอม", r"<h\d[^>]*>หัวข้อปลอม"),
        ("- รายการปลอม", r"<li>รายการปลอม"),
        ("> อ้างอิงปลอม", r"<blockquote>"),
    ],
    "attr_list": [("ข้อความ {: .evil-class }", r'class="evil-class"')],
    "md_in_html": [('<div markdown="1">**หนาปลอม**</div>', r"<strong>หนาปลอม")],
    "toc": [("[TOC]", r'<div class="toc">')],
    "admonition": [('!!! danger "เตือนปลอม"', r'class="admonition')],
    "tables": [("| ช่องปลอม | x |", r"<t[dh][^>]*>ช่องปลอม")],
    "pymdownx.details": [('??? note "ซ่อนปลอม"', r'<details class="note"')],
    "pymdownx.superfences": [("```python print('fence') ```", r'class="highlight"')],
    "pymdownx.highlight": [("```python print('fence') ```", r'class="highlight"')],
    "pymdownx.inlinehilite": [("`#!python print('inline')`", r'class="highlight"|<code')],
    "pymdownx.keys": [("++ctrl+alt+del++", r"<kbd")],
}


def enabled_extensions() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    return [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]


EXTENSIONS = ["markdown", *enabled_extensions()]
MARKUP = [payload for extension in EXTENSIONS for payload, _ in SYNTAX.get(extension, [])]
# Values that must keep their form (ids, references, enumerations, dates, numbers written as text, and file
# names, which must name a real file: hostile paths are data errors, see tests/broken/cases.yml).
KEEP = {"id", "members", "person", "reports_to", "signed_by", "clusters", "networks", "learning_areas", "processes",
        "bibliography", "references", "responsible", "workgroup", "rank", "kind", "says", "digits", "start", "end",
        "no_to", "yes_to", "next", "year", "schools", "acting", "before", "headers", "logo", "file", "status",
        "history", "format"}  # fmt: skip
# Keys that hold a form under some models and text under others: kept only in their form. A พ.ศ. date of an
# approval or a revision (a foreword's date is text); an approval's number (a revision's "๑.๐" is text).
KEEP_FORM = {"date": re.compile(r"[0-9๐-๙]{4}-[0-9๐-๙]{2}-[0-9๐-๙]{2}"), "version": re.compile(r"[0-9๐-๙]+")}


def poison(value: Any, payloads: Iterator[str], syntax: Iterator[str], key: str = "") -> Any:
    """Every text gets one of the script payloads and one Markdown extension's syntax, in turn: each reaches many
    texts, and no text grows past the model's shortest limit (300 characters for what every printed page repeats)."""
    if isinstance(value, dict):
        return {k: poison(v, payloads, syntax, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, payloads, syntax, key) for v in value]
    if isinstance(value, str) and key not in KEEP and not (key in KEEP_FORM and KEEP_FORM[key].fullmatch(value)):
        return " ".join([value, next(payloads), next(syntax)])
    return value


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "data"
    shutil.copytree(ROOT / "tests/fixtures/mini", data)
    payloads, syntax = itertools.cycle(PAYLOADS), itertools.cycle(MARKUP)
    for path in sorted(data.rglob("*.yml")):
        read = read_yaml(path, ErrorList(data))
        assert read is not None
        path.write_text(yaml.safe_dump(poison(read[0], payloads, syntax), allow_unicode=True), encoding="utf-8")
    site = folder / "site"
    result = build(data, site)
    assert result.returncode == 0, result.stderr
    return site


UNSAFE = [
    re.compile(r"<script>window\.__xss"),
    re.compile(r"<img src=x onerror"),
    re.compile(r"""\son\w+="window\.__xss"""),
    re.compile(r"""(href|src)=["']?\s*javascript:""", re.IGNORECASE),
    re.compile(r"\b49\b.*\{#id\}"),
]


def test_every_enabled_markdown_extension_has_its_syntax_tested() -> None:
    assert [extension for extension in EXTENSIONS if extension not in SYNTAX] == []


def test_no_extension_syntax_becomes_markup(site: Path) -> None:
    generated = [path for path in site.rglob("*.html") if path.relative_to(site).parts[0] not in ("guide", "search")]
    found = [
        f"{path.relative_to(site)}: {extension}: {pattern}"
        for path in generated
        for extension in EXTENSIONS
        for _, pattern in SYNTAX[extension]
        if re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert found == []
    # as typed, in an attribute or as the text a reader sees (the Thai words of which are spans of their own)
    shown = html.unescape(" ".join(path.read_text(encoding="utf-8") for path in generated))
    shown += " ".join(markup.page(path).get_text() for path in generated)
    assert [payload for payload in MARKUP if payload not in shown] == []


def test_nothing_unescaped_reaches_the_html_or_the_search_index(site: Path) -> None:
    files = [*site.rglob("*.html"), site / "search/search_index.json", site / "sitemap.xml"]
    found = [
        f"{path.relative_to(site)}: {pattern.pattern}"
        for path in files
        for pattern in UNSAFE
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    shown = html.unescape(" ".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html")))
    for payload in PAYLOADS:
        assert payload in shown, payload  # every payload is on some page, as text
    assert "{{ 7*7 }}{% raw %}{#id}" in shown  # templates printed it, they did not run it


@pytest.mark.browser
def test_nothing_executes_in_a_real_browser(site: Path, browser: Browser) -> None:
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    with serve(site) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            page.goto(base + ("" if path == "." else path + "/"), wait_until="load")
            page.mouse.move(300, 300)
            page.mouse.move(600, 500)
            assert page.evaluate("window.__xss") is None, path
        open_search(page, base)
        answer = ask(page, base, "script")
        assert answer.pages, "the hostile text is searchable as text"
        page.hover(".md-search-result__item")
        assert page.evaluate("window.__xss") is None
        assert dialogs == []


def test_pdfs_print_the_text_as_it_was_typed(site: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(site / "pdf/people/somchai.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", "<script>window.__xss=1</script>") in squeezed
    assert re.sub(r"\s+", "", "{{ 7*7 }}") in squeezed
