"""Thai lines break only between words: in every PDF, and in the two mechanisms alone (the site's word spans, the
PDFs' Pango patch), each shown failing without them. Every page of the sites is read in a browser by test_every_page.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import markup
from conftest import DATASETS
from lines import broken_words, pdf_lines
from opmanual import wordbreak
from opmanual.data.dataset import load
from opmanual.render.theme import ASSETS

# Compounds that the browser's and libthai's dictionaries both cut (สถาน|ศึกษา, กรุงเทพมหา|นคร, ดัง|กล่าว …).
TEXT = (
    "ติดตามและประเมินผลการจัดการศึกษาสำนักงานเขตพื้นที่การศึกษามัธยมศึกษากรุงเทพมหานครดังกล่าวนั้น"
    "กระบวนการเรียนรู้ส่งเสริมสถานศึกษาต้องมีการบูรณาการทั้งสามด้าน"
)


def _tags_removed(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def test_every_thai_word_is_wrapped_and_the_text_stays_as_it_was() -> None:
    html = '<p class="x">ส่งเสริมสถานศึกษา &amp; การศึกษา ๑๒ ISO 9001</p>'
    wrapped = wordbreak.wrap_words(html)
    assert _tags_removed(wrapped) == _tags_removed(html)
    assert '<span class="word">ส่งเสริม</span><span class="word">สถานศึกษา</span>' in wrapped
    assert "&amp; " in wrapped and "๑๒ ISO 9001</p>" in wrapped


def test_code_blocks_scripts_attributes_and_comments_are_left_alone() -> None:
    html = (
        '<p title="สถานศึกษา">สถานศึกษา<code>สถานศึกษา</code></p><pre><code>key: สถานศึกษา</code></pre>'
        "<script>var a = 'สถานศึกษา';</script><style>p::after { content: 'สถานศึกษา' }</style>"
        "<!-- สถานศึกษา <b> --><p>สถานศึกษา</p>"
    )
    wrapped = wordbreak.wrap_words(html)
    assert wrapped.count('<span class="word">') == 3  # the paragraph, its inline code, the last paragraph
    for untouched in (
        'title="สถานศึกษา"',
        "<pre><code>key: สถานศึกษา</code></pre>",
        "<script>var a = 'สถานศึกษา';</script>",
        "<!-- สถานศึกษา <b> -->",
    ):
        assert untouched in wrapped


@pytest.fixture(scope="module")
def narrow_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The text in a narrow column, printed by WeasyPrint alone and then with the patch, in a fresh interpreter so
    that the first is really unpatched."""
    folder = tmp_path_factory.mktemp("narrow")
    font = (ASSETS / "fonts/Sarabun_400Regular.ttf").as_uri()
    html = (
        f'<html lang="th"><style>@font-face {{ font-family: S; src: url("{font}") }}'
        f"body {{ font-family: S; font-size: 12pt; width: 3.5cm }}</style><body><p>{TEXT}</p></body></html>"
    )
    script = """
import sys
from weasyprint import HTML
from opmanual.pdf import pango_words, textlayer
textlayer.install()
HTML(string=sys.argv[1]).write_pdf(sys.argv[2])
pango_words.install()
HTML(string=sys.argv[1]).write_pdf(sys.argv[3])
"""
    pdfs = {"alone": folder / "alone.pdf", "patched": folder / "patched.pdf"}
    subprocess.run([sys.executable, "-c", script, html, str(pdfs["alone"]), str(pdfs["patched"])], check=True)
    return pdfs


@pytest.mark.parametrize("patched", [True, False], ids=["patched", "weasyprint-alone"])
def test_weasyprint_breaks_thai_lines_between_words_only_with_the_patch(
    narrow_pdfs: dict[str, Path], patched: bool
) -> None:
    """If WeasyPrint alone stops cutting words, libthai's dictionary changed and the patch may no longer be needed."""
    paragraphs = list(pdf_lines(narrow_pdfs["patched" if patched else "alone"]))
    assert "".join(text.replace(" ", "") for text, _ in paragraphs) == TEXT  # the text layer is exact
    assert sum(len(cuts) for _, cuts in paragraphs) >= 8  # a narrow column: many lines
    broken = broken_words(paragraphs)
    assert (broken == []) if patched else broken != [], broken


@pytest.mark.slow
@pytest.mark.pdf
def test_no_line_of_any_pdf_breaks_inside_a_word(built_sites: dict[str, Path]) -> None:
    pdfs = sorted((built_sites["data"] / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 7
    source = _printed_text(DATASETS["data"])
    broken = {pdf.name: found for pdf in pdfs if (found := broken_words(pdf_lines(pdf), source))}
    assert broken == {}


def _printed_text(data: Path) -> str:
    """The text of every book as it was given to WeasyPrint (the revision record made from this repository's
    history as the build makes it), to tell a line broken at a space, which a PDF's lines lose, from one broken
    inside a word."""
    from opmanual.render import changelog, history
    from opmanual.render.book import Binder, books

    manual = load(data)
    changes = changelog.describe_history(history.read(data), data, manual.labels, manual.info.digits)
    binder = Binder(manual)
    texts = [markup.soup(binder.prepare(book).sources()).get_text(" ") for book in books(manual, changes)]
    return " ".join(" ".join(texts).split())
