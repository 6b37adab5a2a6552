"""`python -m opmanual import`: the three seeds become data folders that pass the check, hold the seed's text and
at least what the hand-made transcription holds; bad sources and clashes write nothing."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import DATASETS, build, opmanual
from importing import (
    BOOK_ONLY,
    HAND_MADE,
    NOT_IN_WORDS,
    counts,
    coverage,
    load_folder,
    lost,
    owners,
    run,
    seed_file,
    shared,
    texts,
)
from libreoffice import to_pdf
from opmanual.importer import command

MIN_COVERAGE = 0.97  # the bar: the imported site shows 97% of the seed's text lines


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for key in HAND_MADE:
        target = tmp_path_factory.mktemp(f"import-{key}") / "data"
        result = run("import", seed_file(key), "--into", target)
        assert result.returncode == 0, result.stderr + result.stdout
        folders[key] = target
    return folders


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(HAND_MADE))
def test_an_imported_seed_passes_the_check(key: str, imported: dict[str, Path]) -> None:
    result = run("check", imported[key])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(ข้อมูลถูกต้อง)" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(HAND_MADE))
def test_an_imported_seed_holds_as_much_as_the_hand_made_data(key: str, imported: dict[str, Path]) -> None:
    found = counts(load_folder(imported[key]))
    wanted = counts(load_folder(HAND_MADE[key]))
    short = {name: (found[name], value) for name, value in wanted.items() if found[name] < value}
    assert not short, f"imported vs hand-made: {short}"


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(HAND_MADE))
def test_the_site_of_an_imported_seed_shows_its_text(key: str, imported: dict[str, Path], tmp_path: Path) -> None:
    result = build(imported[key], tmp_path / "site", MANUAL_PDF="0")  # the pages' text is what is measured
    assert result.returncode == 0, result.stderr
    share, missing = coverage(seed_file(key), tmp_path / "site")
    assert share >= MIN_COVERAGE, f"{share:.1%} of the seed's lines; missing:\n" + "\n".join(missing)


@pytest.mark.slow
def test_the_import_report_names_guesses_and_unplaced_blocks(tmp_path: Path) -> None:
    """The report in Thai, each kind of note once with its count and its places as `check` prints them (file and
    1-based line), on one screen; the same notes as GitHub annotations and as JSON."""
    result = run("import", seed_file("004"), "--into", tmp_path / "data", "--format", "json")  # as typed
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)

    def report(target: Path, output: str) -> list[str]:  # the other formats in this process: one import's time
        out = io.StringIO()
        assert command.run([seed_file("004")], target, out=out, output=output) == 0
        return out.getvalue().splitlines()

    assert data["found"]["people"] == 1 and data["found"]["processes"] == 3
    written = {p.relative_to(tmp_path / "data").as_posix(): p.read_text(encoding="utf-8").splitlines()
               for p in (tmp_path / "data").rglob("*.yml")}  # fmt: skip
    assert sum(text.count("# ตรวจสอบ:") for lines in written.values() for text in lines) == len(data["guesses"])
    for guess in data["guesses"]:  # the line named is the value's, under its comment
        lines = written[guess["file"]]
        assert lines[guess["line"] - 2].strip().startswith("# ตรวจสอบ:") or "# ตรวจสอบ:" in "".join(
            lines[: guess["line"] - 1][-4:]
        ), guess
    for block in data["free_sections"]:
        assert written[block["file"]][block["line"] - 1].lstrip().startswith("- title:"), block

    text = report(tmp_path / "again", "text")
    assert text[0].startswith("พบในต้นฉบับ: บุคลากร 1 คน, กระบวนงาน 3 เรื่อง")
    assert text[-1] == f"เขียนลง {tmp_path / 'again'} แล้ว {len(data['files'])} ไฟล์ (นำเข้าแล้ว)"
    kinds = {guess["kind"] for guess in data["guesses"]}
    assert len(text) <= 6 + len(kinds) + len({(b["file"], b["kind"]) for b in data["free_sections"]}) <= 40
    assert f"ระบบเดาไว้ {len(data['guesses'])} จุด" in "\n".join(text)
    assert all(re.search(r" — [\w/.-]+\.yml:\d+", line) for line in text if re.match(r"\s+\d+ จุด", line))

    github = report(tmp_path / "third", "github")
    assert len(github) == len(data["guesses"]) + len(data["free_sections"])
    assert all(re.match(r"::(warning|notice) file=.+\.yml,line=\d+", line) for line in github)


def _subsequence(old: list[str], new: list[str]) -> bool:
    lines = iter(new)
    return all(line in lines for line in old)


@pytest.mark.slow
def test_adding_to_a_data_folder_keeps_every_line_of_its_files(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(HAND_MADE["002"], target)
    before = {p: p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file()}
    source = tmp_path / "manual.md"
    source.write_text("# คำนำ\n\nคู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางของบุคลากรใหม่\n", encoding="utf-8")
    result = run("import", source, "--into", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"เพิ่มเข้า {target} แล้ว 1 ไฟล์ (นำเข้าแล้ว)"
    after = {p: p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file()}
    changed = [p.relative_to(target).as_posix() for p in after if after[p] != before.get(p)]
    assert changed == ["office.yml"]
    office = target / "office.yml"
    assert _subsequence(before[office].splitlines(), after[office].splitlines())
    assert load_folder(target).info.foreword.text == ["คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางของบุคลากรใหม่"]
    source.write_text("# คำนำ\n\nคู่มือฉบับแก้ไขใหม่\n", encoding="utf-8")  # a foreword said differently
    assert run("import", source, "--into", target).returncode == 0
    manual = load_folder(target)
    assert manual.info.foreword.text == ["คู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางของบุคลากรใหม่"]
    (added,) = [section for section in manual.group.sections if "ตามต้นฉบับที่นำเข้า" in section.title]
    assert added.text == ["คู่มือฉบับแก้ไขใหม่"]


@pytest.mark.pdf
def test_a_persons_book_from_another_office_adds_to_a_data_folder(built_sites: dict[str, Path], tmp_path: Path) -> None:
    """A supervisor who moves in brings her manual in Word: she becomes a file of the folder, the areas and work
    groups her manual names are the folder's own where it has them, and nothing of the folder is rewritten."""
    target = tmp_path / "data"
    shutil.copytree(HAND_MADE["002"], target)
    before = {p: p.read_text(encoding="utf-8") for p in target.rglob("*.yml")}
    (person_id,) = load_folder(DATASETS["varied"]).people
    result = run("import", built_sites["varied"] / f"docx/people/{person_id}.docx", "--into", target)
    assert result.returncode == 0, result.stderr
    manual = load_folder(target)
    assert len(manual.people) == 3
    for path, text in before.items():
        assert _subsequence(text.splitlines(), path.read_text(encoding="utf-8").splitlines()), path
    again = run("import", built_sites["varied"] / f"docx/people/{person_id}.docx", "--into", target)
    assert again.returncode == 1
    assert "nothing was written" in again.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.docx", b"", "is empty"),
        ("fake.docx", b"PK\x03\x04not really a zip", "is damaged"),
        ("old.docx", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "password"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "PDF"),
        ("notes.xlsx", b"PK\x03\x04", "xlsx"),
    ],
)
def test_a_bad_source_is_refused_and_nothing_is_written(
    name: str, content: bytes, message: str, tmp_path: Path
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    result = run("import", source, "--into", tmp_path / "data")
    assert result.returncode == 1, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "Nothing was written" in result.stderr
    assert not (tmp_path / "data").exists()


ROUND_TRIP = ["data", "chiangmai5", "korat6", "mini", "varied"]


@pytest.mark.pdf
@pytest.mark.parametrize("name", ROUND_TRIP)
def test_the_whole_manual_in_word_imports_back_to_its_data(
    name: str, built_sites: dict[str, Path], tmp_path: Path
) -> None:
    result = run("import", built_sites[name] / "docx/manual.docx", "--into", tmp_path / "data")
    assert result.returncode == 0, result.stderr
    source, imported = load_folder(DATASETS[name]), load_folder(tmp_path / "data")
    assert sorted(owners(imported)) == sorted(owners(source))
    assert lost(source, imported, NOT_IN_WORDS | BOOK_ONLY) == {}
    assert shared(imported) == shared(source)


@pytest.mark.pdf
@pytest.mark.parametrize("name", ["data", "mini", "varied"])
def test_each_persons_book_in_word_imports_back_with_its_foreword_and_approval(
    name: str, built_sites: dict[str, Path], tmp_path: Path
) -> None:
    source = load_folder(DATASETS[name])
    for person_id, person in source.people.items():
        target = tmp_path / person_id
        result = run("import", built_sites[name] / f"docx/people/{person_id}.docx", "--into", target)
        assert result.returncode == 0, result.stderr
        (back,) = load_folder(target).people.values()
        assert (back.prefix, back.name, back.surname) == (person.prefix, person.name, person.surname)
        missing = texts(person.model_dump(), NOT_IN_WORDS) - texts(back.model_dump(), NOT_IN_WORDS)
        assert not missing, f"{person_id}: {sorted(missing)}"


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("name", ["data", "chiangmai5", "korat6"])
def test_a_pdf_a_word_processor_made_of_the_manual_imports_with_every_person_process_and_step(
    name: str, built_sites: dict[str, Path], tmp_path: Path
) -> None:
    """The seed's content as an office's PDF would be: our Word copy laid out and printed by LibreOffice (Word's
    own list numbering, merged header cells), then imported from the PDF."""
    pdf = to_pdf(built_sites[name] / "docx/manual.docx", tmp_path / "pdf")
    result = run("import", pdf, "--into", tmp_path / "data")
    assert result.returncode == 0, result.stderr
    source, imported = load_folder(DATASETS[name]), load_folder(tmp_path / "data")
    assert counts(imported) == counts(source)
    assert sorted(owners(imported)) == sorted(owners(source))


def test_a_folder_that_cannot_be_written_is_a_plain_error(tmp_path: Path) -> None:
    source = tmp_path / "manual.md"
    source.write_text("# คำนำ\n\nคู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทาง\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = opmanual(tmp_path, "import", str(source), "--into", str(locked / "data"), unprivileged=True)
    assert result.returncode == 1, result.stderr
    assert "cannot write into" in result.stderr and "nothing was written" in result.stderr
    assert list(locked.iterdir()) == []
