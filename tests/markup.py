"""A built page as a reader's text: parsed, with the spans that keep Thai words whole (`opmanual.wordbreak`) taken
out, so that a test reads "นายสมชาย ใจดี" and not "นาย สม ชาย ใจดี" when it joins strings with spaces."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(markup: str) -> BeautifulSoup:
    parsed = BeautifulSoup(markup, "html.parser")
    for word in parsed.select("span.word"):
        word.unwrap()
    parsed.smooth()
    return parsed


def page(path: Path) -> BeautifulSoup:
    """A built page: a file, or a folder's index.html."""
    return soup((path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8"))
