"""Shared fixtures: real MkDocs builds of the shipped data and the examples, made once per test run (shared by the
pytest-xdist workers), and one Chromium per worker."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {
    "data": ROOT / "data",
    "chiangmai5": ROOT / "examples/chiangmai5",
    "korat6": ROOT / "examples/korat6",
    "mini": ROOT / "tests/fixtures/mini",
    "varied": ROOT / "tests/fixtures/varied",
}
MKDOCS = [sys.executable, "-m", "mkdocs"]


# The run's PDF cache, named by the first process of the run (pytest, or pytest-xdist's controller) for its workers.
RUN_CACHE = "OPMANUAL_TEST_PDF_CACHE"


def pytest_configure(config: pytest.Config) -> None:
    """Every run renders its PDFs afresh: a cache of its own, not the project's .cache/pdf of earlier runs. The
    workers of one run share it (builds share a cache safely, under its lock), so a book is rendered once a run."""
    if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get(RUN_CACHE):
        os.environ["MANUAL_PDF_CACHE"] = os.environ[RUN_CACHE]
        return
    cache = tempfile.mkdtemp(prefix="opmanual-test-pdf-cache-")
    config.add_cleanup(lambda: shutil.rmtree(cache, ignore_errors=True))
    os.environ["MANUAL_PDF_CACHE"] = os.environ[RUN_CACHE] = cache


def build(data: Path, site: Path, *extra: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` of `data` into `site`, with extra MANUAL_* `settings`."""
    env = {**os.environ, "MANUAL_DATA": str(data), "MANUAL_SITE": str(site), "NO_MKDOCS_2_WARNING": "1", **settings}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# Root reads every file whatever its permissions; an editor's process does not. Commands that meet permissions run
# without that power.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if os.getuid() == 0 else []


def opmanual(folder: Path, *args: str, unprivileged: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m opmanual ARGS` in `folder`, as a user would, with extra environment variables."""
    return subprocess.run(
        [*(UNPRIVILEGED if unprivileged else []), sys.executable, "-m", "opmanual", *args],
        cwd=folder,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": str(ROOT / "src"),
            "MANUAL_CONFIG": str(ROOT / "mkdocs.yml"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder: the same for every pytest-xdist worker (each has its own below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(folder: Path, make: Callable[[Path], None]) -> Path:
    """`folder`, made by `make` unless another worker of the run made it already; a worker that asks while another
    is making it waits for it."""
    with open(folder.with_name(folder.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.with_name(folder.name + ".done")
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each dataset built once a run, with its PDFs and Word copies: the tests read all five's (test_docx.py,
    test_import.py), so a build without them would be one build more, not one less. A second worker builds them in
    the opposite order, so that two workers build two at a time instead of waiting for each other."""

    def make(data: Path) -> Callable[[Path], None]:
        def build_into(site: Path) -> None:
            result = build(data, site)
            assert result.returncode == 0, result.stderr

        return build_into

    order = list(DATASETS)
    if os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0":
        order.reverse()
    folder = run_folder(tmp_path_factory)
    sites = {name: built_once(folder / f"site-{name}", make(DATASETS[name])) for name in order}
    return {name: sites[name] for name in DATASETS}


# 1 January 2568: after the fixtures' approvals, which may not be in the build's future.
EPOCH = "1735689600"


@pytest.fixture(scope="session")
def twin_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`mini` built twice from nothing (no PDF cache) with `python -m opmanual build`, for the same date, from two
    folders (paths on disk must not matter), on two machines: the first one PDF process with a fontconfig that
    claims TH Sarabun New (a fake `fc-list` first on PATH), the second the default processes and the system's
    programs only. test_reproducible.py, test_docx.py and test_pdf_stage.py compare them."""

    def make(folder: Path) -> None:
        shutil.copytree(DATASETS["mini"], folder / "data")
        fake = folder / "bin/fc-list"
        fake.parent.mkdir()
        fake.write_text("#!/bin/sh\necho 'TH Sarabun New'\n", encoding="utf-8")
        fake.chmod(0o755)
        machine = ["--jobs=1"] if folder.name == "first" else []
        path = f"{fake.parent}:{os.environ['PATH']}" if folder.name == "first" else "/usr/bin:/bin"
        result = opmanual(
            folder, "build", "data", "--site", "site", *machine, SOURCE_DATE_EPOCH=EPOCH, MANUAL_PDF_CACHE="off",
            PATH=path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    folder = run_folder(tmp_path_factory)
    first, second = (built_once(folder / name, make) / "site" for name in ("first", "second"))
    return first, second


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test of a worker: pages and contexts are the tests' own."""
    from browser import chromium  # Playwright is loaded by the runs that drive a browser only

    with chromium() as browser:
        yield browser
