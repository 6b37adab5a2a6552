"""Charts as pictures for the Word copies: a chart's print HTML rendered by WeasyPrint with the book's stylesheets,
rasterised at 200 dpi. Cached by content hash: the same chart is in a process's book and in the whole manual, and
unchanged charts are not drawn again in the next build.

Two ways to cut the drawing into pictures, chosen by the HTML:

- a chart (the flowchart, the organisation chart): cropped to its ink, one picture per page it fills;
- a table whose rows are marked `data-strip` (the symbol column of a flowchart table): one picture per row, each
  exactly as tall as its row, with the widths of the row's cells and, for each cell, whether a line leaves the
  picture at the bottom of the cell's centre. The Word table lays the pictures out in its own rows beside text it
  can edit, and continues those lines with cell borders when its text makes a row taller than its picture.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from PIL import Image

from ..cache import aside
from ..render.book import SITE_URL, print_styles

DPI = 200
HEIGHT_CM = 23.0  # of a page's picture: a page's text height less room for the heading above it
STRIP_CM = 12.0  # of the page a table of strips is laid out on, per row: far more than a row's symbol needs
PAD = 6  # pixels of white kept around the ink
CM_PER_PX = 2.54 / 96  # a CSS pixel
DOCUMENT = """<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<style>@page {{ size: {width:.2f}cm {height:.2f}cm; margin: 0; }} body {{ margin: 0; }}</style>
</head><body><div class="md-typeset">{html}</div></body></html>"""
STRIP = "data-strip"  # a table row drawn as a picture of its own
STRIP_END = "strip-end"  # the id of an element right below a table of strips, and of a zero-width last cell


def strip_id(row: int, cell: int | None = None) -> str:
    """The id a table of strips gives a row's cells, by which their places are read back from the layout."""
    return f"strip-{row}" if cell is None else f"strip-{row}-{cell}"


@dataclass(frozen=True)
class Drawing:
    """A chart's pictures (PNG), and for a table of strips, its cells' widths in cm and, per picture, which cells
    have a line leaving the picture at the bottom."""

    pictures: list[bytes]
    columns: tuple[float, ...] = ()
    down: tuple[tuple[bool, ...], ...] = ()


@dataclass
class Figures:
    """Renders charts for one build: `site` for the images they show, `folder` to keep them in (shared by the
    build's processes, and across builds when it is in the cache), `engine` the key of the code and stylesheets
    (`stage.engine_key`)."""

    site: Path
    folder: Path | None = None
    engine: bytes = b""
    made: dict[str, Drawing] = field(default_factory=dict)
    rendered: int = 0

    def key(self, html: str, width_cm: float) -> str:
        return hashlib.sha256(self.engine + f"{width_cm:.2f}\0{html}".encode()).hexdigest()

    def missing(self, charts: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """The charts of `charts` not drawn yet, each once."""
        unique = {self.key(html, width): (html, width) for html, width in charts}
        return [chart for key, chart in unique.items() if self._cached(key) is None]

    def __call__(self, html: str, width_cm: float) -> Drawing:
        key = self.key(html, width_cm)
        if key in self.made:
            return self.made[key]
        drawing = self._cached(key)
        if drawing is None:
            drawing = self.render(html, width_cm)
            self._keep(key, drawing)
        self.made[key] = drawing
        return drawing

    def render(self, html: str, width_cm: float) -> Drawing:
        import pypdfium2  # type: ignore[import-untyped]
        from weasyprint import HTML

        strips = STRIP in html
        # A table of strips is laid out on one page as tall as its rows could be, and cut afterwards.
        height = STRIP_CM * (html.count(STRIP) + 1) if strips else HEIGHT_CM
        document = DOCUMENT.format(width=width_cm, height=height, html=html)
        styles = print_styles(self.site)
        laid_out = HTML(string=document, base_url=SITE_URL, url_fetcher=styles.fetcher).render(
            stylesheets=styles.sheets, font_config=styles.fonts, counter_style=styles.counters
        )
        # Read once and thrown away: quicker uncompressed. (Not with whole fonts: the text-layer patch that the
        # books install spaces out SARA AM then.)
        pdf = laid_out.write_pdf(uncompressed_pdf=True)
        self.rendered += 1
        opened = pypdfium2.PdfDocument(pdf)
        try:
            if strips:
                return _strips(opened[0], laid_out.pages[0].anchors)
            pictures = []
            for page in opened:
                cropped = _crop(page.render(scale=DPI / 72).to_pil().convert("RGB"))
                if cropped is not None:
                    pictures.append(_png(cropped))
            return Drawing(pictures)
        finally:
            opened.close()

    def _cached(self, key: str) -> Drawing | None:
        if self.folder is None:
            return None
        folder = self.folder / key
        if not (folder / "done").is_file():
            return None
        layout = json.loads((folder / "layout.json").read_text(encoding="utf-8"))
        pictures = [path.read_bytes() for path in sorted(folder.glob("*.png"))]
        return Drawing(pictures, tuple(layout["columns"]), tuple(tuple(row) for row in layout["down"]))

    def _keep(self, key: str, drawing: Drawing) -> None:
        """Into the cache whole or not at all: written aside, then renamed."""
        if self.folder is None:
            return
        folder = self.folder / key
        if folder.is_dir():
            return
        staging = aside(folder)
        try:
            staging.mkdir(parents=True, exist_ok=True)
            for index, picture in enumerate(drawing.pictures):
                (staging / f"{index:03}.png").write_bytes(picture)
            layout = {"columns": list(drawing.columns), "down": [list(row) for row in drawing.down]}
            (staging / "layout.json").write_text(json.dumps(layout), encoding="utf-8")
            (staging / "done").write_text("")
            os.replace(staging, folder)
        except OSError:
            # Nothing half-written stays: another process kept the same chart first, or the disk is full.
            shutil.rmtree(staging, ignore_errors=True)
            if not folder.is_dir():
                raise


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # A chart has few colours: a 64-colour palette looks the same and makes a third of the file.
    image.quantize(colors=64).save(out, "PNG", dpi=(DPI, DPI))
    return out.getvalue()


def _crop(image: Image.Image) -> Image.Image | None:
    """The picture cut to its ink and a little white around it; None for a blank page."""
    from PIL import ImageChops

    background = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, background).getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    return image.crop(
        (max(0, left - PAD), max(0, top - PAD), min(image.width, right + PAD), min(image.height, bottom + PAD))
    )


def _strips(page: Any, anchors: dict[str, tuple[float, float]]) -> Drawing:
    """A table of strips cut into its rows: the places of its cells come from the layout (their ids' anchors), in
    CSS pixels, and are cut on device pixels, so that the pictures placed one below the other join up again."""
    scale = DPI / 96
    rows = 0
    while strip_id(rows, 0) in anchors:
        rows += 1
    if not rows or STRIP_END not in anchors or f"{STRIP_END}-right" not in anchors:
        raise ValueError("a table of strips without the places of its rows and its end")
    edges: list[float] = []
    while strip_id(0, len(edges)) in anchors:
        edges.append(anchors[strip_id(0, len(edges))][0])
    edges.append(anchors[f"{STRIP_END}-right"][0])
    tops = [round(anchors[strip_id(row, 0)][1] * scale) for row in range(rows)]
    tops.append(round(anchors[STRIP_END][1] * scale))
    left, right = round(edges[0] * scale), round(edges[-1] * scale)
    centres = [round((a + b) / 2 * scale) - left for a, b in pairwise(edges)]
    pictures: list[bytes] = []
    down: list[tuple[bool, ...]] = []
    first = 0
    while first < rows:
        # Rows are rasterised a few at a time, cropped to the table: the page is as tall as the longest chart.
        last = first + 1
        while last < rows and tops[last + 1] - tops[first] < CHUNK:
            last += 1
        image = _area(page, left, tops[first], right, tops[last]).convert("RGB")
        for row in range(first, last):
            strip = image.crop((0, tops[row] - tops[first], image.width, tops[row + 1] - tops[first]))
            bottom = strip.height - 1
            down.append(tuple(any(_ink(strip.getpixel((x + dx, bottom))) for dx in (-1, 0, 1)) for x in centres))
            pictures.append(_png(strip))
        first = last
    columns = tuple(round((b - a) * CM_PER_PX, 4) for a, b in pairwise(edges))
    return Drawing(pictures, columns, tuple(down))


CHUNK = 3000  # device pixels of a table of strips rasterised at once


def _area(page: Any, left: int, top: int, right: int, bottom: int) -> Image.Image:
    """The part of a page between device pixels `left`…`right` and `top`…`bottom`."""
    points = 72 / DPI
    crop = (left * points, page.get_height() - bottom * points, page.get_width() - right * points, top * points)
    image: Image.Image = page.render(scale=DPI / 72, crop=crop).to_pil()
    return image


def _ink(pixel: Any) -> bool:
    return isinstance(pixel, tuple) and sum(pixel[:3]) < 600
