"""Data format versions: the shape of the data files a version of opmanual reads, and the way from one to the next.

`format:` in office.yml says which format a data folder is written in. This version reads `CURRENT`; a folder in an
older format is refused with the command that brings it up to date (`opmanual migrate`), a folder in a newer one with
the advice to install the opmanual it was written for, so that no version reads data it does not understand and
shows it differently without a word.

Every change of the format ships with its migration, `MIGRATIONS[n]`: it takes the texts of a folder in format n to
format n + 1 and says what it changed. Migrations edit the text, not the values read from it (comments, quoting, key
order and line endings stay, as in `check --fix`), and each has a fixture folder in its old format
(tests/fixtures/formats/) that the tests migrate and compare with the current one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import __version__
from ..errors import DataError, ErrorList, display, printable
from ..thai import ARABIC_DIGITS
from . import kinds
from .files import FileProblem, read_bytes
from .loader import MAX_BYTES, read_yaml
from .yamledit import EditError, edit

CURRENT = 1
KEY = "format"
OFFICE_FILE = kinds.OFFICE.name


class Unreadable(Exception):
    """A file of the folder that a migration cannot read; the message names it and says why."""


@dataclass(frozen=True)
class Written:
    """The format a folder says it is written in (0: before formats had numbers, no `format:`), and its line."""

    format: int
    line: tuple[int, int]


def written_in(root: Path) -> Written | None:
    """The format of the data folder `root`; None when office.yml cannot be read or its `format:` is not a whole
    number (the load reports why)."""
    read = read_yaml(root / OFFICE_FILE, ErrorList(root))
    if read is None or not isinstance(read[0], dict):
        return None
    data, source = read
    if KEY not in data:
        return Written(0, (1, 1))
    value = data[KEY]
    if not isinstance(value, str) or not re.fullmatch(r"[0-9๐-๙]{1,9}", value.strip()):
        return None
    number = int(value.strip().translate(ARABIC_DIGITS))
    return Written(number, source.line((KEY,))) if number >= 1 else None  # 0 is written by no version


def refused(root: Path) -> list[DataError]:
    """The error that stops a load of a folder in another format than this version's; none when it is this one."""
    written = written_in(root)
    if written is None or written.format == CURRENT:
        return []
    errors = ErrorList(root)
    errors.add(root / OFFICE_FILE, written.line, mismatch(root, written.format))
    return errors.errors


def mismatch(root: Path, written: int) -> str:
    """Why a folder in format `written` is not read, and what to do, in plain words."""
    if written < CURRENT:
        what = (
            "has no `format:` (it was written before data formats had numbers)"
            if not written
            else (f"is written in data format {written}")
        )
        return (
            f"the data {what}, and opmanual {__version__} reads format {CURRENT}: run `opmanual migrate "
            f"{printable(display(root))}` to bring it up to date (ข้อมูลเป็นรูปแบบเก่า ให้สั่ง opmanual migrate)"
        )
    return (
        f"the data is written in data format {written}, newer than opmanual {__version__} reads (format {CURRENT}): "
        "install the opmanual version named in requirements.txt (ข้อมูลเป็นรูปแบบใหม่กว่าโปรแกรม ให้ปรับรุ่น opmanual)"
    )


# A migration: the texts of the folder's YAML files (by path) in format n → the changed texts and what changed, in
# one line each. It raises EditError when a file is written in a way it cannot change safely.
Migration = Callable[[dict[Path, str]], tuple[dict[Path, str], list[str]]]


def _add_format_key(texts: dict[Path, str]) -> tuple[dict[Path, str], list[str]]:
    """0 → 1: office.yml gets `format: 1`, as its last line (no line above it moves, so the lines `check` named
    before stay the lines it names)."""
    (path,) = (path for path in texts if path.name == OFFICE_FILE)
    text = texts[path]
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    changed = f"{text}{KEY}: 1{newline}"
    before = yaml.safe_load(texts[path])
    try:
        after = yaml.safe_load(changed)
    except yaml.YAMLError:
        after = None
    if not isinstance(before, dict) or after != {**before, KEY: 1}:
        raise EditError("adding `format: 1` at its end would change what the file holds; add it as a line by hand")
    line = changed.count("\n") if changed.endswith("\n") else changed.count("\n") + 1
    return {path: changed}, [f"{printable(display(path))}:{line}: added `format: 1` (ระบุรุ่นของรูปแบบข้อมูล)"]


MIGRATIONS: dict[int, Migration] = {0: _add_format_key}


def _set_format(texts: dict[Path, str], version: int) -> dict[Path, str]:
    """office.yml's `format:` set to `version`, nothing else changed (after a migration that kept the old number)."""
    (path,) = (path for path in texts if path.name == OFFICE_FILE)
    data: Any = yaml.safe_load(texts[path])
    if isinstance(data, dict) and str(data.get(KEY)) == str(version):
        return {}
    return {path: edit(texts[path], {(KEY,): lambda _: str(version)})}


def texts_of(root: Path) -> dict[Path, str]:
    """The text of every YAML file of the data folder `root` (a migration may change any of them), read as the loader
    reads them; raises Unreadable for one that cannot be read."""
    paths = [root / OFFICE_FILE, root / kinds.REFERENCES.name]
    for folder in ("people", "processes"):
        if (root / folder).is_dir():
            paths += sorted(path for path in (root / folder).glob("*.yml") if not path.name.startswith("."))
    texts = {}
    for path in paths:
        if path.name == kinds.REFERENCES.name and not path.exists():
            continue
        try:
            texts[path] = read_bytes(path, root, MAX_BYTES).decode("utf-8").removeprefix("\ufeff")
        except FileProblem as exc:
            raise Unreadable(f"{printable(display(path))}: the file {exc.message}") from None
        except UnicodeDecodeError:
            raise Unreadable(f"{printable(display(path))}: the file is not UTF-8 text; save it as UTF-8") from None
    return texts


def migrate(texts: dict[Path, str], written: int) -> tuple[dict[Path, str], list[str]]:
    """Every migration from format `written` to CURRENT over `texts`: the files that changed, their new texts, and
    what changed. Raises EditError when a file cannot be changed safely (nothing is written then)."""
    changed: dict[Path, str] = {}
    said: list[str] = []
    for version in range(written, CURRENT):
        current = {**texts, **changed}
        step, lines = MIGRATIONS[version](current)
        changed.update(step)
        changed.update(_set_format({**current, **step}, version + 1))
        said += lines
    return changed, said
