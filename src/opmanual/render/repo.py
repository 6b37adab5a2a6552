"""Where the manual's source lives online, and where its site is published: for the edit and history links of every
page and the QR code on every printed copy.

Each office forks this project, so `mkdocs.yml` usually names no repository. The first of these that answers is
used: `repo_url` (and `edit_uri`, `site_url`) in `mkdocs.yml`; the variables a GitHub Actions job or a GitLab CI job
sets; the project's `git remote get-url origin`, when it names GitHub or GitLab. The site's address follows the
host's Pages convention when `site_url` is not set. With none of them, links and QR codes are left out.

Every address is input, and the theme prints `repo_url`, `edit_uri` and `site_url` into pages unescaped: an address
is used only when it is an http(s) address of a host name, at most MAX_ADDRESS characters, with no quote, angle
bracket, backslash, space, control or invisible character, no user name or password, query or fragment (`address`).
A bad one in `mkdocs.yml`, the project's reviewed setting, is refused (`BadAddress`); one from the CI's environment
or the git remote, which describe the machine rather than the project, is left out with a warning and the next
source is tried. Branch names likewise (`branch_name`); they reach links only percent-encoded.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

from ..errors import excerpt, printable

MAX_ADDRESS = 500  # characters of a repository's or a site's address: a QR code of it with a page's path still fits
MAX_BRANCH = 255  # characters of a branch name
MAX_EVENT = 25 * 2**20  # bytes of a GitHub Actions event file (GITHUB_EVENT_PATH) read for the default branch
_FORBIDDEN = frozenset("\"'<>\\`")  # what would end or escape an attribute, or a Markdown link
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_GITHUB_REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
_BRANCH_FORBIDDEN = frozenset(" ~^:?*[\\")  # what git refuses in a branch name (git check-ref-format)


class BadAddress(ValueError):
    """An address or name that cannot be used in a page; the message says why."""


def plain(text: str) -> str:
    """`text` if it can be printed inside a link's quotes as it is (a path, an address), else BadAddress."""
    if len(text) > MAX_ADDRESS:
        raise BadAddress(f"it is {len(text)} characters long; an address may have {MAX_ADDRESS}")
    for char in text:
        if char in _FORBIDDEN or char.isspace() or printable(char) != char:
            raise BadAddress(f"it holds {printable(repr(char))}, which an address cannot")
    return text


def address(text: str) -> str:
    """`text` if it can stand in a page's link as it is, else BadAddress (see the module's docstring)."""
    parts = urlsplit(plain(text))
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise BadAddress("only http:// and https:// addresses are linked")
    if "@" in parts.netloc:
        raise BadAddress("it holds a user name or password, which would be published")
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        raise BadAddress("it has a query (?) or a fragment (#)")
    try:
        parts.port  # noqa: B018 - parsing it is the check
    except ValueError:
        raise BadAddress("its port is not a number from 0 to 65535") from None
    if not _is_host(parts.hostname or ""):
        raise BadAddress(f"{printable(excerpt(parts.hostname or ''))!r} is not a host name")
    return text


def _is_host(host: str) -> bool:
    """A DNS host name (international ones too), or an IP address."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        name = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    return 0 < len(name) <= 253 and all(_LABEL.fullmatch(label) for label in name.removesuffix(".").split("."))


def branch_name(text: str) -> str:
    """`text` if it can be a branch name (git check-ref-format's rules, within MAX_BRANCH), else BadAddress."""
    if not 0 < len(text) <= MAX_BRANCH:
        raise BadAddress(f"a branch name has 1 to {MAX_BRANCH} characters")
    if any(char in _BRANCH_FORBIDDEN or printable(char) != char for char in text) or ".." in text or "@{" in text:
        raise BadAddress("it holds characters that git does not allow in a branch name")
    if text.startswith(("-", "/", ".")) or text.endswith(("/", ".", ".lock")) or "//" in text:
        raise BadAddress("it is not a name git allows for a branch")
    return text


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


def _pages(kind: str, host: str, path: str, warn: Callable[[str], None]) -> str | None:
    """The Pages address of a repository, if it makes a usable address."""
    found = _pages_url(kind, host, path)
    return _slash(_usable(found, "the Pages address of the repository", address, warn)) if found else None


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    result = subprocess.run(  # noqa: S603 - fixed arguments, the project's own repository
        [git, "-C", str(root), "-c", "core.fsmonitor=false", *args],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
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
    *,
    warn: Callable[[str], None],
) -> Repository | None:
    """The repository of the project in `project` (the folder of mkdocs.yml), from the first source that names it.

    `repo_url`, `edit_uri` and `site_url` are mkdocs.yml's: a bad one raises BadAddress. A bad address from `env` or
    the git remote is told to `warn` and left out."""
    root = Path(_git(project, "rev-parse", "--show-toplevel") or project)
    for name, value in (("repo_url", repo_url), ("site_url", site_url)):
        if value:
            _checked(value, f"mkdocs.yml: {name}", address)
    if edit_uri:
        _checked(edit_uri, "mkdocs.yml: edit_uri", address if urlsplit(edit_uri).scheme else plain)
    pages = _slash(site_url)
    if repo_url:
        parsed = _REMOTE.match(repo_url)
        kind = _kind(parsed.group("host")) if parsed else None
        if parsed is None or kind is None:
            return None
        branch = (edit_uri and _branch_of_uri(edit_uri)) or _default_branch(root, env, warn)
        url = repo_url.rstrip("/").removesuffix(".git")
        pages = pages or _pages(kind, parsed.group("host"), parsed.group("path"), warn)
        return Repository(url, kind, branch, root, pages, "mkdocs.yml")
    found = _from_github(env, warn) or _from_gitlab(env, warn) or _from_remote(project, warn)
    if found is None:
        return None
    url, kind, host_pages, origin = found
    return Repository(url, kind, _default_branch(root, env, warn), root, pages or host_pages, origin)


def _checked(value: str, what: str, check: Callable[[str], str]) -> str:
    try:
        return check(value)
    except BadAddress as exc:
        raise BadAddress(f"{what} = {printable(excerpt(value))!r}: {exc}") from None


def _usable(value: str, what: str, check: Callable[[str], str], warn: Callable[[str], None]) -> str | None:
    """`value` if it passes `check`, else None and a warning that it is left out."""
    try:
        return _checked(value, what, check)
    except BadAddress as exc:
        warn(f"{exc}; left out")
        return None


# A repository's address, its kind, its Pages address and what named it.
_Found = tuple[str, str, str | None, str]


def _from_github(env: Mapping[str, str], warn: Callable[[str], None]) -> _Found | None:
    """A GitHub Actions job's repository (GITHUB_SERVER_URL + GITHUB_REPOSITORY) and its Pages address."""
    if not (env.get("GITHUB_REPOSITORY") and env.get("GITHUB_SERVER_URL")):
        return None
    server = _usable(env["GITHUB_SERVER_URL"], "GITHUB_SERVER_URL", address, warn)
    name = _usable(env["GITHUB_REPOSITORY"], "GITHUB_REPOSITORY", _github_repository, warn)
    if server is None or name is None:
        return None
    server = server.rstrip("/")
    url = _usable(f"{server}/{name}", "GITHUB_SERVER_URL/GITHUB_REPOSITORY", address, warn)
    host = re.sub(r"^https?://", "", server)
    return (url, "github", _pages("github", host, name, warn), "GitHub") if url else None


def _github_repository(text: str) -> str:
    if not _GITHUB_REPOSITORY.fullmatch(text) or text.endswith(("/.", "/..")):
        raise BadAddress("a GitHub repository is named owner/name, in letters, digits, '-', '_' and '.'")
    return text


def _from_gitlab(env: Mapping[str, str], warn: Callable[[str], None]) -> _Found | None:
    """A GitLab CI job's repository (CI_PROJECT_URL) and its Pages address (CI_PAGES_URL)."""
    if not env.get("CI_PROJECT_URL"):
        return None
    url = _usable(env["CI_PROJECT_URL"], "CI_PROJECT_URL", address, warn)
    if url is None:
        return None
    url = url.rstrip("/")
    pages = env.get("CI_PAGES_URL")
    return url, "gitlab", _slash(_usable(pages, "CI_PAGES_URL", address, warn) if pages else None), "GitLab"


def _from_remote(project: Path, warn: Callable[[str], None]) -> _Found | None:
    """The repository `git remote get-url origin` names, when it is on GitHub or GitLab; a user name or token in
    the remote is dropped."""
    remote = _git(project, "remote", "get-url", "origin")
    parsed = _REMOTE.match(remote) if remote else None
    kind = _kind(parsed.group("host")) if parsed else None
    if parsed is None or kind is None:
        return None
    host, path = parsed.group("host"), parsed.group("path")
    url = _usable(f"https://{host}/{path}", "the git remote origin", address, warn)
    return (url, kind, _pages(kind, host, path, warn), "git remote") if url else None


def _slash(url: str | None) -> str | None:
    return url if url is None or url.endswith("/") else url + "/"


def _default_branch(root: Path, env: Mapping[str, str], warn: Callable[[str], None]) -> str:
    """The branch that edits should go to: the repository's default one where it can be known."""
    for name, value in _branches(root, env):
        if value and (branch := _usable(value, name, branch_name, warn)):
            return branch
    return "main"


def _branches(root: Path, env: Mapping[str, str]) -> Iterator[tuple[str, str | None]]:
    """Where the branch may be named, the most telling first; git runs only when no variable has named one."""
    yield "the event of GITHUB_EVENT_PATH", _event_branch(env.get("GITHUB_EVENT_PATH"))
    yield "CI_DEFAULT_BRANCH", env.get("CI_DEFAULT_BRANCH")
    yield "GITHUB_BASE_REF", env.get("GITHUB_BASE_REF")
    if env.get("GITHUB_REF_TYPE") == "branch":
        yield "GITHUB_REF_NAME", env.get("GITHUB_REF_NAME")
    head = _git(root, "symbolic-ref", "--short", "refs/remotes/origin/HEAD")
    yield "the git remote's HEAD", head.removeprefix("origin/") if head else None
    # The branch checked out, even before its first commit; a detached HEAD names none.
    yield "git HEAD", _git(root, "symbolic-ref", "--short", "HEAD")


def _event_branch(path: str | None) -> str | None:
    """The repository's default branch, from the event file of a GitHub Actions job (a regular file, read up to
    MAX_EVENT bytes; opened without waiting, should it be a pipe)."""
    if not path:
        return None
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            text = file.read(MAX_EVENT + 1)
        branch = json.loads(text)["repository"]["default_branch"] if len(text) <= MAX_EVENT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return branch if isinstance(branch, str) else None


def page_url(site_url: str, src_uri: str) -> str:
    """The published address of a page, as MkDocs writes it with `use_directory_urls`."""
    path = PurePosixPath(src_uri)
    if path.name == "index.md":
        folder = path.parent.as_posix()
        return site_url if folder == "." else f"{site_url}{quote(folder)}/"
    return f"{site_url}{quote(path.with_suffix('').as_posix())}/"
