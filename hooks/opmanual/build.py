"""Build the site (and PDFs) into a fresh folder, then swap it in: a failed build leaves the old site untouched.

The build is reproducible: SOURCE_DATE_EPOCH (the last commit's time, unless set) fixes every date MkDocs and
WeasyPrint would otherwise take from the clock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def source_date_epoch(folder: Path) -> str | None:
    """The time of the last commit, for builds that should not depend on when they ran."""
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [git, "-C", str(folder), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or None


def build(data: Path, site: Path, *, config: Path = ROOT / "mkdocs.yml", pdf: bool | None = None) -> int:
    """Run `mkdocs build --strict` into `<site>.building`, and replace `site` with it only if it succeeds."""
    site = site.resolve()
    staging = site.with_name(site.name + ".building")
    previous = site.with_name(site.name + ".previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {**os.environ, "MANUAL_DATA": str(data.resolve()), "MANUAL_SITE": str(staging)}
    if pdf is not None:
        env["MANUAL_PDF"] = "1" if pdf else "0"
    if "SOURCE_DATE_EPOCH" not in env and (epoch := source_date_epoch(data)):
        env["SOURCE_DATE_EPOCH"] = epoch
    result = subprocess.run(  # noqa: S603 - our own interpreter and config
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], env=env, check=False
    )
    if result.returncode != 0 or not (staging / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site} was left as it was", file=sys.stderr)
        return result.returncode or 1
    if site.exists():
        os.replace(site, previous)
    os.replace(staging, site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
