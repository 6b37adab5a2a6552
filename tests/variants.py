"""Word files as offices save them, made from a clean Word copy with python-docx and lxml: the variants of
`scripts/import_variants.py` and `tests/test_import_variants.py`. Each changes one thing a real file has."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from opmanual.importer.readers.text import display_width


def wrap_points(text: str, width: int = 72) -> list[int]:
    """Where a printed line `width` characters wide would end: between Thai words, the marks above and below a
    letter taking no width, as Word breaks a line."""
    from pythainlp.tokenize import word_tokenize

    points, length, at = [], 0, 0
    for word in word_tokenize(text, keep_whitespace=True):
        wide = display_width(word)
        if length + wide > width and length:
            points.append(at)
            length = 0
        length += wide
        at += len(word)
    return points


def _body_paragraphs(document: Any) -> Iterator[Any]:
    for paragraph in document.paragraphs:
        if len(paragraph.text) > 60 and not paragraph.style.name.lower().startswith(("heading", "title", "toc")):
            yield paragraph


def hard_breaks(document: Any) -> None:
    """Each long paragraph's text again, with a line break (Shift+Enter) where its printed lines end."""
    for paragraph in _body_paragraphs(document):
        text = paragraph.text
        for run in paragraph.runs[1:]:
            run._r.getparent().remove(run._r)
        first = paragraph.runs[0] if paragraph.runs else paragraph.add_run("")
        first.text = ""
        start = 0
        for point in [*wrap_points(text), len(text)]:
            first.add_text(text[start:point])
            if point < len(text):
                first.add_break()
            start = point


def one_paragraph_per_line(document: Any) -> None:
    """Each long paragraph split into one paragraph per printed line, as a PDF-to-Word converter writes it."""
    for paragraph in list(_body_paragraphs(document)):
        text = paragraph.text
        pieces, start = [], 0
        for point in [*wrap_points(text), len(text)]:
            pieces.append(text[start:point])
            start = point
        for run in paragraph.runs[1:]:
            run._r.getparent().remove(run._r)
        (paragraph.runs[0] if paragraph.runs else paragraph.add_run("")).text = pieces[0]
        anchor = paragraph._p
        for piece in pieces[1:]:
            new = copy.deepcopy(paragraph._p)
            for r in new.findall(qn("w:r"))[1:]:
                new.remove(r)
            texts = new.findall(".//" + qn("w:t"))
            for node in texts[1:]:
                node.getparent().remove(node)
            if texts:
                texts[0].text = piece
            anchor.addnext(new)
            anchor = new


def typed_numbering(document: Any) -> None:
    """Word's numbering taken off every list paragraph, its number typed at the start instead."""
    counters: dict[tuple[str, str], int] = {}
    for paragraph in document.paragraphs:
        ppr = paragraph._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            continue
        num = numpr.find(qn("w:numId"))
        level = numpr.find(qn("w:ilvl"))
        key = (num.get(qn("w:val")) if num is not None else "", level.get(qn("w:val")) if level is not None else "0")
        counters[key] = counters.get(key, 0) + 1
        ppr.remove(numpr)
        if paragraph.runs:
            paragraph.runs[0].text = f"{counters[key]}. " + paragraph.runs[0].text


def markdown_marks(document: Any) -> None:
    """Bold runs wrapped in `**`, as text pasted from a Markdown editor or a chat."""
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.bold and run.text.strip():
                run.text = f"**{run.text}**"


def tracked_changes(document: Any) -> None:
    """Every tenth long paragraph gets an insertion (kept) and a deleted word (gone)."""
    for index, paragraph in enumerate(_body_paragraphs(document)):
        if index % 10 or not paragraph.runs:
            continue
        run = paragraph.runs[0]._r
        ins = run.makeelement(qn("w:ins"), {qn("w:id"): str(900 + index), qn("w:author"): "editor"})
        run.addprevious(ins)
        ins.append(copy.deepcopy(run))
        run.getparent().remove(run)
        deleted = copy.deepcopy(ins[0])
        for node in deleted.findall(qn("w:t")):
            node.tag = qn("w:delText")
            node.text = "คำที่ลบแล้ว "
        removal = ins.makeelement(qn("w:del"), {qn("w:id"): str(1900 + index), qn("w:author"): "editor"})
        removal.append(deleted)
        ins.addprevious(removal)


# What follows w:tabs in a paragraph's properties (ECMA-376 CT_PPrBase), for it to stand in its place.
_AFTER_TABS = tuple(
    f"w:{name}"
    for name in [
        *("suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE"),
        *("autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing"),
        *("mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap"),
        *("outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    ]
)


def tab_table(document: Any) -> None:
    """Every table drawn again as lines whose cells are separated by tabs, as an office that prints it types one:
    a tab stop where each column began, each cell's text broken by hand into lines that fit its column (a wrapped
    cell, or a cell of several paragraphs, goes on over the lines after its row's first, the other columns empty
    there)."""
    section = document.sections[0]
    page = (section.page_width - section.left_margin - section.right_margin) // 635  # EMU to twips
    for table in list(document.tables):
        grid = table._tbl.tblGrid
        widths = [int(column.get(qn("w:w"))) for column in grid.findall(qn("w:gridCol"))] if grid is not None else []
        columns = max(len(row.cells) for row in table.rows)
        if len(widths) != columns or not all(widths):
            widths = [page // columns] * columns
        scale = min(1.0, page / sum(widths))
        starts = [round(sum(widths[:index]) * scale) for index in range(columns)]
        # Sarabun at 16 pt: about 72 letters across the line; four fewer a column (a tab's gap before the next),
        # and a tenth less again, as letters differ in width, so that no cell runs into the next.
        fits = [max(4, int((72 * width * scale / page - 4) * 0.9)) for width in widths]
        rows = []
        for row in table.rows:
            cells = []
            for cell, fit in zip(row.cells, fits, strict=False):
                lines = []
                for paragraph in cell.paragraphs:
                    text = " ".join(paragraph.text.split())
                    if not text:
                        continue
                    cuts = [0, *wrap_points(text, fit), len(text)]
                    lines += [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
                cells.append(lines or [""])
            for line in range(max(map(len, cells))):
                rows.append("\t".join(cell[line] if line < len(cell) else "" for cell in cells))
        anchor = table._tbl
        for text in rows:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.first_line_indent = 0
            paragraph.paragraph_format.left_indent = 0
            ppr = paragraph._p.get_or_add_pPr()
            tabs = ppr.makeelement(qn("w:tabs"), {})
            for start in starts[1:]:
                tabs.append(tabs.makeelement(qn("w:tab"), {qn("w:val"): "left", qn("w:pos"): str(start)}))
            ppr.insert_element_before(tabs, *_AFTER_TABS)
            anchor.addnext(paragraph._p)
            anchor = paragraph._p
        table._tbl.getparent().remove(table._tbl)


def text_boxes(document: Any) -> None:
    """Every fifth long paragraph moved into a text box (the older VML kind, as Word still reads it) anchored in an
    empty paragraph at its place, the box growing to fit its text (a box of a fixed height cuts its text off in
    print, which its office would see and mend)."""
    for index, paragraph in enumerate(list(_body_paragraphs(document))):
        if index % 5:
            continue
        inner = copy.deepcopy(paragraph._p)
        anchor = paragraph._p
        for child in list(anchor):
            if child.tag != qn("w:pPr"):
                anchor.remove(child)
        box = parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape type="#_x0000_t202" style="width:430pt;height:60pt">'
            '<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent/></v:textbox></v:shape></w:pict></w:r>'
        )
        box.find(".//" + qn("w:txbxContent")).append(inner)
        anchor.append(box)


def headers_and_footers(document: Any) -> None:
    """A running title in every section's header and a page number in its footer."""
    for section in document.sections:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = "คู่มือการปฏิบัติงาน กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"
        footer = section.footer.paragraphs[0]
        footer.text = "หน้า "
        field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>๑</w:t></w:r></w:fldSimple>')
        footer._p.append(field)


FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def footnotes(document: Any) -> None:
    """Every tenth long paragraph made a footnote of the paragraph before it, as Word writes one (a raised number
    where it is cited, the note in a smaller size with its number first): the note's text is read after the
    paragraph that cites it, where the clean copy has it."""
    from docx.opc.constants import CONTENT_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    root = parse_xml(
        f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        '</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )
    elements = [paragraph._p for paragraph in document.paragraphs]
    for index, paragraph in enumerate(list(_body_paragraphs(document))):
        at = elements.index(paragraph._p)
        if index % 10 != 5 or at == 0:
            continue
        number = str(len(root))
        note = root.makeelement(qn("w:footnote"), {qn("w:id"): number})
        text = copy.deepcopy(paragraph._p)
        for size in text.iter(qn("w:sz"), qn("w:szCs")):
            size.getparent().remove(size)
        for run in text.findall(qn("w:r")):  # the note's text in a footnote's size, 12 points
            for tag in ("w:sz", "w:szCs"):  # Thai is set in the complex-script size
                run.get_or_add_rPr().append(parse_xml(f'<{tag} {nsdecls("w")} w:val="24"/>'))
        mark = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>')
        text.insert(1 if text.find(qn("w:pPr")) is not None else 0, mark)
        note.append(text)
        root.append(note)
        reference = parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
        elements[at - 1].append(reference)
        paragraph._p.getparent().remove(paragraph._p)
    part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, FOOTNOTES)


def comments(document: Any) -> None:
    """A reviewer's comment on every fifth long paragraph: not text of the manual."""
    for index, paragraph in enumerate(_body_paragraphs(document)):
        if index % 5 == 0 and paragraph.runs:
            document.add_comment(paragraph.runs, text="ตรวจข้อความนี้อีกครั้ง", author="ผู้ตรวจ", initials="ผต")


VARIANTS: dict[str, Callable[[Any], None]] = {
    "clean": lambda document: None,
    "hard line breaks": hard_breaks,
    "one paragraph per line": one_paragraph_per_line,
    "numbering typed as text": typed_numbering,
    "Markdown marks": markdown_marks,
    "tracked changes": tracked_changes,
    "tables drawn with tabs": tab_table,
    "text boxes": text_boxes,
    "headers and footers": headers_and_footers,
    "footnotes": footnotes,
    "comments": comments,
}


def texts(folder: Path) -> set[str]:
    """Every text value (over 3 characters) of a data folder's YAML files, without spaces."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str) and len(value) > 3:
            found.add("".join(value.split()))

    for path in folder.rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found
