"""How close the importer's ids come to the ids people chose: import each seed manual (and, with --docx, the Word copy
of each hand-made folder's whole manual) and compare the ids of its people, processes and work groups with those of
the hand-made folder, matched by name. Prints, per kind, the share that match exactly and the mean edit distance.

    .venv/bin/python scripts/import_ids.py [--docx]

The glossary of process and work-group words (src/opmanual/importer/ids.py) was written with these folders' names
in view: the figures say how well the ids fit them, not how they do on a manual nobody has read.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from importing import HAND_MADE, load_folder, run, seed_file  # noqa: E402
from opmanual.data.dataset import Manual  # noqa: E402
from opmanual.thai import normalize  # noqa: E402


def distance(a: str, b: str) -> int:
    """Levenshtein: the fewest one-character edits from a to b."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def key(text: str) -> str:
    return "".join(normalize(text).split())


def named(manual: Manual) -> Iterator[tuple[str, str, str]]:
    """(kind, name, id) of every person, process and work group."""
    for pid, person in manual.people.items():
        yield "people", key(person.name + person.surname), pid
    for pid, process in manual.processes.items():
        yield "processes", key(process.name), pid
    for group in manual.group.workgroups:
        yield "work groups", key(group.name), group.id


def pairs(imported: Path, hand: Path) -> list[tuple[str, str, str]]:
    """(kind, imported id, hand-made id) of every entry both folders name alike."""
    theirs = {(kind, name): ident for kind, name, ident in named(load_folder(hand))}
    return [
        (kind, ident, theirs[(kind, name)])
        for kind, name, ident in named(load_folder(imported))
        if (kind, name) in theirs
    ]


def main() -> int:
    sources = {key_: seed_file(key_) for key_ in HAND_MADE}
    found: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="import-ids-") as folder:
        work = Path(folder)
        if "--docx" in sys.argv[1:]:
            for key_, hand in HAND_MADE.items():
                site = work / f"{key_}-site"
                os.environ["MANUAL_WORD"] = "1"  # the Word copies without the PDFs
                built = run("build", hand, "--site", site, "--no-pdf")
                if built.returncode:
                    raise SystemExit(built.stderr)
                sources[f"{key_} .docx"] = site / "docx/manual.docx"
        for label, source in sources.items():
            target = work / label.replace(" ", "-")
            result = run("import", source, "--into", target)
            if result.returncode:
                raise SystemExit(f"{label}: {result.stderr}")
            hand = HAND_MADE[label.split()[0]]
            found += [(label, *pair) for pair in pairs(target, hand)]
    print("| kind | compared | the same | mean edit distance |\n| --- | ---: | ---: | ---: |")
    for kind in ("people", "processes", "work groups"):
        rows = [(a, b) for _, k, a, b in found if k == kind]
        same = sum(a == b for a, b in rows)
        mean = sum(distance(a, b) for a, b in rows) / len(rows) if rows else 0.0
        print(f"| {kind} | {len(rows)} | {same} ({same / max(len(rows), 1):.0%}) | {mean:.1f} |")
    print()
    for label, kind, mine, theirs in found:
        print(f"{label}: {kind}: {mine}" + ("" if mine == theirs else f" (hand-made: {theirs})"))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
