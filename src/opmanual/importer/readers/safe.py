"""Opening a source file named on the command line: a regular file only, never blocking, never read past a limit.

A source may be anywhere (it is the editor's own file, not the data folder's), but it must be a file: a named pipe
would block the import for ever, a device (`/dev/zero`) would never end. The file is opened without blocking and
checked on the open descriptor, so what is checked is what is read.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..blocks import SourceError
from ..limits import MAX_BYTES, size

KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


@contextmanager
def open_source(path: Path, name: str, formats: str) -> Iterator[io.BufferedReader]:
    """The source file `path` open for reading; `SourceError` when it is not a regular file of a manual's size.
    `name` is how messages call it, `formats` the endings the importer reads (".docx, .pdf, .txt or .md")."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise SourceError(f"{name} does not exist.") from None
    except OSError as error:
        raise SourceError(f"{name} cannot be read: {error.strerror or error}.") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        kind = KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
        raise SourceError(f"{name} is {kind}, not a file: give the manual's {formats}.")
    with os.fdopen(descriptor, "rb") as file:
        if info.st_size == 0:
            raise SourceError(f"{name} is empty (0 bytes).")
        if info.st_size > MAX_BYTES:
            raise SourceError(
                f"{name} is {size(info.st_size)}, more than the {size(MAX_BYTES)} a manual can be: check that it is "
                "the right file."
            )
        os.set_blocking(descriptor, True)
        yield file


def read_at_most(file: io.BufferedReader, limit: int) -> bytes | None:
    """The whole file from where it stands, or None when it holds more than `limit` bytes."""
    data = file.read(limit + 1)
    return None if len(data) > limit else data
