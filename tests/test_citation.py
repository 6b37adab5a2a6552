"""Bibliography entries follow one style, APA 7th edition as Thai universities adapt it, in every shape the model
allows: the author first, or the title first when there is none; the year after them; then place and publisher,
detail, date of access and web address, each once, in that order."""

from __future__ import annotations

import itertools

import pytest

from opmanual.data.labels import Labels
from opmanual.render import citation

VALUES = {
    "author": "กระทรวงศึกษาธิการ",
    "year": "๒๕๕๑",
    "title": "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน",
    "place": "กรุงเทพฯ",
    "publisher": "โรงพิมพ์ชุมนุมสหกรณ์การเกษตรแห่งประเทศไทย",
    "detail": "เอกสารอัดสำเนา",
    "accessed": "๑๓ พฤษภาคม ๒๕๖๔",
    "url": "https://www.moe.go.th/curriculum",
}
OPTIONAL = [name for name in VALUES if name != "title"]
SHAPES = [
    {name: VALUES[name] for name in ("title", *chosen)}
    for count in range(len(OPTIONAL) + 1)
    for chosen in itertools.combinations(OPTIONAL, count)
]
LABELS = Labels()


@pytest.mark.parametrize("fields", SHAPES, ids=lambda fields: "+".join(sorted(fields)))
def test_every_shape_prints_in_the_stated_order(fields: dict[str, str]) -> None:
    text = citation.plain(fields, LABELS)
    first = "author" if "author" in fields else "title"
    assert text.startswith(fields[first] + ".")
    order = ["author", "year", "title"] if "author" in fields else ["title", "year"]
    order += ["place", "publisher", "detail", "accessed", "url"]
    positions = [text.index(fields[name]) for name in order if name in fields]
    assert positions == sorted(positions)
    for name, value in fields.items():
        assert text.count(value) == 1, name
    if "year" in fields:
        assert f"({fields['year']})." in text
    else:
        assert "(" not in text
    if "place" in fields and "publisher" in fields:
        assert f"{fields['place']} : {fields['publisher']}." in text
    if "accessed" in fields:
        assert f"{LABELS.accessed} {fields['accessed']}" in text
    if "url" in fields:
        assert text.endswith(f"{LABELS.from_url} {fields['url']}")


def test_the_title_and_the_web_address_are_marked_for_italics_and_breaking() -> None:
    pieces = citation.pieces(VALUES, LABELS)
    assert (citation.TITLE, VALUES["title"]) in pieces
    assert (citation.URL, VALUES["url"]) in pieces
    assert "".join(text for _, text in pieces) == citation.plain(VALUES, LABELS)


def test_a_law_without_an_author_starts_with_its_title_not_its_date() -> None:
    law = {"title": "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒", "year": "๒๕๔๒, ๑๕ สิงหาคม", "detail": "ราชกิจจานุเบกษา"}
    assert citation.plain(law, LABELS) == ("พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒. (๒๕๔๒, ๑๕ สิงหาคม). ราชกิจจานุเบกษา")
