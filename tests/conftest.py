"""Shared fixtures: real MkDocs builds of the shipped data and the examples, made once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {
    "data": ROOT / "data",
    "chiangmai5": ROOT / "examples/chiangmai5",
    "korat6": ROOT / "examples/korat6",
    "mini": ROOT / "tests/fixtures/mini",
    "varied": ROOT / "tests/fixtures/varied",
}
MKDOCS = [sys.executable, "-m", "mkdocs"]


def pytest_configure(config: pytest.Config) -> None:
    """Every run renders its PDFs afresh: a cache of its own, not the project's .cache/pdf of earlier runs."""
    cache = tempfile.mkdtemp(prefix="opmanual-test-pdf-cache-")
    config.add_cleanup(lambda: shutil.rmtree(cache, ignore_errors=True))
    os.environ["MANUAL_PDF_CACHE"] = cache


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


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for name, data in DATASETS.items():
        site = tmp_path_factory.mktemp(f"site-{name}")
        result = build(data, site)
        assert result.returncode == 0, result.stderr
        sites[name] = site
    return sites
