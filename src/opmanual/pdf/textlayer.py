"""Make the text layer of WeasyPrint's PDFs equal the source text for Thai (and any cluster of several glyphs).

The cause. A PDF maps each glyph code to Unicode once, in the font's ToUnicode map. WeasyPrint fills that map
the first time it draws each glyph, with the slice of text that glyph's cluster starts at. HarfBuzz draws Thai
SARA AM (ำ) as two glyphs, NIKHAHIT + SARA AA, and moves a tone mark between them, so the SARA AA glyph is first
seen either as "า" (then every "ำ" extracts as "า") or as "ำ" (then every "า" extracts as "ำ"), and a tone mark
first seen inside such a cluster extracts as nothing everywhere. Copy and search in every viewer inherit this.

The fix, after the approach proposed upstream (WeasyPrint #2841): give every (glyph, text) pair its own code.
Before WeasyPrint draws a line, each glyph gets the text of its cluster (the glyph that advances most carries the
whole cluster, the others nothing); a glyph already mapped to other text is drawn under an alias code. The font's
CIDToGIDMap sends each alias back to the real glyph, so the page looks the same and the text extracts exactly.

Readers that rebuild lines from glyph positions (poppler, hence pdftotext and Evince) still misplace Thai marks
drawn to the left of their advance ("อื่น" → "อ่ ืน"), so each line that holds Thai is also marked with its text
as /ActualText, which those readers use instead of the glyph positions.

This relies on WeasyPrint internals (`draw_first_line`, `Font.to_unicode`/`widths`, `_build_vector_font_dictionary`),
so WeasyPrint is pinned in constraints.txt; `install()` refuses versions it was not written for.
"""

from __future__ import annotations

import re
from typing import Any

import pydyf
import weasyprint

SUPPORTED = ("70.",)


class UnsupportedWeasyPrint(RuntimeError):
    """The installed WeasyPrint is not one the patch was written for."""


_THAI = re.compile("[\u0e01-\u0e5b]")
# Alias codes start above the font's glyphs, leaving room for WeasyPrint's own codes for missing glyphs.
ALIAS_GAP = 512


class _Aliases:
    """Codes of one font: the glyph each alias draws, and the alias of each (glyph, text) pair."""

    def __init__(self, font: Any) -> None:
        self.next_code = font.glyph_count + ALIAS_GAP
        self.glyph_of: dict[int, int] = {}
        self.code_of: dict[tuple[int, str], int] = {}

    def code(self, font: Any, glyph: int, text: str, width: int) -> int:
        known = font.to_unicode.get(glyph)
        if known is None:
            font.to_unicode[glyph] = text
            return glyph
        if known == text:
            return glyph
        if (glyph, text) not in self.code_of:
            code = self.next_code
            self.next_code += 1
            self.code_of[glyph, text] = code
            self.glyph_of[code] = glyph
            font.to_unicode[code] = text
            font.widths[code] = width
        return self.code_of[glyph, text]


def _aliases(font: Any) -> _Aliases:
    if not hasattr(font, "opmanual_aliases"):
        font.opmanual_aliases = _Aliases(font)
    return font.opmanual_aliases  # type: ignore[no-any-return]


def _assign_codes(stream: Any, textbox: Any) -> None:
    """Give each glyph of the line about to be drawn the code that maps to exactly its text."""
    layout = textbox.pango_layout
    line, _ = layout.get_first_line()
    utf8 = layout.text.encode()
    run = line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        pango_font = glyph_item.item.analysis.font
        font, font_size = stream.add_font(pango_font)
        if font.bitmap or font.type == "otf":  # CIDToGIDMap exists for TrueType outlines only
            continue
        if pango.pango_version() < 14802 or font.png:  # the same size WeasyPrint draws with
            font_size = textbox.style["font_size"]
        aliases = _aliases(font)
        glyphs = glyph_item.glyphs
        count = glyphs.num_glyphs
        clusters = [glyphs.log_clusters[i] for i in range(count)]
        item_start, item_length = glyph_item.item.offset, glyph_item.item.length
        starts = sorted(set(clusters))
        end_of = {start: (starts[k + 1] if k + 1 < len(starts) else item_length) for k, start in enumerate(starts)}
        # The glyph of a cluster that advances the most carries its text (SARA AA, not the NIKHAHIT mark): text
        # extractors then see the text where the ink is, and no gap that they would read as a space.
        drawn = []
        for i in range(count):
            info = glyphs.glyphs[i]
            glyph = aliases.glyph_of.get(info.glyph, info.glyph)
            if glyph == pango.PANGO_GLYPH_EMPTY or glyph & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                continue
            pango.pango_font_get_glyph_extents(pango_font, glyph, stream.ink_rect, stream.logical_rect)
            width = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
            drawn.append((i, glyph, width))
        carrier: dict[int, tuple[int, int]] = {}
        for i, _, width in drawn:
            best = carrier.get(clusters[i])
            if best is None or width >= best[1]:
                carrier[clusters[i]] = (i, width)
        for i, glyph, width in drawn:
            start = clusters[i]
            text = utf8[item_start + start : item_start + end_of[start]].decode() if carrier[start][0] == i else ""
            glyphs.glyphs[i].glyph = aliases.code(font, glyph, text, width)


def _draw_first_line_with_codes(
    stream: Any, textbox: Any, text_overflow: str, block_ellipsis: str, *args: Any, **kwargs: Any
) -> Any:
    # WeasyPrint first switches the layout to single-paragraph mode, which lays the line out again: do it here so
    # that the glyphs given codes are the ones drawn. Ellipsis lines are laid out again later and keep the bug.
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    if text_overflow != "ellipsis" and block_ellipsis == "none" and textbox.text.strip():
        _assign_codes(stream, textbox)
        line, _ = textbox.pango_layout.get_first_line()
        utf8 = textbox.pango_layout.text.encode()
        text = utf8[line.start_index : line.start_index + line.length].decode()
        if _THAI.search(text):
            stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
            try:
                return _draw_first_line(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs)
            finally:
                stream.end_marked_content()
    return _draw_first_line(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs)


def _build_vector_font_dictionary_with_map(
    font_dictionary: Any, pdf: Any, font: Any, widths: Any, compress: bool, *args: Any
) -> None:
    added: list[Any] = []
    add_object = pdf.add_object

    def record(obj: Any) -> Any:
        added.append(obj)
        return add_object(obj)

    pdf.add_object = record
    try:
        _build_vector_font_dictionary(font_dictionary, pdf, font, widths, compress, *args)
    finally:
        del pdf.add_object
    aliases = getattr(font, "opmanual_aliases", None)
    if not aliases or not aliases.glyph_of:
        return
    (cid_font,) = (o for o in added if isinstance(o, pydyf.Dictionary) and o.get("CIDToGIDMap") == "/Identity")
    last = max(max(widths, default=0), max(aliases.glyph_of))
    table = b"".join(aliases.glyph_of.get(cid, cid).to_bytes(2, "big") for cid in range(last + 1))
    cid_to_gid = pydyf.Stream([table], compress=compress)
    pdf.add_object(cid_to_gid)
    cid_font["CIDToGIDMap"] = cid_to_gid.reference


def install() -> None:
    """Patch WeasyPrint once; safe to call again. Refuses a version the patch was not written for, before touching
    any of its internals."""
    global FROM_UNITS, ffi, pango, _draw_first_line, _build_vector_font_dictionary
    if not weasyprint.__version__.startswith(SUPPORTED):
        raise UnsupportedWeasyPrint(
            "the Thai text-layer fix (opmanual.pdf.textlayer) was written for WeasyPrint "
            f"{' or '.join(SUPPORTED)}x, and WeasyPrint {weasyprint.__version__} is installed: install the version in "
            "constraints.txt (scripts/setup), or check the patch against the new version before allowing it"
        )
    from weasyprint.draw import text as draw_text
    from weasyprint.pdf import fonts as pdf_fonts
    from weasyprint.text import ffi as text_ffi

    FROM_UNITS, ffi, pango = text_ffi.FROM_UNITS, text_ffi.ffi, text_ffi.pango
    if draw_text.draw_first_line is not _draw_first_line_with_codes:
        _draw_first_line = draw_text.draw_first_line
        _build_vector_font_dictionary = pdf_fonts._build_vector_font_dictionary
    draw_text.draw_first_line = _draw_first_line_with_codes
    pdf_fonts._build_vector_font_dictionary = _build_vector_font_dictionary_with_map


# Bound by install(), after the version check: WeasyPrint's internals and the functions the patch wraps.
FROM_UNITS: Any = None
ffi: Any = None
pango: Any = None
_draw_first_line: Any = None
_build_vector_font_dictionary: Any = None
