"""`opmanual new DIR`: an office's repository with content and configuration only, made whole or not at all, inside
DIR and nowhere else. (That it builds with the installed wheel is tests/test_package.py's.)"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from opmanual import __version__, newoffice
from opmanual.__main__ import main
from opmanual.data import formats
from opmanual.data.dataset import load


def files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_a_new_office_holds_content_and_configuration_and_passes_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "office"
    assert main(["new", str(office)]) == 0  # no terminal, no names: the placeholders stay
    assert files(office) == [
        ".github/dependabot.yml",
        ".github/workflows/check.yml",
        ".github/workflows/publish.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "data/office.yml",
        "data/people/supervisor.yml",
        "data/processes/supervision-visit.yml",
        "data/references.yml",
        "docs/.gitkeep",
        "hooks/manual.py",
        "mkdocs.yml",
        "requirements.txt",
        "schema/office.schema.json",
        "schema/person.schema.json",
        "schema/process.schema.json",
        "schema/references.schema.json",
    ]
    assert not any(path.suffix == ".py" for path in office.rglob("*") if path.name != "manual.py")  # no generator code
    # The configuration is this repository's own, which its tests build: the two cannot drift apart.
    assert (office / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    assert (office / "hooks/manual.py").read_bytes() == (ROOT / "hooks/manual.py").read_bytes()
    pins = [line for line in (office / "requirements.txt").read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    assert pins == [f"opmanual @ git+https://github.com/opmanual/opmanual.git@v{__version__}"]

    manual = load(office / "data")
    assert manual.office.name == newoffice.OFFICE_PLACEHOLDER and manual.group.name == newoffice.STANDARD_GROUP
    assert formats.written_in(office / "data") == formats.Written(formats.CURRENT, (4, 1))
    placeholders = [warning for warning in manual.warnings if "starter's placeholder" in warning.message]
    assert len(placeholders) == 8 and placeholders[0].path.endswith("office.yml")
    assert not manual.ita  # the starter's process says all that the ITA item asks: a model to follow
    for path in (office / "data").rglob("*.yml"):  # VS Code finds the schema the modeline names
        modeline = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# yaml-language-server: $schema=")
        assert (path.parent / modeline).resolve().is_file(), path
    assert "a repository for «ชื่อสำนักงานเขตพื้นที่การศึกษา» (1 people, 1 processes)" in capsys.readouterr().out


def test_the_workflows_check_build_publish_and_dependabot_offers_the_bumps(tmp_path: Path) -> None:
    office = tmp_path / "office"
    assert main(["new", str(office), "--office", "สพป.ทดสอบ"]) == 0
    check = yaml.safe_load((office / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in check[True]  # YAML 1.1 reads the key `on` as true
    steps = [step.get("run", "") for step in check["jobs"]["check"]["steps"]]
    assert any("pip install -q -r requirements.txt" in run for run in steps)
    assert "opmanual check --format github" in steps and "opmanual build" in steps
    publish = yaml.safe_load((office / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"]["branches"] == ["main"] and "deploy" in publish["jobs"]
    dependabot = yaml.safe_load((office / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {"pip", "github-actions"} == {update["package-ecosystem"] for update in dependabot["updates"]}
    hooks = yaml.safe_load((office / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "opmanual check"
    readme = (office / "README.md").read_text(encoding="utf-8")
    for told in (
        "opmanual migrate",
        "mkdocs serve",
        "Settings → Pages",
        "Dependabot",
        "pip install -r requirements.txt",
    ):
        assert told in readme


@pytest.mark.parametrize(
    "typed",
    [
        'สพป. "ทดสอบ": เขต #1 {a: b} [x] & *y !z',  # what YAML reads specially, inside a name
        "<script>alert(1)</script> `code` **bold** [link](http://x)",  # what Markdown and HTML read specially
        "  สำนักงาน   ที่มีช่องว่าง  ",
    ],
)
def test_a_name_is_written_as_typed_and_read_back_as_typed(tmp_path: Path, typed: str) -> None:
    office = tmp_path / "office"
    assert main(["new", str(office), "--office", typed, "--group", typed]) == 0
    manual = load(office / "data")
    assert manual.office.name == manual.group.name == " ".join(typed.split())
    title = (office / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert "<script>" not in title and "`code`" not in title and "**bold**" not in title


@pytest.mark.parametrize(
    ("typed", "said"),
    [("สพป.\nทดสอบ", "control character"), ("a\x1b[31m", "control character"), ("ก" * 201, "at most 200")],
)
def test_a_name_that_cannot_be_one_line_writes_nothing(
    tmp_path: Path, typed: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "office"
    assert main(["new", str(office), "--office", typed]) == 1
    assert said in capsys.readouterr().err and not office.exists()


def test_a_folder_that_is_not_new_or_empty_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(full)]) == 1
    assert "is not empty" in capsys.readouterr().err and files(full) == ["notes.txt"]

    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["new", str(tmp_path / "file")]) == 1
    assert "is not a folder" in capsys.readouterr().err

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere)
    assert main(["new", str(tmp_path / "link")]) == 1
    assert "is a link" in capsys.readouterr().err and not os.listdir(elsewhere)

    assert main(["new", str(tmp_path / "missing/office")]) == 1
    assert "create it first" in capsys.readouterr().err and not (tmp_path / "missing").exists()

    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["new", str(empty)]) == 0 and (empty / "data/office.yml").is_file()
    assert sorted(os.listdir(tmp_path)) == ["elsewhere", "empty", "file", "full", "link"]  # nothing beside them


def test_a_new_that_fails_halfway_leaves_no_folder_and_a_killed_one_is_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "office"

    def full_disk(directory: Path) -> list[Path]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(newoffice.schema, "write", full_disk)
    with pytest.raises(OSError, match="No space"):
        newoffice.create(office, newoffice.Names(None, newoffice.STANDARD_GROUP))
    assert not office.exists()
    assert main(["new", str(office)]) == 1  # the command says it in a sentence, no traceback
    assert "cannot write" in capsys.readouterr().err and not office.exists()
    monkeypatch.undo()

    # What a `new` killed with SIGKILL leaves: the marker, written first, and some of the files.
    office.mkdir()
    (office / newoffice.MARKER).write_text("", encoding="utf-8")
    (office / "mkdocs.yml").write_text("half", encoding="utf-8")
    (office / "data").mkdir()
    assert main(["new", str(office)]) == 0
    assert "an unfinished `opmanual new` was here; starting again" in capsys.readouterr().out
    assert newoffice.MARKER not in os.listdir(office)
    assert (office / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    load(office / "data")


@pytest.mark.slow
def test_on_a_terminal_new_asks_for_the_names_and_an_empty_answer_keeps_the_default(tmp_path: Path) -> None:
    office = tmp_path / "office"
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "opmanual", "new", str(office)],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    os.close(terminal)
    os.write(controller, "สพม.ทดสอบ เขต ๒\n\n".encode())
    out, err = process.communicate(timeout=60)
    os.close(controller)
    assert process.returncode == 0, err.decode()
    manual = load(office / "data")
    assert manual.office.name == "สพม.ทดสอบ เขต ๒" and manual.group.name == newoffice.STANDARD_GROUP
    assert "a repository for สพม.ทดสอบ เขต ๒" in out.decode()


@pytest.mark.slow
def test_new_from_an_existing_manual_imports_it_into_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = tmp_path / "office"
    seed = ROOT / "tests/seeds/000_072ccb35e48cd751.txt"
    assert main(["new", str(office), "--from", str(seed)]) == 0
    manual = load(office / "data")
    assert manual.processes and "นำเข้าจาก" in (office / "data/office.yml").read_text(encoding="utf-8")
    assert (
        (office / "data/office.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/office.schema.json\n")
    )
    assert (office / "mkdocs.yml").is_file() and (office / "requirements.txt").is_file()
