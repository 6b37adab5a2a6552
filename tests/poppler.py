"""PDF pages as the tests read and look at them, through poppler's tools (Debian's poppler-utils)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text layer of pages `first`…`last` (1-based; all by default) in the order it is drawn (a table cell's
    lines together, as a screen reader reads them)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", "-raw", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def picture(path: Path, page: int, out: Path, dpi: int = 60, gray: bool = False) -> Path:
    """Page `page` (1-based) of the PDF drawn as `out`.png, to look at or to measure."""
    colour = ["-gray"] if gray else []
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            *colour,
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            str(out),
        ],
        check=True,
    )
    return out.with_suffix(".png")
