"""Repository and site addresses are input: from mkdocs.yml (refused when bad, exit 2), from the CI's environment or
the git remote (left out with a warning); never placed in a page unless they are plain http(s) addresses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, opmanual
from opmanual.render import repo
from opmanual.render.qr import qr_svg
from opmanual.render.repo import MAX_ADDRESS, BadAddress, address, branch_name, find, page_url

GOOD = [
    "https://github.com/office5/opmanual",
    "http://gitlab.example.org:8443/group/sub/manual",
    "https://ศึกษา.example/คู่มือ/",
    "https://[2001:db8::1]/manual",
    "https://192.0.2.7/m",
]
BAD = {
    "javascript:alert(1)": "only http:// and https:// addresses are linked",
    "javascript://github.com/%0Aalert(1)": "only http:// and https:// addresses are linked",
    "data:text/html,x": "only http:// and https:// addresses are linked",
    'https://github.com/o/r"><script>alert(1)</script>': "which an address cannot",
    "https://github.com/o/r' onmouseover='x": "which an address cannot",
    "https://github.com/o/r\nX-Injected: 1": "which an address cannot",
    "https://github.com/o/r\\x": "which an address cannot",
    "https://github.com/o/\u202eevil": "which an address cannot",
    "https://github.com/o/r<x": "which an address cannot",
    "https://user:token@github.com/o/r": "it holds a user name or password, which would be published",
    "https://github.com/o/r?tab=x": "it has a query (?) or a fragment (#)",
    "https://github.com/o/r#x": "it has a query (?) or a fragment (#)",
    "https://exa_mple.org/r": "is not a host name",
    "https://-bad.org/r": "is not a host name",
    "https://github.com:99999/r": "its port is not a number from 0 to 65535",
    "https:///r": "only http:// and https:// addresses are linked",
    "https://github.com/" + "a" * 120_000: "it is 120019 characters long; an address may have 500",
}


@pytest.mark.parametrize("text", GOOD)
def test_plain_web_addresses_are_accepted(text: str) -> None:
    assert address(text) == text


@pytest.mark.parametrize(("text", "reason"), BAD.items())
def test_addresses_that_could_act_in_a_page_are_refused(text: str, reason: str) -> None:
    with pytest.raises(BadAddress, match=reason.replace("?", r"\?").replace("(", r"\(").replace(")", r"\)")):
        address(text)


@pytest.mark.parametrize("name", ["main", "release/2568", "feature_x-1.2"])
def test_branch_names_git_allows_are_accepted(name: str) -> None:
    assert branch_name(name) == name


@pytest.mark.parametrize("name", ["", "a" * 256, "a b", "a..b", "-x", "x.lock", "a\nb", "a~1", "x/", "@{u}x"])
def test_branch_names_git_refuses_are_refused(name: str) -> None:
    with pytest.raises(BadAddress):
        branch_name(name)


def test_the_longest_site_address_still_makes_a_qr_code() -> None:
    """A site address of MAX_ADDRESS characters, three bytes each in UTF-8, and a process id of 100 characters."""
    site = "https://example.org/" + "ก" * (MAX_ADDRESS - len("https://example.org/") - 1) + "/"
    url = page_url(address(site), f"processes/{'a' * 100}.md")
    assert len(url.encode()) > 1500
    assert "<svg" in qr_svg(url, "online")


def found(tmp_path: Path, env: dict[str, str], **mkdocs: str) -> tuple[repo.Repository | None, list[str]]:
    warnings: list[str] = []
    settings = {"repo_url": None, "edit_uri": None, "site_url": None, **mkdocs}
    result = find(tmp_path, settings["repo_url"], settings["edit_uri"], settings["site_url"], env, warn=warnings.append)
    return result, warnings


def test_a_bad_repository_from_the_ci_is_left_out_with_a_warning(tmp_path: Path) -> None:
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": 'o/r"><script>alert(1)</script>'}
    result, warnings = found(tmp_path, env)
    assert result is None
    assert warnings == [
        "GITHUB_REPOSITORY = 'o/r\"><script>alert(1)</script>': a GitHub repository is named owner/name, in "
        "letters, digits, '-', '_' and '.'; left out"
    ]
    result, warnings = found(
        tmp_path, {**env, "GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "o/r"}
    )
    assert result is None
    assert warnings == [
        "GITHUB_SERVER_URL = 'javascript:alert(1)//': only http:// and https:// addresses are linked; left out"
    ]


def test_the_next_source_is_tried_after_a_bad_one(tmp_path: Path) -> None:
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "bad name",
        "CI_PROJECT_URL": "https://gitlab.com/spm9/manual",
        "CI_PAGES_URL": "https://spm9.gitlab.io/manual?x=<b>",
        "CI_DEFAULT_BRANCH": "a" * 100_000,
        "GITHUB_BASE_REF": "trunk",
    }
    result, warnings = found(tmp_path, env)
    assert result is not None
    assert (result.url, result.kind, result.site_url, result.branch) == (
        "https://gitlab.com/spm9/manual", "gitlab", None, "trunk"
    )  # fmt: skip
    assert [warning.split(" = ")[0] for warning in warnings] == [
        "GITHUB_REPOSITORY",
        "CI_PAGES_URL",
        "CI_DEFAULT_BRANCH",
    ]
    assert all(len(warning) < 300 for warning in warnings)


def test_a_long_project_address_is_left_out(tmp_path: Path) -> None:
    result, warnings = found(tmp_path, {"CI_PROJECT_URL": "https://gitlab.com/" + "a" * 120_000})
    assert result is None
    assert warnings[0].endswith(": it is 120019 characters long; an address may have 500; left out")


def test_a_remote_with_a_token_is_linked_without_it_and_a_hostile_one_is_left_out(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    remote = ["git", "-C", str(tmp_path), "remote", "add", "origin"]
    subprocess.run([*remote, "https://gitlab-ci-token:glpat-SECRET@gitlab.com/spm9/manual.git"], check=True)
    result, warnings = found(tmp_path, {})
    assert result is not None and result.url == "https://gitlab.com/spm9/manual" and warnings == []
    assert "SECRET" not in repr(result)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "set-url", "origin", 'https://github.com/o/r"x'], check=True)
    result, warnings = found(tmp_path, {})
    assert result is None and warnings[0].startswith("the git remote origin = ")


def test_a_hostile_event_file_is_not_read_whole(tmp_path: Path) -> None:
    fifo = tmp_path / "event"
    os.mkfifo(fifo)  # would block a reader that waits for a writer
    env = {"CI_PROJECT_URL": "https://gitlab.com/g/m", "GITHUB_EVENT_PATH": str(fifo), "CI_DEFAULT_BRANCH": "dev"}
    result, _ = found(tmp_path, env)
    assert result is not None and result.branch == "dev"


@pytest.mark.parametrize(
    ("setting", "value", "reason"),
    [
        ("repo_url", 'https://github.com/o/r"onmouseover="alert(1)', "which an address cannot"),
        ("repo_url", "https://user:pw@github.com/o/r", "it holds a user name or password"),
        ("site_url", "http://example.org/" + "x" * 600, "characters long; an address may have 500"),
        ("edit_uri", 'edit/main/docs/"><img src=x onerror=alert(1)>', "which an address cannot"),
    ],
)
def test_a_bad_address_in_mkdocs_yml_is_refused(tmp_path: Path, setting: str, value: str, reason: str) -> None:
    with pytest.raises(BadAddress, match=f"mkdocs.yml: {setting} = .*: .*{reason}"):
        found(tmp_path, {}, **{setting: value})


# Whole builds


def pages_of(site: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html"))


@pytest.mark.slow
def test_a_hostile_ci_environment_reaches_no_page(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests/fixtures/mini", tmp_path / "data")
    result = opmanual(
        tmp_path, "build", "data", "--site", "site", "--no-pdf",
        GITHUB_SERVER_URL="javascript:alert(1)//",
        GITHUB_REPOSITORY='o/r"><script>alert(1)</script>',
        CI_PROJECT_URL="https://gitlab.com/" + "a" * 120_000,
        CI_PAGES_URL="javascript:alert(2)",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    html = pages_of(tmp_path / "site")
    assert "<script>alert" not in html and "javascript:alert" not in html and "aaaaaaaaaa" not in html
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
    assert not [href for href in hrefs if str(href).startswith(("javascript", "data:"))]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3 and all("; left out" in line for line in warnings)


@pytest.mark.slow
def test_a_bad_address_in_mkdocs_yml_stops_the_build(tmp_path: Path) -> None:
    for name in ("hooks", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config + 'repo_url: "https://github.com/o/r\\"><b>x"\n', encoding="utf-8")
    shutil.copytree(ROOT / "tests/fixtures/mini", tmp_path / "data")
    result = opmanual(
        tmp_path, "build", "data", "--site", "site", "--no-pdf", MANUAL_CONFIG=str(tmp_path / "mkdocs.yml")
    )
    assert result.returncode == 2
    assert "refusing the address: mkdocs.yml: repo_url = " in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()
    direct = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")],
        env={**os.environ, "MANUAL_DATA": str(tmp_path / "data"), "MANUAL_SITE": str(tmp_path / "site2")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert direct.returncode == 2 and "refusing the address: mkdocs.yml: repo_url" in direct.stderr
