"""When each data file last changed, and what changed recently, read from git history.

Git runs with the configuration of the repository it reads, and that configuration can name programs to run
(`gpg.program`, `core.fsmonitor`, a pager). The project's own repository is trusted; a `.git` folder inside the
data folder came with the data (an archive, a copied folder) and is never used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD, FIELD = "\0\0", "\0"  # git cannot hold NUL in a name or a subject, so nothing a commit says can split them


@dataclass(frozen=True)
class Change:
    commit: str
    timestamp: int
    author: str
    subject: str
    files: tuple[str, ...]  # data files touched, relative to the data folder, e.g. people/somchai.yml


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...] = ()  # newest first
    available: bool = False  # the data folder is in a trusted git repository
    shallow: bool = False  # a shallow clone: older commits are missing

    def touching(self, files: set[str]) -> list[Change]:
        """The commits that changed any of `files`, oldest first."""
        return [change for change in reversed(self.changes) if files.intersection(change.files)]

    def last_changed(self, file: str) -> int | None:
        """Unix time of the newest commit that touched `file` (relative to the data folder)."""
        return next((change.timestamp for change in self.changes if file in change.files), None)


def _git(data: Path, *args: str) -> str | None:
    """The output of a git command about the data folder, or None: no git, no repository, or one not trusted."""
    git = shutil.which("git")
    try:
        if git is None or not data.is_dir() or os.path.lexists(data / ".git") or not os.access(data, os.R_OK):
            return None
    except OSError:
        return None
    result = subprocess.run(  # noqa: S603 - fixed arguments, the project's own repository
        [git, "-C", str(data), "-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "--no-pager", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def last_commit_time(data: Path) -> str | None:
    """The time of the last commit, for builds that should not depend on when they ran."""
    output = _git(data, "log", "-1", "--format=%ct")
    return output.strip() if output and output.strip() else None


def read(data: Path, limit: int | None = None) -> History:
    """The data folder's history, newest first; empty when the folder is not in a (trusted) git repository."""
    count = [f"-{limit}"] if limit else []
    output = _git(
        data, "log", *count, "--format=%x00%x00%H%x00%ct%x00%an%x00%s%x00", "--name-only", "--relative", "--", "."
    )
    if output is None:
        return History()
    shallow = (_git(data, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    changes = []
    for record in output.split(RECORD)[1:]:
        commit, timestamp, author, subject, names = record.split(FIELD, 4)
        files = tuple(name for name in names.splitlines() if name.endswith(".yml"))
        changes.append(Change(commit, int(timestamp), author, subject, files))
    return History(tuple(changes), available=True, shallow=shallow)
