"""A manual's บรรณานุกรม read into the model's `Source`: one entry's author, year, title, place, publisher, detail,
date of access and web address, as Thai manuals write them (APA-like: `ผู้แต่ง. (ปี). ชื่อเรื่อง. สถานที่พิมพ์:
สำนักพิมพ์.`, and the older `ผู้แต่ง. ชื่อเรื่อง. สถานที่พิมพ์ : สำนักพิมพ์, ปี.`, `_____` for the author above, a
law's title first, ม.ป.ป. for no year, `สืบค้นเมื่อ … จาก https://…`).

The books print every source in one style (`opmanual.render.citation`, APA 7th edition). A
reading is written as far as the book prints it back with the source's own words in the source's own order (its
punctuation too: the source's lines must stay findable in the site); where it would not — the year written last, a
comma after the year, a law's title before its year, another word for ค้นเมื่อ — what follows the title stays as
written in `detail`, or failing that the entry from its title on (or all of it) in `title`, and the editor gets the
reading in a note to split it by hand, accepting the book's style. Nothing of an entry is ever left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ...data.labels import Labels
from ...data.model import Source
from ...render import citation
from ...thai import ARABIC_DIGITS, join_lines, normalize

FIELDS = ("author", "year", "title", "place", "publisher", "detail", "accessed", "url")
LABELS = Labels()

_YEAR = r"[0-9๐-๙]{4}(?:\s*[-–]\s*[0-9๐-๙]{2,4})?[a-zก-ฮ]?(?:\s*,\s*[^()]{1,30}?)?|ม\.\s?ป\.\s?ป\.?|n\.\s?d\.?"
PAREN_YEAR = re.compile(rf"\(\s*(?P<year>{_YEAR})\s*\)")
END_YEAR = re.compile(r"[\s.,]*\(?(?P<year>[0-9๐-๙]{4}|ม\.\s?ป\.\s?ป\.?)\)?[\s.]*$")
SAME_AUTHOR = re.compile(r"^(?:_{3,}|-{3,}|—{2,})\s*\.?\s*")  # the author of the entry above, not written again
URL = re.compile(r"(?:https?://|www\.)\S")
FROM = re.compile(
    r"[\s,]*(?:สืบค้นได้จาก|เข้าถึงได้จาก|สืบค้นจาก|ค้นจาก|จาก|Retrieved from|Available (?:at|from):?|from|URL:?)?\s*$",
    re.IGNORECASE,
)
ACCESSED = re.compile(
    r"[\s.,]*(?:สืบค้นเมื่อ|ค้นเมื่อ|สืบค้นวันที่|วันที่สืบค้น|Retrieved|Accessed(?: on)?)\s*(?P<date>.*?)[\s,]*$",
    re.IGNORECASE,
)
# A law or an official document: an entry that starts with one has no author, its title comes first.
TITLE_FIRST = re.compile(
    r"^(?:พระราชบัญญัติ|พระราชกฤษฎีกา|พระราชกำหนด|รัฐธรรมนูญ|กฎกระทรวง|ประกาศ|ระเบียบ|คำสั่ง|ข้อบังคับ|มติ|แผน|นโยบาย)"
)
# The usual last words of an entry: a copy, a gazette, a paper; a known end of an entry, whatever stands before it.
DETAIL = re.compile(
    r"[\s,.]*(?P<detail>(?:เอกสาร)?(?:อัด)?สำเนา|เอกสารประกอบ\S*|เอกสารวิชาการ|เอกสารไม่ตีพิมพ์|ราชกิจจานุเบกษา.*"
    r"|(?:วิทยานิพนธ์|สารนิพนธ์|การค้นคว้าอิสระ|รายงานการวิจัย|ปริญญานิพนธ์).*)\.?$"
)
PLACE_LONGEST = 40  # characters: a longer text before a colon is a title and its subtitle, not a place
# A line a PDF wrapped off the end of an entry: a web address or its lowercase rest, a gazette's volume, a page.
TAIL = re.compile(r"^(?:https?://|www\.|[a-z]|ราชกิจจานุเบกษา|เล่ม\s|หน้า\s|ค้นเมื่อ|สืบค้น|จาก\s|Retrieved)")
TAIL_LONGEST = 40  # characters of a short line that goes on with an entry which has not ended with a period
COPY = re.compile(r"(?:เอกสาร)?(?:อัด)?สำเนา\.?")


@dataclass(frozen=True)
class Reading:
    """What an entry says, field by field, and where in its text the title starts and the web part begins (so a
    title can keep the rest of the entry as it was written)."""

    fields: dict[str, str]
    sure: bool  # the year's parentheses or the `_____` mark told where the author ends, and every part was known
    title_at: int
    after_title: int  # where the sentences after the title start
    body_end: int
    year_first: bool  # the year stands in parentheses before the title


@dataclass(frozen=True)
class Entry:
    """One entry as it is written into references.yml: its fields, what to check, and what makes it the same entry
    as another (its text without spaces, the author of a `_____` mark filled in)."""

    fields: dict[str, str]
    note: str | None
    key: str
    name: str  # the title as read, for the entry's id
    author: str | None  # as read: whom a `_____` mark in the entry below stands for


# --- entries out of paragraphs -----------------------------------------------------------------------------------


def entries(lines: Sequence[str]) -> list[str]:
    """The entries of a บรรณานุกรม from its paragraphs as a reader gave them: a line a PDF wrapped (a web address, a
    gazette's volume, a short tail of an entry that has not ended with a period) joins the entry above it, and
    entries a reader ran into one paragraph are parted again."""
    joined: list[str] = []
    for line in lines:
        text = " ".join(line.split())
        if not re.search(r"\w", text):
            continue  # a bullet or a period alone on its line: no words of an entry
        if joined and _goes_on(joined[-1], text):
            joined[-1] = join_lines([joined[-1], text])
        else:
            joined.append(text)
    return [piece for entry in joined for piece in _parted(entry)]


def _goes_on(entry: str, text: str) -> bool:
    """Whether `text` is the rest of `entry` that a PDF wrapped: a web address, a gazette's volume, a short line
    after an entry without its closing period, or any line that does not open an entry after one that has not
    ended (no period, year, known last words or web address at its end)."""
    if TAIL.match(text):
        return True
    if entry.endswith("."):
        return False
    ended = re.search(r"[0-9๐-๙]{4}\)?$", entry) or DETAIL.search(entry) or URL.search(entry.rsplit(" ", 1)[-1])
    return len(text) <= TAIL_LONGEST or not (ended or _opens(text))


def _opens(text: str) -> bool:
    """Whether `text` starts an entry: a `_____` mark, an author and a year in parentheses, or an author's name."""
    year = PAREN_YEAR.search(text[:100])
    leading = year is not None and not _boundaries(text, 0, _trimmed_end(text, 0, year.start()))
    return bool(SAME_AUTHOR.match(text) or leading or _author_next(text))


def _parted(entry: str) -> list[str]:
    """`entry` cut where a new entry starts inside it: at a `_____` mark, after a year that ends an entry when an
    author's name follows, after "เอกสารอัดสำเนา" when an entry with its year follows."""
    for found in _starts(entry):
        head, rest = entry[:found].strip(), entry[found:].strip()
        if head and rest:
            return [*_parted(head), *_parted(rest)]
    return [entry]


def _starts(entry: str) -> Iterator[int]:
    """Where entries could start inside `entry` (see `_parted`)."""
    for mark in re.finditer(r"\s(?=(?:_{3,}|-{3,})\s*\.)", entry):
        yield mark.end()
    for year in re.finditer(r"([.,])\s*[0-9๐-๙]{4}\.\s+", entry):
        after = entry[year.end() :]
        if not re.search(r"[พค]\.\s?ศ$", entry[: year.start()]) and _author_next(after):
            yield year.end()
    for copy in COPY.finditer(entry):
        after = entry[copy.end() :]
        if after.strip() and PAREN_YEAR.search(after[:100]) and not TAIL.match(after.strip()):
            yield copy.end()


def _author_next(text: str) -> bool:
    """Whether `text` opens with an author's name: a short run of words ending with a period, then a title."""
    return bool(re.match(r"^[^\s.(][^.()]{1,40}?\.\s+\S", text)) and not TAIL.match(text)


# --- one entry ---------------------------------------------------------------------------------------------------


def read(text: str, previous: str | None = None) -> Reading:
    """What `text` says, field by field; `previous` is the author of the entry above (for a `_____` mark). An entry
    whose parts cannot be told apart is read as a title alone."""
    text = " ".join(text.split())
    fields: dict[str, str] = {}
    same = SAME_AUTHOR.match(text)
    start = same.end() if same else 0
    if same and previous:
        fields["author"] = previous
    body_end = _web(text, start, fields)
    known = bool(same and previous)
    year = PAREN_YEAR.search(text, start, body_end)
    head_end = _trimmed_end(text, start, year.start()) if year else start
    year_first = year is not None and not _boundaries(text, start, head_end)
    end, rest_at, after_title = body_end, start, body_end
    if year is not None and year_first:
        fields["year"] = year.group("year").strip()
        rest_at = _skip(text, year.end(), body_end, " .,:")
        head = text[start:head_end]
        if head and (same or _titled(head)):
            fields["title"], after_title = head, year.start()
        elif head:
            fields["author"], known = head, True
    elif (last := END_YEAR.search(text, start, end)) and last.start() > start and not _era(text[: last.start("year")]):
        fields["year"], end = last.group("year"), last.start()
    pieces = _pieces(text, rest_at, end)
    if not (year_first or same) and len(pieces) > 1 and not _titled(text[slice(*pieces[0])]):
        fields["author"] = _strip(text[slice(*pieces[0])])
        pieces = pieces[1:]
    title_at = start
    if "title" not in fields and pieces:
        title_at, title_end = pieces[0]
        fields["title"] = _strip(text[title_at:title_end])
        pieces = pieces[1:]
        after_title = pieces[0][0] if pieces else _skip(text, title_end, len(text), " .,")
    for piece in pieces:
        found_here, sure_here = _rest(text[slice(*piece)])
        known = known and sure_here
        for name, value in found_here.items():
            fields[name] = f"{fields[name]} {value}" if name in fields else value
    if "title" not in fields:  # nothing but a year or a web address: all of it is the title
        return Reading({"title": _strip(text) or text}, False, 0, len(text), len(text), False)
    ordered = {name: fields[name] for name in FIELDS if fields.get(name)}
    return Reading(ordered, known, title_at, after_title, body_end, year_first)


def _titled(text: str) -> bool:
    """Whether a first sentence is a title (a law, a plan, a year of the Thai era in it), not an author."""
    return bool(TITLE_FIRST.match(text) or re.search(r"[พค]\.\s?ศ\.", text))


def _era(text: str) -> bool:
    """Whether `text` ends with พ.ศ. or ค.ศ.: the year after it belongs to a title."""
    return bool(re.search(r"[พค]\.\s?ศ\.?\s*$", text))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of `text[start:end]`, a known last detail ("…, เอกสารอัดสำเนา") cut off the last one."""
    pieces = _segments(text, start, end)
    if pieces:
        first, last = pieces[-1]
        tail = DETAIL.search(text, first, last)
        if tail and tail.start() > first:
            pieces[-1:] = [(first, tail.start()), (tail.start("detail"), last)]
    return pieces


def _web(text: str, start: int, fields: dict[str, str]) -> int:
    """The web address and the date of access at the end of `text`, into `fields`; where they begin."""
    end = len(text)
    address = URL.search(text, start)
    if address:
        fields["url"] = text[address.start() :].strip()
        label = FROM.search(text, start, address.start())
        end = label.start() if label else address.start()
    accessed = ACCESSED.search(text, start, end)
    if accessed and accessed.group("date"):
        fields["accessed"] = accessed.group("date")
        end = accessed.start()
    return end


def _trimmed_end(text: str, start: int, end: int) -> int:
    """`end` moved back over the spaces and punctuation that close `text[start:end]`."""
    while end > start and text[end - 1] in " .,":
        end -= 1
    return end


def _skip(text: str, start: int, end: int, chars: str) -> int:
    """`start` moved on over `chars`, not past `end`."""
    while start < end and text[start] in chars:
        start += 1
    return start


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Where the sentences of `text[start:end]` end: after a period followed by a space that ends no abbreviation
    (พ.ศ., ดร., J.), or a period between two long Thai words written without a space."""
    found = []
    for index in range(start, end):
        if text[index] != ".":
            continue
        token = text[start:index].rsplit(" ", 1)[-1].rsplit("(", 1)[-1]
        piece = token.rsplit(".", 1)[-1].strip("()[]\"'“”‘’")
        after = text[index + 1 : end]
        if after[:1] == " " and not (1 <= len(piece) <= 2 and not piece.isdigit()):
            found.append(index + 1)
        elif after[:1] and re.match(r"[ก-ฮเแโใไ]", after) and "." not in token and len(token) >= 4:
            word = after.split(" ", 1)[0]
            if "." not in word and len(word) >= 4:
                found.append(index + 1)
    return found


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of `text[start:end]` as (start, end), each with its period, spaces around left out."""
    cuts = [start, *_boundaries(text, start, end), end]
    spans = []
    for a, b in itertools.pairwise(cuts):
        a = _skip(text, a, b, " ")
        if text[a:b].strip(" .,"):
            spans.append((a, len(text[:b].rstrip(" "))))
    return spans


def _strip(text: str) -> str:
    """A title or an author without the period that ends it: the books print that period themselves."""
    return text.strip().removesuffix(".").strip()


def _rest(text: str) -> tuple[dict[str, str], bool]:
    """A sentence after the title: `สถานที่พิมพ์ : สำนักพิมพ์`, a known detail, or else a detail (not known)."""
    text = text.strip()
    colon = re.search(r"\s*:(?!//)\s*", text)
    if colon:
        lead, bracket, place = text[: colon.start()].rpartition(")")
        place, publisher = place.strip(), text[colon.end() :].strip().removesuffix(".").strip()
        if place and len(place) <= PLACE_LONGEST and not re.search(r"[0-9๐-๙]", place):
            found = {"place": place, "publisher": publisher}
            if bracket:
                found["detail"] = f"{lead}{bracket}".strip()
            return {name: value for name, value in found.items() if value}, True
    return {"detail": text}, bool(DETAIL.match(text))


# --- written back ------------------------------------------------------------------------------------------------


def printed(fields: Mapping[str, str]) -> str:
    """The line the books print for a source of these fields (`opmanual.render.citation`)."""
    return citation.plain(fields, LABELS)


def _comparable(text: str) -> str:
    """`text` as the seed check compares lines (no spaces, Arabic digits), a `_____` mark of any length the same."""
    text = re.sub(r"_{3,}|-{3,}|—{2,}", "___", text)
    return "".join(normalize(text).translate(ARABIC_DIGITS).split())


def prints_back(fields: Mapping[str, str], text: str, previous_author: str | None = None) -> bool:
    """Whether the book prints these fields as `text` is written (a closing period it adds aside); a `_____` mark
    for the author above reads as that author, whom the books write out."""
    if previous_author and (same := SAME_AUTHOR.match(text)):
        text = f"{previous_author}. {text[same.end() :]}"
    shown, wanted = _comparable(printed(fields)), _comparable(text)
    return shown in (wanted, wanted + ".")


def _choices(reading: Reading, text: str) -> Iterator[dict[str, str]]:
    """The fields to write, from the whole reading to the whole entry as its title: each next one keeps more of
    the entry as written (what follows the title in `detail`, then all from the title on in `title`, then all of
    it), the web address and date of access apart where they print back, else as written."""
    fields = reading.fields
    web: dict[str, str] = {name: fields[name] for name in ("accessed", "url") if name in fields}
    kept: dict[str, str] = {name: fields[name] for name in ("author", "year") if name in fields}
    if "author" not in kept or not reading.year_first:
        kept.pop("year", None)
    ends = [(reading.body_end, web), (len(text), {})] if web else [(len(text), {})]
    yield fields
    for end, apart in ends:
        if after := text[reading.after_title : end].strip():
            yield {**kept, "title": fields["title"], "detail": after, **apart}
    for end, apart in ends:
        if "author" in fields and reading.title_at:
            yield {**kept, "title": _strip(text[reading.title_at : end]), **apart}
    for end, apart in ends:
        yield {"title": _strip(text[:end]) or text, **apart}


def _named(fields: Mapping[str, str]) -> str:
    """Fields for a note: their Thai titles (from the model), keys and values."""
    return "; ".join(f"{Source.model_fields[name].title} ({name}): {value}" for name, value in fields.items())


def _note(reading: Reading, written: Mapping[str, str]) -> str | None:
    """What the editor should check, in Thai; None when the entry was read surely and written whole."""
    if set(reading.fields) == {"title"}:
        return "แยกส่วนของรายการไม่ได้ เก็บทั้งรายการไว้ในชื่อเรื่อง (title) ตรวจ และแยกผู้แต่ง ปี สถานที่พิมพ์ถ้ามี"
    if written == reading.fields:
        return None if reading.sure else "แยกช่องตามเครื่องหมายวรรคตอนของต้นฉบับ ตรวจว่าผู้แต่ง ปี ชื่อเรื่อง และรายละเอียดถูกช่อง"
    kept = [name for name, value in written.items() if reading.fields.get(name) != value]
    note = (
        "ระบบพิมพ์บรรณานุกรมแบบเดียว (ผู้แต่ง. (ปี). ชื่อเรื่อง. สถานที่พิมพ์ : สำนักพิมพ์.) ซึ่งเรียงต่างจากต้นฉบับ "
        f"จึงเก็บข้อความตามต้นฉบับไว้ใน {', '.join(kept)}; ถ้าให้พิมพ์ตามแบบของระบบ แยกได้เป็น {_named(reading.fields)}"
    )
    if {"accessed", "url"} & (reading.fields.keys() - written.keys()):
        note += f" (คำว่า {LABELS.accessed} และ {LABELS.from_url} ที่ระบบพิมพ์ เปลี่ยนได้ที่ labels ใน office.yml)"
    return note


def parse(text: str, previous: str | None = None, previous_written: str | None = None) -> Entry:
    """One entry as it is written into references.yml: the reading of `text` as far as the book prints it back as
    the source wrote it. `previous` is the author read from the entry above (for a `_____` mark), and
    `previous_written` the author written for it (the book prints `_____` only after the same author)."""
    text = " ".join(text.split())
    reading = read(text, previous)
    written = next(
        (fields for fields in _choices(reading, text) if prints_back(fields, text, previous_written)),
        {"title": text},
    )
    same = SAME_AUTHOR.match(text)
    key = _comparable(f"{previous or ''}.{text[same.end() :]}" if same else text)
    author = reading.fields.get("author")
    return Entry(written, _note(reading, written), key, reading.fields["title"], author)


def sources(texts: Sequence[str]) -> list[Entry]:
    """The entries of one bibliography, in order (each `_____` mark is the author of the entry above it)."""
    found: list[Entry] = []
    for text in texts:
        above = found[-1] if found else None
        found.append(parse(text, above.author if above else None, above.fields.get("author") if above else None))
    return found


__all__ = ["Entry", "Reading", "entries", "parse", "printed", "prints_back", "read", "sources"]
