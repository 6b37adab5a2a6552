"""The revision record (บันทึกการแก้ไข) a printed book carries in its front matter.

Written by hand (`revisions:` of the book's owner), or derived from the git history of exactly the data files the
book prints, each row saying in the manual's words what a commit changed in them (`opmanual.changelog`), dated by
the commit's day in พ.ศ. A commit that changed nothing a reader sees (a comment, quoting, the layout of a file) makes
no row; one whose versions cannot be read (older than the history described) falls back to its subject.

Versions follow the approvals the history records in the book's own file (a person's, a process's, office.yml for
the group's books): each approval is a row N.0, N being its `version` (else one more than the last), dated by the
approval and naming the approver; each later change is N.1, N.2, …; changes before any approval are 0.1, 0.2, ….
An approval the history does not hold (a shallow clone, or data copied in already approved) starts the record, and
only the changes after its day follow it. Only the newest rows are kept, with a note of how many older ones there
are; a missing or shallow history is said in a note, never a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..data.model import Approval, Revision
from ..thai import bangkok_day
from .history import Change, History

MAX_ROWS = 20
JOINED = "; "  # between the descriptions of several files a commit changed


@dataclass(frozen=True)
class RecordRow:
    version: str
    date: str  # a พ.ศ. day, 2568-05-15
    change: str
    approved_by: str = ""


@dataclass(frozen=True)
class Record:
    rows: list[RecordRow] = field(default_factory=list)
    # What the reader should know of the rows: "" (nothing), "none" (no history to read), "shallow" (older commits
    # missing), and how many older rows were left out.
    note: str = ""
    older: int = 0


# The wording of an approval's row: the approval → "อนุมัติฉบับที่ ๒ โดย …" (the manual's label, filled in).
Wording = Callable[[Approval, int], str]


def approval_row(approval: Approval, version: int, wording: Wording) -> RecordRow:
    approver = f"{approval.by or ''} {approval.position or ''}".strip()
    return RecordRow(f"{version}.0", approval.date or "", wording(approval, version), approver)


def revision_record(
    history: History,
    files: set[str],
    own: str,
    approval: Approval,
    revisions: list[Revision],
    wording: Wording,
    use_git: bool,
) -> Record | None:
    """The record of a book that prints `files` (relative to the data folder), whose own file is `own` and whose
    approval is `approval` as the data states it now."""
    if revisions:
        return Record([RecordRow(r.version, r.date, r.change, r.approved_by or "") for r in revisions])
    if not use_git:
        return None
    current = approval.version or 1
    if not history.available:
        return Record([approval_row(approval, current, wording)] if approval.approved else [], note="none")
    rows: list[RecordRow] = []
    major = minor = 0
    approved_in_history = False
    for change in history.touching(files):
        if text := _what_changed(change, files):
            minor += 1
            rows.append(RecordRow(f"{major}.{minor}", bangkok_day(change.timestamp), text))
        event = change.described[own].approved if own in change.described else None
        if event is not None:
            approved_in_history = True
            major, minor = event.approval.version or major + 1, 0
            rows.append(approval_row(event.approval, major, wording))
    if approval.approved and not approved_in_history:
        later = [row for row in rows if row.date > (approval.date or "")]
        rows = [approval_row(approval, current, wording)]
        rows += [RecordRow(f"{current}.{n}", row.date, row.change) for n, row in enumerate(later, 1)]
    older = max(0, len(rows) - MAX_ROWS)
    if older:
        rows = rows[older:]
    return Record(rows, note="shallow" if history.shallow else "", older=older)


def _what_changed(change: Change, files: set[str]) -> str:
    """What a commit changed in `files`, in the manual's words; its subject where a file's change was not
    described; nothing where it changed nothing a reader sees."""
    touched = sorted(files.intersection(change.files))
    if any(name not in change.described for name in touched):
        return change.subject
    return JOINED.join(change.changes_in(touched))
