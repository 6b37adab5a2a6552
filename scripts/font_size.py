"""Measure which size of Sarabun renders like 16 pt TH Sarabun PSK, the Thai government's standard body text.

TH Sarabun PSK is not free to ship, but TLWG's Laksaman (Debian: fonts-tlwg-laksaman-ttf) is TH Sarabun New with its
glyphs scaled up by 150.42 %, and TLWG's fontconfig renders "TH Sarabun" as Laksaman scaled by 0.66. So 16 pt TH
Sarabun draws glyphs the size of Laksaman at 16 × 0.66 pt; this script compares Laksaman's and Sarabun's glyphs
on real Thai text and prints the Sarabun size with the same glyph size and width.

Usage: `.venv/bin/python scripts/font_size.py [path/to/Laksaman.ttf]`
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SARABUN = ROOT / "src/opmanual/theme/assets/fonts/Sarabun_400Regular.ttf"
LAKSAMAN = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
TH_SARABUN_SCALE = 0.66  # TLWG's fontconfig matrix that turns Laksaman into "TH Sarabun"
SAMPLE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษากรุงเทพมหานคร กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"


def measure(path: Path) -> tuple[float, float, float]:
    """Width of the sample, height of ก, and line spacing, each in ems."""
    font = TTFont(path)
    em = font["head"].unitsPerEm
    cmap, hmtx, glyf = font.getBestCmap(), font["hmtx"], font["glyf"]
    width = sum(hmtx[cmap[ord(c)]][0] for c in SAMPLE) / em
    ko = glyf[cmap[ord("ก")]]
    ko.recalcBounds(glyf)
    line = (font["hhea"].ascent - font["hhea"].descent + font["hhea"].lineGap) / em
    return width, ko.yMax / em, line


def main(laksaman: Path = LAKSAMAN) -> None:
    th_size = 16 * TH_SARABUN_SCALE
    l_width, l_ko, l_line = measure(laksaman)
    s_width, s_ko, _ = measure(SARABUN)
    by_width = th_size * l_width / s_width
    by_height = th_size * l_ko / s_ko
    print(f"16 pt TH Sarabun = Laksaman at {th_size:.2f} pt")
    print(f"Sarabun with the same text width:  {by_width:.2f} pt")
    print(f"Sarabun with the same glyph height: {by_height:.2f} pt")
    print(f"TH Sarabun single line spacing:     {th_size * l_line:.2f} pt")


if __name__ == "__main__":
    main(*(Path(arg) for arg in sys.argv[1:]))
