"""The printed books as HTML: which books a manual has, their chapters (the site's pages rendered for print), the
cover and front matter. `pdf/` prints this HTML with WeasyPrint and `docx/` converts the same HTML into Word copies.

A book is a list of chapters plus front matter. `Binder.prepare` renders the body, the cover and a front matter
that is completed once the body's page numbers are known (the contents' numbers), so the printer can number each
part on its own.
"""

from __future__ import annotations

import atexit
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup
from pymdownx.slugs import slugify

from .. import measures, thai
from ..data.dataset import OFFICE_FILE, REFERENCES_FILE, Manual
from ..data.model import Appendix, Approval, Foreword, Revision
from ..settings import config_file
from . import changelog, watermark
from .extensions import Extensions
from .extensions import read as read_extensions
from .history import History
from .pages import (
    ITA_URI,
    MATRIX_URI,
    REFERENCES_URI,
    PageSpec,
    book_title,
    context,
    full_name,
    person_uri,
    plan,
    position_line,
    process_uri,
    render_spec,
    signature,
)
from .qr import qr_svg
from .record import Record, revision_record
from .render import Renderer
from .repo import page_url
from .theme import ASSETS

# Documents are given stable addresses, mapped to the folders by `url_fetcher`: WeasyPrint names images by the hash
# of their URL, and the same data must print the same bytes wherever it is checked out.
SITE_URL = "file:///manual/site/"
ASSETS_URL = "file:///manual/assets/"
_slugify = slugify(case="lower")

# Pages of the group that a whole manual prints, in reading order (when the data has them).
GROUP_PAGES = ["group/aims.md", "group/organization.md", "group/standard.md", "group/method.md",
               "group/schools.md", "group/areas.md"]  # fmt: skip


@dataclass(frozen=True)
class Chapter:
    spec: PageSpec
    contents_depth: int = 1  # 2: its ## headings are listed in the contents too
    wide: bool = False  # printed on landscape pages (the responsibility matrix)


@dataclass
class Book:
    path: str  # where the PDF goes, relative to the site
    title: str
    author: str
    subject: str
    running_title: str
    cover_title: str
    cover_lines: list[str]
    year: int | None
    foreword: Foreword | None
    signature: list[tuple[str, bool]]  # lines, and whether each is a name or a position
    chapters: list[Chapter]
    approval: Approval = field(default_factory=Approval)  # the book's own: the person's, the process's, the manual's
    drafts: list[str] = field(default_factory=list)  # the parts in it not yet approved: a draft when any
    record: Record | None = None
    url: str | None = None  # the book's page online, when the site's address is known: a QR code on the cover

    @property
    def draft(self) -> bool:
        return bool(self.drafts)


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    title: str
    anchor: str
    page: int = 0


def group_chapter(manual: Manual) -> PageSpec:
    """The group's part of every printed manual: concept, objectives and scope of work."""
    return PageSpec("group.md", "chapter_group.md.j2", manual.group.name)


def appendix_chapter(manual: Manual, appendices: list[Appendix]) -> PageSpec:
    """The appendices of a book, at its end: each image on a page of its own, other files by their titles."""
    unique = list({id(a): a for a in appendices}.values())
    return PageSpec("appendices.md", "chapter_appendices.md.j2", manual.labels.appendices, {"entries": unique})


def _drafts(manual: Manual, own: tuple[str, Approval], process_ids: list[str]) -> list[str]:
    """The names of the parts of a book that are drafts: its own part, and the processes it prints."""
    parts = [own, *((manual.processes[pid].name, manual.processes[pid].approval) for pid in process_ids)]
    return [name for name, approval in parts if not approval.approved]


def _record(
    manual: Manual, history: History, files: set[str], own: str, approval: Approval, revisions: list[Revision]
) -> Any:
    """The book's revision record (pdf/record.py): `own` is the file that holds its approval."""
    label = manual.labels

    def wording(approved: Approval, version: int) -> str:
        return changelog.approval_wording(approved, version, label, manual.info.digits)

    return revision_record(history, files, own, approval, revisions, wording, manual.info.history)


def _shared_files(manual: Manual, sources: bool) -> set[str]:
    """The files every book prints from: the office (the group's chapter, the cover) and the references it cites."""
    return {OFFICE_FILE} | ({REFERENCES_FILE} if sources else set())


def person_book(
    manual: Manual, person_id: str, history: History | None = None, specs: list[PageSpec] | None = None
) -> Book:
    person, label = manual.people[person_id], manual.labels
    name = full_name(manual, person_id)
    position = position_line(manual, person)
    by_uri = {spec.src_uri: spec for spec in specs or plan(manual)}
    chapters = [Chapter(group_chapter(manual), 2)]
    chapters.append(Chapter(by_uri[person_uri(person_id)], 2))
    chapters += [Chapter(by_uri[process_uri(pid)]) for pid in person.processes]
    sources = manual.sources_for_person(person_id)
    if sources:
        bibliography = PageSpec(
            "bibliography.md", "chapter_bibliography.md.j2", label.bibliography, {"source_ids": sources}
        )
        chapters.append(Chapter(bibliography))
    appendices = [*person.appendices, *(a for pid in person.processes for a in manual.processes[pid].appendices)]
    if appendices:
        chapters.append(Chapter(appendix_chapter(manual, appendices)))
    title = book_title(manual, person)
    files = _shared_files(manual, bool(sources) or any(manual.processes[pid].references for pid in person.processes))
    files |= {manual.source_of("people", person_id), *(manual.source_of("processes", p) for p in person.processes)}
    return Book(
        path=f"pdf/people/{person_id}.pdf",
        title=f"{title} {name}",
        author=name,
        subject=f"{title} {manual.group.name} {manual.office.name}",
        running_title=f"{title} {name}",
        cover_title=title,
        cover_lines=[name, f"{label.position} {position}"],
        year=manual.info.year,
        foreword=person.foreword,
        signature=signature(manual, person_id),
        chapters=chapters,
        approval=person.approval,
        drafts=_drafts(manual, (name, person.approval), person.processes),
        record=_record(
            manual,
            history or History(),
            files,
            manual.source_of("people", person_id),
            person.approval,
            person.revisions,
        ),
    )


def process_book(
    manual: Manual, process_id: str, history: History | None = None, specs: list[PageSpec] | None = None
) -> Book:
    """One process as a small book of its own: the unit an office publishes per work process."""
    process, label = manual.processes[process_id], manual.labels
    by_uri = {spec.src_uri: spec for spec in specs or plan(manual)}
    chapters = [Chapter(by_uri[process_uri(process_id)], 2)]
    if process.bibliography:
        bibliography = PageSpec(
            "bibliography.md", "chapter_bibliography.md.j2", label.bibliography, {"source_ids": process.bibliography}
        )
        chapters.append(Chapter(bibliography))
    if process.appendices:
        chapters.append(Chapter(appendix_chapter(manual, process.appendices)))
    files = _shared_files(manual, bool(process.bibliography or process.references))
    files.add(manual.source_of("processes", process_id))
    workgroup = manual.workgroups[process.workgroup].name if process.workgroup else None
    return Book(
        path=f"pdf/processes/{process_id}.pdf",
        title=f"{manual.info.title} {process.name}",
        author=f"{manual.group.name} {manual.office.name}",
        subject=f"{manual.info.title} {manual.group.name} {manual.office.name}",
        running_title=f"{manual.info.title} {process.name}",
        cover_title=manual.info.title,
        cover_lines=[process.name, *([workgroup] if workgroup else [])],
        year=manual.info.year,
        foreword=None,
        signature=[],
        chapters=chapters,
        approval=process.approval,
        drafts=_drafts(manual, (process.name, process.approval), []),
        record=_record(
            manual,
            history or History(),
            files,
            manual.source_of("processes", process_id),
            process.approval,
            process.revisions,
        ),
    )


def manual_book(manual: Manual, history: History | None = None, specs: list[PageSpec] | None = None) -> Book:
    by_uri = {spec.src_uri: spec for spec in specs or plan(manual)}
    chapters = [Chapter(group_chapter(manual), 2)]
    chapters += [Chapter(by_uri[uri], 2) for uri in GROUP_PAGES if uri in by_uri]
    chapters += [Chapter(by_uri[process_uri(pid)]) for pid in manual.processes]
    chapters += [Chapter(by_uri[person_uri(pid)], 2) for pid in manual.people]
    if MATRIX_URI in by_uri and manual.people:
        chapters.append(Chapter(by_uri[MATRIX_URI], 2, wide=True))
    if REFERENCES_URI in by_uri:
        chapters.append(Chapter(by_uri[REFERENCES_URI], 2))
    appendices = [*manual.info.appendices]
    appendices += [a for process in manual.processes.values() for a in process.appendices]
    appendices += [a for person in manual.people.values() for a in person.appendices]
    if appendices:
        chapters.append(Chapter(appendix_chapter(manual, appendices)))
    people = [(full_name(manual, pid), person.approval) for pid, person in manual.people.items()]
    drafts = _drafts(manual, (manual.info.title, manual.info.approval), list(manual.processes))
    drafts += [name for name, approval in people if not approval.approved]
    book = _group_book(manual, history, "pdf/manual.pdf", manual.info.title, chapters, drafts)
    return replace(book, foreword=manual.info.foreword, signature=signature(manual))


def ita_book(manual: Manual, history: History | None = None, specs: list[PageSpec] | None = None) -> Book:
    """The ITA page as a book of its own: what an office hands the ITA assessors for its operation manuals."""
    spec = next(spec for spec in specs or plan(manual) if spec.src_uri == ITA_URI)
    drafts = _drafts(manual, (manual.info.title, manual.info.approval), list(manual.processes))
    return _group_book(manual, history, "pdf/ita.pdf", manual.labels.ita_page, [Chapter(spec, 2)], drafts)


def _group_book(
    manual: Manual, history: History | None, path: str, title: str, chapters: list[Chapter], drafts: list[str]
) -> Book:
    """A book of the whole group (the manual, the ITA page), under the manual's approval and revision record."""
    office = manual.office.short_name or manual.office.name
    return Book(
        path=path,
        title=f"{title} {manual.group.name} {office}",
        author=f"{manual.group.name} {manual.office.name}",
        subject=f"{manual.info.title} {manual.group.name} {manual.office.name}",
        running_title=f"{title} {manual.group.name}",
        cover_title=title,
        cover_lines=[],
        year=manual.info.year,
        foreword=None,
        signature=[],
        chapters=chapters,
        approval=manual.info.approval,
        drafts=drafts,
        record=_record(
            manual, history or History(), manual.data_files(), OFFICE_FILE, manual.info.approval, manual.info.revisions
        ),
    )


def books(
    manual: Manual, history: History | None = None, site_url: str | None = None, specs: list[PageSpec] | None = None
) -> list[Book]:
    """Every book of the manual: the whole manual, one per person, one per process. With `site_url`, the address
    of the site, each carries the address of its online page. `specs` is the build's plan of pages (planned once;
    made here when not given)."""
    specs = specs or plan(manual)
    made = [manual_book(manual, history, specs)]
    made += [person_book(manual, pid, history, specs) for pid in manual.people]
    made += [process_book(manual, pid, history, specs) for pid in manual.processes]
    if manual.processes:
        made.append(ita_book(manual, history, specs))
    online = {"pdf/manual.pdf": "index.md", "pdf/ita.pdf": ITA_URI}
    online |= {f"pdf/people/{pid}.pdf": person_uri(pid) for pid in manual.people}
    online |= {f"pdf/processes/{pid}.pdf": process_uri(pid) for pid in manual.processes}
    for book in made:
        book.url = page_url(site_url, online[book.path]) if site_url and book.path in online else None
    return made


def stylesheets() -> list[str]:
    """The stylesheets of every printed page, in order: the measures, the website's rules, the print design."""
    return [measures.stylesheet_url(), *(f"{ASSETS_URL}stylesheets/{name}" for name in ("manual.css", "print.css"))]


def _css_string(text: str) -> Markup:
    """A CSS string literal's content: quotes and backslashes escaped, safe inside a <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .-()" or ord(c) > 127 else f"\\{ord(c):x} " for c in text)
    return Markup(escaped)  # noqa: S704 - every character that could close the string or the element is escaped


class Binder:
    """Binds a book's chapters, cover and front matter into the HTML that is printed and converted."""

    def __init__(
        self,
        manual: Manual,
        renderer: Renderer | None = None,
        specs: list[PageSpec] | None = None,
        extensions: Extensions | None = None,
    ) -> None:
        """`extensions`: the Markdown extensions of the build (MkDocs' reading of mkdocs.yml); by default, those of
        the project's mkdocs.yml (MANUAL_CONFIG, or ./mkdocs.yml)."""
        self.extensions = extensions or read_extensions(config_file(None, os.environ))
        self.manual = manual
        self.renderer = renderer or Renderer(manual.info.digits)
        self.specs = specs or plan(manual)
        self.common = context(manual, self.renderer, {spec.src_uri for spec in self.specs})
        self._chapters: dict[int, tuple[PageSpec, Markup, list[dict[str, Any]]]] = {}
        self._documents: dict[tuple[str, str, bool], ChapterDocument] = {}

    def chapter_html(self, book: Book, index: int) -> tuple[Markup, list[ContentsEntry]]:
        """One chapter as HTML, and its contents entries. The HTML is the same in every book that holds the chapter:
        its ids are named by the page it prints (`chapter-<name>`, `<name>-<heading>`) and it links to the other
        chapters by those names whether this book holds them or not (see `unlink_missing`, `Prepared.chapters`)."""
        chapter = book.chapters[index]
        html, tokens = self._chapter(chapter.spec)
        prefix = chapter_name(chapter.spec)
        entries = []
        for token in tokens:
            entries.append(ContentsEntry(1, _plain(token["name"]), f"chapter-{prefix}"))
            # A chapter lists its sections when it is that deep; a free section is listed in any chapter, since no
            # standard part names what it holds.
            entries += [
                ContentsEntry(2, _plain(sub["name"]), sub["id"])
                for sub in token["children"]
                if chapter.contents_depth >= 2 or f"{prefix}-section-" in sub["id"]
            ]
        return html, entries

    def _chapter(self, spec: PageSpec) -> tuple[Markup, list[dict[str, Any]]]:
        """A page printed as a chapter, and its headings; rendered once for all the books that hold it."""
        done = self._chapters.get(id(spec))
        if done is not None and done[0] is spec:
            return done[1], done[2]
        prefix = chapter_name(spec)

        def link(target: str, anchor: str = "") -> str:
            name = _name(target)
            return f"#{name}-{anchor}" if anchor else f"#chapter-{name}"

        def aid(name: str) -> str:
            return f"{prefix}-{name}"

        text = render_spec(self.renderer, spec, self.common, link=link, aid=aid, print=True)
        names, configs = self.extensions.for_print(lambda value, sep: f"{prefix}-{_slugify(value, sep)}")
        converter = markdown.Markdown(extensions=names, extension_configs=configs)
        html = Markup(converter.convert(text))  # noqa: S704 - HTML made by Markdown from escaped template output
        self._chapters[id(spec)] = (spec, html, converter.toc_tokens)
        return html, converter.toc_tokens

    def document(self, book: Book | None, part: str, **extra: Any) -> str:
        """One part of a book as an HTML document: "cover", "front", "body", "heads" (the running title on the
        `pages`, see `HEADS`) or, with no book, "chapter"
        (one of `chapters` alone, with nothing of any one book that holds it), "mark" (see `mark`) or "numbers" (page
        `numbers`)."""
        if book is None:
            common = {**self.common, **extra}
            return self.renderer.render("print/book.html.j2", "chapter", book=None, part=part, **common)
        digits = "thai-digits" if self.manual.info.digits == "thai" else "decimal"
        return self.renderer.render(
            "print/book.html.j2",
            book.path,
            book=book,
            part=part,
            page_counter=Markup(digits),  # noqa: S704 - one of two fixed names
            running_title_css=_css_string(book.running_title),
            # base64 and the fixed prefix: no character that could close the CSS string
            watermark=Markup(watermark.data_url(self.manual.labels.draft_mark)) if book.draft else None,  # noqa: S704
            qr=qr_svg(book.url, f"{self.manual.labels.online_copy} {book.url}") if book.url else None,
            online_css=_css_string(f"{self.manual.labels.online_copy} {book.url}") if book.url else None,
            **{**self.common, **extra},
        )

    def prepare(self, book: Book) -> Prepared:
        """The HTML of a book's body and cover, and its contents without page numbers: all that WeasyPrint gets."""
        chapters: list[dict[str, Any]] = []
        contents: list[ContentsEntry] = []
        for index, chapter in enumerate(book.chapters):
            html, entries = self.chapter_html(book, index)
            if not _has_content(html):
                continue  # a chapter of nothing but its title (a group that states no concept or scope yet)
            chapters.append({"anchor": f"chapter-{chapter_name(chapter.spec)}", "html": html, "wide": chapter.wide})
            contents += entries
        alone = [self._alone(c["anchor"], c["html"], c["wide"]) for c in chapters]
        return Prepared(
            book.path,
            unlink_missing(self.document(book, "body", chapters=chapters)),
            self.document(book, "cover"),
            partial(self.document, book, "front"),
            contents,
            alone,
            partial(self.document, book, "heads", pages=HEADS),
            self.mark if book.draft else None,
            self.numbers,
        )

    def mark(self) -> str:
        """A draft's mark on a portrait page and on a landscape one: the same for every book."""
        url = Markup(watermark.data_url(self.manual.labels.draft_mark))  # noqa: S704 - base64 and a fixed prefix
        return self.document(None, "mark", pages=[False, True], watermark=url)

    def _alone(self, anchor: str, html: Markup, wide: bool) -> ChapterDocument:
        """A chapter as the document it is printed as, made once for all the books that hold it."""
        key = (anchor, html, wide)
        if key not in self._documents:
            document = self.document(None, "chapter", chapters=[{"anchor": anchor, "html": html, "wide": wide}])
            self._documents[key] = ChapterDocument(anchor, links_out(document), wide)
        return self._documents[key]

    def numbers(self, pages: list[tuple[bool, int]]) -> str:
        """Page numbers, one on each page: (landscape or not, the number), in the manual's digits."""
        digits = self.manual.info.digits
        return self.document(None, "numbers", numbers=[(wide, thai.digits(str(n), digits)) for wide, n in pages])


# The pages of a book's "heads" document: the first page of the body (its online address and its number, laid out
# side by side), any other page, a landscape one.
HEADS = [False, False, True]


@dataclass(frozen=True)
class ChapterDocument:
    """A chapter as a document of its own, printed once for every book that holds it. Its links to other chapters
    point `ELSEWHERE` until a book that holds their target is assembled."""

    anchor: str  # the id of its section: `chapter-<name>`
    html: str
    wide: bool


@dataclass
class Prepared:
    """A book ready for WeasyPrint; `front` makes the front matter once the body's page numbers are known."""

    path: str
    body: str
    cover: str
    front: Callable[..., str]
    contents: list[ContentsEntry]
    chapters: list[ChapterDocument] = field(default_factory=list)  # the body's chapters, each printed alone
    heads: Callable[[], str] | None = None  # the running title on the pages of `HEADS`
    mark: Callable[[], str] | None = None  # a draft's mark: on a portrait page, then on a landscape one
    numbers: Callable[[list[tuple[bool, int]]], str] | None = None  # page numbers: (landscape, number) a page

    def sources(self) -> str:
        """Everything of the book that comes from data and templates (the front with no page numbers yet)."""
        return "\n".join([self.body, self.cover, self.front(toc=self.contents)])


def url_fetcher(site: Path) -> Any:
    """What WeasyPrint may read of a book: the site being built, the shipped assets and data: URLs, nothing else."""
    from urllib.parse import unquote

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = {SITE_URL: site.resolve(), ASSETS_URL: ASSETS.resolve()}

    class Fetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            for prefix, root in roots.items():
                if url.startswith(prefix):
                    path = (root / unquote(url.removeprefix(prefix).split("?")[0])).resolve()
                    if path.is_relative_to(root) and path.is_file():
                        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime_type(path)})
            raise ValueError(f"the printed manual uses only its own files, not {url}")

    return Fetcher(fail_on_errors=False)


@dataclass(frozen=True)
class PrintStyles:
    """What WeasyPrint lays out every printed document of a site with: its URL fetcher, font configuration and
    counter styles, and the stylesheets of every printed page, parsed (`stylesheets`)."""

    fetcher: Any
    fonts: Any
    counters: Any
    sheets: list[Any]


# Parsed once a process (and site): parsing them took a third of the time of a small book, and 0.1 s of each chart
# drawn for the Word copies. Let go before the interpreter tears its modules down: a FontConfiguration still alive
# then calls into a FontConfig library already unloaded ("Exception ignored in FontConfiguration.__del__").
_parsed: dict[Path, PrintStyles] = {}
atexit.register(_parsed.clear)


def print_styles(site: Path) -> PrintStyles:
    """The printed documents' styles for `site`, parsed on first use in a process. The stylesheets are a user's to
    WeasyPrint: a document's own <style> comes after them, as when they were linked."""
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle
    from weasyprint.text.fonts import FontConfiguration

    if site not in _parsed:
        fetcher, fonts, counters = url_fetcher(site), FontConfiguration(), CounterStyle()
        sheets = [CSS(url=url, url_fetcher=fetcher, font_config=fonts, counter_style=counters) for url in stylesheets()]
        _parsed.clear()
        _parsed[site] = PrintStyles(fetcher, fonts, counters, sheets)
    return _parsed[site]


def _mime_type(path: Path) -> str:
    import mimetypes

    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


def chapter_name(spec: PageSpec) -> str:
    """The name a chapter's ids start with, the same in every book: its page's address (`processes-x`)."""
    return _name(spec.src_uri)


def _name(uri: str) -> str:
    return re.sub(r"[^\w]+", "-", uri.removesuffix(".md")).strip("-").lower()


# Where a chapter printed alone points a link to another chapter (a reserved domain that no reader can reach); the
# assembled book points it at its target, or takes it out when the book does not hold that chapter.
ELSEWHERE = "https://chapter.invalid/#"
_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="#([^"]*)"')


def links_out(html: str) -> str:
    """A part's links to anchors outside it, pointed `ELSEWHERE` (a chapter's to other chapters, the contents' to
    the chapters)."""
    import html as entities

    ids = {entities.unescape(name) for name in _ID.findall(html)}

    def point(match: re.Match[str]) -> str:
        anchor = entities.unescape(match[1])
        return match[0] if anchor in ids else f'href="{entities.escape(ELSEWHERE + anchor)}"'

    return _HREF.sub(point, html)


def unlink_missing(html: str) -> str:
    """A book's links to what it does not hold, made links to nothing: the words stay, with nowhere to go."""
    import html as entities

    ids = {entities.unescape(name) for name in _ID.findall(html)}
    return _HREF.sub(lambda m: m[0] if entities.unescape(m[1]) in ids else 'href=""', html)


_TITLE = re.compile(r'<h1\b.*?</h1>|<p class="subtitle">.*?</p>', re.DOTALL)
_SHOWN = re.compile(r"<(?:img|svg)\b|[^\s<>]+(?![^<]*>)")


def _has_content(html: str) -> bool:
    """Whether a chapter's HTML shows anything but its title and the line under it."""
    return bool(_SHOWN.search(_TITLE.sub("", html, count=2)))


def _plain(name: str) -> str:
    """A heading's text as the contents shows it (the toc extension keeps entities)."""
    import html

    return thai.normalize(html.unescape(name))
