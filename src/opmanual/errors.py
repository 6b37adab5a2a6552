"""Data errors: where they are (`file:line`) and what is wrong, in plain words."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Position = int | tuple[int, int]  # a line, or a (line, column) pair; both count from 1

EXCERPT = 60  # characters of a value that a message may quote
MAX_MESSAGE = 400  # characters of a whole message: a last guard against quoting a whole file


# Characters that a terminal or a log would act on or hide: controls (a newline would forge a second `file:line:`
# message, an escape sequence would clear or recolour the screen), bidirectional and other invisible formatting.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000e0000-\U000e007f]"
)


def excerpt(value: Any, limit: int = EXCERPT) -> str:
    """A value as a message may quote it: at most `limit` characters, then `…`."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def printable(text: str) -> str:
    """`text` with every control, formatting and bidirectional character written as an escape such as `\\x1b`."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"

    return _UNPRINTABLE.sub(escape, text)


@dataclass(frozen=True, order=True)
class DataError:
    path: str
    line: int
    column: int
    message: str
    level: str = "error"  # or "warning": reported, but the build goes on

    def __str__(self) -> str:
        kind = "warning: " if self.level == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"

    def github(self) -> str:
        """The error as a GitHub Actions workflow command, which annotates the line in a pull request."""

        def escape(text: str, *extra: str) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            for char in extra:
                text = text.replace(char, f"%{ord(char):02X}")
            return text

        where = f"file={escape(self.path, ',', ':')},line={self.line},col={self.column}"
        return f"::{self.level} {where}::{escape(self.message)}"


@dataclass
class ErrorList:
    """Collects every error of every file, so an editor sees all of them at once."""

    root: Path
    errors: list[DataError] = field(default_factory=list)
    warnings: list[DataError] = field(default_factory=list)

    def add(self, path: Path, position: Position, message: str) -> None:
        self.errors.append(self._entry(path, position, message, "error"))

    def warn(self, path: Path, position: Position, message: str) -> None:
        self.warnings.append(self._entry(path, position, message, "warning"))

    def _entry(self, path: Path, position: Position, message: str, level: str) -> DataError:
        line, column = position if isinstance(position, tuple) else (position, 1)
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        # Names of files and keys come from the data folder: they are shown, never acted on.
        return DataError(printable(display(path)), line, column, printable(message), level)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[DataError]:
        return sorted(set(self.errors))


def display(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it. Links are not followed (a
    link may lead nowhere, or in a loop)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    return Path(absolute if relative.startswith("..") else relative).as_posix()


class DataErrors(Exception):
    """Raised once, after loading, when the data has errors."""

    def __init__(self, errors: list[DataError], warnings: list[DataError] | None = None) -> None:
        self.errors = errors
        self.warnings = warnings or []
        count = len(errors)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the manual's data (ข้อมูลผิดพลาด {count} จุด)")

    def report(self) -> str:
        return "\n".join(str(error) for error in self.errors)
