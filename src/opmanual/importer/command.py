"""`python -m opmanual import SOURCE… --into DIR`: existing manuals (.docx, .pdf, .txt, .md) into a data folder.

    readers (one per format) → one stream of blocks → recognise → Draft → write (checked, then moved in)

This module runs the three steps and prints the report: what was recognised and how much of it, every guess marked
`# ตรวจสอบ:` in the files, and every block that went into a free section, with where it stood in the source. Names
of files and text of the sources reach the terminal only through `say`, with their control characters escaped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import printable
from . import flags, folder, naming, report
from .blocks import SourceError
from .draft import Draft
from .readers import read
from .recognise import recognise
from .write import WriteError, write

BAD_SOURCE = 1  # a source cannot be read: nothing written
CLASH = 1  # the target has the files already, or cannot be written (without --force): nothing written
COMMAND = "python -m opmanual import"


def say(text: str, out: TextIO) -> None:
    """Print `text`, each of its lines with every control, direction and invisible character as an escape: a file
    name or a source's text cannot move the cursor, recolour the terminal or forge a line of the report."""
    for line in text.split("\n"):
        print(printable(line), file=out)


def run(
    sources: Sequence[Path],
    into: Path,
    force: bool = False,
    out: TextIO = sys.stdout,
    output: str = "text",
    ids: Path | None = None,
) -> int:
    try:
        folder.check(into)  # before the sources are read: a wrong folder is said at once
    except folder.FolderError as error:
        say(f"{COMMAND}: {error}; nothing was written", sys.stderr)
        return CLASH
    read_sources = []
    for path in sources:
        try:
            read_sources.append(read(path))
        except SourceError as exc:
            say(f"{COMMAND}: {exc} Nothing was written.", sys.stderr)
            return BAD_SOURCE
    draft = recognise(read_sources)
    flags.flag(draft)
    renamed: list[str] = []
    if ids is not None:
        try:
            renamed = naming.apply(draft, naming.read(ids), ids)
        except naming.NamingError as exc:
            say(f"{COMMAND}: {exc}; nothing was written", sys.stderr)
            return BAD_SOURCE
    # Now, before the write: importing into the working folder replaces it, and its name and path with it.
    target = Path(os.path.abspath(into))
    where = folder.name(into)
    header = [f"นำเข้าจาก {', '.join(path.name for path in sources)} ด้วย {COMMAND}"]
    try:
        written = write(draft, into, force=force, header=header)
    except WriteError as exc:
        say(f"{COMMAND}: {exc}", sys.stderr)
        return CLASH
    guesses, free = report.collect(draft, written.merged, target)
    notes = [*draft.notes, *(written.merged.notes if written.merged else [])]
    notes += [f"รหัสตามไฟล์ --ids: {line}" for line in renamed]
    if output == "json":
        files = [path.relative_to(target).as_posix() for path in written.paths]
        print(report.as_json(counts(draft), guesses, free, notes, files), file=out)
        return 0
    if output == "github":
        for line in report.github(guesses, free, where):
            print(printable(line), file=out)
        return 0
    for line in report.text(counts(draft), guesses, free, notes, where):
        print(printable(line), file=out)  # one line each: a line break in a source's text is escaped too
    done = "เพิ่มเข้า" if written.merged else "เขียนลง"
    say(f"{done} {where} แล้ว {len(written.paths)} ไฟล์ (นำเข้าแล้ว)", out)
    return 0


def counts(draft: Draft) -> dict[str, int]:
    """What the draft holds, counted as the README's table counts it."""
    people = [part.data for part in draft.people.values()]
    processes = [part.data for part in draft.processes.values()]
    return {
        "people": len(people),
        "processes": len(processes),
        "work_standard_rows": sum(
            len(standard.get("rows", [])) for data in people for standard in data.get("work_standards", [])
        ),
        "steps": sum(_count_steps(data.get("steps", [])) for data in processes),
        "duties": sum(len(data.get("duties", [])) for data in people),
        "workgroups": len(draft.office.data.get("group", {}).get("workgroups", [])),
        "documents": len(draft.references.data.get("documents", [])),
    }


def _count_steps(steps: list[Any]) -> int:
    return sum(1 + _count_steps(step.get("steps", []) if isinstance(step, dict) else []) for step in steps)
