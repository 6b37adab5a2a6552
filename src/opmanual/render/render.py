"""Render pages from the Jinja templates: pure functions of the model, escaped for Markdown and HTML at once."""

from __future__ import annotations

import posixpath
import re
import string
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from .. import __version__, thai
from .. import cache as caches
from ..data import formats

TEMPLATES = Path(__file__).parents[1] / "templates"

# Every ASCII punctuation character becomes a numeric entity. Markdown, HTML, attr_list and every inline syntax of
# the pymdownx extensions (++keys++, ==mark==, ^^insert^^, ~~delete~~, :emoji:, !!! admonitions, ??? details,
# $math$) are made of ASCII punctuation, so text reads the same in a Markdown line, inside a raw HTML block and
# inside an attribute, and cannot become markup, whichever extension is enabled now or later.
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]*")


def escape(value: Any) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_ENTITIES))  # noqa: S704 - safe: every special character became an entity


def _finalize(value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed a missing value; guard optional fields with {% if %}")
    return escape(value)


def unbroken(value: Any, whole: bool = False) -> Markup:
    """A name, a title or a position that lines never break inside: each phrase between its spaces (or, `whole`, all
    of it: a person's name) in a `<span class="name">`, which manual.css keeps on one line."""
    phrases = [str(value)] if whole else str(value).split(" ")
    return Markup(" ").join(Markup('<span class="name">%s</span>') % escape(phrase) for phrase in phrases if phrase)


_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def fill(sentence: str, **values: Any) -> Markup:
    """A label's sentence with its `{placeholders}` filled, escaped; a value that is markup already (a name kept
    whole by `unbroken`) stays markup."""
    parts = _PLACEHOLDER.split(sentence)  # text, name, text, name, …, text
    return Markup("").join(escape(values.get(part, "") if index % 2 else part) for index, part in enumerate(parts))


def url(path: str, anchor: str = "") -> Markup:
    """A URL made from a path and an anchor: percent-encoded, so that a file named `a #1?.pdf` still links."""
    fragment = f"#{quote(anchor, safe='')}" if anchor else ""
    return Markup(quote(path, safe="/") + fragment)  # noqa: S704 - quote() leaves no character that HTML reads


def heading_marks(level: int) -> Markup:
    """The `#` marks that open a Markdown heading of `level` (which escaping would otherwise turn into text).
    Markdown stops at level 6: sections nested deeper keep that level."""
    return Markup("#" * max(1, min(level, 6)))  # noqa: S704 - only '#'


def element_id(name: str) -> Markup:
    """An element id made from fixed words and data ids (which are lowercase letters, digits and '-')."""
    return Markup(name) if _SAFE_ID.fullmatch(name) else escape(name)  # noqa: S704 - only [A-Za-z0-9_-]


def url_of(src_uri: str) -> str:
    """The site URL of a page source with directory URLs: `people/x.md` → `people/x/`, `index.md` → ``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_src: str, to_src: str, anchor: str = "") -> str:
    """A link from one generated page to another that works from any folder and from a plain file server."""
    here = url_of(from_src) or "."
    if not to_src.endswith(".md"):  # a file of the site, such as a PDF
        return posixpath.relpath(to_src, here)
    there = url_of(to_src) or "."
    link = posixpath.relpath(there, here)
    link = "./" if link == "." else link + "/"
    return link + (f"#{anchor}" if anchor else "")


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in a folder of the project's caches (the pages' templates and the theme's), keyed
    by each template's file and checked against its source, written whole (see `opmanual.cache`): a build killed
    while it writes one leaves nothing that a later build would read, or keep."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _name(self, bucket: Bucket) -> str:
        return f"__jinja2_{bucket.key}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = (self.folder / self._name(bucket)).read_bytes()
        except OSError:
            return  # not compiled yet (or unreadable): Jinja compiles it
        bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        # A project folder that cannot be written (read-only, full): the next build compiles again, nothing else.
        with suppress(OSError):
            caches.put(self.folder, self._name(bucket), bucket.bytecode_to_string())


@cache
def _environment(digit_style: str, templates: Path, compiled: Path | None) -> Environment:
    """One environment per setting, shared by the site and the PDFs and kept across `mkdocs serve` rebuilds.

    With `compiled` (the project's `.cache/jinja`), compiled templates are also kept on disk, keyed by each
    template's source, so a new process does not compile them again: compiling took most of the hooks' time.
    """
    env = Environment(
        loader=FileSystemLoader(templates),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `{#id}` is how a Markdown heading gets its anchor (attr_list), so Jinja comments are `{## ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
        bytecode_cache=CompiledTemplates(compiled) if compiled is not None else None,
    )
    env.filters["digits"] = lambda text: thai.digits(str(text), digit_style)
    env.filters["month_year"] = lambda value: thai.month_year(value, digit_style)
    env.filters["pieces"] = thai.pieces  # where a chart's lines may break (_charts.md.j2)
    env.globals["number"] = lambda *path: Markup(thai.number_label(tuple(path), digit_style))  # noqa: S704 - digits and dots
    env.globals["url"] = url
    env.globals["opmanual_version"] = __version__  # the PDFs' Creator, with the data's format
    env.globals["data_format"] = formats.CURRENT
    env.filters["unbroken"] = unbroken
    env.globals["hashes"] = heading_marks
    return env


class Renderer:
    """Holds the Jinja environment and the settings every template needs."""

    def __init__(self, digit_style: str = "thai", templates: Path = TEMPLATES, compiled: Path | None = None) -> None:
        self.digit_style = digit_style
        self.env = _environment(digit_style, templates, compiled)

    def render(
        self,
        template: str,
        src_uri: str,
        *,
        link: Callable[..., str] | None = None,
        aid: Callable[[str], str] | None = None,
        **context: Any,
    ) -> str:
        """Render a page. `link(target, anchor)` makes URLs and `aid(name)` element ids: the website's by default,
        a printed document's own when the page is one chapter of a PDF."""

        def safe_link(target: str, anchor: str = "") -> Markup:
            if link is not None:  # a printed book's own links: `#anchor`, or nothing
                address = link(target, anchor)
                return url("", address[1:]) if address.startswith("#") else url(address)
            return url(relative_url(src_uri, target), anchor)

        def safe_aid(name: str) -> Markup:
            return element_id(aid(name) if aid else name)

        return self.env.get_template(template).render(link=safe_link, aid=safe_aid, src_uri=src_uri, **context)
