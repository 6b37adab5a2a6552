"""The importer's ids: people in the Royal Institute romanisation, syllable by syllable; processes and work groups in
a few English words for what they name; all within the data folder's id form and bounded."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from conftest import ROOT
from opmanual.data.dataset import load
from opmanual.data.model import ID_PATTERN
from opmanual.importer import command, naming
from opmanual.importer.draft import Draft, Part
from opmanual.importer.ids import (
    PROCESS_ID_MAX,
    WORKGROUP_ID_MAX,
    person_id,
    process_id,
    romanize_word,
    workgroup_id,
)


@pytest.mark.parametrize(
    ("name", "surname", "expected"),
    [
        ("อนวัช", "ไข่ขาว", "anawat-khaikhao"),  # whole-word royin gave khakhaiา; the syllable list reads อน as on
        ("รัญญา", "จำปามูล", "ranya-champamun"),
        ("ชนิดา", "ใจดี", "chanida-chaidi"),  # a consonant alone is read with the vowel a
        ("อรุณี", "สอนดี", "aruni-sondi"),  # อ carries the first vowel
        ("ขันธ์ธนา", "สุทธิกรณ์", "khanthana-sutthikon"),
    ],
)
def test_a_person_is_named_in_the_royal_institute_system_syllable_by_syllable(
    name: str, surname: str, expected: str
) -> None:
    assert person_id(name, surname, set()) == expected
    assert person_id(name, surname, set()) == expected  # the same source gives the same id again


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # a final consonant is read as the final it sounds like; silent letters and tone marks are not written
        ("อำนาจ", "amnat"),
        ("นงลักษณ์", "nonglak"),
        ("จันทร์", "chan"),
        ("สมศักดิ์", "somsak"),
        ("พรทิพย์", "phonthip"),
        ("ประเสริฐ", "prasoet"),
        # the vowel a or o that Thai does not write
        ("ชนก", "chanok"),
        ("กมล", "kamon"),
        ("กรม", "krom"),
        ("อัญชลี", "anchali"),
        ("ขนิษฐา", "khanittha"),
        ("เจริญ", "charoen"),
        ("เฉลิม", "chaloem"),
        ("อรวรรณ", "onwan"),
        # vowels around and after the initial, clusters and leading letters
        ("เดือน", "duean"),
        ("เปลี่ยน", "plian"),
        ("แก้ว", "kaeo"),
        ("เลย", "loei"),
        ("ไทย", "thai"),
        ("สวน", "suan"),
        ("ความ", "khwam"),
        ("หญิง", "ying"),
        ("อยู่", "yu"),
        ("ศรี", "si"),
        ("ทรัพย์", "sap"),
        ("กนกวรรณ", "kanokwan"),
        # a Pali word's last i or u after an open syllable is not read
        ("ชาติ", "chat"),
        ("วุฒิ", "wut"),
        ("ประวัติ", "prawat"),
        ("สมาธิ", "samathi"),
        ("สุทธิ", "sutthi"),
    ],
)
def test_a_word_is_read_by_the_royal_institute_rules(word: str, expected: str) -> None:
    assert romanize_word(word) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("งานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา", "qa-system-promotion"),
        ("งานวิจัยและพัฒนารูปแบบ เทคนิค วิธีการประกันคุณภาพการศึกษา", "qa-research"),
        ("การปฏิบัติงานร่วมกับหรือสนับสนุนการปฏิบัติงานของหน่วยงานอื่น", "interagency-support"),
        ("งานส่งเสริมและพัฒนาสื่อ นวัตกรรมและเทคโนโลยีทางการศึกษา", "media-innovation-promotion"),
        ("งานคลินิกการอ่านภาษาไทย", "thai-reading"),
        ("การเบิกจ่ายเงิน", "boek-chai-ngoen"),  # no word of the glossary: romanised, without its การ
    ],
)
def test_a_process_is_named_by_what_it_does_in_a_few_english_words(name: str, expected: str) -> None:
    assert process_id(name, set()) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("กลุ่มงานส่งเสริมและพัฒนาสื่อ นวัตกรรมและเทคโนโลยีทางการศึกษา", "media-innovation"),
        ("กลุ่มงานวัดและประเมินผลการศึกษา", "assessment"),
        ("กลุ่มงานเลขานุการคณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา", "committee-secretariat"),
        ("งานธุรการ", "administration"),
    ],
)
def test_a_work_group_is_named_by_what_it_looks_after(name: str, expected: str) -> None:
    assert workgroup_id(name, set()) == expected


def test_ids_stay_short_valid_and_unique_whatever_the_name() -> None:
    taken: set[str] = set()
    names = [
        "ส่งเสริม" * 500,  # one word again and again
        "ก" * 10_000,  # no word at all
        "งาน " + "ระบบ หลักสูตร สื่อ นวัตกรรม เทคโนโลยี " * 50,
        "Supervision <script>alert(1)</script> ☃",
        "",
    ]
    for name in names:
        for make, limit in ((process_id, PROCESS_ID_MAX), (workgroup_id, WORKGROUP_ID_MAX)):
            ident = make(name, taken)
            assert re.fullmatch(ID_PATTERN, ident) and len(ident) <= limit + 3, (name[:20], ident)
    assert process_id("งานธุรการ", taken) != process_id("งานธุรการ", taken)  # the second is -2


# --- import --ids FILE -------------------------------------------------------------------------------------------

SEED = ROOT / "tests/seeds/002_d139ae372454718b.txt"


def imported(tmp_path: Path, ids: str | bytes) -> tuple[int, str, str, Path]:
    """Import seed 002 with an ids file holding `ids`; (exit code, report, errors, the folder)."""
    chosen = tmp_path / "ids.yml"
    chosen.write_bytes(ids if isinstance(ids, bytes) else ids.encode("utf-8"))
    target = tmp_path / "data"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = command.run([SEED], target, out=out, ids=chosen)
    return code, out.getvalue(), err.getvalue(), target


@pytest.mark.slow
def test_the_ids_an_office_chose_are_given_and_every_reference_follows(tmp_path: Path) -> None:
    code, report, _, target = imported(
        tmp_path,
        "# ours\nอนวัช  ไข่ขาว: anawat\nขันธ์ธนา สุทธิกรณ์: khanthana-sutthikorn\n"
        "งานวิจัยและพัฒนารูปแบบ เทคนิค วิธีการประกันคุณภาพการศึกษา: qa-research-2\n",
    )
    assert code == 0, report
    manual = load(target)
    assert set(manual.people) == {"anawat", "khanthana-sutthikorn"}
    assert "qa-research-2" in manual.processes and "qa-research" not in manual.processes
    assert "qa-research-2" in manual.people["anawat"].processes  # the person's list follows
    assert "รหัสตามไฟล์ --ids: people anawat-khaikhao → anawat" in report


@pytest.mark.parametrize(
    ("ids", "said"),
    [
        ("อนวัช ไข่ขาว: Anawat\n", "ids.yml:1: `Anawat` is not an id"),
        ("อนวัช ไข่ขาว: อนวัช\n", "is not an id"),
        ("อนวัช ไข่ขาว: [a, b]\n", "is not an id"),
        ("อนวัช ไข่ขาว: a\nอนวัชไข่ขาว: b\n", "ids.yml:2: อนวัชไข่ขาว is named already on line 1"),
        ("a: &x anawat\nb: *x\n", "anchors and aliases"),
        ("- a list\n", "write one `name: id` a line"),
        (b"\xff\xfe not utf-8", "not UTF-8"),
        ("# " + "ก" * 400_000 + "\n", "may be at most 1.0 MB"),
    ],
)
def test_an_ids_file_that_cannot_be_read_is_refused_at_its_line(tmp_path: Path, ids: str | bytes, said: str) -> None:
    chosen = tmp_path / "ids.yml"
    chosen.write_bytes(ids if isinstance(ids, bytes) else ids.encode("utf-8"))
    with pytest.raises(naming.NamingError, match=re.escape(said)):
        naming.read(chosen)


@pytest.mark.parametrize(
    ("ids", "said"),
    [
        ("สมชาย ใจดี: somchai\n", "ids.yml:1: สมชาย ใจดี is no person, process or work group of the import"),
        ("อนวัช ไข่ขาว: same\nขันธ์ธนา สุทธิกรณ์: same\n", "two people would have the id same"),
        ("อนวัช ไข่ขาว: other\n", "two people would have the id other"),  # the other person's id already
    ],
)
def test_ids_that_do_not_fit_the_import_are_refused(tmp_path: Path, ids: str, said: str) -> None:
    chosen = tmp_path / "ids.yml"
    chosen.write_text(ids, encoding="utf-8")
    draft = Draft(
        people={
            "anawat-khaikhao": Part(data={"name": "อนวัช", "surname": "ไข่ขาว"}),
            "other": Part(data={"name": "ขันธ์ธนา", "surname": "สุทธิกรณ์"}),
        }
    )
    with pytest.raises(naming.NamingError, match=re.escape(said)):
        naming.apply(draft, naming.read(chosen), chosen)


@pytest.mark.slow
def test_an_ids_file_that_cannot_be_used_stops_the_import_before_anything_is_written(tmp_path: Path) -> None:
    code, _, errors, target = imported(tmp_path, "สมชาย ใจดี: somchai\n")
    assert code == 1 and errors.rstrip().endswith("nothing was written") and not target.exists(), errors


def test_any_thai_text_is_read_to_lowercase_letters_without_failing() -> None:
    """Marks out of place, a lone leading vowel, digits and Latin: every string gives a-z letters only, quickly."""
    import random

    from opmanual.importer.royin import romanize_pieces

    letters = [chr(code) for code in range(0x0E01, 0x0E5C)]
    chance = random.Random(7)  # noqa: S311 - a repeatable sample, not a secret
    for _ in range(5000):
        piece = "".join(chance.choice(letters) for _ in range(chance.randint(1, 12)))
        assert re.fullmatch("[a-z]*", romanize_pieces([piece])), piece
    assert romanize_pieces(["เ", "่", "์", "ๆ"]) == ""
