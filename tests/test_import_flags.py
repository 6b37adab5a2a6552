"""What an import finds wrong is a guess where it is, not passed on: another script, a heading in a text field, a
title of two headings, a process with no work group, a person with no duties."""

from __future__ import annotations

from opmanual.importer.draft import Draft, Part
from opmanual.importer.flags import flag


def notes(part: Part) -> dict[tuple[str | int, ...], str]:
    return {tuple(guess.path): guess.note for guess in part.guesses}


def test_characters_of_another_script_are_named_where_they_are() -> None:
    draft = Draft(references=Part(data={"bibliography": [{"id": "a", "author": "นিকা ชูโต", "title": "ก\ue001ข"}]}))
    flag(draft)
    found = notes(draft.references)
    assert "ি (U+09BF BENGALI VOWEL SIGN I), ক (U+0995 BENGALI LETTER KA)" in found[("bibliography", 0, "author")]
    assert "U+E001" in found[("bibliography", 0, "title")]  # a private-use glyph no repair knew


def test_what_thai_manuals_are_written_with_is_not_flagged() -> None:
    text = "“การนิเทศ” – ขั้นที่ ๑–๓ • ABC é 10% ฿500 ✓ … «ก» (ก/ข) ° × ±"
    draft = Draft(office=Part(data={"group": {"name": text, "concept": [text]}}))
    flag(draft)
    assert draft.office.guesses == []


def test_a_heading_in_a_text_field_and_a_title_of_two_headings_are_flagged() -> None:
    office = {
        "manual": {"title": "คู่มือการปฏิบัติงาน คู่มือขั้นตอนการปฏิบัติงาน"},
        "group": {"workgroups": [{"id": "w", "name": "งาน", "text": ["คู่มือขั้นตอนการปฏิบัติงาน", "งานจริง"]}]},
    }
    draft = Draft(office=Part(data=office))
    flag(draft)
    found = notes(draft.office)
    assert "หัวเรื่องสองหัว" in found[("manual", "title")]
    assert "หัวข้อของต้นฉบับ" in found[("group", "workgroups", 0, "text", 0)]
    assert ("group", "workgroups", 0, "text", 1) not in found


def test_a_process_without_a_work_group_and_a_person_without_duties_are_flagged() -> None:
    draft = Draft(
        people={
            "a": Part(data={"name": "ก", "surname": "ข"}),
            "b": Part(data={"name": "ค", "duties": [{"title": "ง"}]}),
        },
        processes={"p": Part(data={"name": "งาน"}), "q": Part(data={"name": "งาน", "workgroup": "w"})},
    )
    flag(draft)
    assert "duties" in notes(draft.people["a"])[("name",)] and not draft.people["b"].guesses
    assert "workgroup" in notes(draft.processes["p"])[("name",)] and not draft.processes["q"].guesses
