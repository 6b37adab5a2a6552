"""Settings are input: every value the environment gives is checked before use, and a bad one is a plain refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from opmanual.settings import EPOCH, LATEST, OWNER, PDF, WORD, Settings, SettingsError, writable_time


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MANUAL_PDF_JOBS", "²", "MANUAL_PDF_JOBS='²': expected a whole number of processes from 1 to 256"),
        ("MANUAL_PDF_JOBS", "9" * 5000, "MANUAL_PDF_JOBS='99999"),
        ("MANUAL_PDF_JOBS", "๒", "expected a whole number of processes"),
        ("MANUAL_SHARD", "²/3", "a shard is written i/n, such as 1/4, not '²/3'"),
        ("MANUAL_SHARD", "1/" + "9" * 5000, "a shard is written i/n"),
        ("MANUAL_PDF", "x" * 100_000, "MANUAL_PDF='xxxxxxxxxx"),
        ("MANUAL_WORD", "maybe", "MANUAL_WORD='maybe': use 1 to make the Word copies or 0 to skip them"),
        ("MANUAL_WORD", "1\x1b[2J" + "x" * 100_000, "MANUAL_WORD="),
        (EPOCH, "-5", "SOURCE_DATE_EPOCH='-5': expected seconds since 1970, a whole number up to 4294967295"),
        (EPOCH, str(LATEST + 1), "SOURCE_DATE_EPOCH='4294967296'"),
        (EPOCH, "1e9", "SOURCE_DATE_EPOCH='1e9'"),
    ],
)
def test_a_bad_value_is_refused_plainly(tmp_path: Path, variable: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as refused:
        Settings.read({variable: value}, tmp_path)
    assert message in str(refused.value)
    assert len(str(refused.value)) < 200  # a value is quoted in part, never whole


def test_times_the_build_can_write() -> None:
    assert [writable_time(text) for text in ("0", " 1700000000\n", str(LATEST))] == [0, 1700000000, LATEST]
    assert [writable_time(text) for text in ("", "-1", "+5", "1.5", "๑๒", str(LATEST + 1), "9" * 5000)] == [None] * 7


def test_the_owner_of_the_lock_is_passed_to_the_child(tmp_path: Path) -> None:
    settings = Settings.read({OWNER: "4242"}, tmp_path)
    assert settings.owner == 4242 and settings.environment()[OWNER] == "4242"
    assert Settings.read({OWNER: "someone"}, tmp_path).owner is None


@pytest.mark.parametrize(
    ("environ", "serve", "build"),
    [
        ({}, (False, False), (True, True)),  # Word copies come with the PDFs: in `mkdocs build`, not in serve
        ({PDF: "0"}, (False, False), (False, False)),
        ({PDF: "0", WORD: "1"}, (False, True), (False, True)),  # Word copies without PDFs
        ({PDF: "1", WORD: "off"}, (True, False), (True, False)),
        ({WORD: "yes"}, (False, True), (True, True)),
    ],
)
def test_word_copies_follow_the_pdfs_unless_told(
    tmp_path: Path, environ: dict[str, str], serve: tuple[bool, bool], build: tuple[bool, bool]
) -> None:
    settings = Settings.read(environ, tmp_path)
    assert (settings.make_pdfs("serve"), settings.make_word("serve")) == serve
    assert (settings.make_pdfs("build"), settings.make_word("build")) == build
    # the child `mkdocs build` of `python -m opmanual build` is given the same
    assert Settings.read(settings.environment(), tmp_path) == settings
