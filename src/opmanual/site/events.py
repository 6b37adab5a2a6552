"""The MkDocs side: load the data when the config is read, add the generated pages, watch the data in serve."""

from __future__ import annotations

import functools
import html
import json
import logging
import os
import traceback
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files

from .. import __version__, wordbreak
from ..build import (
    FILE_SYSTEM,
    SiteRefused,
    check_cache,
    check_site,
    describe,
    mark,
    project_folders,
    refused_cache,
    remove_debris,
    scratch,
)
from ..data import formats
from ..data.dataset import Manual, load
from ..data.files import MAX_ATTACHMENT, FileProblem, read_bytes
from ..data.labels import Labels
from ..errors import DataErrors, display, printable
from ..lock import Busy, hold
from ..render import changelog, history, repo, theme
from ..render.extensions import Extensions
from ..render.pages import PageSpec, attachment, nav, plan, render_all
from ..render.render import CompiledTemplates, Renderer
from ..settings import Settings, SettingsError
from . import a11y, guide, searchtext
from .session import Session

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.opmanual")


F = TypeVar("F", bound=Callable[..., Any])


class InternalError(Abort):
    """A bug, not a data error: reported in one line, and the build stops with exit code 2."""

    exit_code = 2


class Refused(Abort):
    """A setting, a place or the machine's state the build cannot work with (a full disk, a read-only folder, a
    folder another build is writing): one plain line, exit code 2, as `python -m opmanual build` refuses them."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        log.error(message)
        super().__init__("Aborted: the build cannot go on (see the error above).")


def refusal(error: BaseException) -> Refused | None:
    """The plain refusal an exception stands for, when it is the machine's and not a bug of the build."""
    if isinstance(error, OSError) and error.errno in FILE_SYSTEM:
        return Refused(f"the build cannot write its files: {describe(error)}")
    if isinstance(error, BrokenProcessPool):
        return Refused("a process printing the PDFs was killed (out of memory, or by another program)")
    return None


def guarded(event: F) -> F:
    """The last line of defence of a hook event: an unexpected exception becomes one plain line (the traceback
    only with `mkdocs build -v`) and exit code 2, so that no half-built site replaces the last good one."""

    @functools.wraps(event)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except (PluginError, Abort):
            raise
        except Exception as exc:
            if (refused := refusal(exc)) is not None:
                raise refused from None
            log.debug("".join(traceback.format_exception(exc)))
            message = f"internal error while building the site ({event.__name__}): {type(exc).__name__}: {exc}"
            log.error(f"{message}; please report it (run with -v to see where it happened)")
            raise InternalError("Aborted by an internal error.") from None

    return run  # type: ignore[return-value]


def settings_of(config: MkDocsConfig) -> Settings:
    """The build's settings, from the environment, with paths relative to mkdocs.yml's folder."""
    try:
        return Settings.read(os.environ, Path(config.config_file_path).parent)
    except SettingsError as exc:
        raise Refused(str(exc)) from None


def error_page(errors: list[str]) -> str:
    lines = "\n".join(f"<li><code>{html.escape(error)}</code></li>" for error in errors)
    return f"# ข้อมูลผิดพลาด\n\n<p>แก้ไขไฟล์ตามรายการนี้แล้วบันทึก หน้านี้จะโหลดใหม่เอง</p>\n<ul>\n{lines}\n</ul>\n"


class ManualSite:
    """The hook events of one build, with the session (`site.session`) the hooks hold across builds."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.manual: Manual | None = None
        self.pages: dict[str, str] = {}
        self.specs: list[PageSpec] = []
        self.spec_of: dict[str, PageSpec] = {}  # the same, by source path
        self.settings: Settings | None = None
        self.history = history.History()
        self.repository: repo.Repository | None = None
        self.renderer: Renderer | None = None
        # Where compiled templates are kept for the next build's process: with the project's other caches.
        self.compiled: Path | None = None

    @guarded
    def on_startup(self, command: str) -> None:
        self.session.command = command

    @guarded
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = settings_of(config)
        self.compiled = self.settings.project / ".cache" / "jinja"
        folder = self.settings.data
        project = Path(config.config_file_path).parent
        protected = [*project_folders(project), Path(config.docs_dir)]
        if config.theme.custom_dir:
            protected.append(Path(config.theme.custom_dir))
        if self.session.command == "build":
            try:
                check_site(Path(config.site_dir), folder, project, protected)
            except SiteRefused as exc:
                raise Refused(f"refusing to build into {printable(config.site_dir)}: {exc}") from None
            if self.settings.owner != os.getppid():
                self._hold(Path(config.site_dir))
        try:
            check_cache(self.settings.pdf_cache, Path(config.site_dir), folder, project, protected)
        except SiteRefused as exc:
            raise Refused(refused_cache(self.settings, exc)) from None
        theme.install(config)
        config.extra["opmanual_version"] = __version__  # in the footer of every page, with the data's format
        config.extra["opmanual_format"] = formats.CURRENT
        self.repository = self._repository(config)
        try:
            manual = load(folder)
        except DataErrors as exc:
            if self.session.command != "serve":
                for error in exc.errors:
                    log.error(str(error))
                raise PluginError(str(exc)) from None
            for error in exc.errors:
                self.session.preview.error(str(error))
            self.session.preview.error(f"{exc} — showing the last good data until it is fixed")
            # Preview: keep showing the last good data, with the errors above every page.
            config.extra["opmanual_errors"] = [str(error) for error in exc.errors]
            if folder not in self.session.last_good:
                self.pages = {"index.md": error_page(config.extra["opmanual_errors"])}
                config.nav = [{"ข้อมูลผิดพลาด": "index.md"}]
                return config
            manual, self.specs, self.pages = self.session.last_good[folder]
        else:
            self.session.warn_data(manual.warnings)
            changes = history.read(folder)
            if changes.undated:
                count, first = len(changes.undated), changes.undated[0]
                commits = f"commit {first} is" if count == 1 else f"{count} commits (the first: {first}) are"
                self.session.warn_once(
                    f"git history: {commits} dated before 1970 or after 2106 and left out of the changes page and the "
                    "revision records"
                )
            # What each commit changed, in the manual's words: for the changes page and the revision records.
            changes = changelog.describe_history(changes, folder, manual.labels, manual.info.digits)
            self.history = changes
            self.specs = plan(manual, changes)
            self.renderer = Renderer(manual.info.digits, compiled=self.compiled)
            self.pages = render_all(
                manual, history=changes, specs=self.specs, repository=self.repository, renderer=self.renderer
            )
            self.session.last_good[folder] = (manual, self.specs, self.pages)
        self.manual = manual
        config.copyright = f"{manual.group.name} {manual.office.name}"
        # The theme prints the site name unescaped (in <title>, the header, aria-labels): escape the data here.
        config.site_name = html.escape(
            f"{manual.info.title} {manual.group.name} {manual.office.short_name or manual.office.name}"
        )
        self.spec_of = {spec.src_uri: spec for spec in self.specs}
        generated = _escape_titles(nav(self.specs, manual.labels))
        config.nav = generated + guide.nav() + list(config.nav or [])
        return config

    @guarded
    def on_env(self, env: Environment) -> Environment:
        """The theme's templates (Material's and ours) compiled once, not again in every build's process."""
        if self.compiled is not None:
            env.bytecode_cache = CompiledTemplates(self.compiled)
        return env

    @guarded
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        titles = {spec.src_uri: spec.title for spec in self.specs}
        for src_uri, content in self.pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                raise PluginError(f"docs/{src_uri} would hide a generated page; rename or remove it")
            # The home page's <title> is the site name (escaped in on_config), as the theme prints it.
            content = content if src_uri == "index.md" else with_title(content, titles[src_uri])
            files.append(File.generated(config, src_uri, content=content))
        for src_uri, source in guide.pages().items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} would hide a page of the editors' guide; rename or remove it")
            files.append(File.generated(config, src_uri, abs_src_path=str(source)))
        if self.manual is not None:
            for name in self.manual.attachments():
                source = self.manual.attachment_file(name)
                if self.session.command != "serve":
                    files.append(File.generated(config, attachment(name), abs_src_path=str(source)))
                    continue
                # The preview may be showing the last good data, whose files the editor is renaming or saving
                # right now: each is read now, and one that is gone is left out (the errors say why), rather than
                # failing the rebuild when MkDocs copies it.
                try:
                    read = read_bytes(source, self.manual.root, MAX_ATTACHMENT)
                except FileProblem:
                    continue
                files.append(File.generated(config, attachment(name), content=read))
        return files

    def _hold(self, site: Path) -> None:
        """Hold the output folder's lock for this `mkdocs build` (run directly, not by `python -m opmanual build`,
        which holds it itself), and remove what killed builds left there."""
        site = Path(os.path.realpath(site))
        try:
            site.parent.mkdir(parents=True, exist_ok=True)
            self.session.lock.enter_context(hold(site, "mkdocs build"))
        except Busy as exc:
            raise Refused(str(exc)) from None
        except OSError as exc:
            raise Refused(f"cannot build into {printable(display(site))}: {describe(exc)}") from None
        for problem in remove_debris(site):
            self.session.notice.warning(f"cannot remove {problem}")

    def _repository(self, config: MkDocsConfig) -> repo.Repository | None:
        """The repository the project is in, for edit and history links and the QR codes: from mkdocs.yml, the CI
        job or the git remote (see `repo`). MkDocs is told of it, so that the hand-written pages get their edit
        buttons too, and of the site's address."""
        try:
            if config.edit_uri_template:
                repo.plain(config.edit_uri_template)
            found = repo.find(
                Path(config.config_file_path).parent,
                config.repo_url,
                config.edit_uri,
                config.site_url,
                os.environ,
                warn=self.session.warn_once,
            )
        except repo.BadAddress as exc:
            raise Refused(f"refusing the address: {exc}") from None
        if found is None:
            if "no repository" not in self.session.told:
                self.session.told.add("no repository")
                log.info(
                    "no repository is named (repo_url in mkdocs.yml, a GitHub or GitLab CI job, or a git remote): "
                    "the pages have no edit or history links and the PDFs no QR code"
                )
            return None
        if not config.repo_url:
            config.repo_url = found.url
            config.repo_name = "GitHub" if found.kind == "github" else "GitLab"
            config.edit_uri = found.edit_uri(Path(config.docs_dir))
        if not config.site_url and found.site_url:
            config.site_url = found.site_url
        return found

    @guarded
    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """A generated page's edit button opens the data file it is made from; the hand-written guide gets the
        tables that are made from the model (see `guide`)."""
        spec = self.spec_of.get(page.file.src_uri) if page.file.generated_by else None
        if spec is not None:
            data = self.manual.root if self.manual else None
            page.edit_url = self.repository.edit_url(data / spec.source) if self.repository and data else None
        elif page.file.src_uri in guide.pages():
            # The guide is the package's: its edit button opens it where the package is this repository's own source
            # (None outside the repository: an office's site has no button there).
            source = guide.pages()[page.file.src_uri]
            page.edit_url = self.repository.edit_url(source) if self.repository else None
        return guide.fill(markdown, self.manual.labels if self.manual else Labels())

    @guarded
    def on_page_content(self, html: str) -> str:
        """Every data table is named after the section it stands in, for screen readers (see `a11y`), and the
        search keeps table cells apart (see `searchtext`)."""
        return searchtext.separate_cells(a11y.name_tables(html))

    @guarded
    def on_page_context(self, page: Page) -> None:
        """Thai lines break only between words (see `wordbreak`): each word is wrapped in a span of its own once the
        search has read the page (a hook's events come after the plugins'): its HTML parser reading them made a
        build of data/ without PDFs a sixth slower."""
        page.content = wordbreak.wrap_words(page.content or "")

    @guarded
    def on_post_build(self, config: MkDocsConfig) -> None:
        with self.session.lock:  # released when the PDFs are written, or when they fail
            self._post_build(config)

    def _post_build(self, config: MkDocsConfig) -> None:
        mark(Path(config.site_dir))
        compact_search_index(Path(config.site_dir))
        settings = self.settings
        if self.manual is None or settings is None or config.extra.get("opmanual_errors"):
            return
        pdf, word = settings.make_pdfs(self.session.command), settings.make_word(self.session.command)
        if not (pdf or word):
            return
        site = Path(config.site_dir)
        with scratch(site) as folder:  # before WeasyPrint is loaded: loading it writes temporary files
            from ..stage import UnsupportedWeasyPrint, print_books

            try:
                print_books(
                    self.manual,
                    site,
                    cache=settings.pdf_cache,
                    jobs=settings.pdf_jobs,
                    shard=settings.shard,
                    history=self.history,
                    site_url=_slash(config.site_url),
                    pdf=pdf,
                    word=word,
                    specs=self.specs,
                    renderer=self.renderer,
                    extensions=Extensions.of_mkdocs(config.markdown_extensions, config.mdx_configs),
                    scratch=folder,
                )
            except UnsupportedWeasyPrint as exc:
                raise PluginError(f"cannot print the PDFs: {exc}") from None

    def on_build_error(self, error: Exception) -> None:
        """A build that failed in MkDocs' own work (writing a page to a full disk): the lock is released, and an
        error of the machine is said plainly rather than as MkDocs' traceback."""
        self.session.lock.close()
        if (refused := refusal(error)) is not None:
            raise refused from None

    def watched(self, config: MkDocsConfig) -> list[str]:
        """What `mkdocs serve` watches besides docs/ and mkdocs.yml: the data, and the package (templates, theme)."""
        data = self.settings.data if self.settings else settings_of(config).data
        watched = [str(data), str(Path(__file__).parents[1])]
        if config.theme.custom_dir:
            watched.append(str(config.theme.custom_dir))
        return watched


def _slash(url: str | None) -> str | None:
    return url if not url or url.endswith("/") else url + "/"


def with_title(markdown: str, title: str) -> str:
    """Give a generated page its title as front matter, escaped for HTML: the theme prints it unescaped (in <title>
    and the header), and MkDocs would otherwise take it from the heading with the entities decoded."""
    return f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n---\n{markdown}"


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
