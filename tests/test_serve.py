"""`mkdocs serve` rebuilds the site when a YAML file of the data changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, seconds: float) -> bool:
    return wait_until(url, lambda page: text in page, seconds)


def wait_until(url: str, condition: Callable[[str], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition(fetch(url)):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_reloads_when_data_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples/korat6", data)
    port = free_port()
    env = {**os.environ, "MANUAL_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/people/runya-champamoon/"
    try:
        assert wait_for(url, "รัญญา", 60), "serve did not start"
        person = data / "people/runya-champamoon.yml"
        person.write_text(person.read_text(encoding="utf-8").replace("name: รัญญา", "name: รัญญาทดสอบ"), encoding="utf-8")
        assert wait_for(url, "รัญญาทดสอบ", 30), "the page did not change after the YAML did"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_shows_data_errors_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples/korat6", data)
    port = free_port()
    env = {**os.environ, "MANUAL_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/people/runya-champamoon/"
    person = data / "people/runya-champamoon.yml"
    good = person.read_text(encoding="utf-8")
    try:
        assert wait_for(url, "รัญญา", 60), "serve did not start"
        person.write_text(good + "titel: x\n", encoding="utf-8")
        assert wait_for(url, "unknown key `titel`", 30), "the error is not shown on the page"
        page = fetch(url)
        assert "ข้อมูลผิดพลาด" in page and "runya-champamoon.yml:" in page
        assert "จำปามูล" in page  # the last good data is still served
        assert server.poll() is None  # and the server is still running
        person.write_text(good.replace("name: รัญญา", "name: รัญญาแก้แล้ว"), encoding="utf-8")
        assert wait_for(url, "รัญญาแก้แล้ว", 30)
        assert "unknown key" not in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_survives_files_saved_in_steps_and_files_briefly_gone(tmp_path: Path) -> None:
    """Editors save by truncating and writing, or by writing aside and renaming over the file; an attachment may
    be missing while it is renamed. The server keeps answering, shows the errors over the last good data, and
    clears them when the files are good again."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/fixtures/mini", data)
    port = free_port()
    env = {**os.environ, "MANUAL_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}/people/somchai/"
    person, aside, logo = data / "people/somchai.yml", tmp_path / "somchai.yml", data / "files/logo.png"
    good = person.read_text(encoding="utf-8")
    errors = "ข้อมูลผิดพลาด"
    try:
        assert wait_for(url, "สมชาย", 60), "serve did not start"
        steps: list[tuple[Callable[[], object], str]] = [
            (lambda: person.write_text("", encoding="utf-8"), "the file is empty"),  # truncated, not yet written
            (lambda: person.write_text(good.replace("สมชาย", "สมชายหนึ่ง"), encoding="utf-8"), ""),
            (person.unlink, "is not a known person"),  # deleted; the new copy is written aside
            (lambda: aside.write_text(good, encoding="utf-8"), "is not a known person"),
            (lambda: aside.rename(person), ""),  # and renamed over it
            (lambda: logo.rename(tmp_path / "logo.png"), "`files/logo.png` is not in the data folder"),
            (lambda: (tmp_path / "logo.png").rename(logo), ""),
        ]
        for change, error in steps:
            change()
            if error:
                assert wait_for(url, error, 30), f"the page does not show {error!r}"
                assert "สมชาย" in fetch(url)  # over the last good data
            else:
                assert wait_until(url, lambda page: errors not in page, 30), "the errors are still shown"
            assert server.poll() is None
        assert "สมชายหนึ่ง" not in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
