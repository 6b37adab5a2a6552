"""The generator as offices take it: a wheel in a fresh virtual environment, outside this repository. An office made
by `opmanual new` builds its site, PDFs and Word copies with `pip install -r requirements.txt && opmanual build`;
an office made by the previous release is upgraded and migrated; the shipped data builds under ProperDocs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from packaging.version import Version
from pypdf import PdfReader

from conftest import ROOT
from opmanual import __version__
from opmanual.data import formats

pytestmark = [pytest.mark.slow]

UV = Path(sys.executable).parent / "uv"
PROPERDOCS = "properdocs"  # its version is pinned in constraints.txt


def run(*command: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A command as an office's CI runs it: nothing of this checkout on the path, no MANUAL_* settings."""
    clean = {
        key: value for key, value in os.environ.items() if not key.startswith(("MANUAL_", "PYTHON", "VIRTUAL_ENV"))
    }
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**clean, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def done(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def wheel_of(source: Path, into: Path) -> Path:
    done(run(UV, "build", "-q", "--wheel", "--out-dir", into, source, cwd=into.parent))
    (wheel,) = into.glob("opmanual-*.whl")
    return wheel


def fresh_venv(folder: Path, *requirements: str, cwd: Path | None = None) -> Path:
    """A new virtual environment with `requirements` installed at the versions this checkout pins; its bin/."""
    done(run(UV, "venv", "-q", "--python", sys.executable, folder, cwd=folder.parent))
    python = folder / "bin/python"
    done(
        run(
            UV,
            "pip",
            "install",
            "-q",
            "--python",
            python,
            "-c",
            ROOT / "constraints.txt",
            *requirements,
            cwd=cwd or folder,
        )
    )
    return folder / "bin"


def new_office(wheel: Path, venv: Path) -> Path:
    """An office made by `opmanual new` of `wheel`, installed in the fresh environment `venv`, pinned to it."""
    office = venv.parent / "office"
    made = run(
        fresh_venv(venv, str(wheel)) / "opmanual", "new", office, "--office", "สำนักงานเขตพื้นที่การศึกษาทดสอบ",
        "--requirement", f"opmanual @ {wheel.as_uri()}", cwd=venv.parent,
    )  # fmt: skip
    done(made)
    done(run("git", "init", "-q", cwd=office))
    done(run("git", "add", "-A", cwd=office))
    done(run("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "new", cwd=office))
    return office


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wheel_of(ROOT, tmp_path_factory.mktemp("wheel"))


def test_the_wheel_holds_everything_an_office_needs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "opmanual/site/hooks.py",
        "opmanual/templates/print/book.html.j2",
        "opmanual/theme/assets/fonts/Sarabun_400Regular.ttf",
        "opmanual/theme/assets/javascripts/lunr/min/lunr.th.min.js",
        "opmanual/guide/index.md",
        "opmanual/guide/fields.md",
        "opmanual/starter/data/office.yml",
        "opmanual/starter/project/github/workflows/check.yml",
        "opmanual/starter/project/mkdocs.yml",
    ):
        assert needed in names, needed
    entry_points = zipfile.ZipFile(wheel).read(f"opmanual-{__version__}.dist-info/entry_points.txt").decode()
    assert "opmanual = opmanual.__main__:main" in entry_points


@pytest.mark.pdf
def test_an_office_made_by_new_builds_with_pip_install_and_opmanual_build(wheel: Path, tmp_path: Path) -> None:
    office = new_office(wheel, tmp_path / "maker")
    # The office's CI: a fresh machine, its requirements.txt, `opmanual build`.
    ci = fresh_venv(tmp_path / "ci", "-r", "requirements.txt", cwd=office)
    built = done(run(ci / "opmanual", "build", "--jobs", "2", cwd=office, PATH=f"{ci}:{os.environ['PATH']}"))
    assert "PDFs: 4 rendered" in built
    assert done(run("git", "status", "--porcelain", cwd=office)) == ""  # .gitignore holds all a build writes

    site = office / "site"
    assert f"opmanual {__version__} (ข้อมูลรูปแบบที่ 1)" in footer(site)
    assert (site / "people/supervisor/index.html").is_file() and (site / "guide/fields/index.html").is_file()
    assert (site / "assets/fonts/Sarabun_400Regular.ttf").is_file()
    book = PdfReader(site / "pdf/manual.pdf")
    assert book.metadata is not None and book.metadata["/Creator"] == f"opmanual {__version__} (data format 1)"
    assert "สำนักงานเขตพื้นที่การศึกษาทดสอบ" in book.pages[0].extract_text()
    assert (site / "docx/people/supervisor.docx").is_file()
    copy = docx.Document(str(site / "docx/manual.docx"))
    assert copy.core_properties.comments == f"opmanual {__version__} (data format 1)"
    assert not any(
        path.suffix == ".py" for path in office.rglob("*") if ".cache" not in path.parts and path.name != "manual.py"
    )


def test_the_shipped_data_builds_under_properdocs(wheel: Path, tmp_path: Path) -> None:
    """ProperDocs, the maintained fork of MkDocs 1.x, reads the same mkdocs.yml and runs the same hooks: the way out
    if MkDocs 1.x stops being installable."""
    bin_ = fresh_venv(tmp_path / "venv", str(wheel), PROPERDOCS)
    site = tmp_path / "site"
    done(
        run(
            bin_ / "properdocs",
            "build",
            "--strict",
            "-f",
            ROOT / "mkdocs.yml",
            "-d",
            site,
            cwd=ROOT,
            MANUAL_DATA=str(ROOT / "data"),
            MANUAL_PDF="0",
        )
    )
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    generator = home.select_one('meta[name="generator"]')
    assert generator is not None and "ProperDocs" in str(generator["content"])
    assert (site / "people/anawat-khaikhao/index.html").is_file() and (site / "processes/index.html").is_file()
    assert "อนวัช" in (site / "search/search_index.json").read_text(encoding="utf-8")


def previous_release() -> tuple[str, str]:
    """The commit and version of the newest release before this version: the newest commit whose pyproject.toml
    names a released version (no `.dev`) below this one. Read from the history, not the tags, so that a clone of
    the branch alone finds it (the release's tag points at that commit)."""
    commits = run("git", "log", "--format=%H", "--", "pyproject.toml", cwd=ROOT).stdout.split()
    for commit in commits:
        text = run("git", "show", f"{commit}:pyproject.toml", cwd=ROOT).stdout
        found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
        if found and not Version(found.group(1)).is_devrelease and Version(found.group(1)) < Version(__version__):
            return commit, found.group(1)
    raise AssertionError(f"no release before {__version__} in this clone's history (a shallow clone? fetch it whole)")


def footer(site: Path) -> str:
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    copyright = home.select_one(".md-copyright")
    assert copyright is not None
    return copyright.get_text(" ", strip=True)


def test_an_office_made_by_the_previous_release_upgrades_by_a_version_bump(wheel: Path, tmp_path: Path) -> None:
    """The path an office takes: made by the previous release's `new`, then Dependabot's pull request changes the
    requirement, its check says whether `opmanual migrate` is needed, and the office builds with this version."""
    commit, version = previous_release()
    old_source = tmp_path / "old-source"
    old_source.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True, timeout=60).stdout
    subprocess.run(["tar", "-x", "-C", str(old_source)], input=archive, check=True, timeout=60)
    old_wheel = wheel_of(old_source, tmp_path / "old-wheel")
    office = new_office(old_wheel, tmp_path / "old")
    assert f"รุ่น {version} " in (office / "README.md").read_text(encoding="utf-8")  # made by that release
    data_before = {path: path.read_bytes() for path in (office / "data").rglob("*") if path.is_file()}

    # Dependabot's pull request: the requirement names the new version; the office's CI installs it and checks.
    requirements = office / "requirements.txt"
    requirements.write_text(
        requirements.read_text(encoding="utf-8").replace(old_wheel.as_uri(), wheel.as_uri()), encoding="utf-8"
    )
    new = fresh_venv(tmp_path / "new", "-r", "requirements.txt", cwd=office)
    checked = run(new / "opmanual", "check", "--format", "github", cwd=office)
    migrated = done(run(new / "opmanual", "migrate", cwd=office))
    if checked.returncode:  # the format changed: the check says what to run, and migrate changes the data
        assert "run `opmanual migrate data`" in checked.stdout and "file=data/office.yml" in checked.stdout
        assert "file(s) changed" in migrated
    else:  # the same format: migrate has nothing to change
        assert "nothing to change" in migrated
        assert {path: path.read_bytes() for path in (office / "data").rglob("*") if path.is_file()} == data_before
    done(run(new / "opmanual", "build", "--no-pdf", cwd=office))
    assert f"opmanual {__version__} (ข้อมูลรูปแบบที่ {formats.CURRENT})" in footer(office / "site")
