"""The charts measured where they are drawn: in Chromium (the site at 1280 and 390 px) and in WeasyPrint's PDF.

For every symbol of every process of data/, the examples, the fixtures and a process of extreme texts (one word;
200 characters with and without spaces), the text lies in the symbol's inner box (tests/charts.py), decisions stay
diamonds and documents keep one weight of outline whatever their width; chart text breaks only between PyThaiNLP's
words, a person's name never; on a phone the organisation chart is never cut off. Pictures of the charts go to
tests/artifacts/chart-*.png, to look at.
"""

from __future__ import annotations

import io
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from browser import serve
from charts import Box, Symbol, bad_breaks, extremes, outside, stroke, wave_crest
from conftest import DATASETS, build
from opmanual.data.dataset import load
from opmanual.measures import MARGINS
from poppler import picture

ARTIFACTS = Path(__file__).parent / "artifacts"
# A picture of every chart of every site at both widths and as printed, for a person to look at
# (tests/artifacts/chart-*.png): a quarter of this file's time, so taken when asked, as the pull-request workflow does.
SCREENSHOTS = os.environ.get("TEST_SCREENSHOTS") == "1"
SITES = [*sorted(DATASETS), "extremes"]


@pytest.fixture(scope="module")
def extremes_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return extremes(tmp_path_factory.mktemp("charts"))


def chart_pages(data: Path) -> list[str]:
    manual = load(data)
    return [f"processes/{pid}/" for pid in manual.processes] + ["group/organization/"]


# --- The site, in Chromium ---------------------------------------------------------------------------------------

MEASURE = """() => {
  const edges = r => [r.left, r.top, r.right, r.bottom];
  const union = rects => {
    rects = rects.filter(r => r.width > 0 && r.height > 0);
    return rects.length ? [Math.min(...rects.map(r => r.left)), Math.min(...rects.map(r => r.top)),
                           Math.max(...rects.map(r => r.right)), Math.max(...rects.map(r => r.bottom))] : null;
  };
  const textNodes = nodes => nodes.flatMap(n => {
    if (n.nodeType === 3) return [n];
    const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT), found = [];
    while (walker.nextNode()) found.push(walker.currentNode);
    return found;
  });
  // The text of some nodes, and the offsets in it where a new line starts.
  const lines = nodes => {
    let text = '', last = null;
    const breaks = [];
    for (const node of textNodes(nodes)) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = [...range.getClientRects()].find(r => r.height > 0);
        if (r && !/\\s/.test(node.data[i])) {
          if (last !== null && r.top > last + r.height / 2) breaks.push(text.length);
          if (last === null || r.top > last + r.height / 2) last = r.top;
        }
        text += node.data[i];
      }
    }
    return {words: text, breaks};
  };
  const box = e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return union([...range.getClientRects()]);
  };
  const symbols = [...document.querySelectorAll('table.flow .shape')].map(s => {
    const style = getComputedStyle(s), text = s.querySelector('.text') || s.firstChild;
    return {
      view: s.closest('table').classList.contains('flow-diagram') ? 'diagram' : 'table',
      kind: [...s.classList].find(c => c.startsWith('shape-')).slice(6),
      box: edges(s.getBoundingClientRect()), cell: edges(s.parentElement.getBoundingClientRect()), text: box(text),
      radius: parseFloat(style.borderTopLeftRadius) || 0, border: parseFloat(style.borderLeftWidth) || 0,
      ...lines([text]),
    };
  });
  const boxes = [...document.querySelectorAll('figure.org-figure .org-box')].map(b => {
    const segments = [[]];
    for (const n of b.childNodes) { if (n.nodeName === 'BR') segments.push([]); else segments.at(-1).push(n); }
    return {box: edges(b.getBoundingClientRect()), text: box(b), border: parseFloat(getComputedStyle(b).borderLeftWidth),
            segments: segments.map(lines)};
  });
  // a person's name is a link to their page
  const names = [...document.querySelectorAll('figure.org-figure a[href*="people/"], table.flow a[href*="people/"]')].map(n => ({
    text: n.textContent, lines: new Set([...n.getClientRects()].map(r => Math.round(r.top))).size}));
  const figure = document.querySelector('figure.org-figure');
  const org = figure && {width: figure.clientWidth, scroll: figure.scrollWidth};
  // a chart that scrolls in its own box must take the keyboard's focus, or a keyboard cannot scroll it
  const stuck = [...document.querySelectorAll('.flowchart-wrap, figure.flowchart-figure, figure.org-figure')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.tabIndex < 0).map(e => e.className);
  return {symbols, boxes, names, org, stuck, page: document.documentElement.scrollWidth};
}"""


@pytest.fixture(scope="module")
def sites(
    built_sites: dict[str, Path], extremes_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    site = tmp_path_factory.mktemp("site-extremes")
    result = build(extremes_data, site, MANUAL_PDF="0")
    assert result.returncode == 0, result.stderr
    return {**built_sites, "extremes": site}


def document_faults(where: str, image: Any, box: Box, text: Box, border: float, scale: float) -> list[str]:
    """What is wrong with a document symbol drawn in `image` (`scale` pixels to the unit of `box` and `text`, which
    are relative to the picture): its text must stay above the crest of its wavy edge, and its outline must keep one
    weight all round (a symbol stretched to its width draws its sides thicker than its top)."""
    px = tuple(edge * scale for edge in box)
    crest = wave_crest(image, px, below=16 * scale)
    if crest is None:
        return [f"{where}: a document with no wavy edge"]
    wrong = outside(Symbol(where, "document", box, text, 0, crest / scale, border), slack=0.3)
    left, top, right, bottom = px
    side = stroke(image, left + scale, (top + bottom) / 2, across=True, span=4 * scale)
    top_edge = stroke(image, (left + right) / 2 + 10 * scale, top + scale, across=False, span=4 * scale)
    if abs(side - top_edge) > scale:
        wrong.append(f"{where}: a document's side is {side} px thick, its top {top_edge}: stretched")
    return wrong


def measure_site(page: Page, name: str, path: str, width: int) -> list[str]:
    """Everything wrong with the charts of one page at one width."""
    from PIL import Image

    found = page.evaluate(MEASURE)
    wrong = []
    where = f"{name}/{path} at {width} px"
    shapes = page.locator("table.flow .shape")
    for index, s in enumerate(found["symbols"]):
        here = f"{where}, {s['view']} “{s['words'][:30]}”"
        wrong += [f"{here}: broken inside a word: {b}" for b in bad_breaks(s["words"], s["breaks"])]
        left, top, right, bottom = s["box"]
        if s["kind"] == "decision" and not 0.4 <= (right - left) / (bottom - top) <= 2.6:
            wrong.append(f"{here}: a diamond {right - left:.0f} × {bottom - top:.0f} px is no longer a diamond")
        if s["kind"] != "document":
            symbol = Symbol(here, s["kind"], tuple(s["box"]), tuple(s["text"]), s["radius"], None, s["border"])
            wrong += outside(symbol, slack=0.5)
            continue
        # measured on a picture of its cell, the wave below the box included
        x, y = s["cell"][:2]
        picture = Image.open(io.BytesIO(shapes.nth(index).locator("xpath=..").screenshot())).convert("RGB")
        scale = picture.width / (s["cell"][2] - x)
        box = (left - x, top - y, right - x, bottom - y)
        text = (s["text"][0] - x, s["text"][1] - y, s["text"][2] - x, s["text"][3] - y)
        wrong += document_faults(here, picture, box, text, s["border"], scale)
    for b in found["boxes"]:
        wrong += outside(Symbol(f"{where}, org", "box", tuple(b["box"]), tuple(b["text"]), 0, None, b["border"]), 0.5)
        for segment in b["segments"]:
            wrong += [f"{where}: broken inside a word: {x}" for x in bad_breaks(segment["words"], segment["breaks"])]
    wrong += [f"{where}: a name on {n['lines']} lines: {n['text']}" for n in found["names"] if n["lines"] != 1]
    org = found["org"]
    if org and width <= 390 and org["scroll"] > org["width"]:
        wrong.append(f"{where}: the organisation chart is {org['scroll']} px wide in {org['width']} px")
    if found["page"] > width:
        wrong.append(f"{where}: the page is {found['page']} px wide")
    wrong += [f"{where}: {name} scrolls but takes no focus" for name in found["stuck"]]
    return wrong


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", SITES)
def test_chart_text_stays_inside_its_symbol_on_the_site(
    browser: Browser, sites: dict[str, Path], extremes_data: Path, name: str
) -> None:
    data = extremes_data if name == "extremes" else DATASETS[name]
    wrong = []
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(sites[name]) as base:
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=2)
            for path in chart_pages(data):
                page.goto(base + path, wait_until="load")  # the page, its pictures and its stylesheets
                page.evaluate("document.fonts.ready")  # and the fonts they ask for
                page.add_style_tag(content=".md-header { position: static }")  # keep pictures clear of it
                wrong += measure_site(page, name, path, width)
                charts = page.locator("div.flowchart-wrap, figure.flowchart-figure, figure.org-figure")
                for index in range(charts.count() if SCREENSHOTS else 0):
                    shot = f"chart-{name}-{path.strip('/').replace('/', '-')}-{index}-{width}.png"
                    charts.nth(index).screenshot(path=str(ARTIFACTS / shot))
            page.close()
    assert wrong == [], "\n".join(wrong[:30])


# --- The PDF, from WeasyPrint ------------------------------------------------------------------------------------

CHARTS = re.compile(
    r'<div class="flowchart-wrap".*?</table>\s*</div>|<figure class="(?:flowchart|org)-figure".*?</figure>', re.DOTALL
)
PT_PER_PX = 0.75


def colour(k: int) -> tuple[int, int, int]:
    """A colour no chart uses, one per thing measured."""
    return 3, 1 + k // 250, 1 + k % 250


def rgb(value: Any) -> tuple[int, int, int] | None:
    if not isinstance(value, tuple | list) or len(value) != 3:
        return None
    r, g, b = (round(float(c) * 255) for c in value)
    return r, g, b


def book_html(data: Path) -> str:
    """The chapters of a dataset's whole manual, as the book prints them."""
    from opmanual.render.book import Binder, books

    manual = load(data)
    binder = Binder(manual)
    book = next(b for b in books(manual) if b.path == "pdf/manual.pdf")
    return "".join(str(binder.chapter_html(book, index)[0]) for index in range(len(book.chapters)))


def marked_charts(data: Path) -> tuple[str, dict[tuple[int, int, int], dict[str, Any]]]:
    """The charts of a dataset's whole manual as the book prints them, each symbol and box with an outline and its
    text in a colour of its own, so that pdfplumber tells which drawing and which characters are whose."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("\n".join(CHARTS.findall(book_html(data))), "html.parser")
    marks: dict[tuple[int, int, int], dict[str, Any]] = {}

    def mark(element: Any, **what: Any) -> None:
        key = colour(len(marks))
        marks[key] = what
        css = f"rgb{key}"
        element["style"] = element.get("style", "") + (
            f"; color: {css}" if what["role"] == "text" else f"; outline: 0.5px solid {css}"
        )

    for shape in soup.select(".shape"):
        kind = next(c for c in shape["class"] if c.startswith("shape-"))[6:]
        text = shape.select_one(".text")
        words = text.get_text() if text else "".join(shape.find_all(string=True, recursive=False))
        view = "diagram" if shape.find_parent("table", class_="flow-diagram") else "table"
        mark(shape, role="box", kind=kind, view=view, text=words)
        mark(text or shape, role="text", box=colour(len(marks) - 1), text=words)
    for box in soup.select(".org-box"):
        mark(box, role="box", kind="box", view="org", text=box.get_text())
        box_key = colour(len(marks) - 1)
        segments: list[list[Any]] = [[]]
        for child in list(box.children):
            if getattr(child, "name", None) == "br":
                segments.append([])
            else:
                segments[-1].append(child.extract())
        box.clear()
        for index, nodes in enumerate(segments):
            if index:
                box.append(soup.new_tag("br"))
            span = soup.new_tag("span")
            for node in nodes:
                span.append(node)
            box.append(span)
            mark(span, role="text", box=box_key, text=span.get_text(), name=bool(span.select(".name")))
    return str(soup), marks


def print_pdf(html: str, site: Path) -> bytes:
    from weasyprint import HTML

    from opmanual.pdf import printer
    from opmanual.render.book import SITE_URL, stylesheets, url_fetcher

    printer.install()  # WeasyPrint lays the charts out as in a build: Thai broken between words

    links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in stylesheets())
    # links inherit the colour that marks their text (the charts' own link colour would hide it)
    document = (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">{links}<style>.md-typeset .org-box a, '
        f'.md-typeset .shape a {{ color: inherit }}</style></head><body><div class="md-typeset">{html}</div></body></html>'
    )
    pdf: bytes = HTML(string=document, base_url=SITE_URL, url_fetcher=url_fetcher(site)).write_pdf()
    return pdf


def line_breaks(text: str, chars: list[dict[str, Any]]) -> tuple[list[int], int]:
    """Where the printed lines of `text` start (offsets in `text`), from its characters on the page; and how many
    characters the page has of it (which must be all of them)."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(char["top"] - rows[-1][0]["top"]) < char["size"] / 2:
            rows[-1].append(char)
        else:
            rows.append([char])
    counts = [sum(len(c["text"].strip().replace("\u200b", "")) for c in row) for row in rows]
    visible = [i for i, c in enumerate(text) if not c.isspace()]
    breaks, seen = [], 0
    for count in counts[:-1]:
        seen += count
        if seen < len(visible):
            breaks.append(visible[seen])
    return breaks, sum(counts)


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", SITES)
def test_chart_text_stays_inside_its_symbol_in_the_pdf(extremes_data: Path, tmp_path: Path, name: str) -> None:
    import pdfplumber
    import pypdfium2  # type: ignore[import-untyped]

    data = extremes_data if name == "extremes" else DATASETS[name]
    html, marks = marked_charts(data)
    pdf = print_pdf(html, tmp_path)
    if SCREENSHOTS and name in ("data", "varied", "extremes"):  # the charts as printed, unmarked, to look at
        plain = tmp_path / "charts.pdf"
        plain.write_bytes(print_pdf("\n".join(CHARTS.findall(book_html(data))), tmp_path))
        ARTIFACTS.mkdir(exist_ok=True)
        for page in range(1, len(PdfReader(plain).pages) + 1):
            picture(plain, page, ARTIFACTS / f"chart-pdf-{name}-{page}", dpi=80)
    wrong: list[str] = []
    scale = 4.0  # pictures at 288 dpi to measure strokes
    outlines: dict[tuple[int, int, int], tuple[int, list[float]]] = {}
    texts: dict[tuple[int, int, int], list[dict[str, Any]]] = defaultdict(list)
    cm = 72 / 2.54
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages):
            # nothing of a chart is printed in the side margins: a chart fits the page's width
            left, right = MARGINS.left * cm - 1, page.width - MARGINS.right * cm + 1
            out = [d for d in page.chars + page.rects + page.curves + page.lines if d["x0"] < left or d["x1"] > right]
            if out:
                reach = (min(d["x0"] for d in out), max(d["x1"] for d in out))
                wrong.append(
                    f"{name}, page {number + 1}: drawn at {reach[0]:.0f}–{reach[1]:.0f} pt, outside the text width"
                )
            for char in page.chars:
                if (key := rgb(char.get("non_stroking_color"))) in marks:
                    texts[key].append({**char, "page": number})
            for drawn in page.rects + page.curves + page.lines:
                for attribute in ("non_stroking_color", "stroking_color"):
                    if (key := rgb(drawn.get(attribute))) in marks:
                        _, edges = outlines.get(key, (number, [1e9, 1e9, -1e9, -1e9]))
                        box = [drawn["x0"], drawn["top"], drawn["x1"], drawn["bottom"]]
                        edges = [*map(min, edges[:2], box[:2]), *map(max, edges[2:], box[2:])]
                        outlines[key] = (number, edges)
    pictures = pypdfium2.PdfDocument(pdf)
    try:
        for key, what in marks.items():
            if what["role"] != "text":
                continue
            chars = texts[key]
            box_what = marks[what["box"]]
            where = f"{name}, {box_what['view']} {box_what['kind']} “{what['text'][:40]}”"
            breaks, count = line_breaks(what["text"], chars)
            if count != (expected := len(re.sub(r"\s", "", what["text"]))):
                wrong.append(f"{where}: {count} of {expected} characters printed")
                continue
            wrong += [f"{where}: broken inside a word: {b}" for b in bad_breaks(what["text"], breaks)]
            if what.get("name") and breaks:
                wrong.append(f"{where}: a name broken over lines")
            number, (left, top, right, bottom) = outlines[what["box"]]
            grow = 0.5 * PT_PER_PX  # the outline is drawn outside the border box
            box = (left + grow, top + grow, right - grow, bottom - grow)
            text = (
                min(c["x0"] for c in chars),
                min(c["top"] for c in chars),
                max(c["x1"] for c in chars),
                max(c["bottom"] for c in chars),
            )
            size = max(c["size"] for c in chars)
            kind = box_what["kind"]
            border = 2 * PT_PER_PX
            radius = 1.1 * size + border  # manual.css: a one-line terminator's half height
            width, height = box[2] - box[0], box[3] - box[1]
            if kind == "decision" and not 0.4 <= width / height <= 2.6:
                wrong.append(f"{where}: a diamond {width:.0f} × {height:.0f} pt is no longer a diamond")
            if kind == "document":
                image = pictures[number].render(scale=scale).to_pil().convert("RGB")
                wrong += document_faults(where, image, box, text, border, scale)
            else:
                wrong += outside(Symbol(where, kind, box, text, radius, None, border), slack=0.3)
    finally:
        pictures.close()
    assert wrong == [], "\n".join(wrong[:30])
