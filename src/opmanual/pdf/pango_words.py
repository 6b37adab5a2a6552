"""Make WeasyPrint break Thai lines only between words (`opmanual.wordbreak`), not inside compounds.

WeasyPrint lays each run of text out with a Pango layout, and Pango breaks Thai with libthai's dictionary, which
cuts compounds a Thai reader takes as one word (สถาน|ศึกษา, ดัง|กล่าว, กรุงเทพมหา|นคร). Wrapping each word in an
element of its own would do it too, but a box per word makes WeasyPrint lay a book out twice as slowly; instead,
whenever WeasyPrint gives a layout its text, each Thai word of it gets Pango's "allow breaks: no" attribute
(`pango_attr_allow_breaks_new`, Pango ≥ 1.44), so the line breaker skips the breaks inside it.

A text can be cut into words in more than one way, and PyThaiNLP reads a part of a text by what stands around it.
WeasyPrint sets a line by giving Pango the rest of the paragraph, or to save time only its first few lines'
worth, and then that beginning plus a word: the words are read once, from the rest of the paragraph that
`split_first_line` was given, so that every layout of one line cuts the same words.

This relies on WeasyPrint internals (`text.line_break.Layout.set_text`, `split_first_line` where the layout modules
call it, and the cffi declarations), so WeasyPrint is pinned in constraints.txt; `install()` refuses versions it was
not written for, and `tests/test_wordbreak.py` shows in seconds whether an upgrade still keeps the words whole.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import weasyprint

from .. import wordbreak
from .textlayer import SUPPORTED, UnsupportedWeasyPrint

_DECLARATION = "PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);"
_set_text: Any = None  # WeasyPrint's own Layout.set_text and split_first_line, bound by install()
_split_first_line: Any = None
ffi: Any = None
pango: Any = None
# The rest of the paragraph whose line is being set (WeasyPrint lays text out in one thread).
_line_text: str | None = None


@lru_cache(maxsize=16384)
def _byte_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The words of `text` that must stay whole, as UTF-8 byte offsets (what Pango counts in)."""
    spans = []
    for start, end in wordbreak.words(text):
        first = len(text[:start].encode())
        spans.append((first, first + len(text[start:end].encode())))
    return tuple(spans)


def _spans_of(text: str) -> tuple[tuple[int, int], ...]:
    """The words to keep whole in `text`: read in the rest of the paragraph when `text` is its beginning, a word
    the end of `text` cuts kept whole up to there."""
    whole = _line_text
    if whole is None or len(whole) <= len(text) or not whole.startswith(text):
        return _byte_spans(text)
    end = len(text.encode())
    return tuple((start, min(stop, end)) for start, stop in _byte_spans(whole) if start < end)


def _split_first_line_reading_words(text: str, *args: Any, **kwargs: Any) -> Any:
    global _line_text
    outer, _line_text = _line_text, text
    try:
        return _split_first_line(text, *args, **kwargs)
    finally:
        _line_text = outer


def _set_text_keeping_words(self: Any, text: str, justify: bool = False) -> None:
    _set_text(self, text, justify)
    spans = _spans_of(self.text)  # set_text may have cut the text at a newline
    if not spans:
        return
    attributes = pango.pango_layout_get_attributes(self.layout)
    if attributes == ffi.NULL:
        attributes = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    for start, end in spans:
        attribute = pango.pango_attr_allow_breaks_new(False)
        attribute.start_index, attribute.end_index = start, end
        pango.pango_attr_list_insert(attributes, attribute)  # the list owns the attribute from here
    pango.pango_layout_set_attributes(self.layout, attributes)


def install() -> None:
    """Patch WeasyPrint once; safe to call again. Refuses a version the patch was not written for, before touching
    any of its internals."""
    global _set_text, _split_first_line, ffi, pango
    if not weasyprint.__version__.startswith(SUPPORTED):
        raise UnsupportedWeasyPrint(
            "the Thai word-break fix (opmanual.pdf.pango_words) was written for WeasyPrint "
            f"{' or '.join(SUPPORTED)}x, and WeasyPrint {weasyprint.__version__} is installed: install the version in "
            "constraints.txt (scripts/setup), or check the patch against the new version before allowing it"
        )
    from weasyprint.layout import inline, preferred
    from weasyprint.text import ffi as text_ffi
    from weasyprint.text import line_break

    if line_break.Layout.set_text is _set_text_keeping_words:
        return
    ffi, pango = text_ffi.ffi, text_ffi.pango
    ffi.cdef(_DECLARATION)
    wordbreak.load()
    _set_text, _split_first_line = line_break.Layout.set_text, line_break.split_first_line
    line_break.Layout.set_text = _set_text_keeping_words
    for module in (line_break, inline, preferred):  # each calls the function by the name it imported
        module.split_first_line = _split_first_line_reading_words
