"""End-to-end: real `mkdocs build --strict` of the shipped data and the examples, checked in the produced HTML."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

import markup
from conftest import DATASETS, ROOT, build
from opmanual.data.dataset import load

pytestmark = [pytest.mark.slow]


def soup_of(path: Path) -> BeautifulSoup:
    return markup.page(path)


def elements_of(path: Path) -> BeautifulSoup:
    """A built page's elements (its links, sources and ids), parsed by lxml: five times faster than html.parser,
    and these tests read no text."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def target_of(page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link opens on a plain file server, and its anchor."""
    parts = urlsplit(href)
    path = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_person_and_process_has_its_page(name: str, built_sites: dict[str, Path]) -> None:
    site = built_sites[name]
    manual = load(DATASETS[name])
    for person_id in manual.people:
        page = soup_of(site / "people" / person_id / "index.html")
        person = manual.people[person_id]
        assert page.h1.get_text(strip=True).startswith(f"{person.prefix}{person.name} {person.surname}")
    for process_id, process in manual.processes.items():
        page = soup_of(site / "processes" / process_id / "index.html")
        assert process.name in page.h1.get_text()
        headings = [h.get_text(" ", strip=True) for h in page.select("article h2")]
        for part in (
            "ชื่องาน",
            "วัตถุประสงค์",
            "ขอบเขตของงาน",
            "คำจำกัดความ",
            "ขั้นตอนการปฏิบัติงาน",
            "Flow Chart",
            "แบบฟอร์มที่ใช้",
            "เอกสาร/หลักฐานอ้างอิง",
        ):
            assert any(part in heading for heading in headings), (process_id, part)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_internal_link_and_anchor_resolves(name: str, built_sites: dict[str, Path]) -> None:
    site = built_sites[name]
    links: list[tuple[Path, str]] = []
    ids: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        soup = elements_of(page)
        ids[page.resolve()] = {element["id"] for element in soup.find_all(id=True)}
        if page.name == "404.html":  # served for any missing path, so MkDocs gives it root-relative links
            continue
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            links += [(page, element[attr]) for element in soup.find_all(tag) if element.get(attr)]
    broken = []
    for page, href in links:
        if urlsplit(href).scheme in ("http", "https", "mailto", "data"):
            continue
        target, anchor = target_of(page, href)
        if not target.exists():
            broken.append(f"{page.relative_to(site)}: {href}")
        elif anchor and target.suffix == ".html" and anchor not in ids.get(target.resolve(), set()):
            broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_pages_request_nothing_from_other_hosts(name: str, built_sites: dict[str, Path]) -> None:
    site = built_sites[name]
    external = []
    for page in site.rglob("*.html"):
        soup = elements_of(page)
        for tag, attr in (
            ("link", "href"),
            ("script", "src"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in soup.find_all(tag):
                if urlsplit(element.get(attr, "")).netloc:
                    external.append(f"{page.relative_to(site)}: <{tag} {attr}={element[attr]}>")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css
    assert external == []


def test_back_links_both_ways(built_sites: dict[str, Path]) -> None:
    site = built_sites["data"]
    person = soup_of(site / "people/anawat-khaikhao/index.html")
    person_links = {a["href"] for a in person.select("article a[href]")}
    assert "../../processes/qa-system-promotion/" in person_links
    assert "../../workgroups/quality-assurance/" in person_links
    process = soup_of(site / "processes/qa-system-promotion/index.html")
    process_links = {a["href"] for a in process.select("article a[href]")}
    assert "../../people/anawat-khaikhao/" in process_links
    assert "../../workgroups/quality-assurance/" in process_links
    workgroup = soup_of(site / "workgroups/quality-assurance/index.html")
    workgroup_links = {a["href"] for a in workgroup.select("article a[href]")}
    assert {"../../people/anawat-khaikhao/", "../../processes/qa-research/"} <= workgroup_links


def test_site_is_thai_with_self_hosted_sarabun(built_sites: dict[str, Path]) -> None:
    site = built_sites["data"]
    home = soup_of(site / "index.html")
    assert home.html["lang"] == "th"
    assert home.title.get_text() == "คู่มือการปฏิบัติงานศึกษานิเทศก์ กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา สพม.กท ๑"
    css = (site / "assets/stylesheets/manual.css").read_text(encoding="utf-8")
    assert 'url("../fonts/Sarabun_400Regular.ttf")' in css
    assert (site / "assets/fonts/Sarabun_400Regular.ttf").stat().st_size > 50_000
    labels = {el.get("title") or el.get("aria-label") for el in home.select("label.md-header__button, form label")}
    assert "เปลี่ยนเป็นโหมดมืด" in labels  # Material's palette toggle, in Thai
    assert home.select_one("input.md-search__input")["placeholder"] == "ค้นหา"
    assert home.select(".md-banner") == []  # the data-error banner exists only while errors are shown


def test_broken_data_stops_the_build_cleanly_and_keeps_the_old_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples/korat6", data)
    site = tmp_path / "site"
    assert build(data, site, MANUAL_PDF="0").returncode == 0  # the old site's files are what is compared
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    person = data / "people/runya-champamoon.yml"
    person.write_text(person.read_text(encoding="utf-8") + "titel: x\nprocesses: [nothing]\n", encoding="utf-8")
    (data / "processes/interagency-support.yml").write_text("name: [\n", encoding="utf-8")
    result = build(data, site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{person}:" in result.stderr or "people/runya-champamoon.yml:" in result.stderr
    assert "unknown key `titel`" in result.stderr
    assert "the key `processes` appears twice" in result.stderr
    assert "interagency-support.yml:2:1: YAML syntax error" in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_process_page_has_its_flowchart_and_text_alternative(name: str, built_sites: dict[str, Path]) -> None:
    manual = load(DATASETS[name])
    for process_id, process in manual.processes.items():
        page = soup_of(built_sites[name] / "processes" / process_id / "index.html")
        table = page.select_one("table.flow-table")
        diagram = page.select_one("figure.flowchart-figure table.flow-diagram")
        assert table is not None and diagram is not None, process_id
        shapes = [" ".join(shape.select_one(".text").get_text().split()) for shape in diagram.select(".shape")]
        assert shapes[0] == process.flowchart.start and shapes[-1] == process.flowchart.end
        for step in process.steps:
            assert (step.label or step.text) in shapes
        decisions = [step.decision for step in process.steps if step.decision]
        assert len(diagram.select(".shape-decision")) == len(decisions)
        words = page.select_one("details.chart-text").get_text(" ", strip=True)
        for decision in decisions:
            assert decision.question in words and f"ถ้า{decision.no}" in words


def test_organisation_chart_shows_the_chain_and_every_work_group(built_sites: dict[str, Path]) -> None:
    manual = load(DATASETS["data"])
    chart = soup_of(built_sites["data"] / "group/organization/index.html").select_one("figure.org-figure")
    boxes = [box.get_text(" ", strip=True) for box in chart.select(".org-level .org-box")]
    assert [b.split(" ")[0] for b in boxes] == ["นายนิยม", "นายวันศักดิ์", "นางขันธ์ธนา"]
    groups = [" ".join(box.get_text().split()) for box in chart.select(".org-workgroup")]  # words: spans of their own
    assert groups == [wg.name for wg in manual.group.workgroups]
