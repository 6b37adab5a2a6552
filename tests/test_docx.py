"""The Word copies of the books, read back from the .docx files that `mkdocs build` wrote: page, styles, headings,
numbering, tables, charts, page numbers and the data's text; and a LibreOffice rendering of one, to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn

from conftest import DATASETS, opmanual
from libreoffice import to_pdf
from opmanual.data.dataset import load
from opmanual.docx import word
from opmanual.docx.convert import SKIPPED, Writer, _is_chart
from opmanual.pdf.book import Printer, books
from opmanual.pdf.stage import docx_path
from opmanual.site.pages import full_name
from poppler import picture

ARTIFACTS = Path(__file__).parent / "artifacts"
FONTS = Path(__file__).parent.parent / "hooks/opmanual/theme/assets/fonts"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")
CM = 360000  # EMU


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_text(path: Path) -> str:
    document = Document(str(path))
    return "".join(node.text or "" for node in document.element.body.iter(f"{W}t"))


def strings(value: Any) -> list[str]:
    """Every text of a dumped model value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def headings(html: str) -> list[tuple[int, str]]:
    """The headings of a part of a book as the PDF prints them (those in charts are drawn, not written)."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for node in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        if any(_is_chart(parent) or set(parent.get("class") or []) & SKIPPED for parent in node.parents):
            continue
        found.append((int(node.name[1]), re.sub(r"\s+", " ", node.get_text()).strip()))
    return found


def word_headings(document: Any) -> list[tuple[int, str]]:
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            found.append((int(name.removeprefix("Heading ")), paragraph.text))
    return found


# Fast: one book written from its print HTML, with no site built ------------------------------------------------


def writer(tmp_path: Path) -> tuple[Any, Writer]:
    document = Document()
    font = word.Font(*word.SARABUN)
    word.setup_styles(document, font)
    pictures: Any = lambda html, width: []  # noqa: E731 - no charts in these
    w = Writer(document, word.Numbering(document, font), font, pictures, lambda src: None)
    w.width.append(int(16 * CM))
    return document, w


def test_typed_labels_become_word_numbering_with_levels(tmp_path: Path) -> None:
    document, w = writer(tmp_path)
    html = """<ol class="numbered">
    <li><span class="num">๑.</span> หนึ่ง<ol class="numbered"><li><span class="num">๑.๑</span> หนึ่งหนึ่ง</li>
    <li><span class="num">๑.๒</span> หนึ่งสอง</li></ol></li>
    <li><span class="num">๒.</span> สอง</li></ol>
    <ol class="numbered"><li><span class="num">๓.</span> ผิดลำดับ</li><li><span class="num">๕.</span> ข้าม</li></ol>"""
    w.blocks(BeautifulSoup(html, "lxml").body, document)
    paragraphs = [(p.text, p._p.pPr.numPr if p._p.pPr is not None else None) for p in document.paragraphs]
    numbered = [(text, int(n.ilvl.val)) for text, n in paragraphs if n is not None]
    assert numbered == [("หนึ่ง", 0), ("หนึ่งหนึ่ง", 1), ("หนึ่งสอง", 1), ("สอง", 0)]
    # Labels Word would count otherwise (๓, ๕) stay typed, so that no number changes.
    assert [text for text, n in paragraphs if n is None] == ["๓. ผิดลำดับ", "๕. ข้าม"]
    numbering = document.part.numbering_part.element
    num_id = document.paragraphs[0]._p.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(num_id).abstractNumId.val
    levels = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl")
    assert [lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in levels[:2]] == ["%1.", "%1.%2"]
    assert {lvl.find(f"{W}numFmt").get(f"{W}val") for lvl in levels[:2]} == {"thaiNumbers"}


def test_a_list_that_flattens_its_levels_gets_them_back(tmp_path: Path) -> None:
    document, w = writer(tmp_path)
    labels = ["๑.", "๒.", "๒.๑", "๒.๒", "๓."]
    items = "".join(f'<li><span class="num">{label}</span> ข้อ {label}</li>' for label in labels)
    w.blocks(BeautifulSoup(f'<ol class="numbered steps">{items}</ol>', "lxml").body, document)
    numbers = [p._p.pPr.numPr for p in document.paragraphs]
    assert [int(n.ilvl.val) for n in numbers] == [0, 0, 1, 1, 0]
    assert len({n.numId.val for n in numbers}) == 1
    assert [p.text for p in document.paragraphs] == [f"ข้อ {label}" for label in labels]


def test_tables_keep_header_rows_merged_cells_and_cell_lists(tmp_path: Path) -> None:
    document, w = writer(tmp_path)
    html = """<table><thead><tr><th rowspan="2">ที่</th><th colspan="2">รายการ</th></tr>
    <tr><th>ก</th><th>ข</th></tr></thead>
    <tbody><tr><td>๑</td><td><p>ย่อหน้าหนึ่ง</p><p>ย่อหน้าสอง</p></td>
    <td><ol class="numbered"><li><span class="num">๑.</span> ข้อแรก</li><li><span class="num">๒.</span> ข้อสอง</li></ol>
    </td></tr></tbody></table>"""
    w.blocks(BeautifulSoup(html, "lxml").body, document)
    table = document.tables[0]
    rows = table._tbl.tr_lst
    assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows] == [True, True, False]
    first = rows[0].tc_lst
    assert first[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    assert first[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    assert rows[1].tc_lst[0].tcPr.find(qn("w:vMerge")) is not None
    cells = table.rows[2].cells
    assert [p.text for p in cells[1].paragraphs] == ["ย่อหน้าหนึ่ง", "ย่อหน้าสอง"]
    assert [p.text for p in cells[2].paragraphs] == ["ข้อแรก", "ข้อสอง"]
    assert all(p._p.pPr.numPr is not None for p in cells[2].paragraphs)


# The built sites: every book of every data set ------------------------------------------------------------------


@pytest.fixture(scope="module")
def copies(built_sites: dict[str, Path]) -> dict[str, dict[str, Path]]:
    """Every data set's books: the PDF's path in the site → its Word copy."""
    found = {}
    for name, site in built_sites.items():
        pdfs = sorted(str(p.relative_to(site)) for p in (site / "pdf").rglob("*.pdf"))
        found[name] = {pdf: site / docx_path(pdf) for pdf in pdfs}
    return found


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_book_has_its_word_copy_linked_beside_its_pdf(
    built_sites: dict[str, Path], copies: dict[str, dict[str, Path]], name: str
) -> None:
    site = built_sites[name]
    manual = load(DATASETS[name])
    assert len(copies[name]) == len(books(manual))
    for path in copies[name].values():
        assert path.is_file() and path.stat().st_size > 10_000, path
    pages = {"docx/manual.docx": site / "index.html"}
    pages |= {f"docx/people/{pid}.docx": site / f"people/{pid}/index.html" for pid in manual.people}
    pages |= {f"docx/processes/{pid}.docx": site / f"processes/{pid}/index.html" for pid in manual.processes}
    if manual.processes:
        pages["docx/ita.docx"] = site / "ita/index.html"
    for target, page in pages.items():
        html = unescape(page.read_text(encoding="utf-8"))
        assert re.search(rf'href="(\.\./)*{re.escape(target)}"', html), (page, target)
        assert "ไฟล์ Word (.docx)" in html


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", ["data", "chiangmai5"])
def test_page_styles_numbers_and_properties(copies: dict[str, dict[str, Path]], name: str) -> None:
    manual = load(DATASETS[name])
    thai = manual.info.digits == "thai"
    document = Document(str(copies[name]["pdf/manual.pdf"]))
    for section in document.sections:  # Word keeps lengths in twips: compared to the millimetre
        portrait = section.page_width < section.page_height
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
        if portrait:
            assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 20)
    wide = any(chapter.wide for chapter in books(manual)[0].chapters)  # the responsibility matrix
    assert any(section.page_width > section.page_height for section in document.sections) == wide
    normal = document.styles["Normal"].element.rPr
    fonts = normal.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{side}")) for side in ("ascii", "hAnsi", "cs")} == {"Sarabun"}
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "21"  # 10.5 pt Sarabun: 16 pt TH Sarabun New
    assert normal.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    # The body's pages are numbered in the manual's digits by a PAGE field; the front matter with ก ข ค.
    formats = [s._sectPr.find(qn("w:pgNumType")) for s in document.sections]
    kinds = [f.get(qn("w:fmt")) if f is not None else None for f in formats]
    assert kinds[1] == "thaiLetters"
    assert kinds[2] == ("thaiNumbers" if thai else "decimal")
    footer = document.sections[2].footer._element
    assert any("PAGE" in (node.text or "") for node in footer.iter(f"{W}instrText"))
    props = document.core_properties
    assert props.title.startswith(manual.info.title)
    assert props.author == f"{manual.group.name} {manual.office.name}"
    assert props.language == "th-TH"
    # Lists count in the manual's digits.
    numbering = document.part.numbering_part.element
    used = {p.val for p in document.element.body.iter(qn("w:numId"))}
    abstracts = {numbering.num_having_numId(num_id).abstractNumId.val for num_id in used}
    formats_used = {
        lvl.find(f"{W}numFmt").get(f"{W}val")
        for abstract in abstracts
        for lvl in numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']")
    }
    assert ("thaiNumbers" in formats_used) == thai
    assert ("decimal" in formats_used) == (not thai)


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_headings_are_the_printed_ones_with_their_levels(copies: dict[str, dict[str, Path]], name: str) -> None:
    manual = load(DATASETS[name])
    printer = Printer(manual)
    for book in books(manual):
        prepared = printer.prepare(book)
        expected = headings(prepared.front(toc=prepared.contents)) + headings(prepared.body)
        document = Document(str(copies[name][book.path]))
        assert word_headings(document) == expected, book.path
    assert expected


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_lists_tables_and_charts_are_word_structures(copies: dict[str, dict[str, Path]], name: str) -> None:
    manual = load(DATASETS[name])
    printed = BeautifulSoup(Printer(manual).prepare(books(manual)[0]).body, "lxml")
    written = [node for node in printed.find_all(True) if not any(_is_chart(p) for p in node.parents)]
    document = Document(str(copies[name]["pdf/manual.pdf"]))
    body = document.element.body
    numbered = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert numbered
    levels = {p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val") for p in numbered}
    depth = max(len(node.find_parents("li")) for node in written if node.name == "ol")
    assert levels == {str(level) for level in range(depth + 1)}
    for p in numbered:  # the numbers are Word's: no item starts with a typed label
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        assert not re.match(r"^[0-9๐-๙]+(\.[0-9๐-๙]+)*\.?\s", text), text
    rows = list(body.iter(f"{W}tr"))
    assert any(tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in rows)
    for table in body.iter(f"{W}tbl"):
        first = table.find(f"{W}tr")
        cells = first.findall(f"{W}tc")
        text = squeeze("".join(t.text or "" for t in first.iter(f"{W}t")))
        header = first.find(f"{W}trPr/{W}tblHeader") is not None
        # A row of column headers is repeated; a profile's label/value row is not a header.
        if header:
            assert cells and text
    spans = any(node.get("colspan") for node in written)  # the matrix's groups
    assert any(tc.find(f"{W}tcPr/{W}gridSpan") is not None for tc in body.iter(f"{W}tc")) == spans
    pictures = list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
    charted = [p for p in manual.processes.values() if p.steps]
    assert len(pictures) >= 2 * len(charted)  # a flowchart table and a diagram per process at least
    assert all(picture.get("descr") for picture in pictures)
    # The contents is Word's own field.
    assert any("TOC" in (node.text or "") for node in body.iter(f"{W}instrText"))


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", ["data", "mini", "varied", "korat6"])
def test_a_persons_copy_holds_every_duty_and_work_standard(copies: dict[str, dict[str, Path]], name: str) -> None:
    manual = load(DATASETS[name])
    for pid, person in manual.people.items():
        text = squeeze(body_text(copies[name][f"pdf/people/{pid}.pdf"]))
        wanted = [duty.title for duty in person.duties]
        for topic in person.work_standards:
            wanted.append(topic.topic)
            for row in topic.rows:
                wanted += strings(row.model_dump())
        assert wanted or not (person.duties or person.work_standards)
        missing = [item for item in wanted if squeeze(item) not in text]
        assert missing == [], (pid, missing[:5])
        if manual.info.digits == "thai":
            assert THAI_DIGITS & set(text)


# LibreOffice: the copy as a reader opens it ---------------------------------------------------------------------


@pytest.mark.pdf
@pytest.mark.slow
def test_libreoffice_opens_a_copy_with_thai_text_in_sarabun(copies: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    """Kept as a CI artifact to look at: the first page of a person's chapter and a flowchart, as LibreOffice
    lays out the .docx. Fonts come from the project only, through a fontconfig file of its own."""
    manual = load(DATASETS["data"])
    pid = "anawat-khaikhao"
    source = copies["data"][f"pdf/people/{pid}.pdf"]
    pdf = to_pdf(source, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    person = manual.people[pid]
    flat = squeeze(text)
    assert squeeze(person.duties[0].title) in flat
    assert squeeze(full_name(manual, pid)) in flat
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:] if line.strip()}
    assert families == {"Sarabun"}, fonts
    # Pages to look at: where the person's chapter starts, and the first flowchart.
    pages = text.split("\f")
    wanted = {
        "person": next(i for i, page in enumerate(pages) if squeeze(person.duties[0].title) in squeeze(page)),
        "flowchart": next(i for i, page in enumerate(pages) if "Flow Chart" in page),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    for kind, index in wanted.items():
        out = picture(pdf, index + 1, ARTIFACTS / f"docx-{kind}")
        assert out.stat().st_size > 10_000


@pytest.mark.pdf
@pytest.mark.slow
def test_word_copies_come_from_the_cache_and_not_without_the_pdfs(tmp_path: Path) -> None:
    shutil.copytree(DATASETS["mini"], tmp_path / "data")
    cache = tmp_path / "cache"
    logs, sites = [], []
    for name in ("first", "second"):
        result = opmanual(tmp_path, "build", "data", "--site", name, MANUAL_PDF_CACHE=str(cache))
        assert result.returncode == 0, result.stderr
        logs.append(result.stderr)
        sites.append({p.name: p.read_bytes() for p in (tmp_path / name / "docx").rglob("*.docx")})
    books_count = len(sites[0])
    assert books_count >= 3
    assert f"Word copies: {books_count} written" in logs[0]
    assert f"Word copies: 0 written (0 charts drawn), {books_count} from cache" in logs[1]
    assert sites[0] == sites[1]
    result = opmanual(tmp_path, "build", "data", "--site", "third", MANUAL_PDF="0")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "third/docx").exists()
    assert "Word copies" not in result.stderr
