"""The MkDocs side: load the data when the config is read, add the generated pages, watch the data in serve."""

from __future__ import annotations

import html
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .dataset import Manual, load
from .errors import DataErrors
from .pages import nav, render_all

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.opmanual")

DATA_ENV = "MANUAL_DATA"
PDF_ENV = "MANUAL_PDF"


def data_dir(config: MkDocsConfig) -> Path:
    """The data folder: `$MANUAL_DATA`, or `data/` beside mkdocs.yml."""
    base = Path(config.config_file_path).parent
    return (base / os.environ.get(DATA_ENV, "data")).resolve()


def load_or_fail(config: MkDocsConfig) -> Manual:
    """Load the data; on errors, log each one as `file:line: message` and stop the build cleanly."""
    try:
        return load(data_dir(config))
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(str(exc)) from None


class ManualSite:
    """State shared between the hook events of one build."""

    def __init__(self) -> None:
        self.manual: Manual | None = None
        self.pages: dict[str, str] = {}
        self.command = "build"

    def on_startup(self, command: str) -> None:
        self.command = command

    def pdf_enabled(self) -> bool:
        """PDFs are made by `mkdocs build`; `mkdocs serve` skips them unless MANUAL_PDF=1."""
        setting = os.environ.get(PDF_ENV, "").strip().lower()
        if setting in ("1", "true", "yes", "on"):
            return True
        if setting in ("0", "false", "no", "off"):
            return False
        return self.command != "serve"

    def on_post_build(self, config: MkDocsConfig) -> None:
        compact_search_index(Path(config.site_dir))
        if self.manual is None or not self.pdf_enabled():
            return
        from .pdf import Printer, books

        printer = Printer(self.manual)
        for book in books(self.manual):
            printed = printer.print(book, Path(config.site_dir))
            log.info(f"PDF: {book.path} ({printed.pages} pages)")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        manual = self.manual = load_or_fail(config)
        self.pages = render_all(manual)
        config.copyright = f"{manual.group.name} {manual.office.name}"
        config.site_name = f"{manual.info.title} {manual.group.name} {manual.office.short_name or manual.office.name}"
        generated = _escape_titles(nav(manual, self.pages))
        config.nav = generated + list(config.nav or [])
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri, content in self.pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                raise PluginError(f"docs/{src_uri} would hide a generated page; rename or remove it")
            files.append(File.generated(config, src_uri, content=content))
        return files

    def watched(self, config: MkDocsConfig) -> list[str]:
        return [str(data_dir(config)), str(Path(__file__).parent)]


def compact_search_index(site: Path) -> None:
    """Material writes Thai in its search index as \\uXXXX escapes, six bytes a letter: write it as UTF-8."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _escape_titles(items: list[Any]) -> list[Any]:
    """Navigation titles come from the data and are printed unescaped by the theme: escape them here."""
    result: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            result.append(
                {html.escape(title): _escape_titles(v) if isinstance(v, list) else v for title, v in item.items()}
            )
        else:
            result.append(item)
    return result
