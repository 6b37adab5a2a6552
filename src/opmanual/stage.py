"""The output stage of a build: the printed books as PDFs and as Word copies, a shard of them, from cache when
nothing changed, in parallel. `pdf/` and `docx/` are its peers below it; both read the HTML `render.book` binds.

A PDF is made in two steps. Each chapter is laid out by WeasyPrint alone, once per build however many books hold
it (a process is in the whole manual, in the book of each person who runs it and in its own book); then each book
is assembled from its chapters with its own cover, front matter, page numbers and running title
(`pdf.printer.bind`). Both steps are cached. A chapter's key hashes the HTML WeasyPrint is given for it (which holds
the data, the templates and the charts), the images of the manual, the stylesheets and fonts, and the versions of
the code that prints; a book's key hashes all of its HTML the same way. A rebuild with no change copies every PDF
from the cache; an edit to one process lays out that chapter again and re-assembles the books that hold it.

Chapters and books are shared among worker processes: forked, so that they inherit the bound books (a Jinja
environment does not pickle) and the text-layer patch, and handed this build's `Work` by the pool's initializer;
WeasyPrint runs in one thread per process, so processes are what uses the cores. Where other threads run
(`mkdocs serve`'s watcher and server), forking could copy a lock another thread holds, so the books are printed
in this process instead.

Each book's Word copy (`docx/…/<id>.docx`, see `opmanual.docx`) is made from the same bound HTML, cached and shared
among the workers the same way, with the PDFs or without them (MANUAL_WORD, MANUAL_PDF).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .cache import aside, using
from .children import lifeline
from .data.dataset import Manual
from .data.files import MAX_ATTACHMENT, read_bytes
from .docx.export import Meta, charts, export
from .docx.figures import Figures
from .pdf import assemble, printer
from .pdf.textlayer import UnsupportedWeasyPrint
from .render.book import Binder, ChapterDocument, Prepared, books
from .render.extensions import Extensions
from .render.history import History
from .render.pages import PageSpec, plan
from .render.render import Renderer
from .render.theme import ASSETS
from .settings import Shard

log = logging.getLogger("mkdocs.plugins.opmanual.pdf")


@dataclass
class Report:
    rendered: list[str]
    cached: list[str]
    jobs: int
    seconds: float
    pages: int  # pages of the books assembled (cached books not counted)
    documents: list[str] = field(default_factory=list)  # Word copies written (rendered or from cache)
    laid_out: list[str] = field(default_factory=list)  # the chapters laid out (`chapter-<name>`), not from cache


def docx_path(pdf_path: str) -> str:
    """Where a book's Word copy goes: `pdf/people/x.pdf` → `docx/people/x.docx`."""
    return "docx/" + pdf_path.removeprefix("pdf/").removesuffix(".pdf") + ".docx"


def engine_key(assets: Path = ASSETS) -> bytes:
    """The code and the files every book depends on: stylesheets, fonts, the printing code and its versions.

    Read again for every build, so that `MANUAL_PDF=1 mkdocs serve` prints with an edited stylesheet at once."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for name in ("weasyprint", "pydyf", "tinycss2", "fonttools", "markdown", "jinja2"):
        digest.update(f"{name}={version(name)}\n".encode())
    digest.update(sys.version.encode())
    package = Path(__file__).parent
    files = sorted(package.glob("**/*.py")) + sorted(package.glob("templates/**/*.j2"))
    files += sorted((assets / "stylesheets").glob("*.css")) + sorted((assets / "fonts").glob("*"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def images_key(manual: Manual) -> bytes:
    """The images a book or chapter may show, as one digest (read once a build)."""
    digest = hashlib.sha256()
    for name in manual.images():
        digest.update(name.encode() + b"\0" + read_bytes(manual.attachment_file(name), manual.root, MAX_ATTACHMENT))
    return digest.digest()


def cache_key(prepared: Prepared, images: bytes, engine: bytes) -> str:
    digest = hashlib.sha256(engine + images)
    digest.update(prepared.path.encode() + b"\0" + prepared.sources().encode())
    return digest.hexdigest()


def chapter_key(chapter: ChapterDocument, images: bytes, engine: bytes) -> str:
    """A chapter's cache key: the same for every book that holds it."""
    return hashlib.sha256(engine + images + b"chapter\0" + chapter.html.encode()).hexdigest()


@dataclass
class _Job:
    prepared: Prepared
    target: Path  # where the file goes first: the cache, or the site
    word: Meta | None = None  # a Word copy, with what its properties say; None: the PDF
    chapters: list[Path] = field(default_factory=list)  # a PDF's chapters, printed alone: in the cache or scratch

    @property
    def path(self) -> str:
        return docx_path(self.prepared.path) if self.word else self.prepared.path


@dataclass
class Work:
    """What one build's workers do: the books to print or convert, and the charts of the Word copies, which are
    drawn first (each once) by `figures`."""

    jobs: list[_Job]
    charts: list[tuple[str, float]]
    figures: Figures
    site: Path
    staging: dict[int, Path]
    chapters: list[tuple[ChapterDocument, Path]] = field(default_factory=list)  # to lay out, and where each goes
    store: printer.Store | None = None  # where the parts every book shares are kept (page numbers, a draft's mark)

    def render(self, index: int) -> tuple[str, int, float]:
        started = time.perf_counter()
        job = self.jobs[index]
        if job.word is not None:
            export(job.prepared, job.word, self.site, self.staging[index], self.figures)
            return job.path, 0, time.perf_counter() - started
        printed = printer.bind(job.prepared, job.chapters, self.site, self.staging[index], self.store)
        return job.path, printed.pages, time.perf_counter() - started

    def lay_out(self, index: int) -> None:
        """Print one chapter alone into its place (the cache, or scratch), whole or not at all."""
        chapter, target = self.chapters[index]
        temporary = aside(target)
        try:
            printer.print_chapter(chapter, self.site, temporary)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)

    def draw(self, index: int) -> None:
        self.figures(*self.charts[index])


# A worker's `Work`: set in the forked worker by the pool's initializer, never in the building process.
_worker: list[Work] = []


def _start_worker(life: Callable[[], None], work: Work) -> None:
    life()
    _worker[:] = [work]


def _render(index: int) -> tuple[str, int, float]:
    return _worker[0].render(index)


def _draw(index: int) -> None:
    _worker[0].draw(index)


def _lay_out(index: int) -> None:
    _worker[0].lay_out(index)


def word_key(key: str) -> str:
    """A Word copy's cache key: its book's and the python-docx that writes it (the fonts it names are in the code,
    the same on every machine)."""
    from importlib.metadata import version

    return hashlib.sha256(f"{key}\0python-docx={version('python-docx')}".encode()).hexdigest()


def print_books(
    manual: Manual,
    site: Path,
    *,
    cache: Path | None,
    jobs: int = 1,
    shard: Shard | None = None,
    history: History | None = None,
    site_url: str | None = None,
    pdf: bool = True,
    word: bool = True,
    specs: list[PageSpec] | None = None,
    renderer: Renderer | None = None,
    extensions: Extensions | None = None,
    scratch: Path,
) -> Report:
    """Write the shard's PDFs (with `pdf`) and Word copies (with `word`) into `site`: unchanged ones copied from
    `cache`, the rest rendered on `jobs` cores. `history` (of the data folder) gives each book its revision record,
    `site_url` the QR code to its page; `specs` is the build's plan of pages, `renderer` its templates and
    `extensions` its Markdown.
    `scratch` is a folder for passing files (see `build.scratch`)."""
    started = time.perf_counter()
    shard = shard or Shard()
    # WeasyPrint lays out the PDFs and the Word copies' charts alike: Thai broken between words in both.
    printer.install()
    specs = specs or plan(manual)
    binder = Binder(manual, renderer, specs, extensions)
    engine = engine_key()
    images = images_key(manual)
    all_books = books(manual, history, site_url, specs)
    chosen = set(shard.select([book.path for book in all_books]))
    todo: list[_Job] = []
    cached = []
    documents = []
    # The chapters the PDFs to print hold, each once: laid out into the cache, or into scratch without one.
    chapters: dict[Path, ChapterDocument] = {}
    chapter_folder = cache if cache is not None else scratch / "chapters"
    for book in all_books:
        if book.path not in chosen:
            continue
        prepared = binder.prepare(book)
        meta = Meta(book.title, book.author, book.subject, book.running_title, manual.info.digits == "thai")
        key = cache_key(prepared, images, engine) if cache is not None else ""
        for job in [*([_Job(prepared, site)] if pdf else []), *([_Job(prepared, site, meta)] if word else [])]:
            target = site / job.path  # the job's own target is set below: the cache entry, or this
            target.parent.mkdir(parents=True, exist_ok=True)
            if job.word is not None:
                documents.append(job.path)
            entry = cache / (f"{word_key(key)}.docx" if job.word else f"{key}.pdf") if cache is not None else None
            if entry is not None and entry.is_file():
                shutil.copyfile(entry, target)
                cached.append(job.path)
                continue
            parts = []
            if job.word is None:
                for chapter in prepared.chapters:
                    part = chapter_folder / f"{chapter_key(chapter, images, engine)}.pdf"
                    chapters.setdefault(part, chapter)
                    parts.append(part)
            todo.append(_Job(prepared, entry or target, job.word, parts))
    # A chapter is laid out when the cache does not hold it whole (a file damaged there is laid out again).
    to_lay_out = [(chapter, part) for part, chapter in chapters.items() if not assemble.readable(part)]
    # The longest chapters first, so that one long chapter does not start last.
    to_lay_out.sort(key=lambda item: -len(item[0].html))
    staging = {i: aside(job.target) for i, job in enumerate(todo)}
    order: list[int] = []
    try:
        with using(cache) if cache is not None else nullcontext():
            # The charts are kept with the cache, or for this build only.
            folder = cache / "figures" if cache is not None else scratch / "figures"
            figures = Figures(site, folder, engine)
            charts_to_draw = figures.missing([chart for job in todo if job.word for chart in charts(job.prepared)])
            chapter_folder.mkdir(parents=True, exist_ok=True)
            work = Work(todo, charts_to_draw, figures, site, staging, to_lay_out, printer.Store(chapter_folder, engine))
            # Forking copies every thread's locks, held or not: with other threads running, print here.
            jobs = max(1, min(jobs, max(len(todo), len(to_lay_out)))) if threading.active_count() == 1 else 1
            # Largest books first, so that one long book does not start last; the Word copies once their charts are
            # drawn.
            order = sorted(range(len(todo)), key=lambda i: (todo[i].word is not None, -len(todo[i].prepared.body)))
            results = _run(work, order, jobs)
            pages = 0
            for i in order:
                path, count, seconds = results[i]
                os.replace(staging[i], todo[i].target)  # the cache entry appears whole or not at all
                if cache is not None:
                    shutil.copyfile(todo[i].target, site / path)
                pages += count
                done = f"Word: {path}" if todo[i].word else f"PDF: {path} ({count} pages,"
                log.info(f"{done} ({seconds:.1f} s)" if todo[i].word else f"{done} {seconds:.1f} s)")
    finally:
        # A failed build (a full disk, a broken book) leaves no half-written file behind.
        for aside_file in staging.values():
            aside_file.unlink(missing_ok=True)
    rendered = [todo[i].path for i in order if not todo[i].word]
    written = [todo[i].path for i in order if todo[i].word]
    from_cache = [path for path in cached if not path.endswith(".docx")]
    laid_out = [chapter.anchor for chapter, _ in to_lay_out]
    report = Report(rendered, from_cache, jobs, time.perf_counter() - started, pages, documents, laid_out)
    if pdf:
        log.info(
            f"PDFs: {len(rendered)} rendered, {len(from_cache)} from cache"
            + (f", shard {shard.index}/{shard.count}" if shard.count > 1 else "")
            + f", {jobs} process{'es' if jobs > 1 else ''}, {report.seconds:.1f} s"
            + f" ({len(laid_out)} chapters laid out, {len(chapters) - len(laid_out)} from cache)"
        )
    if word:
        log.info(
            f"Word copies: {len(written)} written ({len(charts_to_draw)} charts drawn), "
            f"{len(cached) - len(from_cache)} from cache"
        )
    return report


def _run(work: Work, order: list[int], jobs: int) -> dict[int, tuple[str, int, float]]:
    """Draw the charts and lay out the chapters on `jobs` processes; then, the chapters all laid out, assemble the
    PDFs, and, the charts all drawn, write the Word copies (which only read them) as processes come free."""
    books = [i for i in order if work.jobs[i].word is None]
    copies = [i for i in order if work.jobs[i].word is not None]
    if jobs == 1:
        for index in range(len(work.charts)):
            work.draw(index)
        for index in range(len(work.chapters)):
            work.lay_out(index)
        return {i: work.render(i) for i in order}
    # Each worker dies with this process: killed, it must not leave workers that go on writing.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(lifeline(), work)) as pool:
        drawing = [pool.submit(_draw, index) for index in range(len(work.charts))]
        laying_out = [pool.submit(_lay_out, index) for index in range(len(work.chapters))]
        for future in laying_out:
            future.result()
        running = {i: pool.submit(_render, i) for i in books}
        for future in drawing:
            future.result()
        running |= {i: pool.submit(_render, i) for i in copies}
        return {i: future.result() for i, future in running.items()}


__all__ = ["Report", "UnsupportedWeasyPrint", "print_books"]
