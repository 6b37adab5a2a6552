"""How wide a text is in the charts' font, in em: shaped by HarfBuzz with the Sarabun that the site and the PDFs
embed, as Chromium and Pango shape it. The charts size from it what CSS cannot size by itself: a decision diamond
wide enough for its longest word and about twice as wide as it is tall, and room beside a shape for a branch label.
"""

from __future__ import annotations

from functools import cache, lru_cache

import uharfbuzz as hb

from .theme import ASSETS

FONT = ASSETS / "fonts" / "Sarabun_400Regular.ttf"


@cache
def _font() -> tuple[hb.Font, int]:
    face = hb.Face(FONT.read_bytes())
    return hb.Font(face), face.upem


@lru_cache(maxsize=8192)
def width(text: str) -> float:
    """The advance width of `text` on one line, in em of the font size it is set in."""
    font, upem = _font()
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True})
    advance: int = sum(position.x_advance for position in buffer.glyph_positions)
    return advance / upem
