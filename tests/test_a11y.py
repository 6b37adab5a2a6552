"""Every reader, in a real Chromium: WCAG 2.1 AA by axe-core on a page of every template in both colour schemes, a
phone's flowcharts, and the keyboard (every control reachable, its focus visible, each one working). What must hold
on every page (no page wider than a phone, every data table named and headed) is test_every_page.py's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import pytest
from playwright.sync_api import Browser, Page

from browser import UNNAMED_TABLES, serve
from conftest import DATASETS, ROOT
from opmanual.data.dataset import load
from opmanual.render import history
from opmanual.render.pages import plan
from opmanual.render.render import TEMPLATES
from opmanual.site import guide

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = ROOT / "node_modules/axe-core/axe.min.js"  # installed by scripts/setup (package.json)
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations)"""
SITES = ["data", "chiangmai5", "korat6"]
DARK = "label[title='เปลี่ยนเป็นโหมดมืด']"


@contextmanager
def opened(browser: Browser, site: Path, width: int = 1280) -> Iterator[tuple[Page, str]]:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            yield page, base
        finally:
            page.close()


def test_phone_pages_keep_the_flowchart_beside_its_text(browser: Browser, built_sites: dict[str, Path]) -> None:
    """At 390 px the flowchart table scrolls in its own box: each symbol stays on the row of its text."""
    ARTIFACTS.mkdir(exist_ok=True)
    with opened(browser, built_sites["data"], 390) as (page, base):
        for path in ("people/anawat-khaikhao/", "processes/qa-research/", "group/organization/"):
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=str(ARTIFACTS / f"phone-{path.strip('/').replace('/', '-')}.png"), full_page=True)
        page.goto(base + "processes/qa-research/", wait_until="networkidle")
        rows = page.evaluate(
            """[...document.querySelectorAll('table.flow-table tbody tr')].map(tr => {
                const shape = tr.querySelector('.shape'), text = tr.querySelector('td.flow-details');
                if (!shape || !text || !text.textContent.trim()) return null;
                const a = shape.getBoundingClientRect(), b = text.getBoundingClientRect();
                return [a.top < b.bottom && b.top < a.bottom, a.right <= b.left + 1];
            }).filter(Boolean)"""
        )
    assert rows and all(same_row and left_of for same_row, left_of in rows)


# No tooltip shown or fading: every Material tooltip fully transparent (or none at all)
SETTLED = "[...document.querySelectorAll('.md-tooltip')].every(tip => getComputedStyle(tip).opacity === '0')"


def address(src_uri: str) -> str:
    """A page's address in the site, from its Markdown file's: `people/somchai.md` is at `people/somchai/`,
    `workgroups/index.md` at `workgroups/`."""
    path = PurePosixPath(src_uri).with_suffix("")
    folder = path.parent if path.name == "index" else path
    return "" if str(folder) == "." else f"{folder}/"


# What a site shows beside the pages its data makes: the pages written by hand (the editors' guide, which comes with
# the package), the same in every site. Templates whose names start with `_` are parts of others; `chapter_` ones are
# the printed books' own.
HAND_WRITTEN = sorted(address(uri) for uri in guide.pages())
SITE_TEMPLATES = {path.name for path in TEMPLATES.glob("*.md.j2") if not path.name.startswith(("_", "chapter_"))}


@pytest.fixture(scope="module")
def checked_pages(built_sites: dict[str, Path]) -> dict[str, dict[str, str]]:
    """The pages axe-core checks, by site: one page of each template, from the first of the three sites whose data
    uses it (so every kind of page the three sites show), else from another built dataset; the hand-written pages
    once."""
    checked: dict[str, dict[str, str]] = {}
    for name in [*SITES, *(name for name in DATASETS if name not in SITES)]:
        data = DATASETS[name]
        pages: dict[str, str] = {}
        covered = {template for site in checked.values() for template in site}
        for spec in plan(load(data), history.read(data)):
            if spec.template not in covered:
                pages.setdefault(spec.template, address(spec.src_uri))
        if name == SITES[0]:
            pages.update({f"docs/{page}": page for page in HAND_WRITTEN})
        if pages:
            checked[name] = pages
    for name, pages in checked.items():
        for page in pages.values():
            assert (built_sites[name] / page / "index.html").is_file(), f"{name}: {page}"
    return checked


def test_axe_checks_a_page_of_every_template_and_every_hand_written_page(
    checked_pages: dict[str, dict[str, str]],
) -> None:
    """A new template (or a template no dataset uses any more) fails here until some built dataset has its page."""
    templates = {template for pages in checked_pages.values() for template in pages}
    assert SITE_TEMPLATES - templates == set()
    assert {f"docs/{page}" for page in HAND_WRITTEN} <= templates
    assert SITES[0] in checked_pages
    assert len(HAND_WRITTEN) >= 2


# The site wraps each Thai word in a span of its own, so that lines break between words (opmanual.wordbreak); axe's
# colour-contrast rule, four fifths of its time, measures every element with text, each word's span one by one. A
# span that draws its text as its parent does (same colours, size, weight; no background of its own) has the
# contrast of its parent: checked here for every span, the spans are then taken out and their text joined, and axe
# measures each paragraph once.
WORDS_AS_TEXT = """where => {
  const own = ["color", "opacity", "font-size", "font-weight", "font-style", "text-shadow", "visibility", "filter"];
  const differ = [];
  for (const span of document.querySelectorAll("span.word")) {
    const mine = getComputedStyle(span), parent = getComputedStyle(span.parentElement);
    const styled = own.filter(key => mine.getPropertyValue(key) !== parent.getPropertyValue(key));
    if (mine.backgroundColor !== "rgba(0, 0, 0, 0)" || mine.backgroundImage !== "none") styled.push("background");
    if (styled.length) differ.push(`${where}: a word drawn unlike its paragraph (${styled}): ${span.textContent}`);
    span.replaceWith(...span.childNodes);
  }
  document.body.normalize();
  return differ;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_aa_violation(
    browser: Browser, built_sites: dict[str, Path], checked_pages: dict[str, dict[str, str]], scheme: str
) -> None:
    """WCAG 2.1 AA, once per page template and colour scheme: a template's pages share their markup and their
    styles, and differ in their words (which test_every_page.py reads on every page)."""
    axe = AXE.read_text(encoding="utf-8")
    found = []
    for name, pages in checked_pages.items():
        with opened(browser, built_sites[name]) as (page, base):
            for template, path in pages.items():
                page.goto(base + path, wait_until="load")
                if scheme == "dark" and page.get_attribute("body", "data-md-color-scheme") != "slate":
                    page.click(DARK)  # Material keeps the choice for the next pages, as for a reader
                    # the pointer left on the toggle shows its tooltip, fading in: axe would measure it half-drawn
                    page.mouse.move(0, 0)
                    page.wait_for_function(SETTLED)
                scheme_shown = page.get_attribute("body", "data-md-color-scheme")
                assert scheme_shown == ("slate" if scheme == "dark" else "default"), (name, path)
                assert page.get_attribute("html", "lang") == "th"
                where = f"{name}: {path} ({template})"
                found += page.evaluate(UNNAMED_TABLES, where)
                found += page.evaluate(WORDS_AS_TEXT, where)
                page.add_script_tag(content=axe)
                # Only the violations come back: the passes, thousands of nodes a page, took half the time.
                violations = page.evaluate(AXE_RUN, WCAG_AA)
                found += [
                    f"{where}: {violation['id']}: {node['target']}: {(node.get('failureSummary') or '')[:200]}"
                    for violation in violations
                    for node in violation["nodes"]
                ]
    assert found == [], "\n".join(found[:20])


def test_axe_as_run_here_reports_what_it_finds(browser: Browser) -> None:
    """The check above, run on a page with faults it must name: a picture without a text alternative, pale grey text on
    white."""
    page = browser.new_page()
    try:
        page.set_content(
            '<html lang="th"><body><main><h1>หน้า</h1><img src="data:,">'
            '<p style="color:#bbb;background:#fff">ข้อความจาง</p></main></body></html>'
        )
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(AXE_RUN, WCAG_AA)
    finally:
        page.close()
    assert {violation["id"] for violation in violations} >= {"image-alt", "color-contrast"}
    assert all(violation["nodes"] for violation in violations)


def test_a_person_page_works_by_keyboard_with_its_focus_always_visible(
    browser: Browser, built_sites: dict[str, Path]
) -> None:
    with opened(browser, built_sites["data"]) as (page, base):
        page.goto(base + "people/anawat-khaikhao/", wait_until="networkidle")
        links = set(
            page.evaluate("[...document.querySelectorAll('article a[href], .md-tabs a[href]')].map(a => a.href)")
        )
        # Compare steady states: without this a focus ring fading out would still be on the second screenshot.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important }")
        reached, invisible = set(), []
        for _ in range(500):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                """(() => { const e = document.activeElement;
                    const seen = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
                    // A visually hidden radio (the colour scheme) shows its focus on the label beside it.
                    const beside = e.nextElementSibling;
                    const shown = seen(e) ? e : beside && beside.tagName === 'LABEL' && seen(beside) ? beside : e;
                    const r = shown.getBoundingClientRect();
                    return {tag: e.tagName, href: e.href || '', id: e.id, class: String(e.className),
                            box: [r.x, r.y, r.width, r.height]}; })()"""
            )
            if focused["tag"] == "BODY":
                break
            reached.add(focused["href"])
            # The focus is visible: the element's surroundings look different with the focus and without it.
            x, y, w, h = focused["box"]
            clip = {"x": max(x - 4, 0), "y": max(y - 4, 0), "width": w + 8, "height": h + 8}
            with_focus = page.screenshot(clip=clip)
            page.evaluate("window.__focused = document.activeElement")
            if "md-search__input" in focused["class"]:
                page.keyboard.press("Escape")  # the search box opens with the focus and closes with Escape
            page.evaluate("document.activeElement.blur()")
            without = page.screenshot(clip=clip)
            page.evaluate("window.__focused.focus({focusVisible: true})")
            if with_focus == without:
                invisible.append(f"{focused['tag']} {focused['id']} {focused['href']}")
        assert links <= reached, sorted(links - reached)[:5]  # every link of the page and of the navigation tabs
        assert invisible == []

        # The colour scheme switches from the keyboard.
        page.focus("#__palette_0")
        page.keyboard.press("Enter")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"

        # Search: "/" focuses it, the arrow keys choose a result, Enter opens it.
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("/")
        assert "md-search__input" in page.evaluate("document.activeElement.className")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta') !== null")  # index ready
        page.keyboard.type("ศึกษานิเทศก์")
        page.keyboard.press("End")  # Playwright sends no keyup for Thai letters; Material reads the box on keyup
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: "anawat-khaikhao" not in url or "#" in url, timeout=10_000)

        # A chart's text alternative opens and closes from the keyboard.
        page.goto(base + "processes/qa-research/", wait_until="networkidle")
        summary = page.locator("details summary").first
        summary.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.querySelector('details').open")
        page.keyboard.press("Enter")
        assert not page.evaluate("document.querySelector('details').open")
