"""The caches (the PDFs and Word copies, the compiled templates) are shared by every build of the project (all
sites, `mkdocs serve`), so they have no single owner: each build holds a cache shared while it writes there, and
only a build that finds no other user removes what killed builds left (files and chart folders written aside under
a temporary name, never renamed into place).

Entries appear whole or not at all: a file is written aside (`aside`) and renamed into place, so a reader never sees
half a PDF. A build killed between the two leaves the aside file; nothing reads it, and the next build that has the
cache to itself removes it.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = ".lock"
# `aside` names: `.NAME.PID.tmp`, where NAME is a cache entry (a SHA-256, with .pdf or .docx, or a chart's folder;
# a compiled template, named by Jinja's SHA-1 of its name).
_ASIDE = re.compile(r"\.(?:[0-9a-f]{64}(?:\.pdf|\.docx)?|__jinja2_[0-9a-f]{40}\.cache)\.[0-9]+\.tmp")


def aside(path: Path) -> Path:
    """Where `path` is written before it is renamed into place: beside it, hidden, named by this process."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


@contextmanager
def using(cache: Path) -> Iterator[None]:
    """Hold `cache` shared while the block writes into it; first, if no other build holds it, remove the debris of
    killed builds. Forked workers inherit the hold, so it lasts as long as any process of this build."""
    cache.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(cache / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        _clean(descriptor, cache)
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)


def put(cache: Path, name: str, data: bytes) -> None:
    """Write the entry `name` of `cache` whole: aside, then renamed into place, with the cache held meanwhile."""
    with using(cache):
        target = cache / name
        temporary = aside(target)
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def clean(cache: Path) -> None:
    """Remove the debris of killed builds from `cache`, if it exists and no build uses it now."""
    try:
        descriptor = os.open(cache / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError:
        return  # no cache yet, or one this build cannot write: then the PDF stage says so, if it needs it
    try:
        _clean(descriptor, cache)
    finally:
        os.close(descriptor)


def _clean(descriptor: int, cache: Path) -> None:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # another build uses the cache: an aside file may be its work in progress
    remove_debris(cache)


def remove_debris(cache: Path) -> None:
    """Remove the aside files and folders of `cache` (and of its charts' folder); call only with the cache held
    exclusively."""
    for folder in (cache, cache / "figures"):
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if not _ASIDE.fullmatch(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
