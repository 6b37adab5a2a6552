"""Every reader, in a real Chromium: phones (no page wider than the screen), WCAG 2.1 AA by axe-core on every page
in both colour schemes with every data table named and headed, and the keyboard (every control reachable, its
focus visible, each one working)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser import chromium, serve
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = ROOT / "node_modules/axe-core/axe.min.js"  # installed by scripts/setup (package.json)
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SITES = ["data", "chiangmai5", "korat6"]
DARK = "label[title='เปลี่ยนเป็นโหมดมืด']"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root."""
    found = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    return sorted("" if path == "." else f"{path}/" for path in found)


@contextmanager
def opened(browser: Browser, site: Path, width: int = 1280) -> Iterator[tuple[Page, str]]:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            yield page, base
        finally:
            page.close()


@pytest.mark.parametrize("name", SITES)
def test_no_page_is_wider_than_a_phone(browser: Browser, built_sites: dict[str, Path], name: str) -> None:
    site = built_sites[name]
    wide = []
    for width in (360, 390):
        with opened(browser, site, width) as (page, base):
            for path in pages_of(site):
                page.goto(base + path, wait_until="load")
                if (scroll := page.evaluate("document.documentElement.scrollWidth")) > width:
                    wide.append(f"{path} is {scroll} px wide on a {width} px screen")
    assert wide == []


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", SITES)
def test_axe_finds_no_wcag_aa_violation(browser: Browser, built_sites: dict[str, Path], name: str, scheme: str) -> None:
    site = built_sites[name]
    axe = AXE.read_text(encoding="utf-8")
    found = []
    with opened(browser, site) as (page, base):
        for path in pages_of(site):
            page.goto(base + path, wait_until="load")
            if scheme == "dark" and page.get_attribute("body", "data-md-color-scheme") != "slate":
                page.click(DARK)  # Material keeps the choice for the next pages, as for a reader
                # the pointer left on the toggle shows its tooltip, fading in: axe would measure it half-drawn
                page.mouse.move(0, 0)
                page.wait_for_function(SETTLED)
            assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
            assert page.get_attribute("html", "lang") == "th"
            # Every data table has header cells and an accessible name (its caption, or the section's heading).
            found += page.evaluate(
                """path => [...document.querySelectorAll('article table:not([aria-hidden="true"])')].flatMap(t => {
                    const by = t.getAttribute('aria-labelledby'), label = by && document.getElementById(by);
                    const named = t.caption || t.getAttribute('aria-label') || (label && label.textContent.trim());
                    return named && t.querySelector('th') ? [] : [path + ': a table without header cells or name'];
                })""",
                path,
            )
            page.add_script_tag(content=axe)
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
            found += [
                f"{path}: {violation['id']}: {node['target']}: {(node.get('failureSummary') or '')[:200]}"
                for violation in result["violations"]
                for node in violation["nodes"]
            ]
    assert found == [], "\n".join(found[:20])


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
