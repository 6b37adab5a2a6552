"""The readers: one per format, each turning its file into the same `Source` of blocks (see `blocks.py`).

`read` picks the reader by what the file holds, not only by its name — a .docx is a zip with `word/document.xml`, a
PDF starts with `%PDF-`, an encrypted Office file is an OLE compound file — and turns every file it cannot read into
a `SourceError` with one plain sentence naming the file, so the command can say why and write nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..blocks import Source, SourceError

MAX_BYTES = 100 * 1024 * 1024  # a manual with photos is a few tens of MB; more is a scan or the wrong file
MAX_TEXT_BYTES = 10 * 1024 * 1024  # the text of a 300-page manual is about 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 files, and any password-protected Office file
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUFFIXES = (".docx", ".pdf", *TEXT_SUFFIXES)


def read(path: Path) -> Source:
    """Read `path` with the reader for what it is; `SourceError` when it cannot be read."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(8)
    except FileNotFoundError:
        raise SourceError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise SourceError(f"{name} is a folder, not a file: give the manual's .docx, .pdf, .txt or .md.") from None
    except OSError as error:
        raise SourceError(f"{name} cannot be read: {error.strerror or error}.") from None
    if size == 0:
        raise SourceError(f"{name} is empty (0 bytes).")
    if size > MAX_BYTES:
        raise SourceError(
            f"{name} is {size // (1024 * 1024)} MB, more than the {MAX_BYTES // (1024 * 1024)} MB a manual can be: "
            "check that it is the right file."
        )
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        from . import pdf

        return pdf.read(path)
    if head.startswith(OLE_MAGIC):
        if suffix == ".docx":
            raise SourceError(
                f"{name} is password-protected (an encrypted Office file): open it in Word, remove the password "
                "(File → Info → Protect Document), save it and import it again."
            )
        raise SourceError(
            f"{name} is an old Word 97–2003 file (.doc): open it in Word or LibreOffice, save it as .docx and "
            "import that."
        )
    if head.startswith(b"PK"):
        return _read_zip(path)
    if suffix in (".docx", ".pdf"):
        kind = "Word" if suffix == ".docx" else "PDF"
        raise SourceError(f"{name} is not a {kind} file (its content is not what its name says), or it is damaged.")
    if suffix in TEXT_SUFFIXES:
        if size > MAX_TEXT_BYTES:
            raise SourceError(
                f"{name} is {size // (1024 * 1024)} MB of text, more than a manual's {MAX_TEXT_BYTES // (1024 * 1024)} "
                "MB (a 300-page manual is about 1 MB): check that it is the right file."
            )
        from . import text

        return text.read(path)
    raise SourceError(
        f"{name}: files of type {suffix or '(no extension)'} cannot be imported; give a .docx, .pdf, .txt or .md."
    )


def _read_zip(path: Path) -> Source:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise SourceError(f"{name} is damaged: it starts like a Word file (a zip) but cannot be opened.") from None
    if broken is not None:
        raise SourceError(f"{name} is damaged: its part {broken} cannot be read.")
    if "word/document.xml" not in names:
        raise SourceError(
            f"{name} is a zip file but not a Word document (it has no word/document.xml): save the manual from "
            "Word as .docx."
        )
    from . import docx

    return docx.read(path)
