"""Measuring an import: what a data folder holds (people, processes, work-standard rows, steps) and how much of a
seed's text its built site shows; used by tests/test_import.py and scripts/import_seeds.py (the README's table)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from opmanual.data import model as m
from opmanual.data.dataset import Manual, load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"
# Each seed, and the folder transcribed from it by hand (the figures an import must reach).
HAND_MADE = {
    "002": ROOT / "data",
    "000": ROOT / "examples/chiangmai5",
    "004": ROOT / "examples/korat6",
}


def seed_file(key: str) -> Path:
    (path,) = SEEDS.glob(f"{key}_*.txt")
    return path


def _steps(steps: Sequence[m.SubStep]) -> int:
    return sum(1 + _steps(step.steps) for step in steps)


def counts(manual: Manual) -> dict[str, int]:
    """What the README's table counts: people, processes, rows of work standards (a topic's own rows and its
    sub-tables' rows), steps at every depth."""
    return {
        "people": len(manual.people),
        "processes": len(manual.processes),
        "work-standard rows": sum(
            len(standard.rows) + sum(len(table.rows) for table in standard.tables)
            for person in manual.people.values()
            for standard in person.work_standards
        ),
        "steps": sum(_steps(process.steps) for process in manual.processes.values()),
    }


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m opmanual ARGS`, as an editor runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "opmanual", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def coverage(seed: Path, site: Path) -> tuple[float, list[str]]:
    """The share of the seed's text lines found in the site, by tests/test_seeds.py's method, and the lines not
    found."""
    from test_seeds import seed_lines, site_text, squeeze

    text = site_text(site)
    lines = seed_lines(seed.name)
    # A bibliography's "_____" for the author above: the books write the author out again (APA 7), so the rest of
    # the entry is what must be found.
    missing = [line for line in lines if squeeze(re.sub(r"^_{3,}\s*\.?\s*", "", line)) not in text]
    return 1 - len(missing) / len(lines), missing


def load_folder(folder: Path) -> Manual:
    return load(folder)


# What a round trip through Word does not bring back, and why: ids and references between files are made again
# from names; the flowchart's own words (a step's short label, decisions, start and end) are only in its picture
# (the flow is derived from the steps on import); attachments are files, not text; and the whole manual's book
# does not print a person's foreword, approval or record, which their own book does (see BOOK_ONLY).
NOT_IN_WORDS = {
    "id", "workgroup", "references", "bibliography", "processes", "clusters", "networks", "learning_areas",
    "members", "responsible", "next", "yes_to", "no_to", "kind", "file", "after", "digits", "person", "reports_to",
    "signed_by", "label", "decision", "flowchart", "appendices", "revisions",
}  # fmt: skip
BOOK_ONLY = {"foreword", "approval", "cover_title"}


def texts(value: object, skip: set[str], key: str | None = None, out: set[str] | None = None) -> set[str]:
    """Every text of a model's dump, squeezed as the seed test compares them, leaving out the keys in `skip`."""
    from test_seeds import squeeze

    out = set() if out is None else out
    if key in skip:
        return out
    if isinstance(value, dict):
        for name, inner in value.items():
            texts(inner, skip, name, out)
    elif isinstance(value, list):
        for inner in value:
            texts(inner, skip, key, out)
    elif isinstance(value, str):
        out.add(squeeze(value))
    return out


def owners(manual: Manual) -> dict[str, m.Person | m.Process]:
    """People and processes by what a reader sees of them: the person's full name, the process's name."""
    from test_seeds import squeeze

    found: dict[str, m.Person | m.Process] = {
        squeeze(f"{p.prefix}{p.name}{p.surname}"): p for p in manual.people.values()
    }
    found |= {squeeze(p.name): p for p in manual.processes.values()}
    return found


def shared(manual: Manual) -> dict[str, set[str]]:
    """What the whole manual prints of the references between its files (squeezed names): each person's clusters,
    networks and learning areas, each work group's members, the documents' titles, and the bibliography's entries
    as the books print them."""
    from test_seeds import squeeze

    from opmanual.importer.recognise.bibliography import printed

    names = {pid: squeeze(f"{p.prefix}{p.name}{p.surname}") for pid, p in manual.people.items()}
    group = manual.group
    entries = {
        kind: {entry.id: squeeze(entry.name) for entry in getattr(group, kind)}
        for kind in ("clusters", "networks", "learning_areas")
    }
    return {
        **{
            f"{kind} of {names[pid]}": {entries[kind][entry] for entry in getattr(person, kind)}
            for pid, person in manual.people.items()
            for kind in entries
        },
        **{
            f"members of {squeeze(workgroup.name)}": {names[member] for member in workgroup.members}
            for workgroup in manual.group.workgroups
        },
        "documents": {squeeze(document.title) for document in manual.documents.values()},
        "bibliography": {
            squeeze(printed({k: v for k, v in source.model_dump().items() if v and k != "id"}))
            for source in manual.sources.values()
        },
    }


def lost(source: Manual, imported: Manual, skip: set[str]) -> dict[str, list[str]]:
    """What of each person and process of `source` the `imported` data does not hold: a missing owner, a text,
    a different number of steps or work-standard rows."""
    mine, theirs = owners(source), owners(imported)
    problems: dict[str, list[str]] = {}
    for name in mine.keys() - theirs.keys():
        problems[name] = ["not imported"]
    for name in mine.keys() & theirs.keys():
        missing = sorted(texts(mine[name].model_dump(), skip) - texts(theirs[name].model_dump(), skip))
        if missing:
            problems[name] = missing
    for name, value in counts(source).items():
        if counts(imported)[name] != value:
            problems[name] = [f"{counts(imported)[name]} imported, {value} in the source"]
    return problems
