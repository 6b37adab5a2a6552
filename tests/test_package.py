"""The package installs and runs from a wheel: everything it needs is inside it, nothing is read from this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.pdf]


def run(*command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_project_builds_its_site_and_pdfs_with_the_installed_wheel(tmp_path: Path) -> None:
    built = run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheel"), str(ROOT), cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("opmanual-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "opmanual/data/model.py",
        "opmanual/site/events.py",
        "opmanual/pdf/textlayer.py",
        "opmanual/templates/person.md.j2",
        "opmanual/templates/print/book.html.j2",
        "opmanual/theme/main.html",
        "opmanual/theme/assets/stylesheets/print.css",
        "opmanual/theme/assets/fonts/Sarabun_400Regular.ttf",
        "opmanual/theme/assets/javascripts/lunr/min/lunr.th.min.js",
    ):
        assert needed in names, needed

    installed = tmp_path / "installed"
    done = run(
        sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(installed), str(wheel), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    # An office's project: its configuration, the thin hook file, its hand-written pages and its data; no package.
    project = tmp_path / "office"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    (project / "hooks").mkdir()
    shutil.copy(ROOT / "hooks/manual.py", project / "hooks")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "tests/fixtures/mini", project / "data")
    env = {"PYTHONPATH": str(installed), "MANUAL_CONFIG": ""}
    where = run(sys.executable, "-c", "import opmanual; print(opmanual.__file__)", cwd=project, **env)
    assert where.stdout.startswith(str(installed)), where.stdout

    result = run(sys.executable, "-m", "opmanual", "build", "data", "--site", "site", "--jobs", "2", cwd=project, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert (site / "people/somchai/index.html").is_file()
    assert (site / "assets/stylesheets/manual.css").is_file() and (
        site / "assets/fonts/Sarabun_400Regular.ttf"
    ).is_file()
    assert (site / "pdf/manual.pdf").stat().st_size > 10_000

    schema = run(sys.executable, "-m", "opmanual", "schema", cwd=project, **env)
    assert schema.returncode == 0, schema.stderr
    assert (project / "schema/person.schema.json").is_file()
