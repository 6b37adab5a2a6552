"""Data errors: where they are (`file:line`) and what is wrong, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Position = int | tuple[int, int]  # a line, or a (line, column) pair; both count from 1


@dataclass(frozen=True, order=True)
class DataError:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def github(self) -> str:
        """The error as a GitHub Actions workflow command, which annotates the line in a pull request."""

        def escape(text: str, *extra: str) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            for char in extra:
                text = text.replace(char, f"%{ord(char):02X}")
            return text

        where = f"file={escape(self.path, ',', ':')},line={self.line},col={self.column}"
        return f"::error {where}::{escape(self.message)}"


@dataclass
class ErrorList:
    """Collects every error of every file, so an editor sees all of them at once."""

    root: Path
    errors: list[DataError] = field(default_factory=list)

    def add(self, path: Path, position: Position, message: str) -> None:
        line, column = position if isinstance(position, tuple) else (position, 1)
        self.errors.append(DataError(self.display(path), line, column, message))

    def display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[DataError]:
        return sorted(set(self.errors))


class DataErrors(Exception):
    """Raised once, after loading, when the data has errors."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        count = len(errors)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the manual's data (ข้อมูลผิดพลาด {count} จุด)")

    def report(self) -> str:
        return "\n".join(str(error) for error in self.errors)
