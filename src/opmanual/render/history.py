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
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .. import thai
from ..errors import excerpt, printable
from ..settings import writable_time

if TYPE_CHECKING:
    from .changelog import Described

# Git cannot hold NUL in a name or a subject, so nothing a commit says can split them; each field starts with a
# letter, so that an empty one (a commit without a date) does not look like the end of a record.
RECORD, FIELD = "\0\0", "\0"
FORMAT = "%x00%x00%H%x00t%ct%x00a%an%x00s%s%x00"
MAX_COMMITS = 10_000  # commits that touched the data folder, newest first: years of a busy office's edits
MAX_OUTPUT = 16 * 2**20  # bytes of git's answer read (commits with their file names); the rest is not read
MAX_SUBJECT = 200  # characters of a commit's subject kept: the changes page and the revision record print one line
MAX_AUTHOR = 100  # characters of an author's name kept
NO_BLOB = "0" * 40  # git's id for "no file": the old side of a file added, the new side of one removed
MAX_BLOBS = 64 * 2**20  # bytes of old versions of data files read to describe changes


@dataclass(frozen=True)
class Change:
    commit: str
    timestamp: int
    author: str
    subject: str
    files: tuple[str, ...]  # data files touched, relative to the data folder, e.g. people/somchai.yml
    # Each file's versions before and after the commit (git's object ids; NO_BLOB where there was none).
    versions: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # What the commit changed in each file, in the manual's words (opmanual.changelog), once described.
    described: Mapping[str, Described] = field(default_factory=dict)

    def changes_in(self, files: Iterable[str]) -> list[str]:
        """The descriptions of what this commit changed in `files`."""
        return [text for name in files if name in self.described for text in self.described[name].changes]


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

    def with_descriptions(self, described: Mapping[str, Mapping[str, Described]]) -> History:
        """This history with what each commit changed, by commit id."""
        changes = tuple(replace(change, described=described.get(change.commit, {})) for change in self.changes)
        return replace(self, changes=changes)


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
        "--raw",
        "--no-abbrev",
        "--no-renames",
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
    # The oldest commits of a shallow clone show every file as added (their parents are not there): they are not
    # described, and fall back to their subjects.
    boundary = _shallow_commits(data) if shallow else set()
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
        versions = {} if commit in boundary else dict(_versions(names))
        files = tuple(versions) if versions else tuple(name for name, _ in _versions(names))
        changes.append(Change(commit, when, _line(author, MAX_AUTHOR), _line(subject, MAX_SUBJECT), files, versions))
    cut = more or len(records) >= limit
    return History(tuple(changes), available=True, shallow=shallow or cut, undated=tuple(undated))


def _shallow_commits(data: Path) -> set[str]:
    """The commits at the edge of a shallow clone, as git lists them in its `shallow` file."""
    where = _git(data, "rev-parse", "--git-path", "shallow", limit=4096)
    if where is None:
        return set()
    path = Path(where[0].strip())
    path = path if path.is_absolute() else data / path
    try:
        with path.open("rb") as file:
            return set(file.read(MAX_OUTPUT).decode("ascii", "replace").split())
    except OSError:
        return set()


def _versions(raw: str) -> Iterator[tuple[str, tuple[str, str]]]:
    """The data files of a commit's `--raw` lines (`:100644 100644 OLD NEW M<TAB>people/x.yml`) and their versions."""
    for line in raw.splitlines():
        meta, _, name = line.partition("\t")
        fields = meta.split()
        if line.startswith(":") and len(fields) >= 4 and name.endswith(".yml"):
            yield name, (fields[2], fields[3])


def read_versions(data: Path, ids: Iterable[str], size: int = MAX_BLOBS) -> dict[str, bytes]:
    """The content of each version (git object id) of a data file, up to `size` bytes in all; a version that is
    gone, too large or past the limit is not in the answer."""
    wanted = [blob for blob in dict.fromkeys(ids) if blob != NO_BLOB and re.fullmatch("[0-9a-f]{40}", blob)]
    git = shutil.which("git")
    if not wanted or git is None or _git(data, "rev-parse", "--git-dir", limit=4096) is None:
        return {}
    command = [git, "-C", str(data), "-c", "core.fsmonitor=false", "cat-file", "--batch"]
    found: dict[str, bytes] = {}
    with subprocess.Popen(  # noqa: S603 - fixed arguments, the project's own repository
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as process:
        if process.stdin is None or process.stdout is None:
            return {}
        # Written from a thread while the answers are read: git answers as it reads, and a pipe holds 64 kB.
        asking = threading.Thread(target=_ask, args=(process.stdin, wanted), daemon=True)
        asking.start()
        read = 0
        for blob in wanted:
            header = process.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                continue  # "<id> missing": a shallow clone's older versions
            length = int(header[2])
            content = process.stdout.read(length + 1)[:length]
            read += length
            if read > size:
                process.kill()
                break
            found[blob] = content
        asking.join()
    return found


def _ask(pipe: IO[bytes], ids: list[str]) -> None:
    try:
        for blob in ids:
            pipe.write(f"{blob}\n".encode())
        pipe.close()
    except (BrokenPipeError, ValueError):
        pass  # git was stopped: past the limit
