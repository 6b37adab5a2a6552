"""The Thai text-layer patch on its own, in a few seconds: a WeasyPrint upgrade that breaks it fails here first.

A short Thai text with SARA AM (drawn by HarfBuzz as NIKHAHIT + SARA AA), tone marks over upper vowels, clusters that
shape to several glyphs, and the same glyphs in other clusters, is printed with the shipped Sarabun and read back
with two extractors. Without the patch the text comes back wrong (see the last test), so the test shows both that
the patch is needed and that it works.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from opmanual.pdf import textlayer
from opmanual.render.theme import ASSETS

# SARA AM alone and after tone marks (น้ำ, ต่ำ, ซ้ำ), the same SARA AA glyph plain (กา), tone marks over upper
# vowels (ที่, ขึ้น, อื่น), a cluster of consonant + vowel + tone + mark (กิ่ง), and THANTHAKHAT (สำคัญ์).
TEXT = "สำนักงานเขตพื้นที่การศึกษา น้ำ ต่ำ ซ้ำ กา ที่ ขึ้น อื่น กิ่ง กำลัง ผู้อำนวยการ ศักดิ์ ๑๒๓"


def print_text(tmp_path: Path, text: str) -> Path:
    font = (ASSETS / "fonts/Sarabun_400Regular.ttf").as_uri()
    html = (
        f"<html lang='th'><style>@font-face {{ font-family: S; src: url('{font}') }}"
        f" body {{ font-family: S; font-size: 14pt }}</style><body><p>{text}</p><p>{text}</p></body></html>"
    )
    target = tmp_path / "thai.pdf"
    HTML(string=html).write_pdf(target)
    return target


def extracted(pdf: Path) -> list[str]:
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pypdf = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    return [re.sub(r"\s+", "", text) for text in (poppler, pypdf)]


def test_thai_text_extracts_exactly_with_the_patch(tmp_path: Path) -> None:
    textlayer.install()
    pdf = print_text(tmp_path, TEXT)
    expected = re.sub(r"\s+", "", TEXT) * 2
    assert extracted(pdf) == [expected, expected]


def test_the_patch_is_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With WeasyPrint's own drawing the same text extracts wrong: if this starts to pass, upstream fixed the bug
    and the patch may go."""
    from weasyprint.draw import text as draw_text
    from weasyprint.pdf import fonts as pdf_fonts

    textlayer.install()
    monkeypatch.setattr(draw_text, "draw_first_line", textlayer._draw_first_line)
    monkeypatch.setattr(pdf_fonts, "_build_vector_font_dictionary", textlayer._build_vector_font_dictionary)
    pdf = print_text(tmp_path, TEXT)
    expected = re.sub(r"\s+", "", TEXT) * 2
    assert expected not in extracted(pdf)
