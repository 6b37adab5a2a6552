"""Data errors: where they are (`file:line`) and what is wrong, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataError:
    path: str
    line: int
    message: str
    column: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ErrorList:
    """Collects every error of every file, so an editor sees all of them at once."""

    root: Path
    errors: list[DataError] = field(default_factory=list)

    def add(self, path: Path, line: int, message: str, column: int = 0) -> None:
        self.errors.append(DataError(self.display(path), line, message, column))

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
