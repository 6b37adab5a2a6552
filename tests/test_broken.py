"""Broken and hostile data: a clear `file:line:col` message, exit code 1, no traceback, the old site untouched."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, opmanual
from opmanual.dataset import load
from opmanual.errors import DataErrors

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "broken/cases.yml").read_text(encoding="utf-8"))
BASE = ROOT / "tests/fixtures/mini"


def make(case: dict[str, Any], folder: Path) -> Path:
    """A copy of the fixture manual in `folder/data` with the case applied."""
    data = folder / "data"
    shutil.copytree(BASE, data)
    path = data / case["file"]
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if "replace" in case:
        pairs = case["replace"] if isinstance(case["replace"][0], list) else [case["replace"]]
        for old, new in pairs:
            assert old in text, (case["name"], old)
            text = text.replace(old, new, 1)
    if "content" in case:
        text = case["content"]
    text += case.get("append", "")
    generate = case.get("generate")
    if case.get("remove"):
        path.unlink()
    elif generate == "tis620":
        path.write_bytes(text.encode("tis-620"))
    elif generate == "huge":
        path.write_text("name: " + "ก" * 1_800_000 + "\n", encoding="utf-8")  # 5.4 MB of UTF-8
    elif generate == "deep":
        path.write_text("name: x\nsteps: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    elif generate == "symlink":
        path.write_text(text, encoding="utf-8")
    elif generate == "deep-steps":
        nested = "".join("  " * depth + "- text: ขั้นตอน\n" + "  " * depth + "  steps:\n" for depth in range(20))
        path.write_text("name: x\nsteps:\n" + nested + "  " * 20 + "- สุดท้าย\n", encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    if generate == "symlink":
        outside = folder / "secret.pdf"
        outside.write_bytes(b"%PDF-1.4 not part of the manual")
        (data / "files/forms/escape.pdf").symlink_to(outside)
    return data


def test_corpus_has_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_loader_reports_the_problem_where_it_is(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataErrors) as caught:
        load(data)
    messages = [str(error) for error in caught.value.errors]
    assert any(re.fullmatch(case["expect"], message) for message in messages), messages


def test_every_broken_case_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    """The real command, for every case: exit 1, the message, no traceback, and site/ exactly as it was."""

    def attempt(index: int) -> str | None:
        case = CASES[index]
        folder = tmp_path / str(index)
        data = make(case, folder)
        site = folder / "site"
        site.mkdir()
        (site / "index.html").write_text("the previous site", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
        result = subprocess.run(
            [sys.executable, "-m", "opmanual", "build", str(data.relative_to(folder)), "--site", "site", "--no-pdf"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        output = result.stdout + result.stderr
        problems = []
        if result.returncode != 1:
            problems.append(f"exit code {result.returncode}")
        if "Traceback" in output:
            problems.append("traceback")
        if not re.search(case["expect"].replace("data/", r"[\w/.-]*data/"), output):
            problems.append("message not shown")
        if (
            sorted(p.name for p in site.iterdir()) != ["index.html"]
            or (site / "index.html").read_text() != "the previous site"
        ):
            problems.append("site changed")
        if (folder / "site.building").exists():
            problems.append("staging folder left behind")
        return f"{case['name']}: {', '.join(problems)}\n{output[-600:]}" if problems else None

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [failure for failure in pool.map(attempt, range(len(CASES))) if failure]
    assert failures == []


def test_a_good_build_replaces_the_site_atomically(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = opmanual(tmp_path, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file() and not (site / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no staging or previous folder left
