"""Thai text normalisation and numbering."""

from __future__ import annotations

import unicodedata

import pytest

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
