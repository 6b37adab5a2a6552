"""The layout of a flowchart: one node per row, top to bottom; an edge between non-adjacent rows runs in a lane
beside the shapes (loops back up on the right, jumps forward on the left). Also the flow in words, for readers who
do not see the chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .. import thai
from ..data.flow import Edge, Flow, Node
from . import measure


@dataclass(frozen=True)
class LaneCell:
    """What one lane draws in one row: the vertical line part, and a horizontal arm to the shape."""

    lane: int
    vertical: Literal["full", "top", "bottom"]  # top: from the row's top to its middle
    arm: Literal["none", "in", "out"] = "none"  # in: arrow into the shape; out: leaves the shape
    label: str | None = None


@dataclass
class Row:
    node: Node
    from_above: bool = False  # an arrow comes down from the row above
    to_below: bool = False  # a line goes down to the row below
    below_label: str | None = None  # the label of the edge going down (a decision's `yes`)
    right: list[LaneCell] = field(default_factory=list)
    left: list[LaneCell] = field(default_factory=list)


@dataclass
class Layout:
    rows: list[Row]
    right_lanes: int
    left_lanes: int


def layout(flow: Flow) -> Layout:
    """Put each node in its own row; give every edge between non-adjacent rows a lane of its own."""
    rows = [Row(node) for node in flow.nodes]
    spans: dict[str, list[tuple[int, int, Edge]]] = {"right": [], "left": []}
    for edge in flow.edges:
        a, b = flow.index(edge.source), flow.index(edge.target)
        if b == a + 1:
            rows[a].to_below = True
            rows[b].from_above = True
            rows[a].below_label = edge.label
        else:
            spans["right" if b <= a else "left"].append((a, b, edge))
    counts = {}
    for side, edges in spans.items():
        lanes = _assign_lanes([(min(a, b), max(a, b)) for a, b, _ in edges])
        counts[side] = max(lanes, default=-1) + 1
        for (a, b, edge), lane in zip(edges, lanes, strict=True):
            top, bottom = min(a, b), max(a, b)
            for r in range(top, bottom + 1):
                vertical: Literal["full", "top", "bottom"] = "bottom" if r == top else "top" if r == bottom else "full"
                arm: Literal["none", "in", "out"] = "out" if r == a else "in" if r == b else "none"
                label = edge.label if r == a else None
                getattr(rows[r], side).append(LaneCell(lane, vertical, arm, label))
    return Layout(rows, counts["right"], counts["left"])


def _assign_lanes(spans: list[tuple[int, int]]) -> list[int]:
    """Greedy interval colouring: overlapping spans get different lanes, shorter spans sit nearer the shapes."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][1] - spans[i][0], spans[i][0]))
    lanes = [0] * len(spans)
    taken: list[list[tuple[int, int]]] = []
    for i in order:
        top, bottom = spans[i]
        lane = 0
        while lane < len(taken) and any(not (bottom < t or top > b) for t, b in taken[lane]):
            lane += 1
        if lane == len(taken):
            taken.append([])
        taken[lane].append((top, bottom))
        lanes[i] = lane
    return lanes


def describe(flow: Flow, number: Callable[[int | None], str] = str) -> list[str]:
    """The flow in words, one sentence per node: the text alternative of the chart. A way back to an earlier node
    (a loop) is said as one ("ย้อนกลับไปที่"), as a reader of the chart sees the line turn back."""
    order = {node.key: index for index, node in enumerate(flow.nodes)}

    def back(source: str, target: str) -> bool:
        return order[target] <= order[source]

    words = []
    for node in flow.nodes:
        exits = flow.outgoing(node.key)
        names = [_name(flow.node(e.target), number) for e in exits]
        if node.kind == "decision":
            branches = "; ".join(
                f"ถ้า{e.label} {'ย้อนกลับไปที่' if back(node.key, e.target) else 'ไปที่'} {name}"
                for e, name in zip(exits, names, strict=True)
            )
            words.append(f"ตรวจสอบ: {node.text} — {branches}")
        elif node.key == "start":
            words.append(f"{node.text} → {names[0]}" if exits else node.text)
        elif node.key == "end":
            words.append(node.text)
        else:
            shape = "เอกสาร" if node.kind == "document" else "ขั้นตอน"
            again = "ย้อนกลับไปที่ " if len(exits) == 1 and back(node.key, exits[0].target) else ""
            target = f" → {again}{names[0]}" if len(exits) == 1 else ""
            words.append(f"{shape} {number(node.number)}: {node.text}{target}")
    return words


def _name(node: Node, number: Callable[[int | None], str]) -> str:
    if node.kind == "decision":
        return f"การตรวจสอบ “{node.text}”"
    if node.number:
        return f"ขั้นตอน {number(node.number)}"
    return node.text


# Lines are CSS background layers: a one-pixel SVG (`--flow-line`, defined once in manual.css) stretched to each
# segment, which browsers and WeasyPrint draw the same way (WeasyPrint ignores `background-size` on gradients). Each
# layer is `position / size`; a cell draws every line part that passes through it in one `background` declaration.
LINE = "var(--flow-line)"
_LAYERS = {
    "full": "50% 0 / 2px 100%",
    "top": "50% 0 / 2px 50%",  # from the top edge to the middle
    "bottom": "50% 100% / 2px 50%",  # from the middle to the bottom edge
    "from-left": "0 50% / 50% 2px",  # from the left edge to the centre
    "from-right": "100% 50% / 50% 2px",
    "through": "0 50% / 100% 2px",
}


def _background(parts: list[str]) -> str:
    if not parts:
        return ""
    layers = ", ".join(f"{LINE} {_LAYERS[part]} no-repeat" for part in parts)
    return f"background: {layers}"


def lane_styles(row: Row, side: Literal["left", "right"], count: int) -> list[str]:
    """The drawing of each lane cell on one side of a row, nearest the shape first."""
    cells = row.right if side == "right" else row.left
    parts: list[list[str]] = [[] for _ in range(count)]
    toward_shape = "from-left" if side == "right" else "from-right"
    for cell in cells:
        parts[cell.lane].append(cell.vertical)
        if cell.arm != "none":
            parts[cell.lane].append(toward_shape)
            for nearer in range(cell.lane):
                parts[nearer].append("through")
    return [_background(list(dict.fromkeys(p))) for p in parts]


def shape_style(row: Row) -> str:
    """Lines in the shape's own cell: in from above, out below, and arms to the lanes on either side."""
    parts = []
    if row.from_above:
        parts.append("top")
    if row.to_below:
        parts.append("bottom")
    if any(cell.arm != "none" for cell in row.right):
        parts.append("from-right")
    if any(cell.arm != "none" for cell in row.left):
        parts.append("from-left")
    return _background(parts)


# A decision diamond's text stands in the rectangle inscribed in it: manual.css gives the text 46 % of the diamond's
# width and, with two invisible copies of it at 0.9 of its line height above and below, 1.5 / 3.3 of its height, so
# each line of text makes the diamond 3.3 em taller. What CSS cannot choose is the width: a diamond as wide as its
# box would be flat under a short question. These numbers only size the diamond; the text stays inside whatever
# its width, because the copies make the height (and padding above and below adds to both halves alike).
DIAMOND_TEXT_SHARE = 0.46
DIAMOND_EM_PER_LINE = 3.3
DIAMOND_ASPECT = 1.8  # width : height, as flowchart templates draw the decision symbol
DIAMOND_FLATTEST = 2.5  # a one-line diamond wider than this is made taller
DIAMOND_NEEDLE = 0.6  # a long text's diamond narrower than this is made wider
DIAMOND_WIDTHS = (5.0, 12.0, 20.0)  # em: the narrowest; the widest in the table's column; the widest for long text


@dataclass(frozen=True)
class Diamond:
    width: float  # em of the chart's text
    padding: float  # em above and below the text and its copies

    def style(self) -> str:
        return f"width: {self.width}em" + (f"; padding: {self.padding}em 0" if self.padding else "")


def diamond(text: str) -> Diamond:
    """The decision diamond for `text`: about DIAMOND_ASPECT times as wide as it is tall when its text wraps as the
    engines wrap it (between words, measured with the font), never narrower than its longest word, and wider than
    the table's column only for a text that would otherwise make a needle."""
    segments = _segments(text)
    longest = max((width for width in segments), default=0.0)
    narrowest, usual, widest = DIAMOND_WIDTHS

    def lines(width: float) -> int:
        return _wrap(segments, width * DIAMOND_TEXT_SHARE)

    def aspect(width: float) -> float:
        return width / (lines(width) * DIAMOND_EM_PER_LINE)

    def widths(low: float, high: float) -> list[float]:
        return [low + step / 5 for step in range(int(max(0.0, high - low) * 5) + 1)]

    least = max(narrowest, longest / DIAMOND_TEXT_SHARE + 0.1)
    width = min(widths(least, usual), key=lambda w: abs(math.log(aspect(w) / DIAMOND_ASPECT)))
    if aspect(width) < DIAMOND_NEEDLE:  # a long text: wider than the column rather than a needle
        width = next((w for w in widths(width, widest) if aspect(w) >= DIAMOND_NEEDLE), widest)
    width = math.ceil(width * 10 + 2) / 10  # and a fifth of an em for the engines' rounding
    height = lines(width) * DIAMOND_EM_PER_LINE
    padding = max(0.0, width / DIAMOND_FLATTEST - height) / 2
    return Diamond(width, math.ceil(padding * 10) / 10)


def _segments(text: str) -> list[float]:
    """The widths in em of the parts of `text` between which a line may break (thai.pieces), each with the space
    that ends it left out."""
    widths: list[float] = []
    start_next = True
    for piece in thai.pieces(text):
        if piece.text.isspace():
            start_next = True
            continue
        if start_next or piece.after_thai:
            widths.append(0.0)
        widths[-1] += measure.width(piece.text)
        start_next = False
    return widths


def _wrap(segments: list[float], width: float) -> int:
    """How many lines the segments fill, set greedily as browsers and Pango set them, a space between two."""
    space = measure.width(" ")
    count, line = 1, 0.0
    for segment in segments:
        if line and line + space + segment > width:
            count, line = count + 1, segment
        else:
            line += (space if line else 0.0) + segment
    return count


def label_width(text: str, size: float) -> float:
    """The width in em of the chart's font that a branch label set at `size` em takes on one line, with its padding."""
    return math.ceil((measure.width(text) * size + 0.5) * 10) / 10
