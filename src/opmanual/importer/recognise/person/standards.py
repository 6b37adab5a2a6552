"""A person's work standards (มาตรฐานการปฏิบัติงาน): topics with their tables of activities and evidence, rebuilt
from lines where a PDF flattened the table and the pattern is clear."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....thai import ARABIC_DIGITS, normalize
from ...blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Table
from ...draft import Part
from ...shape import cell, columns, grid, header_count, items, table
from ..words import key, line_of
from .common import ACTIVITY_WORDS, DEFAULT_HEADERS, EVIDENCE_WORDS, LABEL_COLUMN, PART_WORDS, _plain


def _work_standards(part: Part, body: Sequence[Block]) -> list[Block]:
    """มาตรฐานการปฏิบัติงาน: topics (a deeper heading or a short line before a table or the table's header lines),
    each with its tables: two columns (or a label column and two) become `rows`, wider ones `tables`. A table that
    came flattened into lines is rebuilt where the pattern is clear (see `_rows_from_lines`)."""
    rest: list[Block] = []
    topics: list[tuple[Block, list[Block]]] = []
    level = min((b.level for b in body if isinstance(b, Heading) and b.level is not None), default=None)
    for index, block in enumerate(body):
        if _topic_at(body, index, level):
            topics.append((block, []))
        elif topics:
            topics[-1][1].append(block)
        elif not isinstance(block, PageBreak):
            rest.append(block)
    if not topics and any(isinstance(block, Table) for block in body):
        topics = [(Paragraph(PART_WORDS["work_standards"][0], body[0].where), list(body))]
        rest = []
    for heading, piece in topics:
        rest += _topic(part, heading, piece)
    return rest


def _topic_at(body: Sequence[Block], index: int, level: int | None) -> bool:
    block = body[index]
    if level is not None:
        return isinstance(block, Heading) and block.level == level
    line = line_of(block)
    if line is None or _header_line(block) or isinstance(block, Table):
        return False
    if isinstance(block, ListItem) and block.level > 0:
        return False
    following = body[index + 1 : index + 3]
    return any(isinstance(b, Table) or _header_line(b) for b in following[:2]) and not any(
        isinstance(b, ListItem) and b.level == 0 for b in following[:1] if not isinstance(b, Table)
    )


def _header_line(block: Block) -> bool:
    """A line holding a work-standard table's header: กิจกรรม/วิธีปฏิบัติ … มาตรฐาน/หลักฐาน."""
    line = normalize(line_of(block) or "")
    return bool(line) and any(w in line for w in ACTIVITY_WORDS) and any(w in line for w in EVIDENCE_WORDS[:3])


def _topic(part: Part, heading: Block, body: Sequence[Block]) -> list[Block]:
    """One topic: its subtitle (the short line right under it), its tables — each with the title (a deeper
    heading, or a short line) and subtitle standing above it — and rows rebuilt from lines where it has no table."""
    standards: list[dict[str, Any]] = part.data.setdefault("work_standards", [])
    title = re.sub(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*", "", normalize(line_of(heading) or "เรื่อง").replace("\n", " "))
    topic: dict[str, Any] = {"topic": title or "เรื่อง"}
    path: tuple[str | int, ...] = ("work_standards", len(standards))
    rest: list[Block] = []
    lines: list[Block] = []
    above: list[str] = []  # the title and subtitle of the next table
    for block in body:
        line = block.text if isinstance(block, Paragraph | Heading) else ""
        short = bool(line) and len(line) <= 90 and not _header_line(block)
        if isinstance(block, Table):
            _standard_table(part, topic, block, above, path)
            above = []
        elif isinstance(block, Heading) and short:
            above = [normalize(line)]
        elif short and not above and not lines and not ({"rows", "tables", "subtitle"} & topic.keys()):
            topic["subtitle"] = normalize(line)
        elif short and len(above) < 2 and not lines:
            above.append(normalize(line))
        elif not isinstance(block, PageBreak):
            lines.append(block)
    if lines:
        rows, headers, left = _rows_from_lines(lines)
        if rows:
            topic.setdefault("rows", []).extend(rows)
            if headers and headers != DEFAULT_HEADERS:
                topic.setdefault("headers", list(headers))
            part.guess((*path, "rows"), "ตารางถูกแปลงเป็นบรรทัดในต้นฉบับ สร้างแถวใหม่จากบรรทัด ตรวจการแบ่งแถวและช่อง")
        rest += left
    if above:
        rest += [Paragraph(text, heading.where) for text in above]
    if "rows" in topic or "tables" in topic:
        standards.append(topic)
    else:
        rest = [Paragraph(title, heading.where), *body] if title else list(body)
    if not standards:
        part.data.pop("work_standards", None)
    return rest


def _standard_table(
    part: Part, topic: dict[str, Any], block: Table, above: Sequence[str], path: tuple[str | int, ...]
) -> None:
    """A real table of a topic: activity and standard columns as `rows` (headers kept when they differ from our
    labels); a table with a title, a label column (ที่) or other columns as one of `tables`."""
    names = columns(block)
    labelled = len(names) > 1 and key(names[0]) in {key(w) for w in LABEL_COLUMN}
    data = names[1:] if labelled else names
    simple = len(data) == 2 and not any(" — " in name for name in data) and not above and not labelled
    if simple and "tables" not in topic:
        rows = []
        for row in grid(block)[header_count(block) :]:
            activity = _cell(row[0]) if row[0] is not None else ""
            standard = _cell(row[1]) if len(row) > 1 and row[1] is not None else ""
            if activity or standard:
                rows.append({"activity": activity, "standard": standard})
        topic.setdefault("rows", []).extend(rows)
        if tuple(data) != DEFAULT_HEADERS and "headers" not in topic:
            topic["headers"] = list(data)
        return
    value = table(block)
    if labelled:
        value["number_header"] = value["columns"].pop(0)
        body = [row for row in grid(block)[header_count(block) :] if any(c is not None and cell(c) for c in row)]
        labels = [_plain(row[0]) if row[0] is not None else "" for row in body]  # typed numbers a reader took
        if len(labels) != len(value["rows"]):
            labels = [row[0] if isinstance(row[0], str) else "" for row in value["rows"]]
        counted = [str(number) for number in range(1, len(labels) + 1)]
        if [label.translate(ARABIC_DIGITS) for label in labels] == counted:
            value["numbered"] = True  # ๑ ๒ ๓ …: numbers the system prints itself
            value["rows"] = [row[1:] for row in value["rows"]]
            if key(value["number_header"]) == key(LABEL_COLUMN[0]):
                del value["number_header"]
        else:
            value["rows"] = [
                {"label": label, "cells": row[1:]} if label else row[1:]
                for label, row in zip(labels, value["rows"], strict=True)
            ]
    titled: dict[str, Any] = dict(zip(("title", "subtitle"), above, strict=False))
    topic.setdefault("tables", []).append({**titled, **value})
    if any(" — " in name for name in value["columns"]):
        part.guess((*path, "tables"), "หัวตารางที่รวมช่องถูกแยกเป็นชื่อคอลัมน์ ตรวจชื่อคอลัมน์")


def _cell(value: Cell) -> Any:
    """A cell as an editor writes it: its text, the list alone when it holds only a numbered list, else a block."""
    if value.blocks and all(isinstance(b, ListItem) and b.numbered for b in value.blocks):
        return items([b for b in value.blocks if isinstance(b, ListItem)])
    return cell(value)


def _rows_from_lines(lines: Sequence[Block]) -> tuple[list[dict[str, Any]], tuple[str, str] | None, list[Block]]:
    """A two-column table a PDF flattened into lines, rebuilt: the header line(s) (กิจกรรม … หลักฐาน) give the
    headers; then each numbered line (a top-level item) is an activity, and the lines under it — bullets, deeper
    items or plain lines — its standard or evidence. Returns no rows unless the pattern holds throughout."""
    headers: tuple[str, str] | None = None
    rows: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    left: list[Block] = []
    for block in lines:
        text = normalize(line_of(block) or str(getattr(block, "text", "")))
        if _header_line(block):
            found = [w for w in ACTIVITY_WORDS if w in text][:1] + [w for w in EVIDENCE_WORDS if w in text][:1]
            if len(found) == 2:
                split = text.find(found[1])
                headers = (text[:split].strip() or found[0], text[split:].strip())
            continue
        if isinstance(block, ListItem) and block.level == 0 and block.numbered:
            current = {"activity": block.text, "standard": []}
            rows.append(current)
        elif current is not None and isinstance(block, ListItem | Paragraph):
            current["standard"].append(block.text)
        else:
            left.append(block)
    for row in rows:
        evidence = row["standard"]
        row["standard"] = evidence[0] if len(evidence) == 1 else evidence
        if not evidence:
            return [], None, list(lines)
    return rows, headers, left
