"""`check --fix` and `migrate`: changes written into the data files, every file whole, and all of them or none.

Each file is read again as the loader reads it (a regular file inside the data folder, within its size limit, UTF-8,
nothing the loader refuses) and changed by a function of its text: for `check --fix`, `yamledit.edit`, which rewrites
only the changed characters; for `migrate`, a format's migration (`formats`). Every new
file is first written beside its original as a hidden temporary file (`.office.yml.…fixing`, which the loader does
not read) with the original's permissions: a file or folder that cannot be written, a full disk or a change that
cannot be made safely stops the fix before any file is replaced. Only then does each temporary file take its
original's place, in one rename each, so that no file is ever half-written.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import display, printable
from .files import FileProblem, read_bytes, regular_file
from .hygiene import Finding
from .loader import MAX_BYTES
from .yamledit import EditError, Loc, edit

BOM = "\ufeff"
SUFFIX = ".fixing"


@dataclass
class Outcome:
    """The files written, and what stopped the others, one sentence each."""

    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Unchanged(Exception):
    """Why a file cannot be changed, in words."""


def fix(findings: list[Finding], root: Path) -> Outcome:
    """Write the fix of every fixable finding into its file, changing nothing else; no file at all when one of them
    cannot be written."""
    rewrites: dict[Path, Callable[[str], str]] = {}
    for path in dict.fromkeys(finding.path for finding in findings if finding.fixable):
        changes = {finding.loc: finding.fix for finding in findings if finding.path == path and finding.fixable}
        rewrites[path] = functools.partial(_edited, changes=changes)
    return rewrite(rewrites, root)


def _edited(text: str, changes: Mapping[Loc, Callable[[str], str]]) -> str:
    try:
        return edit(text, changes)
    except EditError as exc:
        raise Unchanged(f"cannot be fixed safely: {exc}; make the changes above by hand") from None


def rewrite(rewrites: Mapping[Path, Callable[[str], str]], root: Path) -> Outcome:
    """Write each file of the data folder `root` as its function makes it from its text (without the BOM, which
    stays); no file at all when one of them cannot be read, changed (the function raises `Unchanged`) or written."""
    outcome = Outcome()
    prepared: list[tuple[Path, Path]] = []  # (the temporary file, the file it replaces)
    try:
        for path, change in rewrites.items():
            try:
                prepared.append(_prepare(path, root, change))
            except Unchanged as exc:
                outcome.problems.append(f"{printable(display(path))}: {exc}")
        if outcome.problems:
            return outcome
        for temporary, target in prepared:
            try:
                os.replace(temporary, target)
            except OSError as exc:
                outcome.problems.append(f"{printable(display(target))}: {_not_written(exc)}")
            else:
                outcome.written.append(target)
        return outcome
    finally:
        for temporary, _ in prepared:
            temporary.unlink(missing_ok=True)


def _prepare(path: Path, root: Path, change: Callable[[str], str]) -> tuple[Path, Path]:
    """The changed file written as a temporary file beside `path`; the temporary file and `path`'s real path."""
    try:
        target, _ = regular_file(path, root)
        raw = read_bytes(target, root, MAX_BYTES)
    except FileProblem as exc:
        raise Unchanged(f"the file {exc.message}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unchanged("the file is not UTF-8 text; save it as UTF-8 (บันทึกไฟล์เป็น UTF-8)") from None
    bom = BOM if text.startswith(BOM) else ""
    fixed = bom + change(text.removeprefix(bom))
    info = os.stat(target)
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise Unchanged(
            "the file is read-only; allow writing to it, or make the changes above by hand (ไฟล์อ่านได้อย่างเดียว)"
        )
    _remove_leftovers(target)
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=SUFFIX, dir=target.parent)
    except OSError as exc:
        raise Unchanged(f"its folder {_not_written(exc)}") from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(fixed.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, info.st_mode & 0o7777)
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()) and os.getuid() == 0:
            os.chown(temporary, info.st_uid, info.st_gid)  # root fixing an editor's file leaves it the editor's
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise Unchanged(f"the fixed file {_not_written(exc)}") from None
    return temporary, target


def _remove_leftovers(target: Path) -> None:
    """The temporary files of a fix of `target` that was killed before it could remove them."""
    for leftover in target.parent.glob(f".{target.name}.*{SUFFIX}"):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)


def _not_written(exc: OSError) -> str:
    """Why a file could not be written, in plain words."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be written: permission denied (ไม่มีสิทธิ์เขียนไฟล์)"
    if exc.errno == errno.EROFS:
        return "cannot be written: the file system is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "cannot be written: the disk is full (พื้นที่ดิสก์เต็ม)"
    if exc.errno == errno.EFBIG:
        return "cannot be written: it would be larger than this system lets a file be (ulimit -f)"
    return f"cannot be written: {exc.strerror or exc}"
