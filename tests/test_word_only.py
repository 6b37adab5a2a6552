"""Word copies are a peer of the PDFs: an office that edits in Word gets its copies without waiting for the PDFs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import DATASETS, build
from opmanual.data.dataset import load
from opmanual.render.book import books
from opmanual.stage import docx_path


@pytest.mark.slow
def test_word_copies_without_pdfs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(DATASETS["mini"], site, MANUAL_PDF="0", MANUAL_WORD="1", MANUAL_PDF_CACHE="off")
    assert result.returncode == 0, result.stderr
    assert not (site / "pdf").exists()
    assert "PDFs:" not in result.stderr and "Word copies: 5 written" in result.stderr
    manual = load(DATASETS["mini"])
    expected = sorted(docx_path(book.path) for book in books(manual))
    assert sorted(str(path.relative_to(site)) for path in site.glob("docx/**/*.docx")) == expected
    whole = docx.Document(str(site / "docx/manual.docx"))
    assert whole.core_properties.title.startswith(manual.info.title)
    assert any(manual.processes["qa"].name in paragraph.text for paragraph in whole.paragraphs)


@pytest.mark.slow
def test_books_are_made_in_process_where_other_threads_run(tmp_path: Path) -> None:
    """`mkdocs serve` builds in a thread beside its server's: forking there could copy a lock another thread holds,
    so the stage does not fork; alone in its process it shares the books among workers."""
    import threading

    from opmanual.stage import Report, print_books

    manual = load(DATASETS["mini"])
    reports: list[Report] = []

    def make(site: Path) -> None:
        site.mkdir()
        reports.append(print_books(manual, site, cache=None, jobs=2, pdf=False, word=True, scratch=tmp_path))

    assert threading.active_count() == 1
    make(tmp_path / "alone")
    thread = threading.Thread(target=make, args=(tmp_path / "threaded",))
    thread.start()
    thread.join()
    assert [report.jobs for report in reports] == [2, 1]
    for name in ("alone", "threaded"):
        assert sorted(path.name for path in (tmp_path / name / "docx").glob("*.docx")) == ["ita.docx", "manual.docx"]
