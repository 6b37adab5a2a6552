"""When each data file last changed, and what changed recently, read from git history.

Git runs with the configuration of the repository it reads, and that configuration can name programs to run
(`gpg.program`, `core.fsmonitor`, a pager). The project's own repository is trusted; a `.git` folder inside the
data folder came with the data (an archive, a copied folder) and is never used.

A commit's words and dates are input like the data's: history is read up to a number of commits and of bytes, a
subject and an author's name are cut to a line, and a commit whose date the build cannot write (before 1970, after
2106, or none) is left out, with a warning. A history cut short is said in the books as a shallow one is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import thai
from ..errors import excerpt, printable
from ..settings import writable_time

# Git cannot hold NUL in a name or a subject, so nothing a commit says can split them; each field starts with a
# letter, so that an empty one (a commit without a date) does not look like the end of a record.
RECORD, FIELD = "\0\0", "\0"
FORMAT = "%x00%x00%H%x00t%ct%x00a%an%x00s%s%x00"
MAX_COMMITS = 10_000  # commits that touched the data folder, newest first: years of a busy office's edits
MAX_OUTPUT = 16 * 2**20  # bytes of git's answer read (commits with their file names); the rest is not read
MAX_SUBJECT = 200  # characters of a commit's subject kept: the changes page and the revision record print one line
MAX_AUTHOR = 100  # characters of an author's name kept


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
    shallow: bool = False  # older commits are missing: a shallow clone, or a history longer than was read
    undated: tuple[str, ...] = ()  # commits left out because their date is not one the build can write

    def touching(self, files: set[str]) -> list[Change]:
        """The commits that changed any of `files`, oldest first."""
        return [change for change in reversed(self.changes) if files.intersection(change.files)]

    def last_changed(self, file: str) -> int | None:
        """Unix time of the newest commit that touched `file` (relative to the data folder)."""
        return next((change.timestamp for change in self.changes if file in change.files), None)


def _git(data: Path, *args: str, limit: int = MAX_OUTPUT) -> tuple[str, bool] | None:
    """The output of a git command about the data folder, up to `limit` bytes, and whether there was more; None: no
    git, no repository, or one not trusted."""
    git = shutil.which("git")
    try:
        if git is None or not data.is_dir() or os.path.lexists(data / ".git") or not os.access(data, os.R_OK):
            return None
    except OSError:
        return None
    command = [git, "-C", str(data), "-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "--no-pager"]
    with subprocess.Popen(  # noqa: S603 - fixed arguments, the project's own repository
        [*command, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as process:
        stdout = process.stdout
        output = stdout.read(limit + 1) if stdout else b""
        more = len(output) > limit
        if more:
            process.kill()  # the rest is not wanted: git stops instead of writing into a full pipe
        returncode = process.wait()
    if returncode != 0 and not more:
        return None
    # Names and subjects are written in UTF-8 by default, but a commit can hold any bytes.
    return output[:limit].decode("utf-8", "replace"), more


def last_commit_time(data: Path) -> int | None:
    """The time of the last commit, for builds that should not depend on when they ran."""
    output = _git(data, "log", "-1", "--format=%ct", limit=100)
    return writable_time(output[0]) if output else None


def _line(text: str, limit: int) -> str:
    """A commit's subject or author as one short line of visible text."""
    return excerpt(printable(thai.normalize(text).replace("\n", " ")), limit)


def read(data: Path, limit: int = MAX_COMMITS, size: int = MAX_OUTPUT) -> History:
    """The data folder's history, newest first, up to `limit` commits and `size` bytes of git's answer; empty when
    the folder is not in a (trusted) git repository."""
    answer = _git(
        data,
        "log",
        f"--max-count={limit}",
        f"--format={FORMAT}",
        "--name-only",
        "--relative",
        "--",
        ".",
        limit=size,
    )
    if answer is None:
        return History()
    output, more = answer
    asked = _git(data, "rev-parse", "--is-shallow-repository", limit=100)
    shallow = asked is not None and asked[0].strip() == "true"
    records = output.split(RECORD)[1:]
    if more:
        records = records[:-1]  # cut inside: the last one may have lost some of its files
    changes, undated = [], []
    for record in records:
        parts = record.split(FIELD, 4)
        if len(parts) != 5:
            continue  # not a commit as asked for (a subject git printed with NUL in it)
        commit, names = parts[0], parts[4]
        timestamp, author, subject = (part[1:] for part in parts[1:4])
        when = writable_time(timestamp)
        if when is None:
            undated.append(commit[:12])
            continue
        files = tuple(name for name in names.splitlines() if name.endswith(".yml"))
        changes.append(Change(commit, when, _line(author, MAX_AUTHOR), _line(subject, MAX_SUBJECT), files))
    cut = more or len(records) >= limit
    return History(tuple(changes), available=True, shallow=shallow or cut, undated=tuple(undated))
