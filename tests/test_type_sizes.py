"""The printed books use the official type scale (`opmanual.measures`): read back from the PDFs with pdfplumber,
each kind of text at its size, and nothing smaller than the landscape matrix's 12 pt TH Sarabun."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from opmanual.measures import TYPE, sarabun

pytestmark = [pytest.mark.slow, pytest.mark.pdf]

TOLERANCE = 0.05  # pt: pdfplumber reads sizes from the text matrix, rounded


def _bases(text: str) -> str:
    """`text` without Thai vowel and tone marks, which pdfplumber reads in glyph order, not in the text's."""
    return "".join(char for char in text if not unicodedata.category(char).startswith("M") and not char.isspace())


@cache
def _characters(pdf: Path) -> tuple[tuple[tuple[str, float], ...], ...]:
    """Each page's printed characters and their sizes, read once a run (pdfplumber takes seconds a book)."""
    with pdfplumber.open(pdf) as document:
        return tuple(tuple((char["text"], round(char["size"], 2)) for char in page.chars) for page in document.pages)


def _sizes_of(pdf: Path, text: str) -> set[float]:
    """The sizes at which `text` is printed anywhere in `pdf` (its letters, marks aside)."""
    found: set[float] = set()
    needle = _bases(text)
    for page in _characters(pdf):
        letters = [(char, size) for char, size in page if _bases(char)]
        line = "".join(_bases(char) for char, _ in letters)
        start = line.find(needle)
        while start >= 0:
            found |= {size for _, size in letters[start : start + len(needle)]}
            start = line.find(needle, start + 1)
    assert found, f"{text!r} is not in {pdf.name}"
    return found


def _is(size: set[float], role: str) -> bool:
    return len(size) == 1 and abs(next(iter(size)) - sarabun(role)) <= TOLERANCE


@pytest.mark.parametrize(
    ("book", "text", "role"),
    [
        ("people/somchai.pdf", "หวังเป็นอย่างยิ่งว่าจะเป็นประโยชน์", "body"),  # the foreword
        ("people/somchai.pdf", "งานกลุ่มโรงเรียนเป็นงานหลักของศึกษานิเทศก์", "body"),  # a duty's text
        ("people/somchai.pdf", "แผนการนิเทศที่ได้รับอนุมัติ", "table"),  # a work-standard cell
        ("processes/qa.pdf", "ผู้เข้าประชุมเข้าใจระบบประกันคุณภาพ", "chart"),  # the flowchart table
        ("processes/qa.pdf", "การประเมินผลและการติดตามตรวจสอบคุณภาพ", "body"),  # a definition
    ],
)
def test_each_kind_of_text_prints_at_its_official_size(
    built_sites: dict[str, Path], book: str, text: str, role: str
) -> None:
    sizes = _sizes_of(built_sites["mini"] / "pdf" / book, text)
    assert _is(sizes, role), f"{text!r}: {sizes} pt, expected {sarabun(role)} pt ({TYPE[role]} pt TH Sarabun)"


def test_chapter_titles_are_20_pt_and_sections_18(built_sites: dict[str, Path]) -> None:
    """Titles are in the contents too (at the body size): the heading is the match at its own size."""
    pdf = built_sites["mini"] / "pdf/manual.pdf"
    assert sarabun("h1") in _sizes_of(pdf, "ตารางความรับผิดชอบ")
    assert sarabun("h2") in _sizes_of(built_sites["mini"] / "pdf/people/somchai.pdf", "มาตรฐานการปฏิบัติงาน")


def test_body_text_is_16_pt_th_sarabun_and_nothing_is_smaller_than_12(built_sites: dict[str, Path]) -> None:
    for pdf in sorted((built_sites["mini"] / "pdf").rglob("*.pdf")):
        sizes = Counter(size for page in _characters(pdf) for char, size in page if char.strip())
        most = sizes.most_common(1)[0][0]
        assert abs(most - sarabun("body")) <= TOLERANCE, (pdf.name, sizes.most_common(5))
        smallest = min(sizes)
        assert smallest >= sarabun("matrix") - TOLERANCE, (pdf.name, smallest, sizes)
