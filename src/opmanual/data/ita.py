"""What the ITA assessment asks of each work process, and what a process of the data does not say yet.

The ITA item on operation manuals (O10/O13/O14) is scored on each process's steps and how long each takes, the
position responsible for the work, and the laws behind it. `check` warns of every gap where it stands in the files
(and `check --strict-ita` refuses them); the ITA page says which processes are incomplete and what they lack.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import model as m

DURATION, RESPONSIBLE, LEGAL_BASIS = "duration", "responsible", "legal basis"

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Gap:
    """Something the ITA item asks that a process does not say: what, where in its file, and in words."""

    what: str  # DURATION, RESPONSIBLE or LEGAL_BASIS
    loc: Loc  # keys and indexes in the process's file
    message: str


def step_duration(step: m.SubStep) -> str | None:
    """A top-level step's time: its own, or its sub-steps' when every one of them gives one."""
    if step.duration:
        return step.duration
    inner = [sub.duration for sub in step.steps]
    return None if not inner or None in inner else " ".join(d for d in inner if d)


def gaps(process: m.Process, runners: list[str]) -> list[Gap]:
    """What the ITA item asks that `process` (run by `runners`, the people who list it) leaves unsaid."""
    found = []
    for index, step in enumerate(process.steps):
        if step_duration(step) is None:
            found.append(
                Gap(
                    DURATION,
                    ("steps", index),
                    f"step {index + 1} gives no time (`duration:`, or one on each of its sub-steps): the ITA "
                    "assessment asks how long each step takes (ระยะเวลาของขั้นตอน)",
                )
            )
    if not runners and not any(step.responsible for step in process.steps):
        found.append(
            Gap(
                RESPONSIBLE,
                ("name",),
                "no one is responsible for this process: list it under `processes:` of the people who run it, or "
                "name `responsible:` people on its steps; the ITA assessment asks which position does the work "
                "(ผู้รับผิดชอบ)",
            )
        )
    if not process.references:
        found.append(
            Gap(
                LEGAL_BASIS,
                ("name",),
                "no law or document is cited (`references:`, part 8): the ITA assessment asks for the legal basis "
                "of each process (กฎหมายที่เกี่ยวข้อง)",
            )
        )
    return found
