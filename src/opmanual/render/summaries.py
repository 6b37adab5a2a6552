"""Pages that gather the whole manual in one place, derived from the data and nothing typed twice: the ITA page
(each process with who is responsible, its steps and their times, its total time and its laws), and the
responsibility matrix (people × processes and work groups: who runs, who does which steps, who approves)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import thai
from ..data import durations, ita
from ..data.dataset import Manual
from ..data.model import SubStep


@dataclass(frozen=True)
class StepTime:
    number: str  # ๒.๑
    text: str
    duration: str | None


@dataclass(frozen=True)
class ProcessSummary:
    """One process as the ITA page shows it."""

    process_id: str
    workgroup: str | None
    runners: list[str]  # person ids
    steps: list[StepTime]
    total: str | None  # the sum of the steps' times, or the span of the schedule; None when neither is given
    missing: int  # top-level steps that give no time, when `total` is their sum
    documents: list[str]  # document ids
    untimed: list[str] = field(default_factory=list)  # numbers of the top-level steps that give no time
    complete: bool = True  # says all that the ITA item asks (data/ita.py)


def _numbered(steps: Sequence[SubStep], prefix: tuple[int, ...], style: str) -> list[tuple[str, SubStep]]:
    found = []
    for index, step in enumerate(steps, 1):
        path = (*prefix, index)
        found.append((thai.number_label(path, style), step))
        found += _numbered(step.steps, path, style)
    return found


def process_summary(manual: Manual, process_id: str) -> ProcessSummary:
    process, style = manual.processes[process_id], manual.info.digits
    steps = [StepTime(number, step.text, step.duration) for number, step in _numbered(process.steps, (), style)]
    total = durations.total([ita.step_duration(step) for step in process.steps])
    if total.duration:
        text: str | None = durations.describe(total.duration, style)
        missing = total.missing
    elif process.schedule:
        first = min(row.start for row in process.schedule)
        last = max(row.end or row.start for row in process.schedule)
        months = thai.digits(str(durations.months_between(first, last)), style)
        span = f"{thai.month_year(first, style)} – {thai.month_year(last, style)}"
        text, missing = f"{months} เดือน ({span})", 0
    else:
        text, missing = None, 0
    return ProcessSummary(
        process_id,
        manual.workgroups[process.workgroup].name if process.workgroup else None,
        manual.runners_of(process_id),
        steps,
        text,
        missing,
        list(process.references),
        [thai.digits(str(n), style) for n, step in enumerate(process.steps, 1) if ita.step_duration(step) is None],
        not ita.gaps(process, manual.runners_of(process_id)),
    )


@dataclass(frozen=True)
class Responsibility:
    """What one person does in one process."""

    runs: bool = False  # lists the process among theirs
    steps: list[str] = field(default_factory=list)  # the numbers of the steps they are responsible for

    def __bool__(self) -> bool:
        return self.runs or bool(self.steps)


@dataclass(frozen=True)
class MatrixRow:
    process_id: str
    cells: dict[str, Responsibility]  # by person id
    approver: str | None  # who approved the process (name and position), None while it is a draft


@dataclass(frozen=True)
class MatrixGroup:
    """The processes of one work group (None: of none), in the order of the data."""

    workgroup_id: str | None
    rows: list[MatrixRow]


def responsibility(manual: Manual) -> list[MatrixGroup]:
    """People × processes, grouped by the processes' work groups."""
    style = manual.info.digits
    groups: dict[str | None, list[MatrixRow]] = {wg.id: [] for wg in manual.group.workgroups}
    for process_id, process in manual.processes.items():
        runners = set(manual.runners_of(process_id))
        cells = {}
        for person_id in manual.people:
            numbered = _numbered(process.steps, (), style)
            numbers = [n.rstrip(".") for n, step in numbered if person_id in step.responsible]
            cells[person_id] = Responsibility(person_id in runners, numbers)
        approval = process.approval
        approver = f"{approval.by} {approval.position}" if approval.approved else None
        groups.setdefault(process.workgroup, []).append(MatrixRow(process_id, cells, approver))
    return [MatrixGroup(wg, rows) for wg, rows in groups.items() if rows]


def memberships(manual: Manual) -> dict[str, set[str]]:
    """Work group id → the ids of its members."""
    return {wg.id: set(wg.members) for wg in manual.group.workgroups}
