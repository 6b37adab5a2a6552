"""What the recogniser makes of a source: the files of a data folder as plain values, and what it was unsure of.

A `Part` is one owner's file (office.yml, a person, a process) while it is being recognised: its values, the
guesses to mark with a `# ตรวจสอบ:` comment, and the blocks it could not place (already put into a free section
of that owner, so they are never dropped; listed again in the report so an editor can move them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .blocks import Where

Path = tuple[str | int, ...]  # a place in a file's values: ("duties", 2, "title")


@dataclass(frozen=True)
class Guess:
    path: Path  # the value the comment is written above
    note: str  # in Thai, for the editor: what was guessed and what to check


@dataclass(frozen=True)
class Unplaced:
    where: Where
    text: str  # the start of the block's text, for the report
    section: str  # the free section it was put in


@dataclass
class Part:
    data: dict[str, Any] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    def guess(self, path: Path, note: str) -> None:
        self.guesses.append(Guess(path, note))


@dataclass
class Draft:
    """A whole data folder: `office.yml`, `references.yml`, one file per person and per process (by id)."""

    office: Part = field(default_factory=Part)
    references: Part = field(default_factory=Part)
    people: dict[str, Part] = field(default_factory=dict)
    processes: dict[str, Part] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the readers and the recogniser noticed

    def files(self) -> dict[str, Part]:
        """Every file of the draft by its path in the data folder; empty references are left out."""
        out = {"office.yml": self.office}
        if self.references.data:
            out["references.yml"] = self.references
        out.update({f"people/{key}.yml": part for key, part in self.people.items()})
        out.update({f"processes/{key}.yml": part for key, part in self.processes.items()})
        return out
