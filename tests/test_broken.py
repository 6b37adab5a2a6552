"""Broken and hostile data: a clear `file:line:col` message, exit code 1, no traceback, the old site untouched."""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, opmanual
from opmanual.data.dataset import load
from opmanual.errors import DataErrors

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "broken/cases.yml").read_text(encoding="utf-8"))
BASE = ROOT / "tests/fixtures/mini"
# How a case breaks the data besides editing a file's text: a file-system shape or a generated file (see make()).
SHAPES = ("remove", "generate", "link", "fifo", "folder", "loop", "hardlink", "nest", "unreadable")
# The Thai name of the kind of mistake that ends a message, as the expected pattern writes it: `\(ไม่พบไฟล์\)`.
THAI_NAME = re.compile(r"\\\(([^()]*[\u0e00-\u0e7f][^()]*?)\\\)(?:\.\*)?$")


def family(case: dict[str, Any]) -> tuple[str, str]:
    """A case's error family: how it breaks the data (its shape or generated file, or an edit; and whether it plants
    text no output may show), and for an edit, which part of the loader refuses it (the YAML, the model, the
    references). Every case is checked in-process; one of each family through the real command."""
    shapes = [f"generate: {case[key]}" if key == "generate" else key for key in SHAPES if case.get(key) is not None]
    how = shapes[0] if shapes else "edit"
    if "absent" in case:
        how += ", absent"
    if how != "edit":
        return how, "any"
    # An edit ends in one of three places of the loader: the YAML itself, the model's checks, the references.
    named = THAI_NAME.search(case["expect"])
    if "YAML" in case["expect"] or (named and "YAML" in named[1]):
        return how, "YAML"
    return how, "reference" if named and named[1] in ("ไม่พบรหัสที่อ้างถึง", "ไม่พบไฟล์") else "model"


FAMILIES: dict[tuple[str, str], dict[str, Any]] = {}
for _case in CASES:
    FAMILIES.setdefault(family(_case), _case)


def make(case: dict[str, Any], folder: Path) -> Path:
    """A copy of the fixture manual in `folder/data` with the case applied."""
    data = folder / "data"
    shutil.copytree(BASE, data)
    path = data / case["file"]
    edits = {"replace", "append", "content", "generate", "remove"} & set(case)
    text = path.read_text(encoding="utf-8") if path.is_file() and edits - {"content"} else ""
    if "replace" in case:
        pairs = case["replace"] if isinstance(case["replace"][0], list) else [case["replace"]]
        for old, new in pairs:
            assert old in text, (case["name"], old)
            text = text.replace(old, new, 1)
    if "content" in case:
        text = case["content"]
    text += case.get("append", "")
    generate = case.get("generate")
    path.parent.mkdir(parents=True, exist_ok=True)
    if case.get("remove"):
        path.unlink()
    elif generate == "tis620":
        path.write_bytes(text.encode("tis-620"))
    elif generate == "huge":
        path.write_text("name: " + "ก" * 1_800_000 + "\n", encoding="utf-8")  # 5.4 MB of UTF-8
    elif generate == "deep":
        path.write_text("name: x\nsteps: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    elif generate == "deep-steps":
        nested = "".join("  " * depth + "- text: ขั้นตอน\n" + "  " * depth + "  steps:\n" for depth in range(20))
        path.write_text("name: x\nsteps:\n" + nested + "  " * 20 + "- สุดท้าย\n", encoding="utf-8")
    elif generate == "many-names":
        path.write_text(text.replace("@NAMES@", ", ".join(f"โรงเรียน{n}" for n in range(10_001))), encoding="utf-8")
    elif generate == "many-steps":
        path.write_text("name: งานยาว\nsteps:\n" + "  - x\n" * 40_000, encoding="utf-8")
    elif generate == "long-value":
        path.write_text(text.replace("@LONG@", "ก" * 300_000), encoding="utf-8")  # 900 kB of UTF-8
    elif edits:
        path.write_text(text, encoding="utf-8")
    # File-system shapes, made at `at` (default: `file`): `link` (a symbolic link to `link`; with `outside`, the
    # target is a file of that text beside the data folder), `fifo`, `folder` (a folder where a file is expected),
    # `loop` (a link to itself), `hardlink` (a hard link to a file of that text beside the data folder), `nest`
    # (folders that deep), and `unreadable` (a path made unreadable).
    path = data / case.get("at", case["file"])
    path.parent.mkdir(parents=True, exist_ok=True)
    link = case.get("link")
    if link is not None:
        target = Path(link)
        if "outside" in case:
            target = folder / link
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(case["outside"].encode("utf-8", "surrogatepass"))
        remove(path)
        path.symlink_to(target)
    if case.get("fifo"):
        remove(path)
        os.mkfifo(path)
    if case.get("folder"):
        remove(path)
        (path / "inside.yml").parent.mkdir(parents=True)
        (path / "inside.yml").write_text("name: x\n", encoding="utf-8")
    if case.get("loop"):
        remove(path)
        path.symlink_to(path.name)
    if "hardlink" in case:  # a second name, inside the data folder, of a file beside it
        outside = folder / "outside-file"
        outside.write_text(case["hardlink"], encoding="utf-8")
        remove(path)
        os.link(outside, path)
    if "nest" in case:  # folders nested `nest` deep under `at`, with a file at the bottom
        deep = path.joinpath(*["a"] * case["nest"])
        deep.mkdir(parents=True)
        (deep / "note.pdf").write_bytes(b"%PDF-1.4")
    if case.get("unreadable"):
        (data / case["unreadable"]).chmod(0)
    return data


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_loader_reports_the_problem_where_it_is(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    if case.get("unreadable"):  # only an unprivileged process meets the permission
        result = opmanual(tmp_path, "check", "data", unprivileged=True)
        assert result.returncode == 1, result.stdout + result.stderr
        messages = result.stdout.splitlines()
    else:
        with pytest.raises(DataErrors) as caught:
            load(data)
        messages = [str(error) for error in caught.value.errors]
    assert any(re.fullmatch(case["expect"], message) for message in messages), messages
    for secret in [case.get("absent")] if case.get("absent") else []:
        assert not any(secret in message for message in messages)


def test_the_cases_fall_into_families() -> None:
    """The families are read from the cases: file-system shapes, generated files and kinds of message among them."""
    assert len(FAMILIES) >= 15
    assert {how.split(":")[0] for how, _ in FAMILIES} >= {"edit", "link", "fifo", "unreadable", "generate"}
    assert {what for how, what in FAMILIES if how == "edit"} == {"YAML", "model", "reference"}


@pytest.mark.slow
def test_a_broken_case_of_each_family_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    """The real command, for one case of each family (every case is checked in-process above): exit 1, the message,
    no traceback, and site/ exactly as it was."""
    chosen = list(FAMILIES.values())

    def attempt(index: int) -> str | None:
        case = chosen[index]
        folder = tmp_path / str(index)
        data = make(case, folder)
        site = folder / "site"
        site.mkdir()
        (site / "index.html").write_text("the previous site", encoding="utf-8")
        (site / ".opmanual-site").write_text("", encoding="utf-8")
        result = opmanual(
            folder, "build", str(data.relative_to(folder)), "--site", "site", "--no-pdf", unprivileged=True
        )
        output = result.stdout + result.stderr
        problems = []
        if result.returncode != 1:
            problems.append(f"exit code {result.returncode}")
        if "Traceback" in output:
            problems.append("traceback")
        if not re.search(case["expect"].replace("data/", r"[\w/.-]*data/"), output):
            problems.append("message not shown")
        if case.get("absent") and case["absent"] in output:
            problems.append("the content of a file outside the data folder was shown")
        if (
            sorted(p.name for p in site.iterdir()) != [".opmanual-site", "index.html"]
            or (site / "index.html").read_text() != "the previous site"
        ):
            problems.append("site changed")
        if [p.name for p in folder.iterdir() if p.name.startswith(".site")]:
            problems.append("staging folder left behind")
        return f"{case['name']}: {', '.join(problems)}\n{output[-600:]}" if problems else None

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [failure for failure in pool.map(attempt, range(len(chosen))) if failure]
    assert failures == []


@pytest.mark.slow
def test_a_good_build_replaces_the_site_atomically(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    site = tmp_path / "site"
    site.mkdir()
    (site / ".opmanual-site").write_text("", encoding="utf-8")
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = opmanual(tmp_path, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file() and not (site / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no staging or previous folder left
