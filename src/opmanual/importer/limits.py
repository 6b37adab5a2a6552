"""How much of a source the import reads: every limit, far above any real manual, declared once here.

A source is untrusted input: a Word file is a zip whose parts may unpack to gigabytes, a PDF's streams are
compressed too and its pages may draw the same drawing a million times, a text file may be one line or ten million.
Each limit is checked before the part it guards is expanded, and a source past one is refused with a `TooLarge`:
one sentence naming the file, what it has and the limit. The figures of real manuals are in the comments: an
80-page manual has about 3,000 paragraphs, its Word file a 2 MB `word/document.xml`, its text 300 kB.
"""

from __future__ import annotations

from .blocks import SourceError

MB = 1_000_000

# Any source file. A manual with photos is a few tens of MB; more is a scan or the wrong file.
MAX_BYTES = 100 * MB
# A text (.txt, .md) source. A 300-page manual is about 1 MB of text.
MAX_TEXT_BYTES = 10 * MB
MAX_LINES = 200_000  # a 300-page manual is about 10,000 lines

# A Word (.docx) file, a zip of XML parts and pictures.
MAX_PARTS = 10_000  # members of the zip; Word writes 20 to a few hundred
MAX_UNPACKED = 500 * MB  # all members unpacked, as the zip declares them; the pictures are most of it
MAX_RATIO = 100  # unpacked ÷ packed for the whole file; Word's files are 2–10, a zip bomb 1,000
MAX_XML = 40 * MB  # the XML parts read (document, styles, numbering …) together; 2–4 MB for 80 pages
MAX_PARAGRAPHS = 100_000  # paragraphs, and lines of paragraphs, in the body, its tables and text boxes
MAX_TABLES = 5_000  # an 80-page manual has about 50
MAX_CELLS = 200_000  # an 80-page manual has about 2,000
MAX_PIXELS = 500_000_000  # what one picture declares; a 600 dpi scan of an A4 page is 35 million

# A PDF.
MAX_PAGES = 300  # the seeds are under 120 pages; more is several manuals bound together
MAX_OBJECTS = 500_000  # a 40-page book of ours has 5,700
MAX_STREAM = 64 * MB  # one stream unpacked (a page, a font, an image); our pages are at most 0.5 MB
MAX_STREAMS = 256 * MB  # every stream but the pictures unpacked, together; 4 MB for a 40-page book of ours
# What pdfminer interprets to draw a page: its content, and each drawing (form) it uses as often as it uses it.
# Our pages draw at most 0.5 MB, a word processor's 25 kB.
MAX_PAGE_DRAWN = 16 * MB
MAX_DRAWN = 256 * MB  # all pages together
# Characters a page draws, counted as the bytes of its text strings (an upper bound): pdfminer and pdfplumber hold
# about 2 kB and spend 60 µs for each. A full page has about 3,000; our pages' strings, with their copy of the
# text for the text layer, 15,000.
MAX_PAGE_CHARS = 200_000
# Lines and shapes a page draws (path operators): pdfplumber keeps an object of each and finds tables among them.
# A page of our flowcharts draws about 7,000, a word processor's page about 100.
MAX_PAGE_SHAPES = 100_000
MAX_CHARS = 5_000_000  # all pages together; 300 pages of a word processor have about 400,000, of ours 2 million
# Reading a PDF runs in a process of its own with this much more memory and processor time than it started with:
# the last bound on the parsers (qpdf, pdfminer), whatever a file makes them do. A 40-page manual takes 0.3 GB and
# 6 s; a 300-page one about a minute.
MAX_PDF_MEMORY = 2_000 * MB
MAX_PDF_SECONDS = 600


# A data folder an import adds to is copied whole before the import's files are added and the copy is checked:
# at most this much. A data folder of 30 people and 60 processes with their forms holds about 200 files, 20 MB.
MAX_INTO_ENTRIES = 20_000
MAX_INTO_BYTES = 1_000 * MB


class TooLarge(SourceError):
    """A source past one of the limits above: it is not read further."""


def size(count: int) -> str:
    """A number of bytes as the messages write it: 1.5 MB, 2.0 GB, 400 kB."""
    for unit, name in ((1000 * MB, "GB"), (MB, "MB")):
        if count >= unit:
            return f"{count / unit:.1f}".removesuffix(".0") + f" {name}"
    return f"{count / 1000:.0f} kB"
