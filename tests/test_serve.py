"""`mkdocs serve` rebuilds the site when a YAML file of the data changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
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
