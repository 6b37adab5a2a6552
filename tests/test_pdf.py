"""The printed manuals, read back from the PDFs that `mkdocs build` made: structure, numbering, fonts, text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import DATASETS
from opmanual.data.dataset import Manual, load
from opmanual.render.pages import book_title
from opmanual.thai import digits
from poppler import picture

pytestmark = [pytest.mark.pdf, pytest.mark.slow]

ARTIFACTS = Path(__file__).parent / "artifacts"
CM = 72 / 2.54


def text_of(pdf: Path, page: int | None = None, raw: bool = False) -> str:
    """The text of a page, or of all: laid out as printed, or `raw` in the order drawn (a table cell's lines
    together, where the layout interleaves the lines of a row's cells)."""
    pages = ["-f", str(page + 1), "-l", str(page + 1)] if page is not None else []
    return subprocess.run(
        ["pdftotext", "-raw" if raw else "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def paragraphs(blocks: list[object]) -> list[str]:
    """The paragraphs of a text block (its lists and tables are checked where they are)."""
    return [block for block in blocks if isinstance(block, str)]


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    items: list[tuple[int, str, int]] = []

    def walk(nodes: list, level: int) -> None:
        for node in nodes:
            if isinstance(node, list):
                walk(node, level + 1)
            else:
                items.append((level, node.title, reader.get_destination_page_number(node)))

    walk(reader.outline, 1)
    return items


def person_pdfs() -> list[tuple[str, str]]:
    return [(name, pid) for name in ("data", "mini", "varied") for pid in load(DATASETS[name]).people]


@pytest.fixture(scope="module")
def manuals() -> dict[str, Manual]:
    return {name: load(path) for name, path in DATASETS.items()}


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_person_and_the_group_have_a_pdf(
    name: str, built_sites: dict[str, Path], manuals: dict[str, Manual]
) -> None:
    pdf = built_sites[name] / "pdf"
    assert (pdf / "manual.pdf").stat().st_size > 10_000
    assert sorted(p.stem for p in (pdf / "people").glob("*.pdf")) == sorted(manuals[name].people)
    assert sorted(p.stem for p in (pdf / "processes").glob("*.pdf")) == sorted(manuals[name].processes)
    assert (pdf / "ita.pdf").stat().st_size > 10_000


@pytest.mark.parametrize(("name", "person_id"), person_pdfs())
def test_personal_manual(name: str, person_id: str, built_sites: dict[str, Path], manuals: dict[str, Manual]) -> None:
    manual = manuals[name]
    person = manual.people[person_id]
    full_name = f"{person.prefix}{person.name} {person.surname}"
    path = built_sites[name] / "pdf" / "people" / f"{person_id}.pdf"
    reader = PdfReader(path)

    # A4, title, author and language.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title == f"{book_title(manual, person)} {full_name}"
    assert reader.metadata.author == full_name
    assert reader.trailer["/Root"]["/Lang"] == "th"

    # Only Sarabun is embedded (no fallback font drew anything).
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(font.get_object()["/BaseFont"].split("+")[-1])
    assert fonts and all(font.startswith("Sarabun") for font in fonts), fonts

    # The outline has every section of a personal manual.
    bookmarks = outline(reader)
    top = [title for level, title, _ in bookmarks if level == 1]
    label = manual.labels
    expected = [label.approval] + ([label.foreword] if person.foreword else [])
    expected += [label.contents, manual.group.name, full_name]
    expected += [manual.processes[pid].name for pid in person.processes]
    if manual.sources_for_person(person_id):
        expected.append(label.bibliography)
    if person.appendices or any(manual.processes[pid].appendices for pid in person.processes):
        expected.append(label.appendices)
    assert top == expected

    # Front matter is numbered ก ข ..., the body - ๑ -, and every contents entry shows the page it points at.
    first_body = next(i for i, (_, title, _) in enumerate(bookmarks) if title == manual.group.name)
    body_start = bookmarks[first_body][2]
    assert squeeze(text_of(path, body_start)).endswith(f"-{digits('1', manual.info.digits)}-")
    contents_page = next(index for _, title, index in bookmarks if title == label.contents)
    # the cover has no number; front matter letters run ก ข ค ง จ, as Thai lists and theses count them
    assert squeeze(text_of(path, contents_page)).endswith("กขคงจฉ"[contents_page - 1])
    # A contents line: its title, the dots drawn between (not text), its page number at the right.
    contents = [
        line.strip() for line in text_of(path, contents_page).splitlines() if re.search(r"\S\s{3,}[๐-๙0-9]+$", line)
    ]
    remaining = bookmarks[first_body:]
    assert len(contents) >= len(top) - 2
    for line in contents:
        match = re.fullmatch(r"(.+?)\s{3,}([๐-๙0-9]+)", line)
        assert match, line
        title, number = match.group(1).strip(), int(digits(match.group(2), "arabic"))
        index = next(i for i, (_, t, _) in enumerate(remaining) if squeeze(t).startswith(squeeze(title)))
        assert remaining[index][2] == body_start + number - 1, (title, number)
        remaining = remaining[index + 1 :]

    # The text layer is the source text: every duty and work-standard row, the foreword, the processes' steps.
    poppler = squeeze(text_of(path, raw=True))
    pypdf_text = squeeze("".join(page.extract_text() for page in reader.pages))
    strings = [full_name, *paragraphs(person.foreword.text if person.foreword else [])]
    for duty in person.duties:
        strings += [duty.title, *paragraphs(duty.text)]
        strings += [*(item.text for item in duty.roles), *(item.text for item in duty.forms)]
    for standard in person.work_standards:
        strings.append(standard.topic)
        for row in standard.rows:
            for cell in (row.activity, row.standard):
                strings += [*paragraphs(cell.text), *(item.text for item in cell.items)]
        for table in standard.tables:
            strings += [table.title or "", *table.columns]
            strings += [text for row in table.rows for cell in row.cells for text in paragraphs(cell.text)]
    for pid in person.processes:
        strings += [step.text for step in manual.processes[pid].steps]
    for text in (poppler, pypdf_text):
        assert [s for s in strings if squeeze(s) not in text] == []


def test_text_layer_keeps_sara_am_and_tone_marks(built_sites: dict[str, Path]) -> None:
    """The bug this project fixes: without it 'สำนักงาน' extracts as 'สำนักงำน' and 'ต่ำ' as 'ตำ'."""
    path = built_sites["data"] / "pdf/people/anawat-khaikhao.pdf"
    poppler = text_of(path)
    pypdf_text = "".join(page.extract_text() for page in PdfReader(path).pages)
    for text in (poppler, pypdf_text):
        assert "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษากรุงเทพมหานคร" in text
        assert "ผู้อำนวยการ" in text and "การศึกษา" in text
        assert "สำนักงำน" not in text and "กำร" not in text


def test_body_text_sits_inside_the_official_margins(built_sites: dict[str, Path]) -> None:
    path = built_sites["data"] / "pdf/people/anawat-khaikhao.pdf"
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "5", "-l", "8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"', words)]
    assert min(x for x, _ in boxes) >= 3 * CM - 1  # left margin 3 cm
    assert max(x for _, x in boxes) <= 595.28 - 2 * CM + 1  # right margin 2 cm


def test_whole_manual_has_every_process_and_person(built_sites: dict[str, Path], manuals: dict[str, Manual]) -> None:
    manual = manuals["data"]
    reader = PdfReader(built_sites["data"] / "pdf/manual.pdf")
    top = [title for level, title, _ in outline(reader) if level == 1]
    for process in manual.processes.values():
        assert process.name in top
    for person in manual.people.values():
        assert f"{person.prefix}{person.name} {person.surname}" in top
    assert "โครงสร้างการปฏิบัติงาน" in top and "เอกสารอ้างอิงและบรรณานุกรม" in top


def test_arabic_digit_switch_numbers_pages_in_arabic(built_sites: dict[str, Path]) -> None:
    path = built_sites["chiangmai5"] / "pdf/manual.pdf"  # this example sets manual.digits: arabic
    pages = text_of(path).split("\f")
    assert any(squeeze(page).endswith("-1-") for page in pages)
    assert not any(squeeze(page).endswith("-๑-") for page in pages)


def test_pdf_pages_as_pictures(built_sites: dict[str, Path]) -> None:
    """Kept as CI artifacts to look at: cover, contents, a person's first page, a flowchart."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = built_sites["data"] / "pdf/people/anawat-khaikhao.pdf"
    reader = PdfReader(path)
    bookmarks = outline(reader)
    wanted = {"cover": 0, "contents": next(i for _, t, i in bookmarks if t == "สารบัญ")}
    wanted["person"] = next(i for _, t, i in bookmarks if t == "นายอนวัช ไข่ขาว")
    wanted["flowchart"] = next(i for _, t, i in bookmarks if t.endswith("Flow Chart การปฏิบัติงาน"))
    for name, index in wanted.items():
        drawn = picture(path, index + 1, ARTIFACTS / f"pdf-{name}")
        assert drawn.stat().st_size > 5_000  # a page with something drawn on it
