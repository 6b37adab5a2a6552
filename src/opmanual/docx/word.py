"""The Word side of a book: page setup, styles with Thai fonts, list numbering and fields, as raw OOXML where
python-docx has no API for them (complex-script fonts and sizes, numbering definitions, fields, the font table).
Tables are `cells`. One module for the rest, for they share what makes a Word part valid and Thai: the schema's
order of a run's and a paragraph's properties (`_child`) and the Thai run properties every style and list level sets.

Thai is a complex script to Word: a run of Thai text is shown with the `w:cs` font at `w:szCs`, bold with `w:bCs`,
so every font, size and weight is set on both the ascii/hAnsi and the complex-script side, and the language is
th-TH, which also makes Word break lines between Thai words.

Every copy names TH Sarabun New, the government's standard face, at the official sizes (`measures.TYPE`, in TH
Sarabun points: 16 pt body text), whatever fonts the machine that builds it has: an office PC has TH Sarabun New or
TH SarabunPSK, not the Sarabun the PDFs embed. The document's font table says what to use instead (`fonts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor

from .. import measures
from ..render.theme import ASSETS


@dataclass(frozen=True)
class FontEntry:
    """A face as Word's font table (word/fontTable.xml) declares it: what Word matches a missing face by."""

    name: str
    alternative: str | None  # w:altName: the face Word looks for next (one name: Word does not split a list)
    panose: str  # w:panose1, the font's OS/2 PANOSE classification
    unicode_ranges: tuple[str, str, str, str]  # w:sig usb0–3: OS/2 ulUnicodeRange (Thai is bit 24)
    code_pages: tuple[str, str]  # w:sig csb0–1: OS/2 ulCodePageRange (Thai, code page 874, is bit 16)
    family: str = "swiss"  # sans serif


# TH Sarabun New's classification, as read from TLWG's Laksaman, its free derivative (Debian
# fonts-tlwg-laksaman-ttf); TH SarabunPSK is the same design. An office PC without TH Sarabun New finds TH
# SarabunPSK through the alternative name; one with neither, Sarabun (the face the PDFs embed), or the Thai face
# closest by these numbers. The sizes stay those of TH Sarabun (Sarabun draws larger at the same size).
_TH_SARABUN = ("020B0500040200020003", ("A100006F", "5000205A", "00000000", "00000000"), ("60010183", "80000000"))
FONT = "TH Sarabun New"
# The ten PANOSE digits, in the order of OS/2's panose and Word's w:panose1.
_PANOSE = (
    "bFamilyType bSerifStyle bWeight bProportion bContrast bStrokeVariation bArmStyle bLetterForm bMidline bXHeight"
)
FALLBACK = "Sarabun"


@cache
def fonts() -> tuple[FontEntry, ...]:
    """The book's faces and their fallback chain: TH Sarabun New → TH SarabunPSK → Sarabun. Sarabun's numbers are
    read from the file the project ships."""
    from fontTools.ttLib import TTFont

    with TTFont(ASSETS / "fonts/Sarabun_400Regular.ttf", lazy=True) as font:
        os2 = font["OS/2"]
        panose = "".join(f"{getattr(os2.panose, field):02X}" for field in _PANOSE.split())
        ranges = (os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3, os2.ulUnicodeRange4)
        pages = (os2.ulCodePageRange1, os2.ulCodePageRange2)
    return (
        FontEntry(FONT, "TH SarabunPSK", *_TH_SARABUN),
        FontEntry("TH SarabunPSK", FALLBACK, *_TH_SARABUN),
        FontEntry(
            FALLBACK,
            None,
            panose,
            (f"{ranges[0]:08X}", f"{ranges[1]:08X}", f"{ranges[2]:08X}", f"{ranges[3]:08X}"),
            (f"{pages[0]:08X}", f"{pages[1]:08X}"),
        ),
    )


def font_table() -> bytes:
    """word/fontTable.xml: the faces the book names, each with what Word should use when it is missing."""
    entries = []
    for font in fonts():
        usb, csb = font.unicode_ranges, font.code_pages
        alternative = f"<w:altName w:val={quoteattr(font.alternative)}/>" if font.alternative else ""
        entries.append(
            f'<w:font w:name={quoteattr(font.name)}>{alternative}<w:panose1 w:val="{font.panose}"/>'
            f'<w:charset w:val="00"/><w:family w:val="{font.family}"/><w:pitch w:val="variable"/>'
            f'<w:sig w:usb0="{usb[0]}" w:usb1="{usb[1]}" w:usb2="{usb[2]}" w:usb3="{usb[3]}" '
            f'w:csb0="{csb[0]}" w:csb1="{csb[1]}"/></w:font>'
        )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    ).encode()


def type_size(role: str) -> Length:
    """The official size of a kind of text (`measures.TYPE`), in TH Sarabun points as Word uses them."""
    return Pt(measures.TYPE[role])


# The measures (`measures`, which print.css reads too) in Word's units. Spacing is in the PDF's ems (of its 10.7 pt
# Sarabun body), so that paragraphs stand as far apart as printed.
EM = measures.sarabun("body")
LINE_SPACING = Pt(EM * measures.LINE_HEIGHT)  # the body's line spacing, as the PDFs print it (21 pt)
HEADINGS = {1: "h1", 2: "h2", 3: "h3", 4: "h4", 5: "h4", 6: "h4"}  # the type role of each heading level
# Room above and below each heading level, in body ems: print.css's heading margins when its h2 was 1.25em and its
# h3 1.1em. The type scale has changed since (h2 is 18 pt), so h2 and h3 stand a little further apart than printed.
HEADING_BEFORE = {1: 0.0, 2: 1.25, 3: 0.9}
HEADING_AFTER = {1: 1.0, 2: 0.5, 3: 0.35}
HEADING_BEFORE_OTHERS, HEADING_AFTER_OTHERS = 0.6, 0.2
INDENT = measures.LIST_INDENT  # ems: a numbered list's hanging indent
NEST = measures.LIST_NEST  # ems: each nesting level further in
TWIPS_PER_CM = 567
EMU_PER_TWIP = 635
TEXT_WIDTH_CM = measures.PAGE[0] - measures.MARGINS.left - measures.MARGINS.right  # of a portrait page
TEXT_COLOR = RGBColor.from_string(measures.TEXT_COLOR)
RUNNING_TITLE_COLOR = RGBColor.from_string(measures.RUNNING_TITLE_COLOR)
COVER_TOP = Cm(measures.COVER_TOP)
COVER_LOGO_HEIGHT = Cm(measures.COVER_LOGO_HEIGHT)


def em(ems: float) -> Length:
    return Pt(round(EM * ems * 2) / 2)


def element(tag: str, **attributes: str) -> Any:
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    return made


# The order of a run's properties in the schema (ECMA-376 CT_RPr): Word refuses a file whose rPr is out of order.
RUN_PROPERTIES = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip


# The same for a paragraph's properties (CT_PPr). Written directly: python-docx's setters look every later
# property up one by one, which made them a good part of the time a book takes.
PARAGRAPH_PROPERTIES = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
_ORDER = {qn("w:rPr"): RUN_PROPERTIES, qn("w:pPr"): PARAGRAPH_PROPERTIES}


def _child(parent: Any, tag: str, made: Any = None) -> Any:
    """The parent's `tag` child, made (or `made` put) in its place in the schema's order when it has none."""
    found = parent.find(qn(tag))
    if found is None:
        found = element(tag) if made is None else made
        order = _ORDER.get(parent.tag, ())
        later = {qn(name) for name in order[order.index(tag) + 1 :]} if tag in order else ()
        following = next((child for child in parent if child.tag in later), None)
        if following is not None:
            following.addprevious(found)
        else:
            parent.append(found)
    return found


def italic(rpr: Any) -> None:
    """Italic on both the Latin and the complex-script side."""
    for tag in ("w:i", "w:iCs"):
        _child(rpr, tag)


def thai_run_properties(
    rpr: Any, font: str | None = None, size: Length | None = None, bold: bool | None = None
) -> None:
    """Font, size and weight on both the Latin and the complex-script (Thai) side of a run or a style."""
    if font is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            rpr.remove(fonts)  # theme fonts (asciiTheme …) would win over the names
        _child(rpr, "w:rFonts", element("w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))
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


# Paragraph styles of table text, by the role of the table's type size.
TABLE_STYLES = {"table": "Table Text", "chart": "Chart Text", "matrix": "Matrix Text"}


def setup_styles(document: Any) -> None:
    """The body in TH Sarabun New at the official size, Thai language; headings, tables, captions and the cover at
    the official scale."""
    styles = document.styles
    # Every style of python-docx's template names the theme's fonts (Calibri, Angsana New for Thai …): an office
    # that applies one in Word (Title, Heading 5, Quote …) gets TH Sarabun New like the rest.
    for fonts in list(styles.element.iter(qn("w:rFonts"))):
        thai_run_properties(fonts.getparent(), FONT)
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    thai_run_properties(rpr, FONT, type_size("body"))
    _lang(rpr)
    normal = styles["Normal"]
    thai_run_properties(normal.element.get_or_add_rPr(), FONT, type_size("body"))
    _lang(normal.element.get_or_add_rPr())
    normal.font.color.rgb = TEXT_COLOR
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = em(measures.PARAGRAPH_SPACE)
    normal.paragraph_format.line_spacing = LINE_SPACING
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    for level, role in HEADINGS.items():
        style = styles[f"Heading {level}"]
        rpr = style.element.get_or_add_rPr()
        thai_run_properties(rpr, FONT, type_size(role), bold=True)
        for tag in ("w:i", "w:iCs", "w:color"):
            for found in rpr.findall(qn(tag)):
                rpr.remove(found)
        style.font.color.rgb = TEXT_COLOR
        fmt = style.paragraph_format
        fmt.space_before = em(HEADING_BEFORE.get(level, HEADING_BEFORE_OTHERS))
        fmt.space_after = em(HEADING_AFTER.get(level, HEADING_AFTER_OTHERS))
        fmt.line_spacing = 1.0
        fmt.keep_with_next = True
        if level == 1:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The cover's lines are paragraphs of their own styles, not Word's Title: a reader of the file (the importer)
    # takes Title for a heading, and the cover's words are no part of the book's outline.
    for name, role, bold in (
        ("Cover Title", "cover_kind", True),
        ("Cover Name", "cover_main", True),
        ("Cover Line", "cover_line", False),
        ("Cover Office", "cover_office", True),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        thai_run_properties(style.element.get_or_add_rPr(), size=type_size(role), bold=bold)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_after = Pt(0)
    for role, name in TABLE_STYLES.items():
        table_text = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = normal
        thai_run_properties(table_text.element.get_or_add_rPr(), size=type_size(role))
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
    caption = styles["Caption"]
    thai_run_properties(caption.element.get_or_add_rPr(), FONT, type_size("small"), bold=False)
    caption.font.color.rgb = TEXT_COLOR
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
        width = round(TEXT_WIDTH_CM * TWIPS_PER_CM)
        tabs.append(element("w:tab", val="right", leader="dot", pos=str(width)))


def page(section: Any, *, wide: bool = False) -> None:
    """A4, portrait with the official margins, or landscape for the wide chapter (`measures`)."""
    width, height = (Cm(side) for side in measures.PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if wide else (width, height)
    margins = measures.WIDE_MARGINS if wide else measures.MARGINS
    for side in ("top", "right", "bottom", "left"):
        setattr(section, f"{side}_margin", Cm(getattr(margins, side)))
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

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        # The template's bullet lists (Word's List Bullet style) draw a Symbol-font bullet: a bullet of the book's
        # own font instead, so that the copy names no face but its own.
        for level in self._all("w:abstractNum/w:lvl"):
            text = level.find(qn("w:lvlText"))
            if text is not None and text.get(qn("w:val")) == "\uf0b7":
                text.set(qn("w:val"), "•")
            rpr = level.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
                thai_run_properties(rpr, FONT)
        self.next_id = 1 + max((int(n.get(qn("w:abstractNumId"))) for n in self._all("w:abstractNum")), default=0)

    def _all(self, path: str) -> list[Any]:
        return list(self.root.xpath(path))

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
            left = twips(em(INDENT + NEST * index))
            ppr.append(element("w:ind", left=str(left), hanging=str(twips(em(INDENT)))))
            lvl.append(ppr)
            rpr = element("w:rPr")
            thai_run_properties(rpr, FONT)
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
    paragraph.paragraph_format.left_indent = em(INDENT + NEST * level)


def hang_as_level(paragraph: Any, level: int) -> None:
    """A list item's first paragraph that starts with its typed label: the label hangs out to the left, and a tab
    takes the text to where the item's further lines start."""
    ppr = paragraph._p.get_or_add_pPr()
    left = str(twips(em(INDENT + NEST * level)))
    _child(ppr, "w:tabs").append(element("w:tab", val="left", pos=left))
    _child(ppr, "w:ind").attrib.update({qn("w:left"): left, qn("w:hanging"): str(twips(em(INDENT)))})


def twips(length: Length) -> int:
    return round(length / EMU_PER_TWIP)


def tiny(paragraph: Any, *, keep: bool = False) -> None:
    """A paragraph that holds a picture or nothing: no room above or below it, and a mark too small to show; kept
    on the page of the next (its row with the next row)."""
    ppr = paragraph._p.get_or_add_pPr()
    if keep:
        _child(ppr, "w:keepNext")
    _child(ppr, "w:spacing", element("w:spacing", before="0", after="0", line="240", lineRule="auto"))
    rpr = _child(ppr, "w:rPr")
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), "2")


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
