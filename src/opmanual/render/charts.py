"""What the chart templates need: a process's flow as rows of cells, and the organisation chart as levels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .. import measures, thai
from ..data import flow as f
from ..data.labels import Labels
from ..data.model import Position, Process, WorkGroup
from . import layout, measure

# Branch labels are set at the matrix's size beside the charts' (12 pt TH Sarabun beside 14 pt) in print, and at the
# same share of the chart's size on the site (manual.css: `.shape .branch`).
BRANCH_SIZE = measures.TYPE["matrix"] / measures.TYPE["chart"]


@dataclass(frozen=True)
class FlowRow:
    node: f.Node
    shape_style: str
    box_style: str  # the shape's own: a diamond's width
    left: list[str]  # lane cells left of the shape, outermost first
    right: list[str]  # lane cells right of the shape, nearest first
    arrows: list[str]  # sides where an arrow enters the shape: top, right, left
    labels: dict[str, str]  # branch labels by the side they leave from: below, right, left


@dataclass(frozen=True)
class FlowChart:
    rows: list[FlowRow]
    left_lanes: int
    right_lanes: int
    columns: list[str]  # optional table columns that have data: details, duration, standard, responsible
    description: list[str]
    label_space: dict[str, Markup]  # the style of the room beyond the lanes for branch labels, by side: left, right

    @property
    def symbol_columns(self) -> int:
        return self.left_lanes + self.right_lanes + 1 + len(self.label_space)


def _css(style: str) -> Markup:
    """A style made by `layout` from fixed parts only: printed as it is, not escaped as text is."""
    return Markup(style)  # noqa: S704 - no data in it


# A branch label beside a shape starts at its edge and runs over the shape cell's padding and the lane its line
# leaves by (manual.css and print.css: 8 px and 12 px at least, 1.5 em of the chart's text); only the rest of it
# needs room beyond the lanes.
LABEL_OVER_LANE_EM = 1.5


def _label_room(labels: list[str]) -> float:
    """The width in em of the room beyond the lanes that the widest of `labels` needs (0: none)."""
    widest = max((layout.label_width(text, BRANCH_SIZE) for text in labels), default=0.0)
    return round(max(0.0, widest - LABEL_OVER_LANE_EM), 1)


def _box_style(node: f.Node) -> str:
    return layout.diamond(node.text).style() if node.kind == "decision" else ""


def flow_chart(process: Process, number: Callable[[int | None], str]) -> FlowChart:
    flow = f.derive(process)
    laid = layout.layout(flow)
    rows = []
    for row in laid.rows:
        arrows = ["top"] if row.from_above else []
        labels = {"below": row.below_label} if row.below_label else {}
        for side, cells in (("right", row.right), ("left", row.left)):
            for cell in cells:
                if cell.arm == "in":
                    arrows.append(side)
                elif cell.arm == "out" and cell.label:
                    labels[side] = cell.label
        rows.append(
            FlowRow(
                node=row.node,
                shape_style=_css(layout.shape_style(row)),
                box_style=_css(_box_style(row.node)),
                left=[_css(style) for style in reversed(layout.lane_styles(row, "left", laid.left_lanes))],
                right=[_css(style) for style in layout.lane_styles(row, "right", laid.right_lanes)],
                arrows=arrows,
                labels=labels,
            )
        )
    steps = process.steps
    columns = [
        name
        for name, present in (
            ("details", any(s.label or s.steps for s in steps)),
            ("duration", any(s.duration for s in steps)),
            ("standard", any(s.standard for s in steps)),
            ("responsible", any(s.responsible for s in steps)),
        )
        if present
    ]
    label_space = {
        side: _css(f"width: {room}em; min-width: {room}em")
        for side in ("left", "right")
        if (room := _label_room([row.labels[side] for row in rows if side in row.labels])) > 0
    }
    return FlowChart(rows, laid.left_lanes, laid.right_lanes, columns, layout.describe(flow, number), label_space)


def position_title(position: Position, label: Labels) -> str:
    """A position's title as the chart and the pages print it: an acting holder's with ปฏิบัติหน้าที่ before it."""
    return f"{label.acting} {position.title}" if position.acting else position.title


# The organisation chart's work groups stand side by side only when each is as wide as its longest word or name
# (boxes never cut a word) and all of them fit: the printed page is 48 em of the chart's size across, the website's
# content 46 em on a 1280 px screen. Each group's box and cell add their padding and borders to its words.
ORG_ACROSS_EM = 45.0
ORG_GROUP_PADDING_EM = 2.0


@dataclass(frozen=True)
class OrgChart:
    chain: list[Position]  # from the top of the chart down to the position the work groups report to
    workgroups: list[WorkGroup]
    description: list[str]
    across: bool  # the work groups fit side by side (else they hang one under another)


def org_chart(
    organization: list[Position],
    workgroups: list[WorkGroup],
    head: str | None,
    name_of: Callable[[str], str],
    label: Labels,
) -> OrgChart:
    """The chain of positions above the group head, then the work groups with their members."""
    by_id = {p.id: p for p in organization}
    chain: list[Position] = []
    seen: set[str] = set()
    current = by_id.get(head) if head else None
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = by_id.get(current.reports_to) if current.reports_to else None
    chain.reverse()

    def holder(position: Position) -> str:
        who = name_of(position.person) if position.person else position.name or ""
        return f"{who} {position_title(position, label)}".strip()

    description = [
        holder(p) + (f" บังคับบัญชา {holder(chain[i + 1])}" if i + 1 < len(chain) else "") for i, p in enumerate(chain)
    ]
    for group in workgroups:
        members = ", ".join(name_of(pid) for pid in group.members)
        description.append(f"{group.name}" + (f": {members}" if members else ""))
    return OrgChart(chain, workgroups, description, _across(workgroups, name_of))


def _across(workgroups: list[WorkGroup], name_of: Callable[[str], str]) -> bool:
    """Whether the work groups fit side by side, each as wide as the widest word of its name or of a member's name."""
    needed = 0.0
    for group in workgroups:
        whole = [piece.text for piece in thai.pieces(group.name) if piece.thai]
        whole += [name_of(pid) for pid in group.members]  # a name is never broken
        needed += max(map(measure.width, whole), default=0.0) + ORG_GROUP_PADDING_EM
    return needed <= ORG_ACROSS_EM
