"""Word tables in raw OOXML where python-docx has no API: header rows repeated on each page, rows kept whole,
the rules and shading print.css draws (`measures`), and tables built cell by cell (the flowchart table), whose
cells span grid columns and rows and carry borders of their own."""

from __future__ import annotations

from typing import Any

from docx.shared import Emu, Length

from .. import measures
from .word import element, twips


def repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("w:tblHeader", val="true"))


def no_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(element("w:cantSplit", val="true"))


# A cell's borders: for each side drawn, its style, width in eighths of a point and colour (`measures`: thin grey
# rules, light ones between a flowchart table's columns, as thin as the others, the chart's lines in indigo).
Borders = dict[str, tuple[str, int, str]]


def _eighths(points: float) -> int:
    return round(points * 8)


RULE = ("single", _eighths(measures.RULE.width), measures.RULE.color)
LIGHT = ("single", _eighths(measures.RULE.width), measures.LIGHT_RULE_COLOR)
CHART_LINE = ("single", _eighths(measures.CHART.width), measures.CHART.color)
HEADER_BORDERS: Borders = {"top": RULE, "left": RULE, "bottom": RULE, "right": RULE}
COLUMN_BORDERS: Borders = {"left": LIGHT, "right": LIGHT}
LEFT_RULE: Borders = {"left": LIGHT}
NO_BORDERS: Borders = {}


def line_borders(line: bool, right_half: bool) -> Borders:
    """A half of a symbol column under its picture: the chart's line on the edge it shares with the other half."""
    return ({"left": CHART_LINE} if right_half else {"right": CHART_LINE}) if line else {}


def grid_table(container: Any, columns: list[int]) -> Any:
    """An empty table of columns of these widths (EMU), ruled round, to be filled row by row and cell by cell."""
    table = container.add_table(rows=0, cols=len(columns))
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, columns, strict=True):
        column.w = Emu(width)
    tblpr = table._tbl.tblPr
    edges = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        edges.append(element(f"w:{side}", val=RULE[0], sz=str(RULE[1]), space="0", color=RULE[2]))
    tblpr.append(edges)
    return table


def add_row(table: Any, *, header: bool = False, height: Length | None = None, keep: bool = False) -> Any:
    """A new row at the table's end: repeated on each page (a header), of exactly `height`, or kept whole."""
    tr = element("w:tr")
    trpr = element("w:trPr")
    if keep or header:
        trpr.append(element("w:cantSplit", val="true"))
    if height is not None:
        trpr.append(element("w:trHeight", val=str(twips(height)), hRule="exact"))
    if header:
        trpr.append(element("w:tblHeader", val="true"))
    tr.append(trpr)
    table._tbl.append(tr)
    return tr


def add_cell(
    table: Any,
    tr: Any,
    widths: list[int],
    borders: Borders,
    merge: str | None = None,
    middle: bool = False,
    *,
    tight: bool = False,
) -> Any:
    """A cell at the row's end across the grid columns of these widths: merged with the cell above it
    (`merge`: restart, continue), its text centred vertically, and without margins (`tight`)."""
    from docx.table import _Cell

    tc = element("w:tc")
    tcpr = element("w:tcPr")  # children in the schema's order: tcW, gridSpan, vMerge, tcBorders, tcMar, vAlign
    tcpr.append(element("w:tcW", w=str(twips(Emu(sum(widths)))), type="dxa"))
    if len(widths) > 1:
        tcpr.append(element("w:gridSpan", val=str(len(widths))))
    if merge is not None:
        tcpr.append(element("w:vMerge", val=merge))
    edges = element("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        kind, eighths, color = borders.get(side, ("nil", 0, "auto"))
        edges.append(element(f"w:{side}", val=kind, sz=str(eighths), space="0", color=color))
    tcpr.append(edges)
    if tight:
        margins = element("w:tcMar")
        for side in ("top", "left", "bottom", "right"):
            margins.append(element(f"w:{side}", w="0", type="dxa"))
        tcpr.append(margins)
    if middle:
        tcpr.append(element("w:vAlign", val="center"))
    tc.append(tcpr)
    tc.append(element("w:p"))
    tr.append(tc)
    return _Cell(tc, table)


def borders(table: Any) -> None:
    """Every cell edge a thin grey line, as print.css draws them (`measures.RULE`)."""
    tblpr = table._tbl.tblPr
    edges = element("w:tblBorders")
    kind, eighths, color = RULE
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edges.append(element(f"w:{side}", val=kind, sz=str(eighths), space="0", color=color))
    tblpr.append(edges)


def shade_header(cell: Any) -> None:
    """A header cell's background, as print.css shades it (`measures.HEADER_SHADE`)."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(element("w:shd", val="clear", color="auto", fill=measures.HEADER_SHADE))
