"""The printed manual's measures, declared once for the PDFs' stylesheet and the Word copies: the page, the margins,
the line spacing and the type scale of Thai official documents.

Sizes are declared as the Thai government's standard face sets them, in points of TH Sarabun (body text 16 pt),
and converted for the face that prints them: the PDFs embed Sarabun, whose glyphs are larger at the same size, so
16 pt TH Sarabun is 10.7 pt Sarabun (`scripts/font_size.py` measures the ratio: 10.45 pt by text width, 10.85 pt by
glyph height). Word copies name TH Sarabun New and use the points as they are.

Spacing, indents, rules and colours that print.css and the Word copies share are here too: print.css reads each as
a variable (`css()`), `docx/` converts it to Word's units. Ems are those of the PDF's body size (10.7 pt of
Sarabun), which the Word copies keep, so that paragraphs stand as far apart as printed.
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


# Spacing and indents, in ems of the text they belong to.
PARAGRAPH_SPACE = 0.4  # below a paragraph
FIRST_LINE_INDENT = 2.5  # a paragraph marked `indent` (the foreword's)
COVER_KIND_SPACE = 1.2  # below คู่มือการปฏิบัติงาน on the cover, in ems of its own size
# manual.css's, on the screen as on paper (the website has no measures, so manual.css writes them out; a test
# keeps them equal): a numbered list's hanging indent, each nesting level further in, a source's hanging indent.
LIST_INDENT = 2.2
LIST_NEST = 1.6
BIBLIOGRAPHY_INDENT = 3.0

SIGNATURE_INDENT = 0.45  # of the text's width: the signature under the foreword stands in the right half or so
COVER_TOP = 3.5  # cm: the cover's title part below the top margin, whatever the length of the title
COVER_LOGO_HEIGHT = 3.5  # cm: the office's logo on the cover at most, so that a tall one leaves room for the title


@dataclass(frozen=True)
class Rule:
    """A line: its width in points and its colour (hex RGB, as Word writes it)."""

    width: float
    color: str

    def css(self) -> str:
        return f"{self.width}pt solid #{self.color}"


# Colours, in hex RGB. Text is black and the running title dark grey, as official documents print them; tables are
# ruled in thin grey with a pale indigo head; the charts' lines and borders are the site's indigo.
TEXT_COLOR = "000000"
RUNNING_TITLE_COLOR = "444444"
RULE = Rule(0.5, "777777")  # a table's rules
LIGHT_RULE_COLOR = "BBBBBB"  # the light rules between a flowchart table's columns (manual.css: --…-lightest)
HEADER_SHADE = "EEF0F8"  # a table's header cells
CHART = Rule(1.5, "3949AB")  # a chart's lines: manual.css draws them 2 px wide, 1.5 pt


def sarabun(role: str) -> float:
    """The size in points of Sarabun (the PDFs' face) that draws like TH Sarabun at the role's size."""
    return round(TYPE[role] * SARABUN_PER_TH_SARABUN, 2)


def css() -> str:
    """The measures as CSS custom properties (`--type-body`, `--margin-left` …), which print.css uses."""
    lines = [f"  --type-{role.replace('_', '-')}: {sarabun(role)}pt;" for role in TYPE]
    lines.append(f"  --line-height: {LINE_HEIGHT};")
    for name, margins in (("page", MARGINS), ("wide", WIDE_MARGINS)):
        lines.append(f"  --{name}-margins: {margins.css()};")
    lines += [
        f"  --paragraph-space: {PARAGRAPH_SPACE}em;",
        f"  --first-line-indent: {FIRST_LINE_INDENT}em;",
        f"  --cover-kind-space: {COVER_KIND_SPACE}em;",
        f"  --signature-indent: {SIGNATURE_INDENT * 100:g}%;",
        f"  --cover-top: {COVER_TOP}cm;",
        f"  --cover-logo-height: {COVER_LOGO_HEIGHT}cm;",
        f"  --text-color: #{TEXT_COLOR};",
        f"  --running-title-color: #{RUNNING_TITLE_COLOR};",
        f"  --rule: {RULE.css()};",
        f"  --rule-color: #{RULE.color};",
        f"  --light-rule-color: #{LIGHT_RULE_COLOR};",
        f"  --header-shade: #{HEADER_SHADE};",
        f"  --chart-color: #{CHART.color};",
    ]
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def stylesheet_url() -> str:
    """`css()` as a data: URL, linked before print.css in every printed document."""
    return "data:text/css;base64," + base64.b64encode(css().encode()).decode("ascii")
