"""Thai text utilities: clean pasted text, Thai digits, months and Buddhist-era years."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

NIKHAHIT = "\u0e4d"
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
    """Lines of one paragraph that a PDF or a page wrapped, joined again: with nothing between two Thai characters
    (a Thai word may be split over lines), with one space otherwise."""
    joined = ""
    for line in filter(None, (line.strip() for line in lines)):
        if joined and not (_THAI_CHAR.match(joined[-1]) and _THAI_CHAR.match(line[0])):
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
