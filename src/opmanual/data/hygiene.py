"""Paste hygiene: the numbers, bullets and digits that text copied from Word or a PDF brings along.

Lists, steps, topics and rows are numbered by the generator, so a number typed at the start of such a text prints
twice (`๑. 1. ศึกษา…`), and a bullet typed at the start of a paragraph stands in for a list the manual should say it
has. Digits print as typed, so `2567` in a manual written in Thai digits breaks its style. Each kind of text is
marked in the model (`NumberedText`, `StepText`, a paragraph); checking a loaded file again with a `Hygiene` in the
validation context turns every text that could hold one into a `pasted` error, and the loader (`audit`), which
knows where each text stands, keeps those this module proves and reports them as warnings (`file:line:col`), with
the fixed text that `check --fix` writes back into the file (`yamledit`).

What counts as pasted numbering. The text is the editor's: a mark is taken off only when it is proved to be the
list's own numbering, never because a value merely starts like one. A mark is

- a number in one of the shapes lists are numbered with, `1.` `1)` `(1)` `1.2` `1.2.` `๑.๑.๑` (Arabic or Thai
  digits, at most three in a part, none starting with zero), followed by a space or glued to a Thai letter
  (`1.ศึกษา`). It is proved when its number (the last part of a dotted one) is the item's own place in its list:
  the first item's `1.`, the third's `3)`; a dotted number, which a decimal or a time shares the shape of, must
  also be continued by the item before or after it (`2.3` next to `2.2` or `2.4`). The step words `ขั้นตอนที่ 3`
  at the start of a step are proved as a number is;
- a bullet Word or a PDF pastes, `-` `–` `—` `•` `·` `▪` `■` `●` `○` `◦` `►` `✓`, followed by a space and text (a
  dash followed by a digit is a sign).

So `09.00 น.`, `10.30 น.`, `1.5 เท่า`, `9:30`, `-5`, `+3`, `* ยกเว้น` (a footnote's star is no bullet), `2567 …`,
`3 ด้าน` and a lone `-` (none) stay as typed. Marks are taken off only where the generator prints its own number
or bullet: list items, steps, topics, rows of a schedule (`NUMBERED`, `STEP`). A paragraph of a text block or a
cell (`PARAGRAPH`) is no list item: a bullet there, or a number that the paragraph before or after it continues
(`1.` then `2.`), is reported, but only the editor can turn the paragraphs into a list (`items:`, `bullets:`), so
`--fix` leaves them as typed. Other text (`TEXT`) is checked for its digits only. Several marks in a row come off
together (`1. - ศึกษา`, `2. 2) ศึกษา`), but after the first a dotted number is the value's own (`5. 1.5 เท่า`).
Fixing is idempotent: the proof is made again on what is left, pass after pass, until it proves nothing more
(`list_marks`), so a second `--fix` finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..errors import excerpt
from ..thai import ARABIC_DIGITS, CONSONANTS, MONTHS, THAI_DIGITS

# What a text is to the check: printed after a generated number or bullet, a step (numbered, and never "ขั้นตอนที่
# 1"), a paragraph of a text block or a table cell, or other text (digits only).
NUMBERED = "numbered"
STEP = "step"
PARAGRAPH = "paragraph"
TEXT = "text"
LISTED = (NUMBERED, STEP)  # the kinds whose items have a place in a list, and whose proved marks --fix takes off

ERROR_TYPE = "pasted"
CONTEXT_KEY = "hygiene"

# The bullets that Word and PDFs paste (not `*`: a star at the start of a value is a footnote's).
_BULLETS = "-–—•·▪■●○◦►✓"
_SIGNS = "-–—"  # bullets that are also a minus sign or a dash before a number


def _shapes(number: str, bullets: str) -> str:
    """The shapes of list numbering and bullets, with `number` as one part of a number."""
    return (
        rf"(?:\(\s*(?P<paren>{number})\s*\)"  # (1)
        rf"|(?P<dotted>{number}(?:\.{number})+)\.?"  # 1.1  1.1.
        rf"|(?P<single>{number})\s*[.)]"  # 1.  1)
        rf"|(?P<bullet>[{re.escape(bullets)}]))"
    )


# How a source may number its lists, loosely (leading zeros, a star, no space after): the importer's readers use it
# to split a source's own numbering from its text (`typed_mark`, `split_label`); the check never does.
_LOOSE = re.compile(_shapes("[0-9๐-๙]{1,3}", _BULLETS + "*") + r"\s*(?=\S)")
_LOOSE_STEP_WORDS = re.compile(r"(?:ขั้นตอนที่|ขั้นที่)\s*[0-9๐-๙]{1,3}\s*[.:)]?\s*(?=\S)")
# A list number as pasted numbering writes it: no part starts with zero (`09.00` is a time, `0.5` a fraction).
_PART = "[1-9๑-๙][0-9๐-๙]{0,2}"
_MARK = re.compile(_shapes(_PART, _BULLETS))
_STEP_WORDS = re.compile(rf"(?:ขั้นตอนที่|ขั้นที่)\s*(?P<single>{_PART})\s*[.:)]?")
_SPACE_THEN_TEXT = re.compile(r"\s+(?=\S)")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")  # a consonant or a leading vowel: a word starts here
_DIGIT = re.compile("[0-9๐-๙]")
_ARABIC = re.compile("[0-9]+")
_THAI = re.compile("[๐-๙]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
_NUMBER_ONLY = re.compile(r"[0-9๐-๙.,:/()\-–]+")


def typed_mark(line: str, kind: str) -> str:
    """The numbers, bullets or step words at the start of `line` ("" when none), for a text of `kind`, as a source
    may number its lists (loosely: `1.งาน`, `-หลักฐาน`, `* ข้อ`): all of them, as in `1. - ศึกษา`. The importer's
    readers use it on a source's lines; the paste check proves marks with `pasted_mark`."""
    if kind not in (NUMBERED, STEP, PARAGRAPH):
        return ""
    end = 0
    while found := (kind == STEP and _LOOSE_STEP_WORDS.match(line, end)) or _LOOSE.match(line, end):
        end = found.end()
    return line[:end]


@dataclass(frozen=True)
class _Mark:
    end: int  # where the text after the mark (and the space after it) begins
    parts: tuple[int, ...]  # the parts of its number (`2.1` → (2, 1)); () for a bullet


def _mark_at(line: str, start: int, kind: str) -> _Mark | None:
    """The numbering or bullet at `start` of `line` in one of the shapes pasted numbering has, with the space after
    it; None when there is none."""
    found = (kind == STEP and _STEP_WORDS.match(line, start)) or _MARK.match(line, start)
    if not found:
        return None
    space = _SPACE_THEN_TEXT.match(line, found.end())
    groups = found.groupdict()
    if bullet := groups.get("bullet"):
        # A bullet stands before a space and text; a dash before a number is its sign (`- 5`, `-5`).
        if not space or (bullet in _SIGNS and _DIGIT.match(line, space.end())):
            return None
        return _Mark(space.end(), ())
    number = groups.get("single") or groups.get("paren") or groups["dotted"]
    parts = tuple(int(part) for part in number.translate(ARABIC_DIGITS).split("."))
    if space:
        return _Mark(space.end(), parts)
    if _THAI_LETTER.match(line, found.end()):  # `1.ศึกษา`: a number glued to a word is no decimal, time or sign
        return _Mark(found.end(), parts)
    return None


def pasted_mark(line: str, kind: str, number: int | None) -> str:
    """The numbering and bullets at the start of `line` that are proved to be pasted ("" when none), for a text of
    `kind` whose numbering is proved to be `number` (see `proved_numbers`; None when it is not): each a bullet, or a
    number whose last part is `number`. All of them, as in `1. - ศึกษา` or `2. 2) ศึกษา`; after the first, a dotted
    number is the value's own (`5. 1.5 เท่า`)."""
    if kind not in (*LISTED, PARAGRAPH):
        return ""
    end = 0
    while (mark := _mark_at(line, end, kind)) and (
        not mark.parts or (mark.parts[-1] == number and (end == 0 or len(mark.parts) == 1))
    ):
        end = mark.end
    return line[:end]


def proved_numbers(texts: Mapping[int, str], kind: str) -> dict[int, int]:
    """Of the texts of `kind` in one list (by their index in it), those whose numbering is proved to be pasted, with
    its number (the last part of it).

    A list item's number must be its place in the list (index + 1); a dotted one (`2.3`) must also be continued by
    the item before or after it (`2.2`, `2.4`), since a decimal or a time has that shape too. A paragraph is no list
    item: its number is proved by the paragraph before or after it continuing it (`1.` then `2.`)."""
    parts: dict[int, tuple[int, ...]] = {}
    for index, text in texts.items():
        mark = _mark_at(text.lstrip(), 0, kind)
        if mark and mark.parts:
            parts[index] = mark.parts
    proved = {}
    for index, number in parts.items():
        *prefix, last = number
        continued = any(parts.get(index + step) == (*prefix, last + step) for step in (-1, 1))
        if continued if kind == PARAGRAPH else last == index + 1 and (len(number) == 1 or continued):
            proved[index] = last
    return proved


# The number each pass of the fix proves a text's marks with (None: bullets only); () when nothing is pasted.
Passes = tuple[int | None, ...]


def list_marks(texts: Mapping[int, str], kind: str) -> dict[int, Passes]:
    """For the one-line texts of `kind` in one list (by their index in it), the numbers their pasted marks are
    proved with, pass after pass: taking the proved marks off can show another mark that the text's place and its
    neighbours prove (`1. 1. ศึกษา`, or `2.1` once its neighbour's `2.2` shows), so passes go on until none is left
    and fixing once is fixing for good. A paragraph gets one pass: its marks are reported, never taken off."""
    current = {index: text.lstrip() for index, text in texts.items()}
    passes: dict[int, list[int | None]] = {index: [] for index in texts}
    removed = True
    while removed:
        removed = False
        proved = proved_numbers(current, kind)
        for index, text in current.items():
            if mark := pasted_mark(text, kind, proved.get(index)):
                passes[index].append(proved.get(index))
                if kind in LISTED:
                    current[index], removed = text[len(mark) :], True
    return {index: tuple(numbers) for index, numbers in passes.items() if numbers}


def _pasted(line: str, kind: str, passes: Passes) -> str:
    """The marks that `passes` prove at the start of `line`."""
    end = 0
    for number in passes if kind in LISTED else passes[:1]:
        end += len(pasted_mark(line[end:], kind, number))
    return line[:end]


def _keeps_its_digits(token: str, previous: str) -> bool:
    """Codes and names keep the digits they are written with: a web or mail address, a file name, a word with Latin
    letters (ISO9001, O-NET), or a number right after one (ISO 9001, Office 365)."""
    return bool(
        "://" in token
        or "@" in token
        or token.lower().startswith("www.")
        or _ASCII_LETTER.search(token)
        or (previous and _ASCII_LETTER.search(previous[-1]) and _NUMBER_ONLY.fullmatch(token))
    )


def other_digits(line: str, digits: str) -> list[str]:
    """The numbers in `line` typed in the other style than the manual's `digits` ("thai" or "arabic")."""
    pattern = _ARABIC if digits == "thai" else _THAI
    found: list[str] = []
    previous = ""
    for token in line.split():
        if not (digits == "thai" and _keeps_its_digits(token, previous)):
            found += pattern.findall(token)
        previous = token
    return found


def _convert(line: str, digits: str) -> str:
    if digits == "arabic":
        return line.translate(ARABIC_DIGITS)
    tokens = re.split(r"(\s+)", line)
    previous = ""
    for index in range(0, len(tokens), 2):
        token = tokens[index]
        if token and not _keeps_its_digits(token, previous):
            tokens[index] = token.translate(THAI_DIGITS)
        previous = token or previous
    return "".join(tokens)


def clean_line(line: str, kind: str, digits: str, passes: Passes = ()) -> str:
    """`line` without the numbering and bullets proved pasted at its start (see `list_marks`; a paragraph keeps
    them, since only the editor can make it a list), its digits in the manual's style."""
    body = line.lstrip()
    mark = _pasted(body, kind, passes) if kind in LISTED else ""
    return line[: len(line) - len(body)] + _convert(body[len(mark) :], digits)


def clean(text: str, kind: str, digits: str, passes: Passes = ()) -> str:
    """`clean_line` on every line of `text` (a multi-line text is several paragraphs)."""
    return "\n".join(clean_line(line, kind, digits, passes) for line in text.split("\n"))


def problems(text: str, kind: str, digits: str, passes: Passes = ()) -> list[str]:
    """What is wrong with `text`, in plain words, with the fix; `passes` prove its marks (see `list_marks`)."""
    found: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip()
        mark = _pasted(body, kind, passes)
        if mark:
            found.append(_mark_problem(mark.strip(), kind))
        numbers = other_digits(body[len(mark) if kind in LISTED else 0 :], digits)  # a kept mark is text
        if numbers:
            style = "Thai digits (เลขไทย)" if digits == "thai" else "Arabic digits (เลขอารบิก)"
            wanted = " ".join(dict.fromkeys(_convert(number, digits) for number in numbers))
            found.append(
                f"`{excerpt(' '.join(dict.fromkeys(numbers)), 30)}` is typed in other digits than the manual's "
                f"{style}, set by `manual.digits`: write {wanted}"
            )
    return found


def _mark_problem(mark: str, kind: str) -> str:
    bullet = mark[0] in _BULLETS
    if kind == PARAGRAPH:
        if bullet:
            return (
                f"this paragraph starts with a typed bullet `{mark}`: a bulleted list is written as `bullets:`, "
                "one entry per item, without the bullets"
            )
        return (
            f"this paragraph starts with a typed number `{mark}`, and so does the paragraph next to it: a numbered "
            "list is written as `items:` (or as a list in a table cell), one entry per item, and the numbers are "
            "generated"
        )
    if mark.startswith("ขั้น"):
        return f"the step starts with `{mark}`: steps are numbered by their order, so remove it"
    what = "bullet" if bullet else "number"
    return f"starts with a typed {what} `{mark}`: the list prints its own numbers, so this would print twice; remove it"


FIXED_BY_CHECK = "(ข้อความที่วางมาจาก Word หรือ PDF; `python -m opmanual check --fix` แก้ให้)"
FIXED_BY_HAND = "(ข้อความที่วางมาจาก Word หรือ PDF; ต้องแก้เอง)"


def finding_message(text: str, kind: str, digits: str, passes: Passes) -> tuple[str, str] | None:
    """What is wrong with `text` and its fixed text, or None when nothing is."""
    found = problems(text, kind, digits, passes)
    if not found:
        return None
    fixed = clean(text, kind, digits, passes)
    return "; ".join(found) + " " + (FIXED_BY_CHECK if fixed != text else FIXED_BY_HAND), fixed


@dataclass(frozen=True)
class Hygiene:
    """The check, in the validation context of a second pass over valid data: `digits` is the manual's style.

    A text is only a suspect here: whether a number at its start is pasted depends on the text's place in its
    list, which the loader knows (`loader.audit`)."""

    digits: str

    def check(self, text: str, kind: str) -> None:
        if first_mark(text, kind) or any(other_digits(line, self.digits) for line in text.split("\n")):
            raise PydanticCustomError(ERROR_TYPE, "pasted text", {"kind": kind})


def first_mark(text: str, kind: str) -> bool:
    """Whether a line of `text` starts with something shaped as numbering or a bullet."""
    return kind in (*LISTED, PARAGRAPH) and any(_mark_at(line.lstrip(), 0, kind) for line in text.split("\n"))


def in_context(value: str, context: Any, kind: str) -> str:
    """The validator of each kind of text: nothing, unless a `Hygiene` rides in the validation context."""
    hygiene = context.get(CONTEXT_KEY) if isinstance(context, dict) else None
    if isinstance(hygiene, Hygiene):
        hygiene.check(value, kind)
    return value


@dataclass(frozen=True)
class Finding:
    """A pasted number, bullet or digit: where it is (the file and the keys and indexes to its text), what it says
    and what it should say (`fixed`; the same as `text` when only the editor can fix it)."""

    path: Path
    loc: tuple[str | int, ...]
    line: tuple[int, int]
    message: str
    kind: str
    digits: str
    text: str
    fixed: str
    passes: Passes = ()  # the numbers that prove its marks (see `list_marks`)

    @property
    def fixable(self) -> bool:
        return self.fixed != self.text

    def fix(self, typed: str) -> str:
        """The value as typed in the file, cleaned as `fixed` was."""
        return clean(typed, self.kind, self.digits, self.passes)


def changed_part(before: str, after: str, context: int = 12) -> tuple[str, str]:
    """The part of `before` that `after` changes, with a few characters around it, to show a fix in one line."""
    start = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after))
    )
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]:
        end_before, end_after = end_before - 1, end_after - 1
    lead = max(0, start - context)
    while lead and unicodedata.category(before[lead]) == "Mn":
        lead -= 1  # never start inside a Thai cluster (a vowel or tone mark over a consonant)

    def window(text: str, end: int) -> str:
        stop = min(len(text), end + context)
        while stop < len(text) and unicodedata.category(text[stop]) == "Mn":
            stop += 1
        return ("…" if lead else "") + text[lead:stop] + ("…" if stop < len(text) else "")

    return window(before, end_before), window(after, end_after)


def locate(data: Any, loc: tuple[str | int, ...], text: str) -> tuple[str | int, ...] | None:
    """The keys and indexes, in the file as typed, of the string that holds `text` (a line of it), found from the
    location pydantic gives (`loc`, which also names union members and shorthand fields the file does not have)."""
    path: list[str | int] = []
    node = data
    for step in loc:
        in_file = (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        )
        if not in_file:
            continue  # a union member, a discriminator tag, or a field written short
        node = node[step]
        path.append(step)
    # A string split into paragraphs shifts the indexes after it: look under the deepest place reached.
    found = _holding(node, text, ())
    return (*path, *found) if found is not None else None


def _holding(node: Any, text: str, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if isinstance(node, str):
        return path if text == node or text in node.split("\n") else None
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        found = _holding(child, text, (*path, key))
        if found is not None:
            return found
    return None


# A Thai letter item: "ก." "ข)" — a letter, a dot or parenthesis, then a space (so "ก.พ." and "ก.ค.ศ." stay text).
_LETTER_MARK = re.compile(r"\(?[\u0e01-\u0e2e][.)]\s+(?=\S)")
# A number typed without a dot, as Thai extractions often show a list: "๑ งานส่งเสริม…", not "1 ตุลาคม".
_BARE_NUMBER = re.compile(rf"[0-9๐-๙]{{1,2}}\s+(?=[{CONSONANTS}เแโใไ])(?!(?:{'|'.join(MONTHS)}))")
_PARENS = re.compile(r"\(\s*([0-9๐-๙]{1,3})\s*\)")


def split_label(text: str, bare: bool = True) -> tuple[str | None, str, int]:
    """The typed number or bullet at the start of `text`, the text after it, and the numbering's depth:
    "๑.๒.๓ งาน" → ("๑.๒.๓", "งาน", 2); "1. ศึกษา" → ("1.", "ศึกษา", 0); "- ศึกษา" → ("-", "ศึกษา", 0);
    "- 3.4 รวบรวม" → ("3.4", "รวบรวม", 1) (a number is kept over the bullet before it); no mark → (None, text, 0).

    The patterns are the ones paste hygiene knows (`typed_mark`), plus Thai letters ("ก.") and a bare
    number before Thai text ("๑ งาน"; not with `bare=False`, for a PDF's line that may be a wrapped paragraph's
    next line starting with a number). Depth only counts the parts of a dotted number; whether "(๑)" or "ก." is under
    the item before it is for the reader to say (`label_kind`).
    """
    body = text.strip()
    mark = typed_mark(body, NUMBERED)
    if not mark:
        found = _LETTER_MARK.match(body) or (_BARE_NUMBER.match(body) if bare else None)
        mark = found.group() if found else ""
    if not mark:
        return None, body, 0
    rest = body[len(mark) :].strip()
    parts = re.sub(r"\s+([.)])", r"\1", _PARENS.sub(r"(\1)", mark.strip())).split()
    numbers = [part for part in parts if re.search("[0-9๐-๙]", part)]
    label = numbers[-1] if numbers else parts[-1]
    depth = label.strip("().").count(".") if label_kind(label) == "dotted" else 0
    return label, rest, depth


def label_kind(label: str) -> str:
    """What kind of numbering a label is: "dotted" (1.2), "number" (1. 1) ๑), "paren" ((1)), "letter" (ก.) or
    "bullet" (- •)."""
    if re.fullmatch(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)+\.?", label):
        return "dotted"
    if label.startswith("("):
        return "paren"
    if re.match("[0-9๐-๙]", label):
        return "number"
    if re.match(f"[{CONSONANTS}]", label):
        return "letter"
    return "bullet"
