"""The build never deletes what it did not make, never ends in a traceback, and links every file it publishes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import weasyprint
from bs4 import BeautifulSoup

import markup
from conftest import ROOT, opmanual
from opmanual.pdf import textlayer as pdftext

pytestmark = [pytest.mark.slow]

BASE = ROOT / "tests/fixtures/mini"


def tree(folder: Path) -> str:
    """A fingerprint of every file name and content under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "data")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/todo.txt").write_text("งานที่ต้องทำ", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 someone's file")
    return tmp_path


@pytest.mark.parametrize(
    ("site", "reason"),
    [
        ("data", "it is the data folder"),
        (".", "it contains the data folder"),
        ("data/people", "it lies inside the data folder"),
        ("data/new-site", "it lies inside the data folder"),
        ("notes", "it holds files that no build made"),
        ("report.pdf", "it is a file, not a folder"),
        (str(ROOT), "it is the project folder"),
        (str(ROOT / "docs"), f"it is, holds or lies inside {ROOT / 'docs'}, a folder of the project"),
        (str(ROOT / "hooks"), f"it is, holds or lies inside {ROOT / 'hooks'}, a folder of the project"),
        (str(ROOT / "examples/site"), f"it is, holds or lies inside {ROOT / 'examples'}, a folder of the project"),
        ("/", "it contains the data folder"),
    ],
)
def test_an_output_folder_that_would_destroy_something_is_refused(project: Path, site: str, reason: str) -> None:
    before = {path: tree(path) for path in (project, ROOT / "docs", ROOT / "hooks")}
    result = opmanual(project, "build", "data", "--site", site, "--no-pdf")
    assert result.returncode == 2
    assert f"refusing to build into {site}: {reason}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert {path: tree(path) for path in before} == before


def test_the_output_folder_from_the_environment_is_checked_too(project: Path) -> None:
    before = tree(project)
    result = opmanual(project, "build", "data", "--no-pdf", MANUAL_SITE=str(project / "data"))
    assert result.returncode == 2 and "refusing to build into data: it is the data folder" in result.stderr
    env = {**os.environ, "MANUAL_DATA": str(project / "data"), "MANUAL_SITE": str(project / "data")}
    direct = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml")],
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert direct.returncode == 2  # a refused setting, as with `python -m opmanual build`
    assert "refusing to build into" in direct.stderr and "it is the data folder" in direct.stderr
    assert tree(project) == before


def test_a_built_site_is_marked_and_replaced_by_the_next_build(project: Path) -> None:
    (project / "empty").mkdir()
    for site in ("new/site", "empty", "empty"):
        result = opmanual(project, "build", "data", "--site", site, "--no-pdf")
        assert result.returncode == 0, result.stderr
        assert (project / site / ".opmanual-site").is_file() and (project / site / "index.html").is_file()
    leftovers = [path.name for path in project.iterdir() if path.name.startswith(".")]
    assert leftovers == []


@pytest.fixture
def inject(tmp_path: Path) -> Path:
    """A folder for a sitecustomize.py that breaks the build from inside, as a bug would."""
    folder = tmp_path / "inject"
    folder.mkdir()
    return folder


def run_broken(project: Path, inject: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    (inject / "sitecustomize.py").write_text(code, encoding="utf-8")
    return opmanual(project, *args, PYTHONPATH=f"{inject}{os.pathsep}{ROOT / 'hooks'}")


BUG = "import opmanual.render.pages as pages\ndef broken(*args, **kwargs):\n    raise ZeroDivisionError('injected')\n"


def test_an_internal_error_is_one_line_with_exit_code_2_and_the_old_site_stays(project: Path, inject: Path) -> None:
    site = project / "site"
    assert opmanual(project, "build", "data", "--site", "site", "--no-pdf").returncode == 0
    before = tree(site)
    result = run_broken(project, inject, BUG + "pages.render_all = broken\n", "build", "data", "--no-pdf")
    output = result.stdout + result.stderr
    assert result.returncode == 2
    assert "internal error while building the site (on_config): ZeroDivisionError: injected; please report it" in output
    assert "Traceback" not in output
    assert tree(site) == before
    verbose = run_broken(project, inject, BUG + "pages.render_all = broken\n", "--verbose", "build", "data", "--no-pdf")
    assert verbose.returncode == 2 and "Traceback" in verbose.stdout + verbose.stderr


def test_an_internal_error_of_the_check_command(project: Path, inject: Path) -> None:
    code = "import opmanual.data.dataset as dataset\ndef broken(*args):\n    raise KeyError('injected')\n"
    result = run_broken(project, inject, code + "dataset.load = broken\n", "check", "data")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("internal error while running `check`: KeyError: 'injected'; please report")
    assert "Traceback" not in result.stdout + result.stderr


def test_a_weasyprint_the_patch_refuses_is_a_clean_error(project: Path, inject: Path) -> None:
    site = project / "site"
    assert opmanual(project, "build", "data", "--site", "site", "--no-pdf").returncode == 0
    before = tree(site)
    result = run_broken(project, inject, "import weasyprint\nweasyprint.__version__ = '71.0'\n", "build", "data")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        "cannot print the PDFs: the Thai text-layer fix (opmanual.pdf.textlayer) was written for WeasyPrint 70.x"
        in output
    )
    assert "WeasyPrint 71.0 is installed" in output and "Traceback" not in output
    assert tree(site) == before


def test_the_patch_refuses_another_version_before_touching_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint.draw import text

    original = text.draw_first_line
    monkeypatch.setattr(weasyprint, "__version__", "66.0")
    with pytest.raises(pdftext.UnsupportedWeasyPrint, match=r"written for WeasyPrint 70\.x, and WeasyPrint 66\.0"):
        pdftext.install()
    assert text.draw_first_line is original


def test_attachment_names_with_url_characters_link_to_their_files(project: Path) -> None:
    data = project / "data"
    name = "แบบ #1 ร้อยละ 100%?.pdf"
    (data / "files/forms/self-assessment.pdf").rename(data / "files/forms" / name)
    process = data / "processes/qa.yml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("files/forms/self-assessment.pdf", f'"files/forms/{name}"'),
        encoding="utf-8",
    )
    assert opmanual(project, "build", "data", "--site", "site", "--no-pdf").returncode == 0
    page = project / "site/processes/qa/index.html"
    links = [
        a for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a") if "%" in a["href"]
    ]
    assert [a.get_text() for a in links] == ["แบบรายงานผลการประเมินตนเอง"]
    href = links[0]["href"]
    assert "#" not in href and "?" not in href and " " not in href
    assert (page.parent / unquote(href)).resolve().read_bytes().startswith(b"%PDF")


def test_notes_in_the_data_folder_are_a_warning_not_an_error(project: Path) -> None:
    (project / "data/README.md").write_text("# บันทึกของผู้ดูแล\n", encoding="utf-8")
    (project / "data/.drafts").mkdir()
    (project / "data/.drafts/idea.pdf").write_bytes(b"%PDF-1.4")
    checked = opmanual(project, "check", "data")
    assert checked.returncode == 0
    assert "data/README.md:1:1: warning: this file is not part of the manual and is not published" in checked.stdout
    assert "data/.drafts:1:1: warning: hidden folders are not read, and nothing in them is published" in checked.stdout
    built = opmanual(project, "build", "data", "--site", "site", "--no-pdf")
    assert built.returncode == 0 and "data/README.md:1:1: warning" in built.stderr
    assert not (project / "site/README").exists()


def test_numbers_are_read_as_typed(project: Path) -> None:
    office = project / "data/office.yml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.replace("schools: 10", "schools: 012").replace("year: 2567", "year: ๒๕๖๘"), "utf-8")
    assert opmanual(project, "build", "data", "--site", "site", "--no-pdf").returncode == 0
    schools = markup.page(project / "site/group/schools").get_text()
    assert "รวม ๑๔ โรงเรียน" in schools  # 12 + 2, where YAML 1.1 would read 012 as an octal 10
    assert "ปีพุทธศักราช ๒๕๖๘" in markup.page(project / "site").get_text()


def test_a_build_removes_only_its_own_leftovers_and_makes_a_readable_site(project: Path) -> None:
    backup = project / ".site.my-backup"  # a user's copy of a built site, marker and all
    backup.mkdir()
    (backup / ".opmanual-site").write_text("", encoding="utf-8")
    (backup / "precious.txt").write_text("keep me", encoding="utf-8")
    leftover = project / ".site.building-abcd1234"  # what a killed build leaves
    leftover.mkdir()
    (leftover / ".opmanual-site").write_text("", encoding="utf-8")
    assert opmanual(project, "build", "data", "--site", "site", "--no-pdf").returncode == 0
    assert (backup / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert not leftover.exists()
    umask = os.umask(0)
    os.umask(umask)
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~umask  # a web server can read it


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(project: Path) -> None:
    result = opmanual(project, "build", "data", "--site", "report.pdf/site", "--no-pdf")
    assert result.returncode == 2
    assert "cannot build into report.pdf/site: File exists: report.pdf" in result.stderr
    assert "Traceback" not in result.stderr


def test_attachment_names_saved_in_another_unicode_form_are_found(project: Path) -> None:
    """macOS saves é as e + ◌́ (NFD) and PDFs spell ำ as ํ + า; the data's text is cleaned of both, so the
    file is looked up by its cleaned name too."""
    data = project / "data"
    saved = "แบบน\u0e4d\u0e32ส่ง  cafe\u0301.pdf"  # as a file manager may have saved it
    (data / "files/forms/self-assessment.pdf").rename(data / "files/forms" / saved)
    process = data / "processes/qa.yml"
    typed = "แบบนำส่ง cafe\u0301.pdf"
    process.write_text(
        process.read_text(encoding="utf-8").replace("files/forms/self-assessment.pdf", f'"files/forms/{typed}"'),
        encoding="utf-8",
    )
    result = opmanual(project, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    published = list((project / "site/attachments/files/forms").iterdir())
    assert [path.read_bytes()[:5] for path in published] == [b"%PDF-"]
