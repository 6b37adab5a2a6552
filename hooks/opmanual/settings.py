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

DATA = "MANUAL_DATA"  # the data folder, relative to the project (mkdocs.yml's folder)
SITE = "MANUAL_SITE"  # the output folder (mkdocs.yml reads it as site_dir)
PDF = "MANUAL_PDF"  # 1/0: make the PDFs or not (default: in `mkdocs build`, not in `mkdocs serve`)
PDF_JOBS = "MANUAL_PDF_JOBS"  # processes rendering PDFs (default: every core)
PDF_CACHE = "MANUAL_PDF_CACHE"  # a folder for rendered PDFs, or "off" (default: .cache/pdf in the project)
SHARD = "MANUAL_SHARD"  # i/n: make only the i-th of n shares of the PDFs
CONFIG = "MANUAL_CONFIG"  # the mkdocs.yml that `python -m opmanual build` runs (default: ./mkdocs.yml)

_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")
MAX_JOBS = 256


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
            raise SettingsError(f"a shard is written i/n, such as 1/4, not {text!r}") from None
        if not 1 <= index <= count:
            raise SettingsError(f"shard {text}: i must be from 1 to n")
        return cls(index, count)

    def select(self, paths: list[str]) -> list[str]:
        return [path for position, path in enumerate(sorted(paths)) if position % self.count == self.index - 1]


@dataclass(frozen=True)
class Settings:
    project: Path  # the folder of mkdocs.yml: relative paths are read from here
    data: Path
    site: Path
    pdf: bool | None = None  # None: make PDFs in `mkdocs build`, not in `mkdocs serve`
    pdf_jobs: int = field(default_factory=lambda: max(1, os.cpu_count() or 1))
    pdf_cache: Path | None = None
    shard: Shard = Shard()

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
        if value(PDF):
            word = value(PDF).lower()
            if word in _ON + _OFF:
                changes["pdf"] = word in _ON
            else:
                problems.append(f"{PDF}={value(PDF)!r}: use 1 to make the PDFs or 0 to skip them")
        if value(PDF_JOBS):
            try:
                changes["pdf_jobs"] = jobs(value(PDF_JOBS))
            except SettingsError as exc:
                problems.append(f"{PDF_JOBS}={value(PDF_JOBS)!r}: {exc}")
        if value(PDF_CACHE):
            changes["pdf_cache"] = None if value(PDF_CACHE).lower() == "off" else project / value(PDF_CACHE)
        if value(SHARD):
            try:
                changes["shard"] = Shard.parse(value(SHARD))
            except SettingsError as exc:
                problems.append(f"{SHARD}: {exc}")
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
        return variables

    def make_pdfs(self, command: str) -> bool:
        return self.pdf if self.pdf is not None else command != "serve"


def config_file(option: Path | None, environ: Mapping[str, str]) -> Path:
    """The mkdocs.yml of the project: `--config`, or `$MANUAL_CONFIG`, or ./mkdocs.yml."""
    path = option or Path(environ.get(CONFIG, "").strip() or "mkdocs.yml")
    if not path.is_file():
        raise SettingsError(
            f"{path}: no MkDocs configuration there; run from the project folder (where mkdocs.yml is) "
            f"or name it with --config or {CONFIG}"
        )
    return path.resolve()


def jobs(text: str) -> int:
    """A number of processes, as typed on the command line or in MANUAL_PDF_JOBS."""
    if not text.isdigit() or not 1 <= int(text) <= MAX_JOBS:
        raise SettingsError(f"expected a whole number of processes from 1 to {MAX_JOBS}, such as 2")
    return int(text)
