"""Thai text normalisation and numbering."""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import ROOT
from opmanual import thai
from opmanual.thai import digits, join_lines, month_year, normalize, number_label


@pytest.mark.parametrize(
    ("pasted", "clean"),
    [
        ("สํานักงาน", "สำนักงาน"),  # NIKHAHIT + SARA AA as PDFs write SARA AM
        ("ทํ่า", "ท่ำ"),  # a tone mark caught between them moves before SARA AM
        ("ข้ึน", "ขึ้น"),  # tone mark typed before the upper vowel
        ("ท่ี", "ที่"),
        ("ผลสัมฤทธ์ิ", "ผลสัมฤทธิ์"),  # THANTHAKHAT before SARA I
        ("การ\u200bศึกษา", "การศึกษา"),  # zero-width space
        ("  การ   ศึกษา \u00a0 ", "การ ศึกษา"),  # stray and non-breaking spaces
        ("ส ังคม", "สังคม"),  # a space before a combining mark is never real
        ("  ย่อหน้าหนึ่ง \n\n  ย่อหน้าสอง  ", "ย่อหน้าหนึ่ง\nย่อหน้าสอง"),  # line breaks are kept, empty lines go
    ],
)
def test_normalize_repairs_pasted_text(pasted: str, clean: str) -> None:
    assert normalize(pasted) == clean


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["กรุงเทพ", "มหานคร"], "กรุงเทพมหานคร"),  # a Thai word split across lines
        (["Digital", "Technology"], "Digital Technology"),
        (["การนิเทศ", " ", "ติดตาม ผล"], "การนิเทศติดตาม ผล"),
    ],
)
def test_join_lines_mends_what_a_page_wrapped(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_normalize_returns_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "café")
    assert normalize(decomposed) == "café"


def test_digits_and_labels() -> None:
    assert digits("พ.ศ. 2566", "thai") == "พ.ศ. ๒๕๖๖"
    assert digits("พ.ศ. ๒๕๖๖", "arabic") == "พ.ศ. 2566"
    assert number_label((2,), "thai") == "๒."
    assert number_label((2, 1, 3), "thai") == "๒.๑.๓"
    assert number_label((2, 1), "arabic") == "2.1"


def test_month_year() -> None:
    assert month_year("2566-04", "thai") == "เมษายน ๒๕๖๖"
    assert month_year("2567-12", "arabic") == "ธันวาคม 2567"


def test_a_chart_breaks_thai_only_between_words() -> None:
    text = "กลุ่มงานส่งเสริมพัฒนาสื่อ นวัตกรรม (ITA) พ.ศ. ๒๕๖๖"
    pieces = thai.pieces(text)
    assert "".join(piece.text for piece in pieces) == text
    assert [piece.text for piece in pieces if piece.thai] == [
        "กลุ่ม",
        "งาน",
        "ส่งเสริม",  # one word to PyThaiNLP; browsers' ICU breaks it "ส่ง|เสริม"
        "พัฒนา",
        "สื่อ",
        "นวัตกรรม",
        "พ.ศ.",
        "๒๕๖๖",
    ]
    # a line may break between two Thai words only; at spaces, brackets and digits the usual rules apply
    assert [piece.text for piece in pieces if piece.after_thai] == ["งาน", "ส่งเสริม", "พัฒนา", "สื่อ"]


def test_the_fast_dictionary_segments_as_pythainlp_does() -> None:
    """`thai.pieces` reads PyThaiNLP's word list through a set instead of the trie PyThaiNLP builds in a second:
    every Thai run of the data, the examples, the fixtures and the seed manuals is segmented the same."""
    from pythainlp.tokenize import word_tokenize

    runs: set[str] = set()
    for folder in ("data", "examples", "tests/fixtures", "tests/seeds"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".yml", ".txt"):
                runs.update(re.findall(r"[\u0e01-\u0e5b][\u0e01-\u0e5b ]*", path.read_text(encoding="utf-8")))
    assert len(runs) > 1500
    for run in sorted(runs):
        assert [piece.text for piece in thai.pieces(run)] == word_tokenize(run, engine="newmm"), run
