"""The PDF stage of a build: which books to print (a shard of them), from cache when nothing changed, in parallel.

A book's cache key hashes everything its PDF depends on: the HTML WeasyPrint is given (which holds the data, the
templates and the charts), the stylesheets and fonts, the images the book shows, and the versions of the code
that prints. A rebuild with no change copies every PDF from the cache; an edit to one person changes the HTML of
that person's book and the whole manual only, so only those two are rendered again.

Books that must be rendered are shared among worker processes (forked, so they inherit the prepared books and
the text-layer patch); WeasyPrint runs in one thread per process, so processes are what uses the cores.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..data.dataset import Manual
from ..data.files import MAX_ATTACHMENT, read_bytes
from ..settings import Shard
from ..site.history import History
from ..site.theme import ASSETS
from .book import Prepared, Printer, books, print_prepared

log = logging.getLogger("mkdocs.plugins.opmanual.pdf")


@dataclass
class Report:
    rendered: list[str]
    cached: list[str]
    jobs: int
    seconds: float
    pages: int  # pages rendered (cached books not counted)


def engine_key(assets: Path = ASSETS) -> bytes:
    """The code and the files every book depends on: stylesheets, fonts, the printing code and its versions.

    Read again for every build, so that `MANUAL_PDF=1 mkdocs serve` prints with an edited stylesheet at once."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for name in ("weasyprint", "pydyf", "tinycss2", "fonttools", "markdown", "jinja2"):
        digest.update(f"{name}={version(name)}\n".encode())
    digest.update(sys.version.encode())
    package = Path(__file__).parents[1]
    files = sorted(package.glob("**/*.py")) + sorted(package.glob("templates/**/*.j2"))
    files += sorted((assets / "stylesheets").glob("*.css")) + sorted((assets / "fonts").glob("*"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def cache_key(prepared: Prepared, manual: Manual, engine: bytes) -> str:
    digest = hashlib.sha256(engine)
    digest.update(prepared.path.encode() + b"\0" + prepared.sources().encode())
    for name in manual.images():
        digest.update(name.encode() + b"\0" + read_bytes(manual.attachment_file(name), manual.root, MAX_ATTACHMENT))
    return digest.hexdigest()


# Filled before the pool forks; a worker reads its book from here instead of unpickling a Jinja environment.
_queue: list[Prepared] = []


def _render(index: int, site: str, target: str) -> tuple[str, int, float]:
    started = time.perf_counter()
    printed = print_prepared(_queue[index], Path(site), Path(target))
    return _queue[index].path, printed.pages, time.perf_counter() - started


def print_books(
    manual: Manual,
    site: Path,
    *,
    cache: Path | None,
    jobs: int = 1,
    shard: Shard | None = None,
    history: History | None = None,
    site_url: str | None = None,
) -> Report:
    """Write the shard's PDFs into `site`: unchanged ones copied from `cache`, the rest rendered on `jobs` cores.
    `history` (of the data folder) gives each book its revision record, `site_url` the QR code to its page."""
    started = time.perf_counter()
    shard = shard or Shard()
    printer = Printer(manual)
    engine = engine_key()
    all_books = books(manual, history, site_url)
    chosen = set(shard.select([book.path for book in all_books]))
    todo: list[tuple[Prepared, Path]] = []  # each with where its PDF goes first: the cache, or the site
    cached = []
    for book in all_books:
        if book.path not in chosen:
            continue
        prepared = printer.prepare(book)
        target = site / book.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if cache is None:
            todo.append((prepared, target))
            continue
        entry = cache / f"{cache_key(prepared, manual, engine)}.pdf"
        if entry.is_file():
            shutil.copyfile(entry, target)
            cached.append(book.path)
        else:
            todo.append((prepared, entry))
    _queue[:] = [prepared for prepared, _ in todo]
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs, len(todo)))
    # Largest books first, so that one long book does not start last.
    order = sorted(range(len(todo)), key=lambda i: -len(todo[i][0].body))
    staging = {i: todo[i][1].with_name(f".{todo[i][1].name}.{os.getpid()}.tmp") for i in order}
    if jobs == 1:
        results = [_render(i, str(site), str(staging[i])) for i in order]
    else:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_render, order, [str(site)] * len(order), [str(staging[i]) for i in order]))
    pages = 0
    for i, (path, count, seconds) in zip(order, results, strict=True):
        os.replace(staging[i], todo[i][1])  # the cache entry appears whole or not at all
        if cache is not None:
            shutil.copyfile(todo[i][1], site / path)
        pages += count
        log.info(f"PDF: {path} ({count} pages, {seconds:.1f} s)")
    _queue.clear()
    rendered = [todo[i][0].path for i in order]
    report = Report(rendered, cached, jobs, time.perf_counter() - started, pages)
    log.info(
        f"PDFs: {len(rendered)} rendered, {len(cached)} from cache"
        + (f", shard {shard.index}/{shard.count}" if shard.count > 1 else "")
        + f", {jobs} process{'es' if jobs > 1 else ''}, {report.seconds:.1f} s"
    )
    return report
