"""Build the site (and PDFs) into a fresh folder, then swap it in: a failed build leaves the old site untouched.

The output folder is checked before anything is written or removed: a build replaces its output folder whole, so
pointing it at the data, the project or any folder of other files would delete them. A built site carries a marker
file, and only a folder that is new, empty or marked is ever replaced.

One build at a time writes a site: the build holds the site's lock (`lock.hold`) from its first check to the swap,
and a second one is refused. Holding it, the build removes what killed builds left beside the site (their staging
folders), knowing that no live build owns them. Its `mkdocs build` child, and the PDF workers of that child, die with
it (`children.lifeline`), so a killed build leaves no process that goes on writing.

The build is reproducible: SOURCE_DATE_EPOCH (the last commit's time, unless set) fixes every date MkDocs and
WeasyPrint would otherwise take from the clock.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType

from . import cache
from .children import lifeline
from .errors import display, printable
from .lock import Busy, hold
from .render import history
from .settings import EPOCH, PDF_CACHE, Settings

MARKER = ".opmanual-site"
MARKER_TEXT = "Made by `python -m opmanual build`: this folder is replaced whole by the next build.\n"
# A build's passing files go in a hidden folder inside the site being built (`scratch`): MkDocs leaves hidden files
# alone when it cleans a site, so `remove_debris` removes them.
SCRATCH = ".opmanual-scratch-"
# Exit codes of `python -m opmanual build`: 1 for data errors, 2 for a refused setting or an internal error.
REFUSED = 2
# What the file system answers when it cannot take what a build writes: the user's situation, not a bug.
FILE_SYSTEM = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.ENAMETOOLONG}
    | {errno.ELOOP, errno.ENOTDIR, errno.EISDIR, errno.EEXIST}  # a file, folder or link where the build writes
)


class SiteRefused(Exception):
    """The output folder (or another place a build writes) may not be used; the message says why."""


def describe(error: OSError) -> str:
    """An operating system error in plain words, with the file it happened to (of a copy, the one being written)."""
    words = error.strerror or str(error)
    where = error.filename2 or error.filename
    return f"{words}: {printable(display(Path(os.fsdecode(where))))}" if isinstance(where, str | bytes) else words


def _check_place(place: Path, data: Path, project: Path, protected: list[Path]) -> None:
    """Refuse a place a build writes into whose content would mix with, or destroy, the data, the project or the
    project's `protected` folders (its code, its pages)."""
    place = Path(os.path.realpath(place))
    data = Path(os.path.realpath(data))
    if place == data:
        raise SiteRefused("it is the data folder")
    if data.is_relative_to(place):
        raise SiteRefused(f"it contains the data folder {printable(str(data))}")
    if place.is_relative_to(data):
        raise SiteRefused("it lies inside the data folder")
    project = Path(os.path.realpath(project))
    if project.is_relative_to(place):
        raise SiteRefused("it is the project folder" if project == place else f"it contains the project {project}")
    for folder in (Path(os.path.realpath(path)) for path in protected):
        if place.is_relative_to(folder) or folder.is_relative_to(place):
            raise SiteRefused(f"it is, holds or lies inside {folder}, a folder of the project")


def check_site(site: Path, data: Path, project: Path, protected: list[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something that a build did not make: the data, the
    project folder, anything inside one of the `protected` folders of the project, a folder of other files."""
    try:
        _check_place(site, data, project, protected)
        site = Path(os.path.realpath(site))
        if site.exists() and not site.is_dir():
            raise SiteRefused("it is a file, not a folder")
        if site.is_dir() and not (site / MARKER).is_file() and any(site.iterdir()):
            raise SiteRefused("it holds files that no build made; choose a new or empty folder, or delete it first")
    except OSError as exc:
        raise SiteRefused(f"it cannot be read ({exc.strerror or exc})") from None


def check_cache(cache: Path | None, site: Path, data: Path, project: Path, protected: list[Path]) -> None:
    """Refuse a PDF cache folder where its files would become data, be published, or mix with the project's: the
    build writes thousands of files there and removes the ones killed builds left."""
    if cache is None:
        return
    try:
        _check_place(cache, data, project, protected)
        cache, site = Path(os.path.realpath(cache)), Path(os.path.realpath(site))
        if cache.is_relative_to(site) or site.is_relative_to(cache):
            raise SiteRefused("it is, holds or lies inside the output folder")
        if cache.exists() and not cache.is_dir():
            raise SiteRefused("it is a file, not a folder")
    except OSError as exc:
        raise SiteRefused(f"it cannot be read ({exc.strerror or exc})") from None


def refused_cache(settings: Settings, reason: SiteRefused) -> str:
    cache = printable(display(settings.pdf_cache)) if settings.pdf_cache else "off"
    return f"refusing to keep the PDF cache in {cache} ({PDF_CACHE}): {reason}"


def check_replaceable(site: Path) -> None:
    """Refuse an existing output folder that cannot be removed once the new site is in place: a mount point (which
    cannot be moved), or one holding one, or a folder the build may not change (read-only). Checked before building,
    so that no work is done for a site that could not be swapped in."""
    if not site.is_dir():
        return
    device = os.stat(site.parent).st_dev

    def unreadable(error: OSError) -> None:
        raise error

    for folder, _, _ in os.walk(site, onerror=unreadable):
        where = "it" if folder == str(site) else printable(display(Path(folder)))
        if os.stat(folder).st_dev != device:
            raise SiteRefused(
                f"{where} is a mount point, which a build cannot replace; build into a new folder inside it"
                if where == "it"
                else f"it holds a mount point, {where}, which a build cannot remove"
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            reason = "on a read-only file system" if os.statvfs(folder).f_flag & os.ST_RDONLY else "read-only"
            subject = "it is" if where == "it" else f"{where} is"
            raise SiteRefused(f"{subject} {reason}, so the old site could not be replaced")


@contextmanager
def scratch(site: Path) -> Iterator[Path]:
    """A scratch folder inside the site being built, and this process's temporary folder while the block runs.

    Passing files are removed at the end, with a failed build's staging folder, or by the next build when this one
    is killed: the PDF stage's charts when there is no cache, and whatever the libraries put in the temporary folder
    (WeasyPrint's copies of the fonts, which its workers never removed: every PDF build left 4 MB in /tmp; the files
    ctypes and gcc make while WeasyPrint looks for its libraries, left when a build is killed then)."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH, dir=site))
    saved, tempfile.tempdir = tempfile.tempdir, str(folder)
    variable, os.environ["TMPDIR"] = os.environ.get("TMPDIR"), str(folder)  # for the programs it runs (gcc)
    try:
        yield folder
    finally:
        tempfile.tempdir = saved
        if variable is None:
            del os.environ["TMPDIR"]
        else:
            os.environ["TMPDIR"] = variable
        shutil.rmtree(folder, ignore_errors=True)


def mark(site: Path) -> None:
    """Mark a folder as a built site, so that the next build may replace it."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def project_folders(project: Path) -> list[Path]:
    """Folders of the project that an output folder must neither be, nor hold, nor lie in."""
    names = ("data", "docs", "examples", "hooks", "schema", "scripts", "src", "tests", ".git")
    return [project / name for name in names]


def _leftover(site: Path) -> re.Pattern[str]:
    """The names of the folders a build makes beside `site`: its staging folder, and the old site it swaps out."""
    return re.compile(rf"\.{re.escape(site.name)}\.(building|previous)-[a-z0-9_]{{8}}")


def remove_debris(site: Path) -> list[str]:
    """Remove what killed builds left beside `site` (and, hidden, inside it); call only holding the site's lock.

    A folder is removed only when a build named and marked it (the marker is removed last) or it is empty. A build
    killed between the two renames of a swap (where the file system cannot exchange two folders at once) left no
    site but the old one beside it: that one is put back. Returns what could not be removed, in plain words."""
    problems = []
    leftovers = sorted(site.parent.glob(f".{glob.escape(site.name)}.*-*"), key=lambda p: "previous" not in p.name)
    scratch = sorted(site.glob(f"{SCRATCH}*")) if site.is_dir() and not site.is_symlink() else []
    made = _leftover(site)
    for leftover in leftovers + scratch:
        if leftover in leftovers and not made.fullmatch(leftover.name):
            continue
        if leftover.is_symlink() or not leftover.is_dir():
            continue
        try:
            if "previous" in leftover.name and not os.path.lexists(site) and (leftover / MARKER).is_file():
                os.rename(leftover, site)
            elif leftover in scratch or (leftover / MARKER).is_file() or not any(leftover.iterdir()):
                _discard(leftover)
        except OSError as exc:
            problems.append(f"{printable(display(leftover))}, left by a build that was killed: {describe(exc)}")
    return problems


def _discard(folder: Path) -> None:
    """Remove a folder a build made, its marker last, so that a removal cut short still shows whose folder it was."""
    for entry in os.scandir(folder):
        if entry.name == MARKER:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


def _new_folder(site: Path, kind: str) -> Path:
    """A new hidden folder beside `site`, readable as the user's other new folders are (mkdtemp makes it private)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{site.name}.{kind}-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


_RENAME_EXCHANGE = 2  # <linux/fs.h>
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux `renameat2` with RENAME_EXCHANGE): at every moment a reader finds one
    whole site, and a build killed at any point leaves one. False where the system or file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap(staging: Path, site: Path) -> Path | None:
    """Put the built `staging` folder in place of `site`; returns where the old site is now, to be removed."""
    if not os.path.lexists(site):
        os.rename(staging, site)
        return None
    if _exchange(staging, site):
        return staging
    # Two renames: a build killed between them leaves the old site beside, which `remove_debris` puts back.
    previous = _new_folder(site, "previous")
    previous.rmdir()
    os.rename(site, previous)
    os.rename(staging, site)
    return previous


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a CI job cancelled, `kill`) ends the build as Ctrl-C does: the staging folder is removed and the
    `mkdocs build` child is killed on the way out."""
    raise KeyboardInterrupt


def build(settings: Settings, config: Path, *, verbose: bool = False) -> int:
    """Run `mkdocs build --strict` with `config` into a staging folder, and replace the output folder with it only
    if it succeeds."""
    data, site, project = settings.data, settings.site, config.parent
    try:
        check_site(site, data, project, project_folders(project))
    except SiteRefused as exc:
        print(f"refusing to build into {printable(display(site))}: {exc}", file=sys.stderr)
        return REFUSED
    try:
        check_cache(settings.pdf_cache, site, data, project, project_folders(project))
    except SiteRefused as exc:
        print(refused_cache(settings, exc), file=sys.stderr)
        return REFUSED
    site = Path(os.path.realpath(site))
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        with hold(site, "build"):
            return _locked(settings, config, site, verbose)
    except Busy as exc:
        print(str(exc), file=sys.stderr)
        return REFUSED
    except SiteRefused as exc:
        print(f"refusing to build into {printable(display(site))}: {exc}", file=sys.stderr)
        return REFUSED
    except OSError as exc:
        print(f"cannot build into {printable(display(site))}: {describe(exc)}", file=sys.stderr)
        return REFUSED


def _locked(settings: Settings, config: Path, site: Path, verbose: bool) -> int:
    """The build, holding the site's lock."""
    for problem in remove_debris(site):
        print(f"warning: cannot remove {problem}", file=sys.stderr)
    if settings.pdf_cache is not None:
        cache.clean(settings.pdf_cache)
    check_replaceable(site)
    staging = _new_folder(site, "building")
    previous_handler = signal.signal(signal.SIGTERM, _terminated)
    try:
        mark(staging)
        env = {**os.environ, **replace(settings, site=staging, owner=os.getpid()).environment()}
        if EPOCH not in env and (epoch := history.last_commit_time(settings.data)):
            env[EPOCH] = str(epoch)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        result = subprocess.run(  # noqa: S603 - this Python's own MkDocs
            [*command, *(["-v"] if verbose else [])], env=env, check=False, preexec_fn=lifeline()
        )
        if result.returncode < 0:  # killed by a signal: by the system (out of memory) or another program
            name = signal.Signals(-result.returncode).name
            where = printable(display(site))
            print(f"build stopped: `mkdocs build` was killed ({name}); {where} was left as it was", file=sys.stderr)
            return REFUSED
        if result.returncode != 0 or not (staging / "index.html").is_file():
            print(f"build failed: {printable(display(site))} was left as it was", file=sys.stderr)
            return result.returncode or 1
        old = swap(staging, site)
        try:
            if old is not None:
                _discard(old)
        except OSError as exc:  # checked before building, so rare: a file of the old site became unremovable
            problem = f"the old site could not be removed: {describe(exc)}; the next build removes it"
            print(f"warning: the new site is in place, but {problem}", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        if staging.exists():  # a failed build's, or the old site exchanged into its place and not all removed
            shutil.rmtree(staging, ignore_errors=True)
    return 0
