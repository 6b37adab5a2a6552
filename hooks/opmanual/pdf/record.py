"""The revision record (บันทึกการแก้ไข) a printed book carries in its front matter.

Written by hand (`revisions:` of the book's owner), or derived from the git history of exactly the data files the
book prints: the last approval is version N.0 (N is `approval.version`, 1 when not given), and each later commit
that touched the book's files is N.1, N.2, … with its day and subject. A book never approved numbers its commits
0.1, 0.2, …. Only the newest rows are kept, with a note of how many older ones there are; a missing or shallow
history is said in a note, never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.model import Approval, Revision
from ..site.history import History
from ..thai import bangkok_day

MAX_ROWS = 20


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


def approval_row(approval: Approval, approved: str) -> RecordRow:
    """The row of an approval: `approved` is the wording of the change (the label, with the order filled in)."""
    approver = f"{approval.by or ''} {approval.position or ''}".strip()
    return RecordRow(f"{approval.version or 1}.0", approval.date or "", approved, approver)


def revision_record(
    history: History, files: set[str], approval: Approval, revisions: list[Revision], approved: str, use_git: bool
) -> Record | None:
    """The record of a book that prints `files` (relative to the data folder) and is approved by `approval`."""
    if revisions:
        return Record([RecordRow(r.version, r.date, r.change, r.approved_by or "") for r in revisions])
    if not use_git:
        return None
    if not history.available:
        return Record([approval_row(approval, approved)] if approval.approved else [], note="none")
    commits = history.touching(files)
    if approval.approved:
        major = approval.version or 1
        later = [change for change in commits if bangkok_day(change.timestamp) > (approval.date or "")]
        rows = [approval_row(approval, approved)]
        rows += [RecordRow(f"{major}.{n}", bangkok_day(c.timestamp), c.subject) for n, c in enumerate(later, 1)]
    else:
        rows = [RecordRow(f"0.{n}", bangkok_day(c.timestamp), c.subject) for n, c in enumerate(commits, 1)]
    older = max(0, len(rows) - MAX_ROWS)
    if older:
        rows = rows[:1] + rows[older + 1 :] if approval.approved else rows[older:]
    return Record(rows, note="shallow" if history.shallow else "", older=older)
