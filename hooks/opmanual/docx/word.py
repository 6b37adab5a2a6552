"""The Word side of a book: page setup, styles with Thai fonts, list numbering and fields, as raw OOXML where
python-docx has no API for them (complex-script fonts and sizes, numbering definitions, fields, header rows).

Thai is a complex script to Word: a run of Thai text is shown with the `w:cs` font at `w:szCs`, bold with `w:bCs`,
so every font, size and weight is set on both the ascii/hAnsi and the complex-script side, and the language is
th-TH, which also makes Word break lines between Thai words.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

# Sarabun at 10.5 pt looks like TH Sarabun New at 16 pt, the official size (print.css prints 10.7 pt; Word sizes
# go by half points). TH Sarabun New is used instead when the machine has it, at its own official size.
SARABUN = ("Sarabun", 10.5)
TH_SARABUN_NEW = ("TH Sarabun New", 16.0)
LINE = 1.95  # print.css: line-height, in ems of the body size
A4 = (Cm(21), Cm(29.7))
MARGINS = {"top": Cm(2.5), "bottom": Cm(2), "left": Cm(3), "right": Cm(2)}  # print.css @page
WIDE_MARGINS = {"top": Cm(3), "bottom": Cm(2), "left": Cm(2.5), "right": Cm(2.5)}  # @page wide
HEADING_SIZES = {1: 1.6, 2: 1.25, 3: 1.1, 4: 1.0, 5: 1.0, 6: 1.0}  # print.css h1–h6, in ems
INDENT = 0.6  # cm: a numbered list's hanging indent (print.css: 2.2em)
NEST = 0.45  # cm: each nesting level further in (1.6em)
TWIPS_PER_CM = 567


@dataclass(frozen=True)
class Font:
    name: str
    size: float  # pt, of the body text

    def em(self, ems: float) -> Pt:
        return Pt(round(self.size * ems * 2) / 2)


def font_of_machine() -> Font:
    """TH Sarabun New when fontconfig knows it, else the Sarabun the PDFs embed."""
    try:
        found = subprocess.run(  # noqa: S603 - a fixed command
            ["fc-list", f":family={TH_SARABUN_NEW[0]}", "family"],  # noqa: S607 - fontconfig's own tool
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except OSError:
        found = ""
    return Font(*TH_SARABUN_NEW) if found.strip() else Font(*SARABUN)


def element(tag: str, **attributes: str) -> Any:
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    return made


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = element(tag)
        parent.append(found)
    return found


def thai_run_properties(rpr: Any, font: Font | None = None, size: Pt | None = None, bold: bool | None = None) -> None:
    """Font, size and weight on both the Latin and the complex-script (Thai) side of a run or a style."""
    if font is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            rpr.remove(fonts)  # theme fonts (asciiTheme …) would win over the names
        rpr.insert(0, element("w:rFonts", ascii=font.name, hAnsi=font.name, cs=font.name, eastAsia=font.name))
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            _child(rpr, tag).set(qn("w:val"), "1" if bold else "0")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(round(size.pt * 2)))


def _lang(rpr: Any) -> None:
    lang = _child(rpr, "w:lang")
    for name in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{name}"), "th-TH")


def setup_styles(document: Any, font: Font) -> None:
    """The body in the book's font at the official size, Thai language; headings as print.css draws them."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    thai_run_properties(rpr, font, Pt(font.size))
    _lang(rpr)
    line = Pt(font.size * LINE)
    normal = styles["Normal"]
    thai_run_properties(normal.element.get_or_add_rPr(), font, Pt(font.size))
    _lang(normal.element.get_or_add_rPr())
    normal.font.color.rgb = RGBColor(0, 0, 0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = font.em(0.4)
    normal.paragraph_format.line_spacing = line
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    for level, ems in HEADING_SIZES.items():
        style = styles[f"Heading {level}"]
        rpr = style.element.get_or_add_rPr()
        thai_run_properties(rpr, font, font.em(ems), bold=True)
        for tag in ("w:i", "w:iCs", "w:color"):
            for found in rpr.findall(qn(tag)):
                rpr.remove(found)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.space_before = font.em({1: 0, 2: 1.25, 3: 0.9}.get(level, 0.6))
        fmt.space_after = font.em({1: 1.0, 2: 0.5, 3: 0.35}.get(level, 0.2))
        fmt.line_spacing = 1.0
        fmt.keep_with_next = True
        if level == 1:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The cover's lines are paragraphs of their own styles, not Word's Title: a reader of the file (the importer)
    # takes Title for a heading, and the cover's words are no part of the book's outline.
    for name, ems, bold in (("Cover Title", 2.6, True), ("Cover Name", 1.8, True), ("Cover Line", 1.4, False)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        thai_run_properties(style.element.get_or_add_rPr(), font, font.em(ems), bold=bold)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_after = Pt(0)
    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    caption = styles["Caption"]
    thai_run_properties(caption.element.get_or_add_rPr(), font, font.em(0.9), bold=False)
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for level in (1, 2):
        style = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.left_indent = Cm(0.8 * (level - 1))
        style.font.bold = level == 1
        if level == 1:
            _child(style.element.get_or_add_rPr(), "w:bCs").set(qn("w:val"), "1")
        ppr = style.element.get_or_add_pPr()
        tabs = _child(ppr, "w:tabs")
        width = int((A4[0] - MARGINS["left"] - MARGINS["right"]) / 635)  # EMU to twips
        tabs.append(element("w:tab", val="right", leader="dot", pos=str(width)))


def page(section: Any, *, wide: bool = False) -> None:
    """A4, portrait with the official margins, or landscape for the wide chapter."""
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if wide else (width, height)
    for side, value in (WIDE_MARGINS if wide else MARGINS).items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1)


def text_width(section: Any) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


def page_numbers(section: Any, number_format: str, start: int | None) -> None:
    """The section's page numbers: their digits (Word's numFmt: thaiNumbers, thaiLetters, decimal) and start."""
    sect = section._sectPr
    for found in sect.findall(qn("w:pgNumType")):
        sect.remove(found)
    attributes = {"fmt": number_format, **({"start": str(start)} if start is not None else {})}
    numbering = element("w:pgNumType", **attributes)
    # pgNumType comes just before cols in sectPr's sequence (after pgMar, pgBorders, lnNumType).
    cols = sect.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        sect.find(qn("w:pgMar")).addnext(numbering)


def field(paragraph: Any, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, TOC …) in a paragraph, with the text shown until Word updates it."""
    run = paragraph.add_run()
    run._r.append(element("w:fldChar", fldCharType="begin"))
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType="end"))


def field_start(paragraph: Any, instruction: str) -> None:
    """The first half of a field whose shown result spans paragraphs (the contents): begin, code, separate."""
    run = paragraph.add_run()
    run._r.append(element("w:fldChar", fldCharType="begin", dirty="true"))
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType="separate"))


def field_end(paragraph: Any) -> None:
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType="end"))


def update_fields_on_open(document: Any) -> None:
    """Word fills the contents' page numbers when the file is opened (it asks first)."""
    settings = document.settings.element
    found = settings.find(qn("w:updateFields"))
    if found is None:
        settings.append(element("w:updateFields", val="true"))


@dataclass(frozen=True)
class Level:
    """One level of a Word list: its number format, the text around the numbers (`%1.%2`), the first number."""

    number_format: str  # decimal, thaiNumbers, bullet
    text: str
    start: int = 1


class Numbering:
    """The book's numbering.xml: one abstract list per list in the book, its levels those of the nesting."""

    def __init__(self, document: Any, font: Font) -> None:
        self.root = document.part.numbering_part.element
        self.font = font
        self.next_id = 1 + max((int(n.get(qn("w:abstractNumId"))) for n in self._all("w:abstractNum")), default=0)

    def _all(self, tag: str) -> list[Any]:
        return list(self.root.findall(qn(tag)))

    def add(self, levels: list[Level]) -> int:
        """A new list with these levels (level 0 first); its numId."""
        abstract_id = self.next_id
        self.next_id += 1
        abstract = element("w:abstractNum", abstractNumId=str(abstract_id))
        abstract.append(element("w:multiLevelType", val="hybridMultilevel" if len(levels) == 1 else "multilevel"))
        for index, level in enumerate(levels):
            lvl = element("w:lvl", ilvl=str(index))
            lvl.append(element("w:start", val=str(level.start)))
            lvl.append(element("w:numFmt", val=level.number_format))
            lvl.append(element("w:lvlText", val=level.text))
            lvl.append(element("w:lvlJc", val="left"))
            ppr = element("w:pPr")
            left = round((INDENT + NEST * index) * TWIPS_PER_CM)
            ppr.append(element("w:ind", left=str(left), hanging=str(round(INDENT * TWIPS_PER_CM))))
            lvl.append(ppr)
            rpr = element("w:rPr")
            thai_run_properties(rpr, self.font)
            lvl.append(rpr)
            abstract.append(lvl)
        nums = self._all("w:num")
        if nums:
            nums[0].addprevious(abstract)  # every abstractNum comes before the first num
        else:
            self.root.append(abstract)
        num_id = 1 + max((int(n.get(qn("w:numId"))) for n in nums), default=0)
        num = element("w:num", numId=str(num_id))
        num.append(element("w:abstractNumId", val=str(abstract_id)))
        self.root.append(num)
        return num_id


def number_paragraph(paragraph: Any, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = element("w:numPr")
    numpr.append(element("w:ilvl", val=str(level)))
    numpr.append(element("w:numId", val=str(num_id)))
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def indent_as_level(paragraph: Any, level: int) -> None:
    """A further paragraph of a list item: in line with the item's text."""
    paragraph.paragraph_format.left_indent = Cm(INDENT + NEST * level)


def repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("w:tblHeader", val="true"))


def no_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(element("w:cantSplit", val="true"))


def borders(table: Any, color: str = "777777", eighths: int = 4) -> None:
    """Every cell edge a thin grey line, as print.css draws them (0.5 pt)."""
    tblpr = table._tbl.tblPr
    edges = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edges.append(element(f"w:{side}", val="single", sz=str(eighths), space="0", color=color))
    tblpr.append(edges)


def shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(element("w:shd", val="clear", color="auto", fill=fill))


def keep_lines(paragraph: Any) -> None:
    paragraph.paragraph_format.keep_with_next = True


def bookmark(body: Any, start: int, name: str) -> None:
    """A bookmark from the body's element at `start` (a paragraph) to its last paragraph."""
    paragraphs = [child for child in list(body)[start:] if child.tag == qn("w:p")]
    if not paragraphs:
        return
    first, last = paragraphs[0], paragraphs[-1]
    opening = element("w:bookmarkStart", id="0", name=name)
    ppr = first.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(opening)
    else:
        first.insert(0, opening)
    last.append(element("w:bookmarkEnd", id="0"))
