"""The PDF stage: nothing rendered twice (and never a stale PDF), shards that add up to a whole build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import EPOCH, ROOT, opmanual
from opmanual.settings import SettingsError, Shard

pytestmark = [pytest.mark.pdf, pytest.mark.slow]


def run_build(folder: Path, *options: str, cache: Path | None, **env: str) -> tuple[set[str], str]:
    """`python -m opmanual build` of folder/data into folder/site: the PDFs it rendered, and its log."""
    result = opmanual(
        folder, "build", "data", "--site", "site", *options,
        SOURCE_DATE_EPOCH=EPOCH, MANUAL_PDF_CACHE=str(cache) if cache else "off", **env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"PDF: (\S+\.pdf) \(\d+ pages", result.stderr)), result.stderr


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdfs(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted((site / "pdf").rglob("*.pdf"))}


def test_unchanged_books_come_from_the_cache_and_edits_are_rendered_again(tmp_path: Path) -> None:
    """On `mini` with a second person: its books render in a fraction of the time of data/'s. At the end, entries
    damaged in the cache (a disk, a person: a chapter cut in half, a chapter and the page numbers overwritten with
    garbage) are printed again, and the books come out as before. PDFs only: the Word copies' cache is
    test_docx.py's."""
    shutil.copytree(ROOT / "tests/fixtures/mini", tmp_path / "data")
    # A second person, so that one person's edit is seen to leave another person's book alone.
    somchai = (tmp_path / "data/people/somchai.yml").read_text(encoding="utf-8")
    (tmp_path / "data/people/somsri.yml").write_text(somchai.replace("name: สมชาย", "name: สมศรี"), encoding="utf-8")
    cache = tmp_path / "cache"
    people = {"pdf/people/somchai.pdf", "pdf/people/somsri.pdf"}
    processes = {f"pdf/processes/{path.stem}.pdf" for path in (tmp_path / "data/processes").glob("*.yml")}
    everything = {"pdf/manual.pdf", "pdf/ita.pdf", *people, *processes}

    rendered, log = run_build(tmp_path, "--jobs", "2", cache=cache, MANUAL_WORD="0")
    assert rendered == everything
    assert f"{len(everything)} rendered, 0 from cache, 2 processes" in log  # the books were shared among two
    first = pdfs(tmp_path / "site")

    # One person's duty changes: their book and the whole manual show it; the other books are untouched.
    person = tmp_path / "data/people/somchai.yml"
    original = person.read_text(encoding="utf-8")
    duty = "งานนิเทศการเรียนรู้ทางไกลผ่านดาวเทียม"
    edited = original.replace("- title: งานกลุ่มโรงเรียนที่ ๑", f"- title: {duty}", 1)
    assert edited != original
    person.write_text(edited, encoding="utf-8")
    rendered, _ = run_build(tmp_path, cache=cache, MANUAL_WORD="0")
    assert rendered == {"pdf/manual.pdf", "pdf/people/somchai.pdf"}
    second = pdfs(tmp_path / "site")
    for book in everything - rendered:
        assert second[book] == first[book], book
    for book in ("pdf/manual.pdf", "pdf/people/somchai.pdf"):
        assert duty in pdf_text(tmp_path / "site" / book)

    # Undoing the edit serves the first PDFs again, every one from the cache, and never the edited ones.
    person.write_text(original, encoding="utf-8")
    rendered, log = run_build(tmp_path, cache=cache, MANUAL_WORD="0")
    assert rendered == set()
    assert f"0 rendered, {len(everything)} from cache" in log
    assert pdfs(tmp_path / "site") == first
    assert duty not in pdf_text(tmp_path / "site/pdf/manual.pdf")

    # Damaged entries: every book is assembled again, from two chapters printed again and the rest of the cache.
    from opmanual.data.dataset import load
    from opmanual.render.book import Binder, books
    from opmanual.stage import cache_key, chapter_key, engine_key, images_key

    manual = load(tmp_path / "data")
    binder, images, engine = Binder(manual), images_key(manual), engine_key()
    prepared = [binder.prepare(book) for book in books(manual)]
    book_entries = {cache / f"{cache_key(p, images, engine)}.pdf" for p in prepared}
    chapters = sorted({cache / f"{chapter_key(c, images, engine)}.pdf" for p in prepared for c in p.chapters})
    shared = set(cache.glob("*.pdf")) - book_entries - set(chapters)
    assert book_entries <= set(cache.glob("*.pdf")) and len(chapters) >= 3 and shared
    for entry in book_entries:
        entry.unlink()
    half = chapters[0].read_bytes()
    chapters[0].write_bytes(half[: len(half) // 2])
    chapters[1].write_bytes(b"not a PDF at all")
    for entry in shared:
        entry.write_bytes(b"%PDF-1.7 garbage")
    rendered, log = run_build(tmp_path, cache=cache, MANUAL_WORD="0")
    assert rendered == everything
    assert "(2 chapters laid out" in log, log
    assert pdfs(tmp_path / "site") == first


def test_an_edited_process_is_laid_out_again_alone_and_the_books_that_hold_it_reassembled(tmp_path: Path) -> None:
    """A synthetic office (scripts/synth.py, smaller than the national average so that the test stays short): one
    process gains an objective; that chapter alone is laid out again, and exactly the books that print it (the whole
    manual, its own book, the books of the people who run it) are assembled again, the others copied."""
    import subprocess
    import sys

    import yaml

    subprocess.run(
        [sys.executable, str(ROOT / "scripts/synth.py"), str(tmp_path / "data"), "--people", "2", "--processes", "3"],
        check=True,
        capture_output=True,
    )
    cache = tmp_path / "cache"
    rendered, log = run_build(tmp_path, "--jobs", "2", cache=cache, MANUAL_WORD="0")
    laid_out = re.search(r"\((\d+) chapters laid out, 0 from cache\)", log)
    assert laid_out and int(laid_out[1]) > 3, log  # the group's pages, 2 people, 3 processes and more
    first = pdfs(tmp_path / "site")

    process = sorted((tmp_path / "data/processes").glob("*.yml"))[0]
    runners = {
        f"pdf/people/{person.stem}.pdf"
        for person in (tmp_path / "data/people").glob("*.yml")
        if process.stem in (yaml.safe_load(person.read_text(encoding="utf-8")).get("processes") or [])
    }
    assert runners, "the synthetic office gives every process a runner"
    # A new objective: it is printed in the process's chapter and nowhere else.
    objective = "เพื่อประชุมชี้แจงแนวทางการดำเนินงานแก่ผู้เกี่ยวข้องทุกระดับ"
    original = process.read_text(encoding="utf-8")
    edited = re.sub(
        r"\nobjectives:\n( *)- ", lambda m: f"\nobjectives:\n{m[1]}- {objective}\n{m[1]}- ", original, count=1
    )
    assert edited != original
    process.write_text(edited, encoding="utf-8")
    rendered, log = run_build(tmp_path, "--jobs", "2", cache=cache, MANUAL_WORD="0")
    assert re.search(r"\(1 chapters laid out, \d+ from cache\)", log), log
    assert rendered == {"pdf/manual.pdf", f"pdf/processes/{process.stem}.pdf", *runners}
    second = pdfs(tmp_path / "site")
    for book in set(first) - rendered:
        assert second[book] == first[book], book
    for book in rendered:
        assert objective in re.sub(r"\s+", "", pdf_text(tmp_path / "site" / book)), book


def test_a_changed_stylesheet_invalidates_every_cached_book(tmp_path: Path) -> None:
    from opmanual import stage
    from opmanual.data.dataset import load
    from opmanual.render.book import Binder, books
    from opmanual.render.theme import ASSETS

    manual = load(ROOT / "tests/fixtures/mini")
    prepared = Binder(manual).prepare(books(manual)[0])
    before = stage.cache_key(prepared, stage.images_key(manual), stage.engine_key())
    sheets = tmp_path / "assets"
    shutil.copytree(ASSETS / "stylesheets", sheets / "stylesheets")
    (sheets / "stylesheets/print.css").write_text("@page { size: A5 }", encoding="utf-8")
    assert stage.cache_key(prepared, stage.images_key(manual), stage.engine_key(sheets)) != before
    assert stage.cache_key(prepared, stage.images_key(manual), stage.engine_key()) == before
    # and every chapter printed alone, kept in the cache on its own
    chapter = prepared.chapters[0]
    chapter_before = stage.chapter_key(chapter, stage.images_key(manual), stage.engine_key())
    assert stage.chapter_key(chapter, stage.images_key(manual), stage.engine_key(sheets)) != chapter_before


def test_two_shards_make_exactly_the_pdfs_of_one_build(tmp_path: Path, twin_builds: tuple[Path, Path]) -> None:
    sites = {"whole": pdfs(twin_builds[1])}  # a whole build without a cache, for the same date (conftest.py)
    for name, options in {"1": ["--shard", "1/2"], "2": ["--shard", "2/2"]}.items():
        folder = tmp_path / name
        shutil.copytree(ROOT / "tests/fixtures/mini", folder / "data")
        run_build(folder, *options, cache=None, MANUAL_WORD="0")  # the PDFs are compared, not the Word copies
        sites[name] = pdfs(folder / "site")
    whole, first, second = sites["whole"], sites["1"], sites["2"]
    assert len(whole) >= 2 and first and second
    assert not set(first) & set(second)
    assert {**first, **second} == whole


def test_shards_are_parsed_and_share_books_deterministically() -> None:
    paths = [f"pdf/people/{n}.pdf" for n in "edcba"] + ["pdf/manual.pdf"]
    shares = [Shard.parse(f"{i}/3").select(paths) for i in (1, 2, 3)]
    assert sorted(path for share in shares for path in share) == sorted(paths)
    assert shares == [Shard.parse(f"{i}/3").select(list(reversed(paths))) for i in (1, 2, 3)]
    for bad in ("0/2", "3/2", "1", "a/b", "1/0"):
        with pytest.raises(SettingsError):
            Shard.parse(bad)


def test_a_bad_shard_is_a_clear_error(tmp_path: Path) -> None:
    result = opmanual(tmp_path, "build", "data", "--shard", "3/2")
    assert result.returncode == 2
    assert "shard 3/2: i must be from 1 to n" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MANUAL_PDF_JOBS", "abc", "MANUAL_PDF_JOBS='abc': expected a whole number of processes from 1 to 256"),
        ("MANUAL_PDF_JOBS", "0", "MANUAL_PDF_JOBS='0': expected a whole number of processes from 1 to 256"),
        ("MANUAL_PDF", "maybe", "MANUAL_PDF='maybe': use 1 to make the PDFs or 0 to skip them"),
        ("MANUAL_SHARD", "2/1", "MANUAL_SHARD: shard 2/1: i must be from 1 to n"),
    ],
)
def test_a_bad_setting_is_a_clear_error(tmp_path: Path, variable: str, value: str, message: str) -> None:
    shutil.copytree(ROOT / "tests/fixtures/mini", tmp_path / "data")
    result = opmanual(tmp_path, "build", "data", "--site", "site", **{variable: value})
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
