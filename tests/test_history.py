"""The git history is input too: read up to a number of commits and bytes, subjects and names cut to a line, and
commits dated where the build cannot write a date (before 1970, after 2106, no date at all) left out with a warning,
never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import markup
from conftest import ROOT, opmanual
from opmanual.render import history
from opmanual.render.history import MAX_AUTHOR, MAX_SUBJECT

MINI = ROOT / "tests/fixtures/mini"


def git(folder: Path, *args: str, when: str = "", author: str = "ครูวิไล", stdin: bytes | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "w@example.org"}
    env |= {"GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "w@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    result = subprocess.run(["git", "-C", str(folder), *args], env=env, input=stdin, capture_output=True, check=True)
    return result.stdout.decode().strip()


def edit(root: Path) -> None:
    person = root / "data/people/somchai.yml"
    person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(root, "add", ".")


def commit(root: Path, subject: str, *, when: str = "2025-06-01T10:00:00+07:00", author: str = "ครูวิไล") -> None:
    edit(root)
    git(root, "commit", "-q", "-F", "-", when=when, author=author, stdin=subject.encode())


def raw_commit(root: Path, subject: str, date: str) -> None:
    """A commit written by hand, as git itself would refuse to write it (a date before 1970, or none)."""
    edit(root)
    tree, parent = git(root, "write-tree"), git(root, "rev-parse", "HEAD")
    person = f"x <x@example.org> {date}".rstrip()
    text = f"tree {tree}\nparent {parent}\nauthor {person}\ncommitter {person}\n\n{subject}\n"
    sha = git(root, "hash-object", "-t", "commit", "-w", "--literally", "--stdin", stdin=text.encode())
    git(root, "update-ref", "refs/heads/main", sha)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "data")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "เริ่มคู่มือ", when="2025-01-10T10:00:00+07:00")
    return tmp_path


def test_commits_dated_where_no_date_can_be_written_are_left_out(repository: Path) -> None:
    commit(repository, "ปีหนึ่งหมื่นหนึ่ง", when="@299000000000 +0000")  # the year 11476
    raw_commit(repository, "ก่อนปี ๑๙๗๐", "-5000000000 +0000")  # git prints no time for it
    raw_commit(repository, "ไม่มีวันที่", "")
    commit(repository, "แก้ชื่อ")
    changes = history.read(repository / "data")
    assert [change.subject for change in changes.changes] == ["แก้ชื่อ", "เริ่มคู่มือ"]
    assert len(changes.undated) == 3 and not changes.shallow
    assert history.last_commit_time(repository / "data") is not None


@pytest.mark.slow
def test_a_history_whose_last_commit_is_in_the_year_11476_builds(repository: Path) -> None:
    commit(repository, "แก้ชื่อ")
    commit(repository, "ปีหนึ่งหมื่นหนึ่ง", when="@299000000000 +0000")
    assert history.last_commit_time(repository / "data") is None  # not a SOURCE_DATE_EPOCH
    result = opmanual(repository, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warning = (
        f"WARNING -  git history: commit {git(repository, 'rev-parse', 'HEAD')[:12]} is dated before 1970 or after "
        "2106 and left out of the changes page and the revision records"
    )
    assert warning in result.stderr
    page = markup.page(repository / "site/changes").get_text()
    # The commits said in the manual's words: the first one added the person; "แก้ชื่อ" added only an empty line,
    # nothing a reader sees, and is folded; the one of the year 11476 is left out.
    assert "เพิ่มบุคลากร นายสมชาย ใจดี" in page and "ปีหนึ่งหมื่นหนึ่ง" not in page


def test_subjects_and_names_are_cut_to_a_line_and_shown_not_acted_on(repository: Path) -> None:
    commit(repository, "ก" * 1_000_000, author="น" * 10_000)
    commit(repository, "แก้\x1b[2J\u202eไข\u200bข้อมูล")
    newest, longest, _ = history.read(repository / "data").changes
    assert newest.subject == "แก้\\x1b[2J\\u202eไขข้อมูล"  # escapes shown; a zero-width space is dropped
    assert longest.subject == "ก" * MAX_SUBJECT + "…" and longest.author == "น" * MAX_AUTHOR + "…"


def test_history_is_read_up_to_a_number_of_commits(repository: Path) -> None:
    for n in range(4):
        commit(repository, f"แก้ครั้งที่ {n}")
    changes = history.read(repository / "data", limit=3)
    assert [change.subject for change in changes.changes] == ["แก้ครั้งที่ 3", "แก้ครั้งที่ 2", "แก้ครั้งที่ 1"]
    assert changes.shallow  # the books say older commits are missing


def test_history_is_read_up_to_a_number_of_bytes(repository: Path) -> None:
    commit(repository, "ข" * 5_000)
    for n in range(3):
        commit(repository, f"แก้ครั้งที่ {n}")
    changes = history.read(repository / "data", size=2_000)
    assert [change.subject for change in changes.changes] == ["แก้ครั้งที่ 2", "แก้ครั้งที่ 1", "แก้ครั้งที่ 0"]
    assert changes.shallow


def test_a_subject_that_is_not_utf8_is_read(repository: Path) -> None:
    git(repository, "config", "i18n.commitEncoding", "latin-1")
    edit(repository)
    git(repository, "commit", "-q", "-F", "-", stdin="caf\xe9 \xff".encode("latin-1"))
    assert history.read(repository / "data").changes[0].subject.startswith("caf")
