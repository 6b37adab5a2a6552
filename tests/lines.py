"""Where rendered Thai lines break, read back from a page in Chromium and from a PDF, and the breaks that fall
inside a word (as PyThaiNLP's dictionary cuts the text, `opmanual.wordbreak`)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree

from playwright.sync_api import Page

from opmanual import wordbreak

_THAI = re.compile("[\u0e01-\u0e4e]")
_XHTML = "{http://www.w3.org/1999/xhtml}"

# For each element of running text in the page's content, its text and the offsets where a new line starts: the
# first character whose box lies below the boxes before it. Text of nested blocks counts for the nested block.
# A text node set on one line (most are: the site wraps each Thai word in a span of its own) can only start a new
# line at its first visible character, and ends where its last one does: those two are measured, not every one.
PAGE_LINES = """() => {
  const BLOCK = "p, li, td, th, h1, h2, h3, h4, h5, h6, dt, dd, figcaption, summary, caption, blockquote, "
    + ".org-box, .shape";
  const found = [];
  const range = document.createRange();
  const boxOf = (node, i) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rects = range.getClientRects();
    const box = rects.length ? rects[rects.length - 1] : null;
    return box && box.width > 0 ? box : null;
  };
  for (const element of document.querySelectorAll(".md-content article :is(" + BLOCK + ")")) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let text = "", cuts = [], bottom = null, node;
    const seen = (box, at) => {
      if (bottom !== null && box.top >= bottom - 2) cuts.push(at);
      bottom = box.bottom;
    };
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest(BLOCK) !== element) continue;
      range.selectNodeContents(node);
      if (range.getClientRects().length <= 1) {
        let first = 0, last = node.data.length - 1, box = null;
        while (first <= last && !(box = boxOf(node, first))) first++;
        if (box) {
          seen(box, text.length + first);
          for (; last > first; last--) {
            const end = boxOf(node, last);
            if (end) {
              bottom = end.bottom;
              break;
            }
          }
        }
        text += node.data;
        continue;
      }
      for (let i = 0; i < node.data.length; i++) {
        const box = boxOf(node, i);
        if (box) seen(box, text.length);
        text += node.data[i];
      }
    }
    if (cuts.length) found.push([text, cuts]);
  }
  return found;
}"""


def page_lines(page: Page) -> list[tuple[str, list[int]]]:
    """The texts of the open page's content and where their lines break."""
    return [(text, cuts) for text, cuts in page.evaluate(PAGE_LINES)]


def pdf_lines(pdf: Path) -> Iterator[tuple[str, list[int]]]:
    """The paragraphs of a PDF (lines that continue one another: the next starts right under the last and overlaps
    it) as one text each, and where their lines break; a Thai line goes on without a space."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for flow in ElementTree.fromstring(xml.stdout).iter(f"{_XHTML}flow"):  # noqa: S314 - poppler's output of our PDF
        run: list[tuple[list[float], str]] = []
        for line in flow.iter(f"{_XHTML}line"):
            box = [float(line.get(name, "0")) for name in ("xMin", "yMin", "xMax", "yMax")]
            text = " ".join(word.text or "" for word in line.iter(f"{_XHTML}word"))
            if run:
                last = run[-1][0]
                height = last[3] - last[1]
                below = -0.25 * height <= box[1] - last[3] < 0.6 * height  # lines may touch or overlap a little
                if not (below and box[0] < last[2] and last[0] < box[2]):
                    yield _joined(text for _, text in run)
                    run = []
            run.append((box, text))
        if run:
            yield _joined(text for _, text in run)


def _joined(lines: Iterable[str]) -> tuple[str, list[int]]:
    text, cuts = "", []
    for line in lines:
        if text and _THAI.match(text[-1]) and line and _THAI.match(line[0]):
            cuts.append(len(text))
        elif text:
            text += " "
        text += line
    return text, cuts


def broken_words(paragraphs: Iterable[tuple[str, list[int]]], source: str = "") -> list[str]:
    """Each line break between two Thai letters that is not between two words, shown as `…before|after…`.

    A text can often be cut into dictionary words in more than one way (ความต้องการจำเป็นการ… reads as จำเป็น|การ
    from where its line starts, as จำ|เป็นการ over the whole paragraph), and a renderer cuts what follows the
    line it has set: a break is between words if it is in either reading. A PDF's lines lose the space a line
    broke at: a break where `source` (the texts printed) has a space is at a space."""
    found = []
    for text, cuts in paragraphs:
        whole: set[int] | None = None
        start = 0
        for cut in cuts:
            at_space = f"{text[max(0, cut - 8) : cut]} {text[cut : cut + 8]}" in source
            if _THAI.match(text[cut - 1]) and _THAI.match(text[cut]) and not at_space:
                whole = wordbreak.boundaries(text) if whole is None else whole
                if cut not in whole and cut - start not in wordbreak.boundaries(text[start:]):
                    found.append(f"…{text[max(0, cut - 12) : cut]}|{text[cut : cut + 12]}…")
            start = cut
    return found
