"""Word copies are a peer of the PDFs: an office that edits in Word gets its copies without waiting for the PDFs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import DATASETS, ROOT, build
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


THREADS = """
import sys, threading
from pathlib import Path
from opmanual.data.dataset import load
from opmanual.stage import print_books

manual, work = load(Path(sys.argv[1])), Path(sys.argv[2])
jobs = []

def make(name):
    site = work / name
    site.mkdir()
    jobs.append(print_books(manual, site, cache=None, jobs=2, pdf=False, word=True, scratch=work).jobs)

make("alone")
thread = threading.Thread(target=make, args=("threaded",))
thread.start()
thread.join()
print(*jobs)
"""


@pytest.mark.slow
def test_books_are_made_in_process_where_other_threads_run(tmp_path: Path) -> None:
    """`mkdocs serve` builds in a thread beside its server's: forking there could copy a lock another thread holds,
    so the stage does not fork; alone in its process it shares the books among workers. (In a fresh interpreter:
    a test runner's worker has threads of its own.)"""
    result = subprocess.run(
        [sys.executable, "-c", THREADS, str(DATASETS["mini"]), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "MANUAL_CONFIG": str(ROOT / "mkdocs.yml")},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["2", "1"]
    for name in ("alone", "threaded"):
        assert sorted(path.name for path in (tmp_path / name / "docx").glob("*.docx")) == ["ita.docx", "manual.docx"]
