"""Word numbering for the print HTML's lists: the levels of a list and the lists inside it, and each item's level,
planned from the labels the book prints (`<span class="num">๑.๒</span>`), or None when Word's counting would print
other labels, or Thai digits (which LibreOffice counts in Arabic ones): those labels stay typed."""

from __future__ import annotations

import re

from bs4.element import Tag

from . import word
from .html import whole_number

THAI = "๐๑๒๓๔๕๖๗๘๙"
_NUMBER = re.compile(f"[0-9{THAI}]+")


def _labels(li: Tag) -> str | None:
    label = li.find("span", class_="num", recursive=False)
    return label.get_text().strip() if label is not None else None


def plan(node: Tag) -> tuple[list[word.Level], dict[int, int]] | None:
    """Word's levels for a list and the lists inside it, and each item's level; None when Word's counting would
    print other labels than the book.

    An item's level is its nesting, plus the extra numbers of its label in a list that flattens levels (`๒.`, then
    `๒.๑` in the same list). A level's text is its first item's label with the last number replaced by the counter,
    and any earlier number that is an ancestor's counter by that counter (`๑.๒` under item ๑ → `%1.%2`); Word's
    counting (a level restarts after an item above it) is then checked against every typed label."""
    levels: list[word.Level] = []
    level_of: dict[int, int] = {}
    if node.name == "ul" or node.find("span", class_="num") is None:
        # Bullets, or numbers the browser draws (1. 2. 3.): one level per nesting.
        bullet = node.name == "ul"
        start = whole_number(node, "start")
        for level in range(9):
            text = ("•" if level == 0 else "◦") if bullet else f"%{level + 1}."
            levels.append(word.Level("bullet" if bullet else "decimal", text, 1 if bullet else start))
        for li in [node, *node.find_all(["ol", "ul"])]:
            for item in li.find_all("li", recursive=False):
                level_of[id(item)] = min(
                    8, len(item.find_parents(["ol", "ul"])) - len(node.find_parents(["ol", "ul"])) - 1
                )
        return levels, level_of
    counters: list[int] = []

    def walk(lst: Tag, base: int) -> bool:
        items = lst.find_all("li", recursive=False)
        labels = [_labels(li) or "" for li in items]
        numbers = [_NUMBER.findall(label) for label in labels]
        if not items or any(not found for found in numbers):
            return False
        least = min(len(found) for found in numbers)
        for li, typed, found in zip(items, labels, numbers, strict=True):
            level = base + len(found) - least
            if level > len(levels) or level > 8:
                return False
            del counters[level + 1 :]
            if level == len(levels):
                thai = any(ch in THAI for ch in typed)
                text = _level_text(typed, level, counters[:level])
                levels.append(word.Level("thaiNumbers" if thai else "decimal", text, _int(found[-1])))
            if len(counters) > level:
                counters[level] += 1
            else:
                if len(counters) < level:
                    return False
                counters.append(levels[level].start)
            if _format(levels, level, counters) != typed:
                return False
            level_of[id(li)] = level
            for child in li.find_all(["ol", "ul"], recursive=False):
                if child.name != "ol" or not walk(child, level + 1):
                    return False
        return True

    if not walk(node, 0) or any(level.number_format == "thaiNumbers" for level in levels):
        return None  # LibreOffice would count these in Arabic digits
    return levels, level_of


def _int(number: str) -> int:
    return int(number.translate(str.maketrans(THAI, "0123456789")))


def _level_text(typed: str, depth: int, parents: list[int]) -> str:
    """`๑.๒` at depth 1 under item 1 → `%1.%2`; a number that is not an ancestor's stays as typed."""
    pieces = _NUMBER.split(typed)
    numbers = _NUMBER.findall(typed)
    out = pieces[0]
    for position, number in enumerate(numbers):
        last = position == len(numbers) - 1
        ancestor = depth - (len(numbers) - 1 - position)
        if last:
            out += f"%{depth + 1}"
        elif 0 <= ancestor < depth and _int(number) == parents[ancestor]:
            out += f"%{ancestor + 1}"
        else:
            out += number
        out += pieces[position + 1]
    return out


def _format(levels: list[word.Level], depth: int, counters: list[int]) -> str:
    """The label Word prints for an item, from its level's text and the counters of its level and those above."""

    def number(level: int) -> str:
        text = str(counters[level])
        return (
            text.translate(str.maketrans("0123456789", THAI)) if levels[level].number_format == "thaiNumbers" else text
        )

    return re.sub(r"%(\d)", lambda m: number(int(m.group(1)) - 1), levels[depth].text)
