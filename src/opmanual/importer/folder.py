"""The folder an import writes into (`--into`): checked before anything is copied, built beside it, swapped in whole.

- **Checked first.** The folder must be new, empty, or a data folder (it has `office.yml`); anything else — a file,
  a link, `/`, a home folder, a project — is refused before a byte is copied. A data folder is walked once, within
  limits, before it is copied: only files, folders and links that stay inside it, no named pipes or devices.
- **Built beside it.** The new folder is made in a staging folder next to it (`.NAME.import-XXXX/data`), marked as
  an import's with a file of its own, with the user's normal permissions (the umask's, or the copied files' own).
- **Swapped in whole.** A new folder is renamed into place; an existing one is exchanged with the staging copy in
  one step (`renameat2(RENAME_EXCHANGE)`), so that the data folder is at every instant either all old or all new.
  Where the file system cannot exchange, two renames are used, and a run killed between them is undone by the
  next one (`clean`).
- **Nothing left behind.** Every step runs under the folder's lock (`lock.hold`); the next import removes what a
  killed one left (staging folders with the mark), knowing that no live import owns them.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..data.dataset import MAX_FOLDER_DEPTH, OFFICE_FILE
from ..errors import display, printable
from .limits import MAX_INTO_BYTES, MAX_INTO_ENTRIES, size
from .readers.safe import KINDS

MARK = ".opmanual-import"  # the file that marks a staging folder as an import's
STAGING = re.compile(r"[0-9a-f]{8}")  # what follows `.NAME.import-` in a staging folder's name
BUILT = "data"  # the folder being built inside the staging folder
OLD = "old"  # where the old folder waits between the two renames of a file system that cannot exchange
RENAME_EXCHANGE = 2  # <linux/fs.h>
AT_FDCWD = -100


class FolderError(Exception):
    """The folder cannot be written as asked; the message says why in one sentence."""


def name(path: Path) -> str:
    """A path as messages show it: relative where it can be, every control character escaped."""
    return printable(display(path))


def check(target: Path) -> bool:
    """Whether `target` is an existing data folder to add to (True) or a place for a new one (False: missing, or
    an empty folder); `FolderError` for anything else."""
    for above in Path(os.path.abspath(target)).parents:
        if os.path.lexists(above / OFFICE_FILE):
            # Its files, its lock and its staging folder would be in that data folder, which would stop checking.
            raise FolderError(f"{name(target)} is inside the data folder {name(above)}; import beside it, not into it")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise FolderError(f"{name(target)} cannot be looked at: {error.strerror or error}") from None
    if stat.S_ISLNK(info.st_mode):
        raise FolderError(
            f"{name(target)} is a link; give the folder it leads to ({name(Path(os.path.realpath(target)))})"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise FolderError(f"{name(target)} is not a folder")
    try:
        with os.scandir(target) as entries:
            first = next(entries, None)
    except OSError as error:
        raise FolderError(f"{name(target)} cannot be listed: {error.strerror or error}") from None
    if first is None:
        return False
    if not os.path.lexists(target / OFFICE_FILE):
        raise FolderError(
            f"{name(target)} is neither a data folder (it has no {OFFICE_FILE}) nor empty: import into a new or "
            "empty folder, or into a data folder"
        )
    return True


@dataclass
class Entry:
    relative: str
    kind: str  # "folder", "file" or "link"
    mode: int
    owner: tuple[int, int]


@dataclass
class Survey:
    """Everything a data folder holds, in the order to copy it (a folder before what is in it)."""

    entries: list[Entry] = field(default_factory=list)
    bytes: int = 0


def survey(target: Path) -> Survey:
    """Walk the data folder `target` within the limits: what copying it would copy. `FolderError` for a named
    pipe, a device or a socket anywhere in it, a link that leads out of it, or more than the limits."""
    found = Survey()
    real_target = os.path.realpath(target)
    todo = [(target, "", 0)]
    while todo:
        folder, relative, depth = todo.pop()
        if depth > MAX_FOLDER_DEPTH:
            raise FolderError(f"{name(folder)} is nested more than {MAX_FOLDER_DEPTH} folders deep")
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            raise FolderError(f"{name(folder)} cannot be listed: {error.strerror or error}") from None
        for entry in entries:
            path = Path(entry.path)
            inside = f"{relative}{entry.name}"
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                raise FolderError(f"{name(path)} cannot be looked at: {error.strerror or error}") from None
            owner = (info.st_uid, info.st_gid)
            if stat.S_ISLNK(info.st_mode):
                real = os.path.realpath(path)
                if not (real == real_target or real.startswith(real_target + os.sep)):
                    raise FolderError(f"{name(path)} is a link that leads out of the data folder; copy the file in")
                found.entries.append(Entry(inside, "link", 0, owner))
            elif stat.S_ISDIR(info.st_mode):
                found.entries.append(Entry(inside, "folder", stat.S_IMODE(info.st_mode), owner))
                todo.append((path, inside + "/", depth + 1))
            elif stat.S_ISREG(info.st_mode):
                found.entries.append(Entry(inside, "file", stat.S_IMODE(info.st_mode), owner))
                found.bytes += info.st_size
            else:
                kind = KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
                raise FolderError(f"{name(path)} is {kind}, not a file; a data folder holds files and folders only")
            if len(found.entries) > MAX_INTO_ENTRIES:
                raise FolderError(
                    f"{name(target)} holds more than {MAX_INTO_ENTRIES:,} files and folders, more than a data folder "
                    "does: is it the right folder?"
                )
            if found.bytes > MAX_INTO_BYTES:
                raise FolderError(
                    f"{name(target)} holds more than {size(MAX_INTO_BYTES)}, more than a data folder does: is it "
                    "the right folder?"
                )
    found.entries.sort(key=lambda entry: entry.relative.count("/"))
    return found


class Staging:
    """The staging folder of an import into `target`: `.NAME.import-XXXX/` beside it, marked, with the folder being
    built in it."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.parent / f"{prefix(target)}{secrets.token_hex(4)}"
        self.path.mkdir()  # the umask's permissions, unlike a temporary folder's 700
        (self.path / MARK).write_text(f"import, process {os.getpid()}\n", encoding="utf-8")
        self.built = self.path / BUILT

    def copy(self, found: Survey) -> None:
        """A copy of the data folder `target` (as `survey` found it) as the folder to build: modes kept, and owners
        too when this import runs as root (for whom every copy would otherwise become root's)."""
        root = os.geteuid() == 0
        self.built.mkdir()
        _keep(self.built, stat.S_IMODE(os.stat(self.target).st_mode), _owner(self.target) if root else None)
        for entry in found.entries:
            source, copy = self.target / entry.relative, self.built / entry.relative
            if entry.kind == "folder":
                copy.mkdir()
            elif entry.kind == "link":
                os.symlink(os.readlink(source), copy)
            else:
                _copy_file(source, copy)
            if entry.kind != "link":
                _keep(copy, entry.mode, entry.owner if root else None)
            elif root:
                os.lchown(copy, *entry.owner)

    def swap(self, existed: bool) -> None:
        """Put the built folder in place of `target`: one rename for a new folder, one exchange for an old one."""
        if not existed:
            if self.target.is_dir():  # an empty folder: it keeps its permissions
                os.chmod(self.built, stat.S_IMODE(os.stat(self.target).st_mode))
            os.rename(self.built, self.target)
            return
        try:
            _exchange(self.built, self.target)
        except OSError as error:
            if error.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
                raise
            # No exchange on this file system: two renames, and a run killed between them is undone by `clean`.
            os.rename(self.target, self.path / OLD)
            os.rename(self.built, self.target)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def prefix(target: Path) -> str:
    return f".{target.name}.import-"


def clean(target: Path) -> list[Path]:
    """Remove what killed imports into `target` left beside it: staging folders with the mark (the caller holds the
    lock, so no live import owns one). One killed between the two renames of a swap has the old folder in it while
    `target` is missing: the old folder goes back first. Returns what was removed."""
    removed = []
    try:
        with os.scandir(target.parent) as entries:
            left = [Path(entry.path) for entry in entries if entry.name.startswith(prefix(target))]
    except FileNotFoundError:
        return []
    for path in left:
        if path.is_symlink() or not path.is_dir():
            continue
        if not (path / MARK).is_file():
            # An import killed between making its staging folder and marking it left it empty; anything else with
            # such a name is not an import's. Only an empty folder can be removed this way.
            if STAGING.fullmatch(path.name[len(prefix(target)) :]):
                with contextlib.suppress(OSError):
                    path.rmdir()
                    removed.append(path)
            continue
        if (path / OLD).is_dir() and not os.path.lexists(target):
            os.rename(path / OLD, target)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _exchange(one: Path, other: Path) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        renameat2 = libc.renameat2
    except AttributeError:
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    if renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _copy_file(source: Path, copy: Path) -> None:
    """Copy a regular file, checked again on the open file: one swapped for a pipe or a device since the survey
    would block the copy or never end."""
    descriptor = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as inside:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise FolderError(f"{name(source)} is no longer a file")
        with open(copy, "xb") as out:
            shutil.copyfileobj(inside, out)
    shutil.copystat(source, copy, follow_symlinks=False)


def _owner(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _keep(path: Path, mode: int, owner: tuple[int, int] | None) -> None:
    if owner is not None:
        os.chown(path, *owner)
    os.chmod(path, mode)
