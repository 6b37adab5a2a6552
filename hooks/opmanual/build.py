"""Build the site (and PDFs) into a fresh folder, then swap it in: a failed build leaves the old site untouched.

The output folder is checked before anything is written or removed: a build replaces its output folder whole, so
pointing it at the data, the project or any folder of other files would delete them. A built site carries a marker
file, and only a folder that is new, empty or marked is ever replaced.

The build is reproducible: SOURCE_DATE_EPOCH (the last commit's time, unless set) fixes every date MkDocs and
WeasyPrint would otherwise take from the clock.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from .errors import display
from .settings import Settings
from .site import history

MARKER = ".opmanual-site"
MARKER_TEXT = "Made by `python -m opmanual build`: this folder is replaced whole by the next build.\n"
# Exit codes of `python -m opmanual build`: 1 for data errors, 2 for a refused setting or an internal error.
REFUSED = 2


class SiteRefused(Exception):
    """The output folder may not be replaced; the message says why."""


def check_site(site: Path, data: Path, project: Path, protected: list[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something that a build did not make: the data, the
    project folder, or anything inside one of the `protected` folders of the project (its code, its pages)."""
    site = Path(os.path.realpath(site))
    data = Path(os.path.realpath(data))
    if site == data:
        raise SiteRefused("it is the data folder")
    if data.is_relative_to(site):
        raise SiteRefused(f"it contains the data folder {data}")
    if site.is_relative_to(data):
        raise SiteRefused("it lies inside the data folder")
    project = Path(os.path.realpath(project))
    if project.is_relative_to(site):
        raise SiteRefused("it is the project folder" if project == site else f"it contains the project {project}")
    for folder in (Path(os.path.realpath(path)) for path in protected):
        if site.is_relative_to(folder) or folder.is_relative_to(site):
            raise SiteRefused(f"it is, holds or lies inside {folder}, a folder of the project")
    if site.exists() and not site.is_dir():
        raise SiteRefused("it is a file, not a folder")
    if site.is_dir() and not (site / MARKER).is_file():
        try:
            empty = not any(site.iterdir())
        except OSError as exc:
            raise SiteRefused(f"it cannot be read ({exc.strerror})") from None
        if not empty:
            raise SiteRefused("it holds files that no build made; choose a new or empty folder, or delete it first")


def mark(site: Path) -> None:
    """Mark a folder as a built site, so that the next build may replace it."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def project_folders(project: Path) -> list[Path]:
    """Folders of the project that an output folder must neither be, nor hold, nor lie in."""
    names = ("data", "docs", "examples", "hooks", "schema", "scripts", "tests", ".git")
    return [project / name for name in names]


def _remove_leftovers(site: Path) -> None:
    """Staging and previous folders of builds that were killed: only those named and marked by a build."""
    made = re.compile(rf"\.{re.escape(site.name)}\.(building|previous)-[a-z0-9_]{{8}}")
    for leftover in site.parent.glob(f".{site.name}.*-*"):
        if made.fullmatch(leftover.name) and leftover.is_dir() and (leftover / MARKER).is_file():
            shutil.rmtree(leftover, ignore_errors=True)


def _new_folder(site: Path, kind: str) -> Path:
    """A new hidden folder beside `site`, readable as the user's other new folders are (mkdtemp makes it private)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{site.name}.{kind}-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def build(settings: Settings, config: Path, *, verbose: bool = False) -> int:
    """Run `mkdocs build --strict` with `config` into a staging folder, and replace the output folder with it only
    if it succeeds."""
    data, site = settings.data, settings.site
    try:
        check_site(site, data, config.parent, project_folders(config.parent))
    except SiteRefused as exc:
        print(f"refusing to build into {display(site)}: {exc}", file=sys.stderr)
        return REFUSED
    site = Path(os.path.realpath(site))
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(site)
        staging = _new_folder(site, "building")
        mark(staging)
    except OSError as exc:
        print(f"cannot create the output folder {display(site)}: {exc.strerror or exc}", file=sys.stderr)
        return REFUSED
    try:
        env = {**os.environ, **replace(settings, site=staging).environment()}
        if "SOURCE_DATE_EPOCH" not in env and (epoch := history.last_commit_time(data)):
            env["SOURCE_DATE_EPOCH"] = epoch
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        result = subprocess.run([*command, *(["-v"] if verbose else [])], env=env, check=False)  # noqa: S603
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if result.returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {display(site)} was left as it was", file=sys.stderr)
        return result.returncode or 1
    if site.exists():
        previous = _new_folder(site, "previous")
        previous.rmdir()
        os.replace(site, previous)
        os.replace(staging, site)
        shutil.rmtree(previous, ignore_errors=True)
    else:
        os.replace(staging, site)
    return 0
