"""Thai text utilities: clean pasted text, Thai digits, months and Buddhist-era years."""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pythainlp.util import Trie

NIKHAHIT = "\u0e4d"
MAI_YAMOK = "\u0e46"  # ๆ, the repetition mark
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # the four tone marks and THANTHAKHAT
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"
# Marks that sit on a consonant; a space before one of them is always an extraction artefact.
COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_MARK = re.compile(rf" +(?=[{COMBINING}])")
# NIKHAHIT + (tone mark) + SARA AA is how PDFs spell SARA AM; the tone mark belongs before it.
_DECOMPOSED_AM = re.compile(rf"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}")
_TONE_BEFORE_VOWEL = re.compile(rf"([{TONE_MARKS}])([{UPPER_VOWELS}])")
_THAI_CHAR = re.compile(r"[\u0e01-\u0e5b]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4f]")  # Thai without its digits and marks of punctuation

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTH_ABBREVIATIONS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def normalize(text: str) -> str:
    """Return `text` as clean Thai: NFC, SARA AM, tone marks after upper vowels, no zero-width or stray spaces.

    Line breaks are kept (each line cleaned, empty lines dropped): a line break is a paragraph break where the
    model allows paragraphs, and an error where it does not, never silently joined.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _DECOMPOSED_AM.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    lines = [_SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", line).strip()) for line in text.splitlines()]
    return "\n".join(filter(None, lines))


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph that a PDF or a page wrapped, joined again: with nothing between two Thai letters (a
    Thai word may be split over lines), with one space otherwise (a number is a word of its own: ตอนที่ ๕)."""
    joined = ""
    for line in filter(None, (line.strip() for line in lines)):
        if joined and not (_THAI_LETTER.match(joined[-1]) and _THAI_LETTER.match(line[0])):
            joined += " "
        joined += line
    return _SPACE_BEFORE_MARK.sub("", joined)


# Characters that draw nothing: controls and format characters (C*), spaces and separators (Z*), and the rest of
# Unicode's default-ignorable characters (variation selectors, fillers, inherent vowels). A text made only of these
# is empty to a reader.
_BLANK = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def visible(text: str) -> bool:
    """True when `text` has at least one character that a reader can see."""
    return any(unicodedata.category(char)[0] not in "CZ" and not _BLANK.match(char) for char in text)


def digits(text: str, style: str) -> str:
    """Write the digits of `text` as Thai (๐–๙) or Arabic (0–9) code points."""
    return text.translate(THAI_DIGITS if style == "thai" else ARABIC_DIGITS)


def number_label(path: tuple[int, ...], style: str) -> str:
    """The label of a list item as Thai manuals print it: `(2,)` → `๒.`, `(2, 1)` → `๒.๑`."""
    label = ".".join(str(n) for n in path)
    return digits(label + "." if len(path) == 1 else label, style)


def month_year(value: str, style: str) -> str:
    """`2566-04` → `เมษายน ๒๕๖๖`."""
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {digits(str(int(year)), style)}"


BANGKOK = timezone(timedelta(hours=7), "ICT")


def date(timestamp: int, style: str) -> str:
    """A Unix time as a Thai date in Bangkok time: `๒๒ พฤศจิกายน ๒๕๖๙`."""
    moment = datetime.fromtimestamp(timestamp, UTC).astimezone(BANGKOK)
    return digits(f"{moment.day} {MONTHS[moment.month - 1]} {moment.year + 543}", style)


def day_month_year(value: str, style: str) -> str:
    """A พ.ศ. date of the data, `2568-05-15`, as a Thai date: `๑๕ พฤษภาคม ๒๕๖๘`."""
    year, month, day = (int(part) for part in value.translate(ARABIC_DIGITS).split("-"))
    return digits(f"{day} {MONTHS[month - 1]} {year}", style)


def bangkok_day(timestamp: int) -> str:
    """The พ.ศ. day, in Bangkok, of a Unix time, as the data writes dates: `2568-05-15`."""
    moment = datetime.fromtimestamp(timestamp, UTC).astimezone(BANGKOK)
    return f"{moment.year + 543:04d}-{moment.month:02d}-{moment.day:02d}"


@dataclass(frozen=True)
class Today:
    """The day a run takes as today, as the data writes dates, and whether it is a reproducible build's own date."""

    day: str
    reproducible: bool


def today() -> Today:
    """Today in Bangkok; in a reproducible build, the day of SOURCE_DATE_EPOCH (the build sets it to the last
    commit's time), so that the same commit checks and builds the same whenever it is built. A value that is no
    time Python can read (not digits, or past the year 9999) is left to the build's settings to refuse."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        try:
            return Today(bangkok_day(int(epoch)), True)
        except (OverflowError, OSError, ValueError):
            pass  # beyond what datetime holds: not a date to compare with
    return Today(bangkok_day(int(time.time())), False)


# --- Repairs of text extracted from Word files and PDFs (the importer's readers call `repair`) -------------------

# Legacy Thai PDF fonts (Microsoft's and Apple's "Thai PUA" layout) draw shifted marks and tail-less consonants from
# the Private Use Area; text copied from such a PDF holds those code points instead of the real characters.
PUA_THAI = {
    0xF700: "\u0e10",  # THO THAN without its tail
    0xF701: "\u0e34",  # SARA I, SARA II, SARA UE, SARA UEE shifted left
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",  # the tone marks and THANTHAKHAT, shifted down and left
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",  # … shifted down
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",  # YO YING without its tail
    0xF710: "\u0e31",  # MAI HAN-AKAT, NIKHAHIT, MAITAIKHU shifted left
    0xF711: "\u0e4d",
    0xF712: "\u0e47",
    0xF713: "\u0e48",  # … shifted left
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",  # SARA U, SARA UU, PHINTHU lowered
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}
CONSONANTS = "\u0e01-\u0e2e"
BELOW_VOWELS = "\u0e38\u0e39\u0e3a"
# A NIKHAHIT that an extractor turned into a space: "ล าดับ", "ล้ า" (SARA AA never starts a word).
_LOST_NIKHAHIT = re.compile(rf"([{CONSONANTS}][{TONE_MARKS}]?) (?={SARA_AA})")
_SPACE_AFTER_MARK = re.compile(rf"(?<=[{CONSONANTS}][{COMBINING}]) +(?=[{CONSONANTS}{COMBINING}])")
# Two upper vowels on one consonant cannot be: the first belonged to the consonant before ("ปฏิบติั" → "ปฏิบัติ").
_SHIFTED_VOWEL = re.compile(rf"([{CONSONANTS}])([{CONSONANTS}])([\u0e34-\u0e37])\u0e31")
_MARKS_ORDER = re.compile(rf"([{TONE_MARKS}])([{BELOW_VOWELS}])")
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
# Characters on each side of a space that the repairs look at: more than any Thai word. Looking at the whole line
# instead made a long line (a PDF's paragraph without breaks) cost its length squared.
CONTEXT = 64
_THAI_SPACE = re.compile(r"(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")


def map_pua(text: str) -> str:
    """Private Use Area glyphs of legacy Thai PDF fonts (U+F700–U+F71A) as the Thai characters they draw."""
    return text.translate(PUA_THAI)


def repair_marks(text: str) -> str:
    """Marks in Unicode's order: a tone mark after a lower vowel (กุ่ not กุ่) and after an upper one (normalize),
    SARA AM whole (NIKHAHIT + SARA AA, or a NIKHAHIT lost to a space: "ล าดับ" → "ลำดับ")."""
    text = _MARKS_ORDER.sub(r"\2\1", text)
    text = _SHIFTED_VOWEL.sub("\\1\u0e31\\2\\3", text)
    text = text.replace(SARA_AA + NIKHAHIT, SARA_AM).replace(SARA_AM + SARA_AA, SARA_AM)
    text = _LOST_NIKHAHIT.sub(_lost_nikhahit, text)
    text = _DECOMPOSED_AM.sub(lambda m: m.group(1) + SARA_AM, text)
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


def _lost_nikhahit(match: re.Match[str]) -> str:
    """A space before SARA AA: a NIKHAHIT the extractor lost ("ล าดับ" → ลำดับ), unless the word list says the
    space only split the word ("ข่ าย" → ข่าย, in letter-spaced text)."""
    text, end = match.string, match.end()
    before = _THAI_RUN.findall(text[max(0, match.start() - CONTEXT) : match.start()] + match.group(1))[-1]
    after = _THAI_RUN.match(text, end + 1 if text[end : end + 1] == " " else end)
    rest = after.group() if after else SARA_AA
    if _unknown(before + rest) < _unknown(repair_marks(before + NIKHAHIT + rest)):
        return match.group(1)
    return match.group(1) + NIKHAHIT


# A letter-spaced line (justified Thai, or a PDF that places each glyph): four or more runs of one to three Thai
# letters and marks in a row ("ก า ร ศึ ก ษ า"). Thai puts no space inside a phrase, so they are one run.
_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # Thai letters and marks, no digits, ๆ or ฯ
_SPACED_LETTERS = re.compile(rf"(?<!\S)[{_LETTERS}]{{1,3}}(?: [{_LETTERS}]{{1,3}}){{3,}}(?!\S)")


def join_letter_spaced(line: str) -> str:
    """Letter-spaced Thai joined back: "ร่ ว ม กั บ" → "ร่วมกับ" (digits, ๆ and ฯ are never part of it)."""
    return _SPACED_LETTERS.sub(lambda m: m.group().replace(" ", ""), line)


def repair_line(line: str) -> str:
    """One line as `normalize` cleans it (NFC, no zero-width characters, single spaces, no space before a mark), with
    the PDF repairs first: PUA glyphs, letter-spaced runs, mark order, SARA AM, and a space an extractor put after a
    mark inside a word (พื้ นที่)."""
    line = repair_marks(join_letter_spaced(map_pua(unicodedata.normalize("NFC", line))))
    line = _SPACE_AFTER_MARK.sub(lambda m: _keep_or_drop(m), line)
    return normalize(line).replace("\n", " ")


def _keep_or_drop(match: re.Match[str]) -> str:
    # A space after a mark stays where the two sides are separate words (คือ การ); it goes inside one (พื้ นที่).
    text = match.string
    return "" if _joins(*_around(text, match.start(), match.end())) else match.group()


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text just before `start` and just after `end`, `CONTEXT` characters of each."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def repair(text: str) -> str:
    """Text from a PDF or a Word file as clean Thai: every line repaired (`repair_line`), then spaces that split a
    Thai word taken out (`join_split_words`). Line breaks are kept."""
    return "\n".join(join_split_words(repair_line(line)) for line in text.split("\n"))


@cache
def words() -> frozenset[str]:
    """PyThaiNLP's Thai word list, loaded on first use (it takes a tenth of a second)."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@cache
def _dictionary() -> Trie:
    """`words()` as the dictionary PyThaiNLP's newmm segmenter reads: its default word list, looked up in the
    frozenset already loaded. PyThaiNLP's own trie of the same list takes a second to build, in every process that
    renders a chart; this one takes nothing, and segments the same (tests/test_thai.py compares them)."""
    from pythainlp.util import Trie

    class WordSet(Trie):
        """A read-only Trie over a set: all newmm asks of its dictionary is `prefixes` and whether it is empty."""

        def __init__(self, entries: frozenset[str]) -> None:
            super().__init__(())
            self.entries = frozenset(word.strip() for word in entries) - {""}
            self.longest = max(map(len, self.entries))

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            end = min(len(text), start + self.longest)
            return [text[start:stop] for stop in range(start + 1, end + 1) if text[start:stop] in self.entries]

        def __contains__(self, word: object) -> bool:
            return word in self.entries

        def __iter__(self) -> Iterator[str]:
            return iter(self.entries)

        def __len__(self) -> int:
            return len(self.entries)

        def add(self, word: str) -> None:
            raise TypeError("the Thai dictionary is read-only")

        def remove(self, word: str) -> None:
            raise TypeError("the Thai dictionary is read-only")

    return WordSet(words())


@lru_cache(maxsize=65536)
def segments(text: str) -> tuple[str, ...]:
    """`text` cut into PyThaiNLP's words (newmm), spaces kept as pieces of their own: the one reading of where Thai
    words start and end that the importer's repairs, the charts and the line breaking of every page share."""
    from pythainlp.tokenize import word_tokenize

    return tuple(
        token for token in word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True) if token
    )


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(token for token in segments(text) if not token.isspace())


@dataclass(frozen=True)
class Piece:
    """A piece of text as a chart sets it (`pieces`)."""

    text: str
    thai: bool  # a Thai word: kept whole on one line
    after_thai: bool  # a Thai word right after another: the line may break between them


def pieces(text: str) -> list[Piece]:
    """`text` as words and what is between them, for a chart that breaks Thai only between its dictionary words
    (PyThaiNLP's newmm): each Thai word is kept whole and a line may break between two of them; spaces, digits and
    Latin break as anywhere else. Joined, the pieces are `text`.

    Browsers (ICU) and Pango each break Thai by a dictionary of their own, finer than PyThaiNLP's ("ส่ง|เสริม",
    "เรียน|รู้"), so a chart marks its own break points: no word is cut, and the site and the PDF agree."""
    result: list[Piece] = []
    for token in segments(text):
        thai = bool(_THAI_CHAR.search(token))
        after_thai = thai and bool(result) and result[-1].thai
        result.append(Piece(token, thai, after_thai))
    return result


_LETTER_LABEL = re.compile(f"[{CONSONANTS}]")
_STARTS_WORD = re.compile(f"[{CONSONANTS}\u0e40-\u0e44]")  # a consonant or a leading vowel, not a vowel after one


def _joins(left: str, right: str) -> bool:
    """Whether the Thai just before a space (`left` ends there) and just after it (`right` starts there) are one
    word that the space splits. Conservative: only when one side alone is not a word and joining makes words —
    "สำนั กงาน" joins; "ศึกษา วิเคราะห์", two words with the space Thai puts between phrases, does not."""
    after = _THAI_RUN.match(right)
    if not after or not left or not _THAI_RUN.fullmatch(left[-1]):
        return False
    run_before = _THAI_RUN.findall(left)[-1]
    if _LETTER_LABEL.fullmatch(after.group()) and not _THAI_RUN.match(right, 1):
        return False  # a letter standing alone after the space: a label (ตาราง ก, แบบ ก.พ. ๗)
    if _LETTER_LABEL.fullmatch(run_before) and _STARTS_WORD.match(right):
        return False  # a letter standing alone before it, and a word after it (๕ ก หน้า)
    head = _tokens(run_before)[-1]
    tail = _tokens(after.group())[0]
    known = words()
    if head in known and tail in known:
        return False
    joined = head + tail
    if joined in known:
        return True
    # A tokenisation of the joined text whose tokens are all words and one of them spans the space.
    offset = 0
    for token in _tokens(joined):
        if token not in known:
            return False
        if offset < len(head) < offset + len(token):
            return True
        offset += len(token)
    return False


def join_split_words(line: str) -> str:
    """Spaces taken out where they split one Thai word ("สำนั กงาน" → "สำนักงาน"); see `_joins`."""
    if " " not in line or not _THAI_CHAR.search(line):
        return line
    pieces: list[str] = []
    start = 0
    for space in _THAI_SPACE.finditer(line):
        if line[space.end() : space.end() + 1] == MAI_YAMOK:  # "อื่น ๆ": the space before ๆ is the official style
            continue
        if _joins(*_around(line, space.start(), space.end())):
            pieces.append(line[start : space.start()])
            start = space.end()
    pieces.append(line[start:])
    return "".join(pieces)


# --- Typed numbering ---------------------------------------------------------------------------------------------


# A line that is only a page number: "12", "- 12 -", "หน้า ๑๒", "12/40", "(12)"; not a year ("2567").
_PAGE_NUMBER = re.compile(r"(?:หน้า|หน้าที่|page)?\s*[-–—(]?\s*[0-9๐-๙]{1,3}\s*(?:/\s*[0-9๐-๙]{1,3})?\s*[-–—)]?", re.I)


def is_page_number(line: str) -> bool:
    """Whether `line` is nothing but a page number, as PDFs print them at the top or bottom of a page."""
    return bool(_PAGE_NUMBER.fullmatch(line.strip())) and any(char.isdigit() for char in line)


def _unknown(run: str) -> int:
    known = words()
    return sum(len(token) for token in _tokens(run) if token not in known)


def restore_sara_aa(text: str) -> str:
    """SARA AA where a PDF's glyph table says SARA AM: a font that draws SARA AM as NIKHAHIT + SARA AA may map the
    SARA AA glyph to "ำ" everywhere ("ระยะเวลำ"). Each ำ becomes า when that leaves fewer letters outside the word
    list; a real ำ (ลำดับ, ดำเนินการ) is kept. For PDFs only: typed text has no such mix-up."""
    if SARA_AM not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        run = match.group()
        for index in [i for i, char in enumerate(run) if char == SARA_AM]:
            changed = run[:index] + SARA_AA + run[index + 1 :]
            if _unknown(changed) < _unknown(run):
                run = changed
        return run

    return _THAI_RUN.sub(fix, text)
