"""How the books print a bibliography entry: APA, 7th edition, as Thai universities adapt it.

    ผู้แต่ง. (ปี). ชื่อเรื่อง. สถานที่พิมพ์ : สำนักพิมพ์. รายละเอียด ค้นเมื่อ …, จาก https://…
    ชื่อเรื่อง. (ปี). สถานที่พิมพ์ : สำนักพิมพ์. รายละเอียด                 (no author: the title comes first)

The title is set in italics (`<cite>`), each author is written out in full, also after an entry by the same one,
a year left out is left out (an editor writes ม.ป.ป. where the source gives none), and the words before the date of
access and the web address are the manual's labels. The pages print entries with `pieces` and the importer
compares what a book printed with `plain`, so both follow this one description.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..data.labels import Labels

TITLE = "title"  # a piece printed in italics
URL = "url"  # a piece that may break anywhere (a web address)
TEXT = ""

Piece = tuple[str, str]  # (kind, text)


def pieces(fields: Mapping[str, str | None], labels: Labels) -> list[Piece]:
    """The entry of a source with these fields, in the order and with the punctuation the books print."""
    author, year, title = fields.get("author"), fields.get("year"), fields.get("title") or ""
    dated = [(TEXT, f" ({year}).")] if year else []
    if author:
        out: list[Piece] = [(TEXT, f"{author}."), *dated, (TEXT, " "), (TITLE, title), (TEXT, ".")]
    else:
        out = [(TITLE, title), (TEXT, "."), *dated]
    place, publisher = fields.get("place"), fields.get("publisher")
    if place or publisher:
        out.append((TEXT, f" {place or ''}{' : ' if place and publisher else ''}{publisher or ''}."))
    if detail := fields.get("detail"):
        out.append((TEXT, f" {detail}"))
    if accessed := fields.get("accessed"):
        out.append((TEXT, f" {labels.accessed} {accessed}"))
    if url := fields.get("url"):
        out += [(TEXT, f", {labels.from_url} "), (URL, url)]
    return out


def plain(fields: Mapping[str, str | None], labels: Labels) -> str:
    """The entry as text."""
    return "".join(text for _, text in pieces(fields, labels))
