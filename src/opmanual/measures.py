"""The printed manual's measures, declared once for the PDFs' stylesheet and the Word copies: the page, the margins,
the line spacing and the type scale of Thai official documents.

Sizes are declared as the Thai government's standard face sets them, in points of TH Sarabun (body text 16 pt),
and converted for the face that prints them: the PDFs embed Sarabun, whose glyphs are larger at the same size, so
16 pt TH Sarabun is 10.7 pt Sarabun (`scripts/font_size.py` measures the ratio: 10.45 pt by text width, 10.85 pt by
glyph height). Word copies name TH Sarabun New and use the points as they are.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

# Sarabun points per TH Sarabun point (10.7 / 16), measured by scripts/font_size.py.
SARABUN_PER_TH_SARABUN = 10.7 / 16

# Line spacing, in ems of the body size: TH Sarabun's single spacing (21 pt at 10.7 pt Sarabun).
LINE_HEIGHT = 1.95


@dataclass(frozen=True)
class Margins:
    """Page margins in centimetres."""

    top: float
    right: float
    bottom: float
    left: float

    def css(self) -> str:
        return f"{self.top}cm {self.right}cm {self.bottom}cm {self.left}cm"


PAGE = (21.0, 29.7)  # A4, cm
# Official documents: 3 cm on the binding side (left), 2 cm on the right.
MARGINS = Margins(top=2.5, right=2.0, bottom=2.0, left=3.0)
# Landscape pages (the responsibility matrix): the binding edge is then the top.
WIDE_MARGINS = Margins(top=3.0, right=2.5, bottom=2.0, left=2.5)

# The type scale, in TH Sarabun points. Headings: a chapter 20 pt, a section 18 pt, smaller headings bold at the body
# size. Table text no smaller than 14 pt; the landscape matrix, which must fit every person across, 12 pt.
TYPE = {
    "body": 16.0,
    "h1": 20.0,
    "h2": 18.0,
    "h3": 16.0,
    "h4": 16.0,
    "table": 16.0,  # ordinary tables: work standards, definitions, references
    "chart": 14.0,  # the flowchart table, the flowchart and the organisation chart
    "matrix": 12.0,  # the landscape responsibility matrix
    "small": 14.0,  # notes, the running title, the address under the QR code, captions
    "page_number": 16.0,
    "cover_kind": 40.0,  # คู่มือการปฏิบัติงาน on the cover
    "cover_main": 28.0,  # the cover's first line: the person, the process or the group
    "cover_line": 22.0,
    "cover_office": 20.0,
}


def sarabun(role: str) -> float:
    """The size in points of Sarabun (the PDFs' face) that draws like TH Sarabun at the role's size."""
    return round(TYPE[role] * SARABUN_PER_TH_SARABUN, 2)


def css() -> str:
    """The measures as CSS custom properties (`--type-body`, `--margin-left` …), which print.css uses."""
    lines = [f"  --type-{role.replace('_', '-')}: {sarabun(role)}pt;" for role in TYPE]
    lines.append(f"  --line-height: {LINE_HEIGHT};")
    for name, margins in (("page", MARGINS), ("wide", WIDE_MARGINS)):
        lines.append(f"  --{name}-margins: {margins.css()};")
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def stylesheet_url() -> str:
    """`css()` as a data: URL, linked before print.css in every printed document."""
    return "data:text/css;base64," + base64.b64encode(css().encode()).decode("ascii")
