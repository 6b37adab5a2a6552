"""The readers: one per format, each turning its file into the same `Source` of blocks (see `blocks.py`).

Each reader module declares its format (`FORMAT`, see `format.py`): its name as users say it, its names' endings, the
mark its files start with, and its reader. `read` picks the reader by what the file holds, not only by its name — a
.docx is a zip with `word/document.xml`, a PDF starts with `%PDF-`, an encrypted Office file is an OLE compound file;
text, which has no mark, by its name — and turns every file it cannot read into a `SourceError` with one plain
sentence naming the file, so the command can say why and write nothing. Every reader
works within the limits of `limits.py`; what it returns holds no character that a data file may not hold (see
`clean`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...data.loader import FORBIDDEN  # the loader's own list, declared once there
from ..blocks import Block, Cell, PageBreak, Source, SourceError, Table
from . import docx, pdf, text
from .format import Format
from .safe import open_source

# Every format the importer reads, each declared by its reader (`FORMAT`): tried by its mark, then by the name.
FORMATS: tuple[Format, ...] = (docx.FORMAT, pdf.FORMAT, text.FORMAT)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 files, and any password-protected Office file


def read(path: Path, name: str | None = None) -> Source:
    """Read `path` with the reader for what it is; `SourceError` when it cannot be read. `name` is what the blocks
    and messages call it (the file's name)."""
    name = name or path.name
    suffix = path.suffix.lower()
    with open_source(path, name, listed()) as file:
        head = file.read(8)
        file.seek(0)
        if head.startswith(OLE_MAGIC):
            if suffix in docx.FORMAT.suffixes:
                raise SourceError(
                    f"{name} is password-protected (an encrypted Office file): open it in Word, remove the password "
                    "(File → Info → Protect Document), save it and import it again."
                )
            raise SourceError(
                f"{name} is an old Word 97–2003 file (.doc): open it in Word or LibreOffice, save it as .docx and "
                "import that."
            )
        for found in FORMATS:
            if found.sniff is not None and found.sniff(head):
                return clean(found.read(file, name))
        for found in FORMATS:
            if suffix in (*found.suffixes, *found.also):
                if found.sniff is not None:  # named as a format with a mark, and without it
                    raise SourceError(
                        f"{name} is not a {found.name} file (its content is not what its name says), or it is damaged."
                    )
                return clean(found.read(file, name))
    raise SourceError(f"{name}: files of type {suffix or '(no extension)'} cannot be imported; give a {listed()}.")


def listed() -> str:
    """The endings the importer reads, as a sentence: ".docx, .pdf, .txt or .md"."""
    suffixes = [suffix for found in FORMATS for suffix in found.suffixes]
    return f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"


def clean(source: Source) -> Source:
    """`source` without the control, bidirectional and invisible formatting characters that a data file may not
    hold (a control character pasted into Word, a direction mark from a PDF), counted in the notes; a block left
    with no text is left out."""
    removed = 0

    def text(value: str) -> str:
        nonlocal removed
        cleaned, count = FORBIDDEN.subn("", value)
        removed += count
        return cleaned

    def cell(value: Cell) -> Cell:
        kept = [replace(inner, text=text(inner.text)) for inner in value.blocks]
        return replace(value, blocks=tuple(inner for inner in kept if inner.text.strip()))

    def block(value: Block) -> Block | None:
        if isinstance(value, Table):
            return replace(value, rows=tuple(tuple(cell(inner) for inner in row) for row in value.rows))
        if isinstance(value, PageBreak):
            return value
        cleaned = replace(value, text=text(value.text))
        return cleaned if cleaned.text.strip() else None

    blocks = [found for found in map(block, source.blocks) if found is not None]
    if removed:
        source.notes.append(f"ไม่นำเข้าอักขระควบคุมหรือกำหนดทิศทาง {removed} ตัว (ไฟล์ข้อมูลเก็บไม่ได้)")
    source.blocks = blocks
    return source
