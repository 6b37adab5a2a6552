"""Paste hygiene: the numbers, bullets and digits that text copied from Word or a PDF brings along.

Lists, steps, topics and rows are numbered by the generator, so a number typed at the start of such a text prints
twice (`๑. 1. ศึกษา…`), and a bullet typed at the start of a paragraph stands in for a list the manual should say it
has. Digits print as typed, so `2567` in a manual written in Thai digits breaks its style. Each kind of text is
marked in the model (`NumberedText`, `StepText`, a paragraph); checking a loaded file again with a `Hygiene` in the
validation context turns every such finding into a `pasted` error with its location and its fixed text, which the
loader reports as a warning (`file:line:col`) and `check --fix` writes back into the file (`yamledit`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..errors import excerpt
from ..thai import ARABIC_DIGITS, THAI_DIGITS

# What a text is to the check: printed after a generated number or bullet, a step (numbered, and never "ขั้นตอนที่
# 1"), a paragraph of a text block or a table cell, or other text (digits only).
NUMBERED = "numbered"
STEP = "step"
PARAGRAPH = "paragraph"
TEXT = "text"

ERROR_TYPE = "pasted"
CONTEXT_KEY = "hygiene"

_N = "[0-9๐-๙]{1,3}"
# A number or bullet typed at the start of a text, and the space after it; some text must follow (a cell holding
# only "-" means "none" in Thai tables).
_MARK = re.compile(
    rf"""(?:
        \(\s*{_N}\s*\)                # (1)
      | {_N}(?:\.{_N})+\.?            # 1.1  1.1.
      | {_N}\s*[.)]                   # 1.  1)
      | [-–—•·▪■●○◦►✓*]              # bullets
    )\s*(?=\S)""",
    re.VERBOSE,
)
_STEP_WORDS = re.compile(rf"(?:ขั้นตอนที่|ขั้นที่)\s*{_N}\s*[.:)]?\s*(?=\S)")
_BULLETS = "-–—•·▪■●○◦►✓*"
_ARABIC = re.compile("[0-9]+")
_THAI = re.compile("[๐-๙]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
_NUMBER_ONLY = re.compile(r"[0-9๐-๙.,:/()\-–]+")


def typed_mark(line: str, kind: str) -> str:
    """The numbers, bullets or step words typed at the start of `line` ("" when none), for a text of `kind`: all of
    them, as in `1. - ศึกษา`."""
    if kind not in (NUMBERED, STEP, PARAGRAPH):
        return ""
    end = 0
    while found := (kind == STEP and _STEP_WORDS.match(line, end)) or _MARK.match(line, end):
        end = found.end()
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


def clean_line(line: str, kind: str, digits: str) -> str:
    """`line` without a typed number or bullet at its start, its digits in the manual's style."""
    body = line.lstrip()
    mark = typed_mark(body, kind)
    return line[: len(line) - len(body)] + _convert(body[len(mark) :], digits)


def clean(text: str, kind: str, digits: str) -> str:
    """`clean_line` on every line of `text` (a multi-line text is several paragraphs)."""
    return "\n".join(clean_line(line, kind, digits) for line in text.split("\n"))


def problems(text: str, kind: str, digits: str) -> list[str]:
    """What is wrong with `text`, in plain words, with the fix."""
    found: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip()
        mark = typed_mark(body, kind)
        if mark:
            found.append(_mark_problem(mark.strip(), kind))
        numbers = other_digits(body[len(mark) :], digits)
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
            return f"this paragraph starts with a typed bullet `{mark}`: a bulleted list is written as `bullets:`"
        return (
            f"this paragraph starts with a typed number `{mark}`: a numbered list is written as `items:` "
            "(or as a list in a table cell), and the numbers are generated"
        )
    if mark.startswith("ขั้น"):
        return f"the step starts with `{mark}`: steps are numbered by their order, so remove it"
    what = "bullet" if bullet else "number"
    return f"starts with a typed {what} `{mark}`: the list prints its own numbers, so this would print twice; remove it"


@dataclass(frozen=True)
class Hygiene:
    """The check, in the validation context of a second pass over valid data: `digits` is the manual's style."""

    digits: str

    def check(self, text: str, kind: str) -> None:
        found = problems(text, kind, self.digits)
        if found:
            fixed = clean(text, kind, self.digits)
            message = "; ".join(found) + " (ข้อความที่วางมาจาก Word หรือ PDF; `python -m opmanual check --fix` แก้ให้)"
            raise PydanticCustomError(ERROR_TYPE, "{message}", {"message": message, "kind": kind, "fixed": fixed})


def in_context(value: str, context: Any, kind: str) -> str:
    """The validator of each kind of text: nothing, unless a `Hygiene` rides in the validation context."""
    hygiene = context.get(CONTEXT_KEY) if isinstance(context, dict) else None
    if isinstance(hygiene, Hygiene):
        hygiene.check(value, kind)
    return value


@dataclass(frozen=True)
class Finding:
    """A pasted number, bullet or digit: where it is (the file and the keys and indexes to its text), what it says
    and what it should say."""

    path: Path
    loc: tuple[str | int, ...]
    line: tuple[int, int]
    message: str
    kind: str
    digits: str
    text: str
    fixed: str

    def fix(self, typed: str) -> str:
        """The value as typed in the file, cleaned as `fixed` was."""
        return clean(typed, self.kind, self.digits)


def changed_part(before: str, after: str, context: int = 12) -> tuple[str, str]:
    """The part of `before` that `after` changes, with a few characters around it, to show a fix in one line."""
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
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


def fix(findings: list[Finding]) -> list[str]:
    """Write every finding's fix into its file, changing nothing else in it; what could not be fixed, in words."""
    from .yamledit import EditError, edit

    failed = []
    for path in dict.fromkeys(finding.path for finding in findings):
        changes = {finding.loc: finding.fix for finding in findings if finding.path == path}
        target = path.resolve()
        with target.open(encoding="utf-8", newline="") as file:
            text = file.read()
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        try:
            fixed = bom + edit(text.removeprefix(bom), changes)
        except EditError as exc:
            failed.append(f"{path}: not changed: {exc}; make the changes above by hand")
            continue
        temporary = target.with_name(f".{target.name}.fixing")
        with temporary.open("w", encoding="utf-8", newline="") as file:
            file.write(fixed)
        os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    return failed


def locate(data: Any, loc: tuple[str | int, ...], text: str) -> tuple[str | int, ...] | None:
    """The keys and indexes, in the file as typed, of the string that holds `text` (a line of it), found from the
    location pydantic gives (`loc`, which also names union members and shorthand fields the file does not have)."""
    path: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            continue  # a union member, a discriminator tag, or a field written short
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
