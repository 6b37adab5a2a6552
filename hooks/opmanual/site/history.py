"""When each data file last changed, and what changed recently, read from git history."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SEPARATOR, FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Change:
    commit: str
    timestamp: int
    author: str
    subject: str
    files: tuple[str, ...]  # data files touched, relative to the data folder, e.g. people/somchai.yml


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...] = ()

    def last_changed(self, file: str) -> int | None:
        """Unix time of the newest commit that touched `file` (relative to the data folder)."""
        return next((change.timestamp for change in self.changes if file in change.files), None)


def read(data: Path, limit: int = 200) -> History:
    """The data folder's history, newest first; empty when the folder is not in a git repository."""
    git = shutil.which("git")
    if git is None or not data.is_dir():
        return History()
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own repository
        [
            git,
            "-C",
            str(data),
            "log",
            f"-{limit}",
            f"--format={SEPARATOR}%H{FIELD}%ct{FIELD}%an{FIELD}%s",
            "--name-only",
            "--relative",
            "--",
            ".",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return History()
    changes = []
    for record in result.stdout.split(SEPARATOR)[1:]:
        header, _, names = record.partition("\n")
        commit, timestamp, author, subject = header.split(FIELD, 3)
        files = tuple(name for name in names.splitlines() if name.endswith(".yml"))
        changes.append(Change(commit, int(timestamp), author, subject, files))
    return History(tuple(changes))
