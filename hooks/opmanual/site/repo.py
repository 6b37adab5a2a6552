"""Where the manual's source lives online, and where its site is published: for the edit and history links of every
page and the QR code on every printed copy.

Each office forks this project, so `mkdocs.yml` usually names no repository. The first of these that answers is
used: `repo_url` (and `edit_uri`, `site_url`) in `mkdocs.yml`; the variables a GitHub Actions job or a GitLab CI job
sets; the project's `git remote get-url origin`, when it names GitHub or GitLab. The site's address follows the
host's Pages convention when `site_url` is not set. With none of them, links and QR codes are left out.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|[^@/]+@)(?P<host>[^/:]+)(?::\d+)?[:/](?P<path>[^\s]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class Repository:
    """A GitHub or GitLab repository: its web address, the branch edits go to, and its folder on this machine."""

    url: str  # https://github.com/owner/name, without a trailing slash
    kind: str  # "github" or "gitlab"
    branch: str
    root: Path
    site_url: str | None = None  # where the built site is published, ending with "/"
    origin: str = "mkdocs.yml"  # what named it, for the build's log

    def _link(self, action: str, path: Path) -> str | None:
        try:
            inside = PurePosixPath(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return None  # not in this repository: no link is better than a wrong one
        dash = "-/" if self.kind == "gitlab" else ""
        where = quote(f"{self.branch}/{inside}".rstrip("/").removesuffix("/."), safe="/")
        return f"{self.url}/{dash}{action}/{where}"

    def edit_url(self, path: Path) -> str | None:
        """The host's editor for a file; for a folder, its listing."""
        return self._link("tree" if path.is_dir() else "edit", path)

    def history_url(self, path: Path) -> str | None:
        """The list of commits that changed a file or a folder."""
        return self._link("commits", path)

    def edit_uri(self, docs: Path) -> str | None:
        """MkDocs' `edit_uri` for the hand-written pages in `docs`."""
        link = self._link("edit", docs)
        return link.removeprefix(self.url + "/") + "/" if link else None


def _kind(host: str) -> str | None:
    return "github" if "github" in host else "gitlab" if "gitlab" in host else None


def _pages_url(kind: str, host: str, path: str) -> str | None:
    """The Pages address of a repository on github.com or gitlab.com (`owner.github.io/name/`)."""
    parts = path.split("/")
    if len(parts) != 2:
        return None
    owner, name = parts
    domain = {"github": ("github.com", "github.io"), "gitlab": ("gitlab.com", "gitlab.io")}[kind]
    if host != domain[0]:
        return None
    site = f"https://{owner.lower()}.{domain[1]}/"
    return site if name.lower() == f"{owner.lower()}.{domain[1]}" else f"{site}{name}/"


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(  # noqa: S603 - fixed arguments, the project's own repository
        [git, "-C", str(root), "-c", "core.fsmonitor=false", *args], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def _branch_of_uri(edit_uri: str) -> str | None:
    found = re.match(r"^(?:-/)?(?:edit|blob|tree)/([^/]+)/", edit_uri.lstrip("/"))
    return found.group(1) if found else None


def find(
    project: Path,
    repo_url: str | None,
    edit_uri: str | None,
    site_url: str | None,
    env: Mapping[str, str],
) -> Repository | None:
    """The repository of the project in `project` (the folder of mkdocs.yml), from the first source that names it."""
    root = Path(_git(project, "rev-parse", "--show-toplevel") or project)
    if repo_url:
        parsed = _REMOTE.match(repo_url)
        kind = _kind(parsed.group("host")) if parsed else None
        if parsed is None or kind is None:
            return None
        branch = (edit_uri and _branch_of_uri(edit_uri)) or _default_branch(root, env)
        url = repo_url.rstrip("/").removesuffix(".git")
        pages = site_url or _pages_url(kind, parsed.group("host"), parsed.group("path"))
        return Repository(url, kind, branch, root, _slash(pages), "mkdocs.yml")
    if env.get("GITHUB_REPOSITORY") and env.get("GITHUB_SERVER_URL"):
        server = env["GITHUB_SERVER_URL"].rstrip("/")
        host = re.sub(r"^https?://", "", server)
        pages = site_url or _pages_url("github", host, env["GITHUB_REPOSITORY"])
        return Repository(
            f"{server}/{env['GITHUB_REPOSITORY']}", "github", _default_branch(root, env), root, _slash(pages), "GitHub"
        )
    if env.get("CI_PROJECT_URL"):
        pages = site_url or env.get("CI_PAGES_URL")
        return Repository(
            env["CI_PROJECT_URL"].rstrip("/"), "gitlab", _default_branch(root, env), root, _slash(pages), "GitLab"
        )
    remote = _git(project, "remote", "get-url", "origin")
    parsed = _REMOTE.match(remote) if remote else None
    kind = _kind(parsed.group("host")) if parsed else None
    if parsed is None or kind is None:
        return None
    host, path = parsed.group("host"), parsed.group("path")
    pages = site_url or _pages_url(kind, host, path)
    return Repository(f"https://{host}/{path}", kind, _default_branch(root, env), root, _slash(pages), "git remote")


def _slash(url: str | None) -> str | None:
    return url if url is None or url.endswith("/") else url + "/"


def _default_branch(root: Path, env: Mapping[str, str]) -> str:
    """The branch that edits should go to: the repository's default one where it can be known."""
    event = env.get("GITHUB_EVENT_PATH")
    if event:
        try:
            branch = json.loads(Path(event).read_text(encoding="utf-8"))["repository"]["default_branch"]
            if isinstance(branch, str) and branch:
                return branch
        except (OSError, ValueError, KeyError, TypeError):
            pass
    for name in ("CI_DEFAULT_BRANCH", "GITHUB_BASE_REF"):
        if env.get(name):
            return env[name]
    if env.get("GITHUB_REF_TYPE") == "branch" and env.get("GITHUB_REF_NAME"):
        return env["GITHUB_REF_NAME"]
    head = _git(root, "symbolic-ref", "--short", "refs/remotes/origin/HEAD")
    if head:
        return head.removeprefix("origin/")
    # The branch checked out, even before its first commit; a detached HEAD names none.
    return _git(root, "symbolic-ref", "--short", "HEAD") or "main"


def page_url(site_url: str, src_uri: str) -> str:
    """The published address of a page, as MkDocs writes it with `use_directory_urls`."""
    path = PurePosixPath(src_uri)
    if path.name == "index.md":
        folder = path.parent.as_posix()
        return site_url if folder == "." else f"{site_url}{quote(folder)}/"
    return f"{site_url}{quote(path.with_suffix('').as_posix())}/"
