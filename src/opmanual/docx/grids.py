"""Tables of the print HTML laid out on Word's grid: each cell's place (row, column, spans), the columns' widths
and the header rows; and a flowchart table's symbol column as a table of strips, which `figures` draws one picture
per row."""

from __future__ import annotations

import copy

from bs4.element import Tag
from docx.shared import Cm

from .figures import STRIP, STRIP_END, strip_id
from .html import SPACE, classes_of, whole_number

SYMBOLS = {"lane", "shape-cell", "label-space"}  # a flowchart table's cells that draw the chart
Grid = list[list[tuple[Tag, tuple[int, int, int, int]]]]


def strips(table: Tag) -> str:
    """A flowchart table's symbol column as a table of strips (`figures`): each row's symbol cells, drawn as a
    picture of its own, with the ids by which the drawing finds the cells' places."""
    rows = []
    for r, tr in enumerate(tr for tr in table.find_all("tr") if tr.find_parent("thead") is None):
        cells = []
        for c, td in enumerate(flow_cells(tr)[1]):
            drawn = copy.copy(td)
            for tag in [drawn, *drawn.find_all(True)]:
                tag.attrs.pop("id", None)
            drawn["id"] = strip_id(r, c)
            # The rules between the table's cells are Word's own borders: the pictures hold the chart alone.
            drawn["style"] = f"{drawn.get('style') or ''};border:none".lstrip(";")
            cells.append(str(drawn))
        if not r:  # a cell of no width whose place is the right edge of the symbols
            cells.append(f'<td id="{STRIP_END}-right" style="padding:0;width:0;border:none"></td>')
        rows.append(f"<tr {STRIP}>{''.join(cells)}</tr>")
    return (
        f'<table class="flow flow-table" style="width:auto;margin:0;border:none"><tbody>{"".join(rows)}</tbody>'
        f'</table><div id="{STRIP_END}"></div>'
    )


def flow_cells(tr: Tag) -> tuple[list[Tag], list[Tag], list[Tag]]:
    """A flowchart table row's text cells before its symbols (the number), its symbol cells, the text cells after."""
    cells = tr.find_all(["td", "th"], recursive=False)
    drawn = [index for index, cell in enumerate(cells) if classes_of(cell) & SYMBOLS]
    if not drawn:
        return cells, [], []
    return cells[: drawn[0]], cells[drawn[0] : drawn[-1] + 1], cells[drawn[-1] + 1 :]


def grid(rows: list[Tag]) -> tuple[Grid, int]:
    """Each row's cells with their place in the grid (row, column, rowspan, colspan), and the number of columns."""
    taken: set[tuple[int, int]] = set()
    grid: Grid = []
    count = 0
    for r, tr in enumerate(rows):
        placed = []
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in taken:
                c += 1
            rowspan = max(1, min(whole_number(cell, "rowspan"), len(rows) - r))
            colspan = whole_number(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            placed.append((cell, (r, c, rowspan, colspan)))
            c += colspan
        count = max(count, c, *(col + 1 for row, col in taken if row == r))
        grid.append(placed)
    return grid, max(count, 1)


def widths(grid: Grid, count: int, total: int) -> list[int]:
    """Column widths in EMU, by how much each column has to say (its longest line, within limits), and wide enough
    that a short label (a row's header, a number) stays on one line: Thai has no spaces to break it at."""
    weight = [4.0] * count
    least = [0] * count
    for row in grid:
        for cell, (_, c, _, colspan) in row:
            if colspan == 1:
                lines = [SPACE.sub(" ", line).strip() for line in cell.get_text("\n").split("\n")]
                longest = max((len(line) for line in lines), default=0)
                weight[c] = max(weight[c], min(float(longest), 45.0))
                if longest <= 16:
                    least[c] = max(least[c], int(Cm(0.2 * longest + 0.5)))
    whole = sum(weight)
    widths = [int(total * w / whole) for w in weight]
    short = [c for c in range(count) if widths[c] < least[c]]
    if short and sum(least[c] for c in short) < total * 0.6:
        rest = total - sum(least[c] for c in short)
        others = sum(widths[c] for c in range(count) if c not in short) or 1
        widths = [least[c] if c in short else int(widths[c] * rest / others) for c in range(count)]
    return widths


def header_rows(table: Tag, rows: list[Tag]) -> int:
    """The rows repeated on every page: the table head, or the leading rows of header cells only."""
    head = table.find("thead")
    if head is not None and head.find_parent("table") is table:
        return len([tr for tr in rows if tr.find_parent("thead") is head])
    count = 0
    for tr in rows:
        cells = tr.find_all(["td", "th"], recursive=False)
        if cells and all(cell.name == "th" for cell in cells) and len(cells) > 1:
            count += 1
        else:
            break
    return count if count < len(rows) else 0
