"""Where Thai text may break across lines: only between words, as PyThaiNLP's dictionary cuts them.

Thai has no spaces between words, so the browser (ICU) and WeasyPrint (Pango with libthai) each break a line with a
dictionary of their own; both cut compounds that a Thai reader takes as one word (สถาน|ศึกษา, ส่ง|เสริม,
กรุงเทพมหา|นคร). This module cuts Thai runs with PyThaiNLP's word list (the `newmm` engine, the same list the
importer uses), and the site and the PDFs let lines break only between those words:

- on the site, every word is wrapped in `<span class="word">` (`white-space: nowrap` in manual.css); the browser
  still breaks between words where its own dictionary allows (`wrap_words`). The pages grow by about half, an
  eighth once compressed;
- in the PDFs, the same words are marked unbreakable in Pango's layout (`opmanual.pdf.pango_words`), without a box
  per word, which would make WeasyPrint twice as slow.

The text itself never changes: nothing is inserted, so copying, searching and the PDF's text layer are as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import thai

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")  # letters, vowels and marks; not Thai digits or ฯ, which end a word
# A word of one letter cannot be cut; every longer one is marked, since the browser's dictionary cuts even a
# single syllable where it reads the letters around it otherwise (มีกา|รบูรณาการ).
SHORTEST_CUT = 2
# Characters of the longest word kept whole: about a third of a phone's line of body text (at 360 px, 14.4 px Sarabun
# sets about 45 Thai letters); a longer compound breaks between the dictionary words it is made of.
LONGEST = 20
# Elements whose text is not running text: a code block keeps its own lines, scripts and styles are not text at all.
_SKIPPED = ("script", "style", "pre", "textarea", "svg", "math")
_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
_WORD = '<span class="word">'  # a word a template has already marked (the charts': opmanual.thai.pieces)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def load() -> None:
    """Load the dictionary now, e.g. before forking workers that will all need it."""
    thai.segments("ทดสอบ")


@lru_cache(maxsize=65536)
def _words(run: str) -> tuple[str, ...]:
    """The words of a Thai run, each kept whole on a line; a compound longer than a phone's line can hold
    (สำนักงานคณะกรรมการการประถมศึกษาแห่งชาติ is one word of the dictionary) as the dictionary words it is made of."""
    return tuple(part for word in thai.segments(run) for part in (_parts(word) if len(word) > LONGEST else (word,)))


def _parts(word: str) -> list[str]:
    """A long compound as the longest dictionary words it begins with, one after another; what no word begins
    stays with the part before it."""
    known = thai.words()
    parts: list[str] = []
    start = 0
    while start < len(word):
        ends = [end for end in range(len(word) - (start == 0), start + 1, -1) if word[start:end] in known]
        end = ends[0] if ends else len(word)
        if not ends and parts:
            parts[-1] += word[start:]
            break
        parts.append(word[start:end])
        start = end
    return parts


def words(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) character spans of the Thai words of `text` that are long enough to be cut."""
    for match in _THAI_RUN.finditer(text):
        start = match.start()
        for word in _words(match.group()):
            if len(word) >= SHORTEST_CUT:
                yield start, start + len(word)
            start += len(word)


def boundaries(text: str) -> set[int]:
    """Every position of `text` between two Thai words, or at the edge of a Thai run (for the tests)."""
    found: set[int] = set()
    for match in _THAI_RUN.finditer(text):
        position = match.start()
        found.add(position)
        for word in _words(match.group()):
            position += len(word)
            found.add(position)
    return found


def wrap_words(html: str) -> str:
    """`html` with every Thai word of its running text (not in code, scripts, styles or attributes) that an engine
    might cut wrapped in `<span class="word">`. The text reads the same; only where a line may break changes."""
    pieces: list[str] = []
    skipping: list[str] = []
    for token in _TOKEN.findall(html):
        if token.startswith("<"):
            pieces.append(token)
            name = _TAG_NAME.match(token)
            if name and not token.startswith("<!"):
                tag = name.group(1).lower()
                if token.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                elif (tag in _SKIPPED or token == _WORD) and not token.endswith("/>"):
                    skipping.append(tag)
            continue
        pieces.append(token if skipping else _wrap_text(token))
    return "".join(pieces)


def _wrap_text(text: str) -> str:
    out: list[str] = []
    last = 0
    for start, end in words(text):
        out.append(text[last:start])
        out.append(f"{_WORD}{text[start:end]}</span>")
        last = end
    out.append(text[last:])
    return "".join(out)
