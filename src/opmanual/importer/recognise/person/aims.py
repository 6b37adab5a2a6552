"""A person's vision, mission and goals: under their own headings, or the person's column (ตนเอง) of a table of
three levels, whole or flattened into lines by a PDF."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....thai import ARABIC_DIGITS, join_lines, normalize
from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ...draft import Part
from ...shape import grid, items
from ..words import AIMS, key, line_of, matches
from .common import LEVEL_WORDS


def _aims(part: Part, body: Sequence[Block]) -> list[Block]:
    """Vision, mission and goals of the person. Where the source is a table of three levels (office, group,
    ตนเอง) the person's column is taken: a real table's last column, or in flattened text the last paragraph of
    the vision and the last run of each numbered list (each run starts again at ๑); the other columns are returned
    for a free section."""
    aims: dict[str, Any] = {}
    rest: list[Block] = []
    tables = [block for block in body if isinstance(block, Table)]
    if tables and not any(isinstance(block, ListItem) for block in body):
        for each in tables:
            taken = _aims_table(each)
            if taken:
                aims.update(taken)
                part.guess(("aims",), "อ่านจากคอลัมน์สุดท้าย (ตนเอง) ของตารางวิสัยทัศน์ ตรวจกับต้นฉบับ")
            else:
                rest.append(each)
        rest += [block for block in body if not isinstance(block, Table | PageBreak)]
        if aims:
            part.data["aims"] = aims
        return rest
    levels = any(key(line_of(block) or "") in {key(word) for word in LEVEL_WORDS} for block in body)
    field = "vision"
    pieces: dict[str, list[Block]] = {"vision": [], "mission": [], "goals": []}
    for block in body:
        found = _aims_heading(block)
        if found:
            field, inline = found
            if inline:
                pieces[field].append(Paragraph(inline, block.where))
            continue
        if levels and key(line_of(block) or "") in {key(word) for word in LEVEL_WORDS}:
            continue
        if field == "vision" and isinstance(block, ListItem):
            field = "mission"  # a flattened table loses the พันธกิจ row's title: the first list is the mission
        previous = pieces[field][-1] if pieces[field] else None
        if levels and isinstance(block, Paragraph) and isinstance(previous, ListItem):
            # a narrow column's item wrapped over several lines
            joined = join_lines([previous.text, block.text])
            pieces[field][-1] = ListItem(joined, previous.level, previous.where, previous.numbered, previous.label)
            continue
        pieces[field].append(block)
    vision = [block for block in pieces["vision"] if isinstance(block, Paragraph)]
    if vision:
        chosen = vision[-1] if levels else None
        aims["vision"] = normalize(chosen.text if chosen else " ".join(block.text for block in vision))
        aims["vision"] = aims["vision"].replace("\n", " ").strip('“”" ')
        rest += [block for block in pieces["vision"] if block is not chosen and chosen is not None]
    for name in ("mission", "goals"):
        listed = [block for block in pieces[name] if isinstance(block, ListItem)]
        runs = _runs(listed)
        if levels and len(runs) > 1:
            rest += [block for run in runs[:-1] for block in run]
            listed = runs[-1]
        if not listed:
            listed = [ListItem(block.text, 0, block.where) for block in pieces[name] if isinstance(block, Paragraph)]
            if listed:
                part.guess(("aims", name), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า")
        else:
            rest += [block for block in pieces[name] if not isinstance(block, ListItem | PageBreak)]
        if listed:
            aims[name] = items(listed)
    if levels:
        part.guess(("aims",), "ตารางวิสัยทัศน์สามระดับถูกแปลงเป็นบรรทัด นำคอลัมน์สุดท้าย (ตนเอง) มา ตรวจกับต้นฉบับ")
    if aims:
        part.data["aims"] = aims
    return rest


def _aims_heading(block: Block) -> tuple[str, str] | None:
    """(field, the text after the word) of a line opening the vision, mission or goals: the word alone (perhaps
    with its English name), or a paragraph starting with it ("วิสัยทัศน์ : …"); a list item is never one."""
    for name, words in AIMS.items():
        if matches(block, words):
            return name, ""
    if not isinstance(block, Paragraph | Heading):
        return None
    text = normalize(block.text).replace("\n", " ")
    for name, words in AIMS.items():
        for word in sorted(words, key=len, reverse=True):
            found = re.match(rf"{re.escape(word)}\s*(?:\([A-Za-z ]+\))?\s*(?:[:：]\s*|\s+|$)(.*)$", text)
            if found:
                return name, found.group(1).strip(' “”"')
    return None


def _runs(listed: Sequence[ListItem]) -> list[list[ListItem]]:
    """Top-level list items cut where the numbering starts again at ๑ (a new column of a flattened table)."""
    runs: list[list[ListItem]] = []
    for block in listed:
        first = block.level == 0 and _label_number(block) == 1
        if not runs or first:
            runs.append([])
        runs[-1].append(block)
    return runs


def _label_number(block: ListItem) -> int | None:
    label = (block.label or "").translate(ARABIC_DIGITS)
    found = re.match(r"\(?([0-9]+)", label)
    return int(found.group(1)) if found else None


def _aims_table(block: Table) -> dict[str, Any] | None:
    """The person's column (the last) of a table whose rows are วิสัยทัศน์, พันธกิจ, เป้าหมาย."""
    out: dict[str, Any] = {}
    for row in grid(block):
        cells = [value for value in row if value is not None]
        if len(cells) < 2:
            continue
        name = next((name for name, words in AIMS.items() if key(cells[0].text) in {key(w) for w in words}), None)
        if name is None:
            continue
        last = cells[-1]
        if name == "vision":
            out["vision"] = normalize(last.text).replace("\n", " ")
        else:
            listed = [b for b in last.blocks if isinstance(b, ListItem)] or [
                ListItem(b.text, 0, b.where) for b in last.blocks if b.text
            ]
            if listed:
                out[name] = items(listed)
    return out or None
