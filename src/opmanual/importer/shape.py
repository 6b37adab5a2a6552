"""Blocks as the model's values: a run of paragraphs and lists as a text block, list items as nested items, a table
as a `Table` with its columns, and anything at all as a free section. Every recogniser writes its values with these,
so content it does not understand still lands somewhere a reader sees it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .blocks import Block, Cell, Heading, ListItem, PageBreak, Paragraph, Table

Value = Any  # a value as the YAML file will hold it: str, list, dict
# "term หมายถึง meaning": a paragraph that defines a short term, printed alike as a definition (the term in bold).
DEFINES = re.compile(r"^(?P<term>[^\s].{0,40}?)\s+(?P<says>หมายถึง|หมายความว่า)\s+(?P<meaning>\S.*)$", re.DOTALL)


def items(entries: Sequence[ListItem]) -> list[Value]:
    """List items as the model's nested items: `"text"`, or `{text, items}` for an item with sub-items. Levels are
    relative: an item deeper than the one before it is its sub-item, however many levels it skips."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(-1, root)]
    for entry in entries:
        while len(stack) > 1 and stack[-1][0] >= entry.level:
            stack.pop()
        node: dict[str, Any] = {"text": entry.text, "items": []}
        stack[-1][1].append(node)
        stack.append((entry.level, node["items"]))
    return [_short(node) for node in root]


def _short(node: dict[str, Any]) -> Value:
    """An item written the way an editor would: a plain string unless it has sub-items."""
    if not node["items"]:
        return node["text"]
    return {"text": node["text"], "items": [_short(child) for child in node["items"]]}


def text_block(blocks: Iterable[Block]) -> list[Value]:
    """Paragraphs, lists and tables in their order, as a `text:` block; headings inside become paragraphs."""
    out: list[Value] = []
    run: list[ListItem] = []

    def flush() -> None:
        if run:
            key = "items" if run[0].numbered else "bullets"
            out.append({key: items(run)})
            run.clear()

    def paragraph(text: str) -> None:
        found = DEFINES.match(text)
        if not found:
            out.append(text)
            return
        definition = {"term": found["term"], "meaning": [found["meaning"]]}
        if found["says"] != "หมายถึง":
            definition["says"] = found["says"]
        if out and isinstance(out[-1], dict) and "definitions" in out[-1]:
            out[-1]["definitions"].append(definition)
        else:
            out.append({"definitions": [definition]})

    for block in blocks:
        if isinstance(block, ListItem):
            if run and run[0].numbered != block.numbered and block.level <= run[0].level:
                flush()
            run.append(block)
            continue
        flush()
        if isinstance(block, Table):
            out.append({"table": table(block)})
        elif isinstance(block, Paragraph):
            paragraph(block.text)
        elif isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, PageBreak):
            continue
    flush()
    return out


def cell(value: Cell) -> Value:
    """A table cell: its text, or `{text: [...]}` when it holds more than one paragraph or a list."""
    if not value.blocks:
        return ""
    if len(value.blocks) == 1 and isinstance(value.blocks[0], Paragraph):
        return value.blocks[0].text
    return {"text": text_block(value.blocks)}


def grid(block: Table) -> list[list[Cell | None]]:
    """The table as a full grid: a merged cell at its top-left, `None` in the places it covers."""
    width = max((sum(c.colspan for c in row) for row in block.rows), default=0)
    height = len(block.rows)
    out: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    taken = [[False] * width for _ in range(height)]
    for r, row in enumerate(block.rows):
        column = 0
        for value in row:
            while column < width and taken[r][column]:
                column += 1
            if column >= width:
                break
            out[r][column] = value
            for dr in range(value.rowspan):
                for dc in range(value.colspan):
                    if r + dr < height and column + dc < width:
                        taken[r + dr][column + dc] = True
            column += value.colspan
    return out


def header_count(block: Table) -> int:
    """Rows that are the table's header: as the source marked them, else the first row and any row merged into it."""
    if block.header_rows:
        return block.header_rows
    if not block.rows:
        return 0
    return min(len(block.rows), max([1, *(c.rowspan for c in block.rows[0])]))


def columns(block: Table) -> list[str]:
    """Column names from the header rows; a merged header cell over several columns is prefixed to each of its
    columns ("ระยะเวลา — ต.ค." ), so no header text is lost."""
    full = grid(block)
    names: list[list[str]] = [[] for _ in range(len(full[0]) if full else 0)]
    for r in range(header_count(block)):
        for c, value in enumerate(full[r]):
            if value is not None and value.text:
                for dc in range(value.colspan):
                    if c + dc < len(names) and value.text not in names[c + dc]:
                        names[c + dc].append(value.text.replace("\n", " "))
    return [" — ".join(parts) or "-" for parts in names]


def table(block: Table) -> dict[str, Value]:
    """A `Table`: columns from the header, one row per body row, merged body cells repeated into each place they
    cover (the model has no spans; repeating keeps the text in every row it belongs to)."""
    full = grid(block)
    heads = header_count(block)
    rows: list[list[Value]] = []
    filled: dict[tuple[int, int], Value] = {}
    for r in range(heads, len(full)):
        row: list[Value] = []
        for c, value in enumerate(full[r]):
            if value is not None:
                text = cell(value)
                for dr in range(1, value.rowspan):
                    for dc in range(value.colspan):
                        filled[(r + dr, c + dc)] = ""  # written once, at the top: the model has no spans
                row.append(text)
            else:
                row.append(filled.get((r, c), ""))
        if any(row):
            rows.append(row)
    return {"columns": columns(block), "rows": rows}


def free_section(title: str, blocks: Sequence[Block], after: str | None = None) -> dict[str, Value]:
    """A free section titled `title` holding `blocks`: where content no field captures goes, never dropped."""
    section: dict[str, Value] = {"title": title}
    if after:
        section["after"] = after
    body = text_block(blocks)
    if body:
        section["text"] = body
    return section
