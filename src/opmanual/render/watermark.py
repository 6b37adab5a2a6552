"""The diagonal "ฉบับร่าง" across every page of a draft, drawn as outlines so that it is no part of the text layer.

A watermark written as text would be read by a screen reader and copied with the page's text, and the text layer
must equal the data. So the words are shaped with HarfBuzz (Thai marks placed by the font's own rules, as on the
page), their glyphs turned into SVG paths with fontTools, and the SVG drawn as the page's background.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from ..render.theme import ASSETS

FONT = ASSETS / "fonts" / "Sarabun_700Bold.ttf"
# An A4 page in millimetres; the words run corner to corner over 80 % of the diagonal.
PAGE = (210.0, 297.0)
SHARE_OF_DIAGONAL = 0.8
GREY = "#808080"
OPACITY = 0.14


def outline(text: str, font_path: Path = FONT) -> tuple[str, float, float, float]:
    """`text` shaped and outlined: an SVG path in font units (y up), its advance width, ascender and descender."""
    data = font_path.read_bytes()
    face = hb.Face(data)
    font = hb.Font(face)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True})
    tt = TTFont(font_path)
    glyphs = tt.getGlyphSet()
    order = tt.getGlyphOrder()
    pen = SVGPathPen(glyphs)
    x = y = 0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        offset = (1, 0, 0, 1, x + position.x_offset, y + position.y_offset)
        glyphs[order[info.codepoint]].draw(TransformPen(pen, offset))
        x += position.x_advance
        y += position.y_advance
    hhea = tt["hhea"]
    return pen.getCommands(), float(x), float(hhea.ascent), float(hhea.descent)


@cache
def svg(text: str) -> str:
    """An A4-sized SVG with `text` across the page from the lower left to the upper right."""
    path, width, ascent, descent = outline(text)
    page_width, page_height = PAGE
    diagonal = (page_width**2 + page_height**2) ** 0.5
    scale = SHARE_OF_DIAGONAL * diagonal / width if width else 1.0
    angle = -57.0  # the diagonal of A4, bottom left to top right: atan(297 / 210) ≈ 54.7°, a little steeper reads well
    middle = (ascent + descent) / 2
    transform = (
        f"translate({page_width / 2:.2f} {page_height / 2:.2f}) rotate({angle}) "
        f"scale({scale:.5f} {-scale:.5f}) translate({-width / 2:.1f} {-middle:.1f})"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{page_width}mm" height="{page_height}mm" '
        f'viewBox="0 0 {page_width} {page_height}">'
        f'<path d="{path}" transform="{transform}" fill="{GREY}" fill-opacity="{OPACITY}"/></svg>'
    )


def data_url(text: str) -> str:
    """The watermark as a URL for the page's CSS background."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(text).encode()).decode()
