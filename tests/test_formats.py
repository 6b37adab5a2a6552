"""Data format versions: a folder in another format is refused with what to do, and `opmanual migrate` brings an old
one up to date, changing nothing but what the format change needs, in every file or in none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from opmanual.__main__ import main
from opmanual.data import formats
from opmanual.data.dataset import load
from opmanual.errors import DataErrors

MINI = ROOT / "tests/fixtures/mini"
OLD = ROOT / "tests/fixtures/formats"


def old_folder(tmp_path: Path, version: int) -> Path:
    """`mini` as it was written in format `version`: the current folder with that format's YAML files over it."""
    data = tmp_path / f"format-{version}"
    shutil.copytree(MINI, data)
    for path in (OLD / str(version)).rglob("*.yml"):
        shutil.copy(path, data / path.relative_to(OLD / str(version)))
    return data


def texts(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_every_format_has_a_migration_and_an_old_fixture() -> None:
    assert sorted(formats.MIGRATIONS) == list(range(formats.CURRENT))
    assert sorted(int(path.name) for path in OLD.iterdir()) == list(range(formats.CURRENT))


@pytest.mark.parametrize("version", range(formats.CURRENT))
def test_an_old_fixture_migrates_to_the_current_one_byte_for_byte(
    version: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_folder(tmp_path, version)
    with pytest.raises(DataErrors) as refused:
        load(data)
    assert len(refused.value.errors) == 1 and f"opmanual migrate {data}" in str(refused.value.errors[0])

    assert main(["migrate", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"format {version} → {formats.CURRENT}" in out and "office.yml:115: added `format: 1`" in out
    assert texts(data) == texts(MINI)
    load(data)

    assert main(["migrate", str(data)]) == 0  # a second run changes nothing
    assert "nothing to change" in capsys.readouterr().out and texts(data) == texts(MINI)


@pytest.mark.parametrize("folder", ["data", "examples/korat6", "examples/chiangmai5", "tests/fixtures/varied"])
def test_the_shipped_folders_are_in_the_current_format_and_the_migration_kept_every_value(folder: str) -> None:
    """They were migrated with `opmanual migrate`: what git had before, read as YAML, is what they hold now but for
    `format:` (checked against the migration of their text, which is what a reader of the diff sees)."""
    office = ROOT / folder / "office.yml"
    current = office.read_text(encoding="utf-8")
    assert formats.written_in(ROOT / folder) == formats.Written(formats.CURRENT, (current.count("\n"), 1))
    before = current.removesuffix("format: 1\n")
    changed, _ = formats.migrate({office: before}, 0)
    assert changed == {office: current}
    assert yaml.safe_load(current) == {**yaml.safe_load(before), "format": 1}


def test_a_folder_in_a_newer_format_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_folder(tmp_path, 0)
    office = data / "office.yml"
    office.write_text(office.read_text(encoding="utf-8") + "format: ๒\n", encoding="utf-8")
    before = texts(data)
    with pytest.raises(DataErrors) as refused:
        load(data)
    (error,) = refused.value.errors
    assert error.line == 115 and "data format 2, newer than opmanual" in error.message
    assert "requirements.txt" in error.message
    assert main(["migrate", str(data)]) == 1
    assert "newer than opmanual" in capsys.readouterr().err and texts(data) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [("abc", "`abc` is not a data format number"), ("0", "at least 1"), ("'1.0'", "not a data format number")],
)
def test_a_format_that_is_not_a_number_is_an_error_at_its_line(tmp_path: Path, value: str, message: str) -> None:
    data = old_folder(tmp_path, 0)
    office = data / "office.yml"
    office.write_text(office.read_text(encoding="utf-8") + f"format: {value}\n", encoding="utf-8")
    with pytest.raises(DataErrors) as refused:
        load(data)
    assert any(error.line == 115 and message in error.message for error in refused.value.errors), refused.value.errors


def test_migrate_keeps_the_byte_order_mark_crlf_and_a_last_comment_without_a_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_folder(tmp_path, 0)
    office = data / "office.yml"
    text = office.read_text(encoding="utf-8").replace("\n", "\r\n") + "# the end, no newline"
    office.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["migrate", str(data)]) == 0, capsys.readouterr()
    assert office.read_bytes() == b"\xef\xbb\xbf" + (text + "\r\nformat: 1\r\n").encode("utf-8")
    load(data)


@pytest.mark.parametrize(
    "office",
    [
        "{office: {name: ก}, group: {name: ข}}\n",  # a flow mapping: a line after it is not a key of it
        "office:\n  name: ก\ngroup:\n  name: ข\n...\n",  # the document ends before the new line
    ],
)
def test_a_file_the_migration_cannot_change_safely_is_left_as_it_was(
    tmp_path: Path, office: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_folder(tmp_path, 0)
    (data / "office.yml").write_text(office, encoding="utf-8")
    before = texts(data)
    assert main(["migrate", str(data)]) == 1
    assert "cannot be migrated safely" in capsys.readouterr().err and texts(data) == before


def test_a_broken_or_read_only_folder_is_not_migrated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = old_folder(tmp_path, 0)
    office = data / "office.yml"
    office.write_text("office: [unclosed\n", encoding="utf-8")
    assert main(["migrate", str(data)]) == 1
    captured = capsys.readouterr()
    assert "fix the errors below first" in captured.err and "office.yml:2:1: YAML syntax error" in captured.out

    data = old_folder(tmp_path / "2", 0)
    before = texts(data)
    (data / "office.yml").chmod(0o444)  # refused by its mode, even for root, who could write through it
    assert main(["migrate", str(data)]) == 1
    assert "read-only" in capsys.readouterr().err and texts(data) == before


def test_what_a_killed_migration_left_is_removed_by_the_next(tmp_path: Path) -> None:
    """The new text is written beside the file under a hidden name, then renamed over it: killed between the two,
    the hidden file stays (the loader does not read it), and the next migration or fix removes it."""
    data = old_folder(tmp_path, 0)
    leftover = data / ".office.yml.k1ll3d.fixing"
    leftover.write_text("half", encoding="utf-8")
    assert main(["migrate", str(data)]) == 0
    assert not leftover.exists() and texts(data) == texts(MINI)


def test_a_link_out_of_the_folder_or_a_huge_file_is_not_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """office.yml as a link to a file elsewhere: the loader's rules hold, and the file it points at is not written."""
    data = old_folder(tmp_path, 0)
    outside = tmp_path / "outside.yml"
    outside.write_text((data / "office.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (data / "office.yml").unlink()
    (data / "office.yml").symlink_to(outside)
    before = outside.read_bytes()
    assert main(["migrate", str(data)]) == 1
    assert "outside the data folder" in capsys.readouterr().out and outside.read_bytes() == before

    data = old_folder(tmp_path / "2", 0)
    big = (data / "office.yml").read_text(encoding="utf-8") + "# " + "ก" * 400_000 + "\n"
    (data / "office.yml").write_text(big, encoding="utf-8")
    assert main(["migrate", str(data)]) == 1
    assert (
        "may be at most 1.0 MB" in capsys.readouterr().out and (data / "office.yml").read_text(encoding="utf-8") == big
    )


def test_check_and_build_stop_at_an_old_format_with_the_command_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_folder(tmp_path, 0)
    assert main(["check", str(data)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{data}/office.yml:1:1: the data has no `format:`") and out.count("\n") == 1
    assert main(["check", str(data), "--format", "github"]) == 1
    assert "::error file=" in capsys.readouterr().out
