"""Charts as pictures for the Word copies: a chart's print HTML rendered by WeasyPrint with the book's stylesheets,
rasterised at 200 dpi and cropped to its ink, one picture per page it fills (a long flowchart table goes over
pages with its header row repeated, as in the PDF). Cached by content hash: the same flowchart is in a process's
book and in the whole manual, and unchanged charts are not drawn again in the next build.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from ..pdf.book import ASSETS_URL, SITE_URL
from ..pdf.cache import aside

DPI = 200
HEIGHT_CM = 23.0  # of a page's picture: a page's text height less room for the heading above it
PAD = 6  # pixels of white kept around the ink
STYLESHEETS = [f"{ASSETS_URL}stylesheets/{name}" for name in ("manual.css", "print.css")]
DOCUMENT = """<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">{links}
<style>@page {{ size: {width:.2f}cm {height:.2f}cm; margin: 0; }} body {{ margin: 0; }}</style>
</head><body><div class="md-typeset">{html}</div></body></html>"""


@dataclass
class Figures:
    """Renders charts for one build: `site` for the images they show, `folder` to keep them in (shared by the
    build's processes, and across builds when it is in the cache), `engine` the key of the code and stylesheets
    (`pdf.stage.engine_key`)."""

    site: Path
    folder: Path | None = None
    engine: bytes = b""
    made: dict[str, list[bytes]] = field(default_factory=dict)
    rendered: int = 0

    def key(self, html: str, width_cm: float) -> str:
        return hashlib.sha256(self.engine + f"{width_cm:.2f}\0{html}".encode()).hexdigest()

    def missing(self, charts: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """The charts of `charts` not drawn yet, each once."""
        unique = {self.key(html, width): (html, width) for html, width in charts}
        return [chart for key, chart in unique.items() if self._cached(key) is None]

    def __call__(self, html: str, width_cm: float) -> list[bytes]:
        key = self.key(html, width_cm)
        if key in self.made:
            return self.made[key]
        pictures = self._cached(key)
        if pictures is None:
            pictures = self.render(html, width_cm)
            self._keep(key, pictures)
        self.made[key] = pictures
        return pictures

    def render(self, html: str, width_cm: float) -> list[bytes]:
        import pypdfium2  # type: ignore[import-untyped]
        from weasyprint import HTML

        from ..pdf.book import _fetcher

        links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in STYLESHEETS)
        document = DOCUMENT.format(links=links, width=width_cm, height=HEIGHT_CM, html=html)
        html_document = HTML(string=document, base_url=SITE_URL, url_fetcher=_fetcher(self.site))
        # Read once and thrown away: quicker uncompressed. (Not with whole fonts: the text-layer patch that the
        # books install spaces out SARA AM then.)
        pdf = html_document.write_pdf(uncompressed_pdf=True)
        self.rendered += 1
        pictures = []
        opened = pypdfium2.PdfDocument(pdf)
        try:
            for page in opened:
                image = page.render(scale=DPI / 72).to_pil().convert("RGB")
                cropped = _crop(image)
                if cropped is None:
                    continue
                out = io.BytesIO()
                # A chart has few colours: a 64-colour palette looks the same and makes a third of the file.
                cropped.quantize(colors=64).save(out, "PNG", dpi=(DPI, DPI))
                pictures.append(out.getvalue())
        finally:
            opened.close()
        return pictures

    def _cached(self, key: str) -> list[bytes] | None:
        if self.folder is None:
            return None
        folder = self.folder / key
        if not (folder / "done").is_file():
            return None
        return [path.read_bytes() for path in sorted(folder.glob("*.png"))]

    def _keep(self, key: str, pictures: list[bytes]) -> None:
        """Into the cache whole or not at all: written aside, then renamed."""
        if self.folder is None:
            return
        folder = self.folder / key
        if folder.is_dir():
            return
        staging = aside(folder)
        try:
            staging.mkdir(parents=True, exist_ok=True)
            for index, picture in enumerate(pictures):
                (staging / f"{index:03}.png").write_bytes(picture)
            (staging / "done").write_text("")
            os.replace(staging, folder)
        except OSError:
            # Nothing half-written stays: another process kept the same chart first, or the disk is full.
            shutil.rmtree(staging, ignore_errors=True)
            if not folder.is_dir():
                raise


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
