"""One writer at a time: a lock beside the folder a command replaces or adds to (a site, a data folder).

The lock is an advisory `flock` on a small file `.NAME.lock` beside the folder, holding the owner's process id and
command for the message of a second run. The kernel releases a `flock` when its owner dies, even by SIGKILL, so a
killed run never leaves a lock that blocks the next one: the next run takes it, and may then remove whatever the
dead run left beside the folder (staging folders, temporary files), knowing that no live run is writing there.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import display, printable

MAX_OWNER = 200  # bytes of the owner's line read back: the lock file is ours, but anyone could have written it


class Busy(Exception):
    """Another live run holds the lock; the message names it."""


def lock_path(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def hold(folder: Path, what: str) -> Iterator[Path]:
    """Hold the lock of `folder` while the block runs; `Busy` at once when another process holds it.

    `what` names this run for a second one's message (`build`, `import`). The lock file is removed on release; one
    left by a killed run is taken over."""
    path = lock_path(folder)
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            owner = _owner(descriptor)
            os.close(descriptor)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
            raise Busy(
                f"{printable(display(folder))} is being written by another run ({owner or 'a process'}); "
                "wait for it to finish and try again"
            ) from None
        # The file may have been removed by its last owner between our open and our lock: then lock the new one.
        try:
            same = os.fstat(descriptor).st_ino == os.stat(path, follow_symlinks=False).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(descriptor)
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{what}, process {os.getpid()}\n".encode())
        yield path
    finally:
        with suppress(OSError):
            os.unlink(path)
        os.close(descriptor)


def _owner(descriptor: int) -> str:
    try:
        return printable(os.pread(descriptor, MAX_OWNER, 0).decode("utf-8", "replace").strip())
    except OSError:
        return ""
