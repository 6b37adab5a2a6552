"""What a reader module declares of the format it reads, so that `readers.read` can pick it and name it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from ..blocks import Source


@dataclass(frozen=True)
class Format:
    """A format the importer reads, declared by its reader module as `FORMAT`."""

    name: str  # as users say it: "Word", "PDF", "text"
    suffixes: tuple[str, ...]  # the names' endings the messages give ("give a .docx, .pdf …")
    sniff: Callable[[bytes], bool] | None  # whether a file's first bytes are this format's; None: no such mark
    read: Callable[[io.BufferedReader, str], Source]  # the open file and its name → its blocks
    also: tuple[str, ...] = ()  # endings read as this format too, not named in the messages
