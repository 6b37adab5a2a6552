"""What the chart tests measure and how they judge it, the same for the site (Chromium) and the PDF (WeasyPrint).

A symbol's text must lie in the symbol's inner box, clear of its outline: inside the border of a process rectangle;
between the round ends of a terminator; above the wave of a document; in the rectangle inscribed in a decision's
diamond (half its width and half its height, centred). Lines of chart text may break only between the words of
PyThaiNLP's dictionary (or at spaces), and a person's name never breaks.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pythainlp.tokenize import word_tokenize

HERE = Path(__file__).parent

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Symbol:
    """One drawn symbol: its kind, its border box, its text's box, the radius of its corners, the highest point of
    a document's wavy edge, and the width of its outline (all in the unit of the page measured)."""

    where: str
    kind: str
    box: Box
    text: Box
    radius: float = 0.0
    wave_top: float | None = None
    border: float = 0.0


def inner_box(symbol: Symbol) -> Box:
    """The box a symbol's text must stay in."""
    left, top, right, bottom = symbol.box
    b = symbol.border
    if symbol.kind == "decision":
        x, y = (left + right) / 2, (top + bottom) / 2
        w, h = (right - left) / 4, (bottom - top) / 4
        return x - w, y - h, x + w, y + h
    if symbol.kind == "terminal":
        r = min(symbol.radius, (bottom - top) / 2, (right - left) / 2)
        return left + max(r, b), top + b, right - max(r, b), bottom - b
    if symbol.kind == "document":
        assert symbol.wave_top is not None
        return left + b, top + b, right - b, min(bottom, symbol.wave_top)
    return left + b, top + b, right - b, bottom - b


def outside(symbol: Symbol, slack: float) -> list[str]:
    """What is wrong with a symbol: its text out of its inner box (by more than `slack`)."""
    left, top, right, bottom = inner_box(symbol)
    t_left, t_top, t_right, t_bottom = symbol.text
    wrong = []
    if t_left < left - slack or t_right > right + slack:
        wrong.append(f"text {t_left:.1f}–{t_right:.1f} across, inner box {left:.1f}–{right:.1f}")
    if t_top < top - slack or t_bottom > bottom + slack:
        wrong.append(f"text {t_top:.1f}–{t_bottom:.1f} down, inner box {top:.1f}–{bottom:.1f}")
    return [f"{symbol.where}: {symbol.kind} {symbol.box}: {w}" for w in wrong]


def bad_breaks(text: str, breaks: list[int]) -> list[str]:
    """The line breaks of `text` (offsets where a new line starts) that fall inside one of PyThaiNLP's words."""
    bounds = {0}
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        bounds.add(max(bounds) + len(token))
    wrong = []
    for at in breaks:
        if at in bounds or text[at - 1 : at].isspace() or text[at : at + 1].isspace():
            continue
        wrong.append(f"{text[:at]}|{text[at:]}")
    return wrong


BLUE = (57, 73, 171)  # the outline of every symbol


def blue(pixel: tuple[int, ...]) -> bool:
    r, g, b = pixel[:3]
    return abs(r - BLUE[0]) < 50 and abs(g - BLUE[1]) < 50 and abs(b - BLUE[2]) < 50


def stroke(image: Any, x: float, y: float, across: bool, span: float) -> int:
    """How many pixels of outline a line of the picture crosses at pixel (x, y), across (left to right) or down,
    within `span` pixels either side."""
    count = 0
    for step in range(-round(span), round(span) + 1):
        px, py = (x + step, y) if across else (x, y + step)
        if 0 <= px < image.width and 0 <= py < image.height:
            count += blue(image.getpixel((round(px), round(py))))
    return count


def wave_crest(image: Any, box: Box, below: float) -> float | None:
    """The highest point of a document's wavy bottom edge, in pixels of `image`, where `box` is the symbol's box: at
    points across it (clear of its sides and of the connector at its middle), the top of the first run of outline
    met going up from `below` pixels under the box."""
    left, top, right, bottom = box
    tops = []
    for share in (0.08, 0.15, 0.25, 0.35, 0.42, 0.58, 0.65, 0.75, 0.85, 0.92):
        x = round(left + (right - left) * share)
        y = min(round(bottom + below), image.height - 1)
        while y > top and not blue(image.getpixel((x, y))):
            y -= 1
        while y > top and blue(image.getpixel((x, y - 1))):
            y -= 1
        if y > (top + bottom) / 2:
            tops.append(float(y))
    return min(tops, default=None)


# A process of extreme texts: a one-word and a 200-character text in every kind of symbol, a long branch label.
SHORT = "ส่ง"
LONG_RUN = ("ส่งเสริมสนับสนุนการพัฒนาระบบการประกันคุณภาพภายในของสถานศึกษาและการเรียนรู้" * 3)[:200]
LONG_WORDS = " ".join(["ประสานความร่วมมือกับหน่วยงานภายนอก", "เพื่อพัฒนาคุณภาพการจัดการเรียนรู้"] * 4)[:200]
EXTREMES = f"""# yaml-language-server: $schema=../../../../schema/process.schema.json
name: งานทดสอบข้อความสั้นและยาว
workgroup: quality
flowchart:
  start: {LONG_WORDS}
  end: {SHORT}
steps:
  - id: first
    text: {SHORT}
  - text: {LONG_RUN}
  - text: {SHORT}
    kind: document
  - text: {LONG_WORDS}
    kind: document
  - text: ตรวจ
    decision:
      question: {SHORT}
      no: ไม่ผ่านการพิจารณาของคณะกรรมการ
      no_to: first
  - text: พิจารณา
    decision:
      question: {LONG_RUN}
      before: true
      no_to: end
  - text: {LONG_RUN}
    responsible: [somchai]
"""


def extremes(folder: Path) -> Path:
    """The `mini` fixture with the extreme process and a work group of a 200-character name, in `folder`."""
    data = folder / "extremes"
    shutil.copytree(HERE / "fixtures/mini", data)
    (data / "processes/extremes.yml").write_text(EXTREMES, encoding="utf-8")
    office = data / "office.yml"
    text = office.read_text(encoding="utf-8")
    group = f"  workgroups:\n    - id: extreme\n      name: {LONG_RUN}\n      members: [somchai]\n"
    office.write_text(text.replace("  workgroups:\n", group, 1), encoding="utf-8")
    return data
