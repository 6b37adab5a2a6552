"""The import's report, for the person who imported: what was found, what was guessed and where to check it (file
and line, as `check` prints them), what went into free sections and why, and what was left out, in Thai, each kind
of note once with its count, short enough to read on one screen. `--format github` gives the same notes as
annotations on the files' lines, `--format json` as data. The guesses are also `# ตรวจสอบ:` comments in the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.loader import read_yaml
from ..errors import ErrorList
from .draft import Draft
from .merge import Merge

# How the found things are counted, in the guide's words.
FOUND = {
    "people": ("บุคลากร", "คน"),
    "processes": ("กระบวนงาน", "เรื่อง"),
    "steps": ("ขั้นตอน", "ขั้น"),
    "duties": ("งานในหน้าที่", "งาน"),
    "work_standard_rows": ("แถวมาตรฐานการปฏิบัติงาน", "แถว"),
    "workgroups": ("กลุ่มงาน", "กลุ่ม"),
    "documents": ("เอกสารอ้างอิง", "รายการ"),
}
SHOWN_PLACES = 4  # lines named for one kind of guess; the rest are counted


@dataclass(frozen=True)
class Note:
    """One guess, or one block put in a free section, at its place in a written file."""

    file: str  # the file's path in the data folder
    line: int
    column: int
    kind: str  # what kind of note: the same words for every note of the kind
    text: str  # the whole note


def _kind(note: str) -> str:
    """A guess's kind: its words up to the first place where notes of one kind differ (a `;` or `:` before the
    particulars), at most 80 characters."""
    words = " ".join(note.split())
    mark = next((mark for mark in (";", ": ") if mark in words), None)
    cut = words.find(mark) if mark else len(words)
    kind = words[:cut].rstrip(" .")
    return kind if len(kind) <= 80 else kind[:79] + "…"


def _read(target: Path, name: str) -> tuple[Any, Any]:
    """A written file's values and lines (None, None if it cannot be read back)."""
    read = read_yaml(target / name, ErrorList(target))
    return read if read else (None, None)


def collect(draft: Draft, merged: Merge | None, target: Path) -> tuple[list[Note], list[Note]]:
    """The guesses and the free sections' blocks, each at its line in the files written into `target`."""
    guesses: list[Note] = []
    free: list[Note] = []
    for name, part in draft.files().items():
        data, source = _read(target, name)
        found = merged.guesses[name] if merged and name in merged.additions else part.guesses
        for guess in found:
            line, column = source.line(tuple(guess.path)) if source else (1, 1)
            guesses.append(Note(name, line, column, _kind(guess.note), " ".join(guess.note.split())))
        for item in part.unplaced:
            line, column = _section_line(source, data if isinstance(data, dict) else {}, item.section)
            free.append(Note(name, line, column, item.section, f"{item.where}: {item.text}"))
    return guesses, free


def _section_line(source: Any, data: dict[str, Any], title: str) -> tuple[int, int]:
    """Where the free section titled `title` starts in the file (a person's, a process's, or the group's)."""
    for owner in ((), ("group",), ("office",)):
        holder: Any = data
        for key in owner:
            holder = holder.get(key, {}) if isinstance(holder, dict) else {}
        sections = holder.get("sections", []) if isinstance(holder, dict) else []
        for index, section in enumerate(sections):
            if isinstance(section, dict) and section.get("title") == title:
                return source.line((*owner, "sections", index)) if source else (1, 1)
    return (1, 1)


def _places(notes: list[Note]) -> str:
    """`office.yml:12, 15, 18 และอีก 3 จุด`: the first lines of each file, the rest counted."""
    shown = notes[:SHOWN_PLACES]
    parts: list[str] = []
    for note in shown:
        if parts and parts[-1].startswith(f"{note.file}:"):
            parts[-1] += f", {note.line}"
        else:
            parts.append(f"{note.file}:{note.line}")
    rest = len(notes) - len(shown)
    return "; ".join(parts) + (f" และอีก {rest} จุด" if rest else "")


def text(counts: dict[str, int], guesses: list[Note], free: list[Note], notes: list[str], where: str) -> Iterator[str]:
    """The report in Thai, for the person who imported."""
    found = [f"{FOUND[key][0]} {value} {FOUND[key][1]}" for key, value in counts.items() if key in FOUND]
    yield "พบในต้นฉบับ: " + ", ".join(found)
    for said in notes:
        yield f"หมายเหตุ: {said}"
    if guesses:
        yield f"ระบบเดาไว้ {len(guesses)} จุด ให้ตรวจกับต้นฉบับ (ในไฟล์มีหมายเหตุ # ตรวจสอบ: อยู่เหนือค่านั้น):"
        kinds: dict[str, list[Note]] = {}
        for note in guesses:
            kinds.setdefault(note.kind, []).append(note)
        for kind, group in sorted(kinds.items(), key=lambda item: -len(item[1])):
            group.sort(key=lambda note: (note.file, note.line))
            yield f"  {len(group):>3} จุด  {kind} — {_places(group)}"
    if free:
        yield (
            f'ย่อหน้าที่ไม่มีช่องรองรับ {len(free)} ย่อหน้า ใส่ไว้ใน "หัวข้อเพิ่มเติม" (sections:) ตามชื่อหัวข้อในต้นฉบับ '
            "อ่านแล้วย้ายไปช่องที่ถูกต้อง หรือเก็บไว้เป็นหัวข้อเพิ่มเติมก็ได้:"
        )
        sections: dict[tuple[str, str], list[Note]] = {}
        for note in free:
            sections.setdefault((note.file, note.kind), []).append(note)
        for (file, title), group in sections.items():
            first, last = group[0].text.split(": ", 1)[0], group[-1].text.split(": ", 1)[0]
            span = first if first == last else f"{first} ถึง {_after_source(last)}"
            yield f'  {file}:{group[0].line}  หัวข้อ "{title}" {len(group)} ย่อหน้า (จาก {span})'
    yield f"ตรวจไฟล์ทั้งหมดด้วย: opmanual check {where}"


def _after_source(place: str) -> str:
    """`p. 12` of `manual.pdf p. 12`: the second place of a span names no file again."""
    match = re.search(r"(p\. \d+|¶ \d+)$", place)
    return match.group(1) if match else place


def github(guesses: list[Note], free: list[Note], folder: str) -> Iterator[str]:
    """Each note as a GitHub workflow annotation on its line."""
    for note in guesses:
        place = f"file={folder}/{note.file},line={note.line},col={note.column}"
        yield f"::warning {place},title=ตรวจสอบ::{_escape(note.text)}"
    for note in free:
        message = f'หัวข้อเพิ่มเติม "{note.kind}": {note.text}'
        yield f"::notice file={folder}/{note.file},line={note.line},title=ย้ายไปช่องที่ถูกต้อง::{_escape(message)}"


def _escape(message: str) -> str:
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_json(counts: dict[str, int], guesses: list[Note], free: list[Note], notes: list[str], written: list[str]) -> str:
    def plain(note: Note) -> dict[str, Any]:
        return {"file": note.file, "line": note.line, "column": note.column, "kind": note.kind, "text": note.text}

    return json.dumps(
        {
            "found": counts,
            "left_out": notes,
            "guesses": [plain(note) for note in guesses],
            "free_sections": [plain(note) for note in free],
            "files": written,
        },
        ensure_ascii=False,
        indent=2,
    )
