"""MkDocs hook entry points for the manual; the work is done in `ManualSite`.

A project's `hooks/manual.py` star-imports this module (it is the one line MkDocs needs: a hook must be a file), so
an office's repository holds no code of the generator and gets every fix with the package. MkDocs loads that file
once per process; `mkdocs serve` runs every rebuild's events through it. The session it
holds outlives the builds (the last good data, warnings said once); each `mkdocs build` or rebuild gets a
`ManualSite` of its own when its configuration is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .events import ManualSite
from .session import Session

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_serve",
    "on_startup",
]

_session = Session()
_site = ManualSite(_session)


def on_startup(command: str, dirty: bool) -> None:
    _site.on_startup(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    _site = ManualSite(_session)
    return _site.on_config(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _site.on_files(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _site.on_env(env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _site.on_page_markdown(markdown, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _site.on_page_content(html)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    _site.on_page_context(page)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    _site.on_post_build(config)


def on_build_error(error: Exception) -> None:
    _site.on_build_error(error)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    for path in _site.watched(config):
        server.watch(path)
    return server
