"""Every setting of a build, read once from the environment and the command line into one validated object.

A build runs in two processes: `python -m opmanual build` (options, then environment) starts `mkdocs build`, whose
hook reads the same environment variables again; both read them here and nowhere else. A bad value is a
`SettingsError` naming the variable and what it takes, never a silent default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import display, excerpt, printable

DATA = "MANUAL_DATA"  # the data folder, relative to the project (mkdocs.yml's folder)
SITE = "MANUAL_SITE"  # the output folder (mkdocs.yml reads it as site_dir)
PDF = "MANUAL_PDF"  # 1/0: make the PDFs or not (default: in `mkdocs build`, not in `mkdocs serve`)
WORD = "MANUAL_WORD"  # 1/0: make the Word copies or not (default: whenever the PDFs are made)
PDF_JOBS = "MANUAL_PDF_JOBS"  # processes rendering PDFs (default: every core)
PDF_CACHE = "MANUAL_PDF_CACHE"  # a folder for rendered PDFs, or "off" (default: .cache/pdf in the project)
SHARD = "MANUAL_SHARD"  # i/n: make only the i-th of n shares of the PDFs
CONFIG = "MANUAL_CONFIG"  # the mkdocs.yml that `python -m opmanual build` runs (default: ./mkdocs.yml)
EPOCH = "SOURCE_DATE_EPOCH"  # the time every date of a reproducible build is taken from (MkDocs and WeasyPrint read it)
# Set by `python -m opmanual build` for the `mkdocs build` it runs: its own process id, as the holder of the output
# folder's lock. Not a user's setting: a `mkdocs build` whose parent is not that process takes the lock itself.
OWNER = "MANUAL_BUILD_OWNER"

_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")
MAX_JOBS = 256
# The latest time a build can write: MkDocs' sitemap.xml.gz stores it in 32 bits (7 February 2106). Commit dates and
# SOURCE_DATE_EPOCH must lie between 1970 and then.
LATEST = 2**32 - 1


class SettingsError(ValueError):
    """One or more settings have values the build cannot use; the message lists them."""


@dataclass(frozen=True)
class Shard:
    """The i-th of n deterministic shares of the books: the book at position p (sorted by path) if p % n == i - 1."""

    index: int = 1
    count: int = 1

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            index, count = (int(part) for part in text.split("/"))
        except ValueError:
            raise SettingsError(f"a shard is written i/n, such as 1/4, not {excerpt(text)!r}") from None
        if not 1 <= index <= count:
            raise SettingsError(f"shard {excerpt(text)}: i must be from 1 to n")
        return cls(index, count)

    def select(self, paths: list[str]) -> list[str]:
        return [path for position, path in enumerate(sorted(paths)) if position % self.count == self.index - 1]


@dataclass(frozen=True)
class Settings:
    project: Path  # the folder of mkdocs.yml: relative paths are read from here
    data: Path
    site: Path
    pdf: bool | None = None  # None: make PDFs in `mkdocs build`, not in `mkdocs serve`
    word: bool | None = None  # None: make the Word copies whenever the PDFs are made
    pdf_jobs: int = field(default_factory=lambda: max(1, os.cpu_count() or 1))
    pdf_cache: Path | None = None
    shard: Shard = Shard()
    owner: int | None = None  # the `python -m opmanual build` holding the output folder's lock (see OWNER)

    @classmethod
    def read(cls, environ: Mapping[str, str], project: Path) -> Settings:
        """The settings in `environ`, with paths relative to `project`; every bad value is reported at once."""
        problems: list[str] = []

        def value(name: str) -> str:
            return environ.get(name, "").strip()

        settings = cls(
            project=project,
            data=(project / (value(DATA) or "data")).resolve(),
            site=(project / (value(SITE) or "site")).resolve(),
            pdf_cache=project / ".cache" / "pdf",
        )
        changes: dict[str, object] = {}
        for name, key, what in ((PDF, "pdf", "the PDFs"), (WORD, "word", "the Word copies")):
            if value(name):
                switch = value(name).lower()
                if switch in _ON + _OFF:
                    changes[key] = switch in _ON
                else:
                    problems.append(f"{name}={excerpt(value(name))!r}: use 1 to make {what} or 0 to skip them")
        if value(PDF_JOBS):
            try:
                changes["pdf_jobs"] = jobs(value(PDF_JOBS))
            except SettingsError as exc:
                problems.append(f"{PDF_JOBS}={excerpt(value(PDF_JOBS))!r}: {exc}")
        if value(PDF_CACHE):
            changes["pdf_cache"] = None if value(PDF_CACHE).lower() == "off" else project / value(PDF_CACHE)
        if value(SHARD):
            try:
                changes["shard"] = Shard.parse(value(SHARD))
            except SettingsError as exc:
                problems.append(f"{SHARD}: {exc}")
        if value(EPOCH) and writable_time(epoch := value(EPOCH)) is None:
            problems.append(f"{EPOCH}={excerpt(epoch)!r}: expected seconds since 1970, a whole number up to {LATEST}")
        if value(OWNER).isascii() and value(OWNER).isdigit():
            changes["owner"] = int(value(OWNER))
        if problems:
            raise SettingsError("; ".join(problems))
        return replace(settings, **changes)  # type: ignore[arg-type]

    def environment(self) -> dict[str, str]:
        """The variables that give a child process (`mkdocs build`) these settings."""
        variables = {DATA: str(self.data), SITE: str(self.site), PDF_JOBS: str(self.pdf_jobs)}
        variables[PDF_CACHE] = str(self.pdf_cache) if self.pdf_cache else "off"
        variables[SHARD] = f"{self.shard.index}/{self.shard.count}"
        if self.pdf is not None:
            variables[PDF] = "1" if self.pdf else "0"
        if self.word is not None:
            variables[WORD] = "1" if self.word else "0"
        if self.owner is not None:
            variables[OWNER] = str(self.owner)
        return variables

    def make_pdfs(self, command: str) -> bool:
        return self.pdf if self.pdf is not None else command != "serve"

    def make_word(self, command: str) -> bool:
        return self.word if self.word is not None else self.make_pdfs(command)


def config_file(option: Path | None, environ: Mapping[str, str]) -> Path:
    """The mkdocs.yml of the project: `--config`, or `$MANUAL_CONFIG`, or ./mkdocs.yml."""
    path = option or Path(environ.get(CONFIG, "").strip() or "mkdocs.yml")
    try:
        found = path.is_file()
    except OSError as exc:
        raise SettingsError(f"{printable(display(path))}: {exc.strerror}") from None
    if not found:
        raise SettingsError(
            f"{printable(display(path))}: no MkDocs configuration there; run from the project folder (where "
            f"mkdocs.yml is) or name it with --config or {CONFIG}"
        )
    return path.resolve()


def writable_time(text: str) -> int | None:
    """A time in seconds since 1970 as written (SOURCE_DATE_EPOCH, git's `%ct`), if the build can write it: up to
    LATEST. None for anything else: a sign, a fraction, other digits, a time before 1970 or after 2106."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LATEST)) or int(text) > LATEST:
        return None
    return int(text)


def jobs(text: str) -> int:
    """A number of processes, as typed on the command line or in MANUAL_PDF_JOBS."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_JOBS)) or not 1 <= int(text) <= MAX_JOBS:
        raise SettingsError(f"expected a whole number of processes from 1 to {MAX_JOBS}, such as 2")
    return int(text)
